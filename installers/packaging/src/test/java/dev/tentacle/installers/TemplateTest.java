package dev.tentacle.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void fillsEveryPlaceholder() {
        String text = Template.of("t", "exec @CLI@ \"$@\" # @CLI@ for @TITLE@").render(Map.of("CLI", "tentacle",
                "TITLE", "Tentacle"));

        assertThat(text).isEqualTo("exec tentacle \"$@\" # tentacle for Tentacle");
    }

    @Test
    void leavesShellArraysAndAddressesAlone() {
        String shell = "for s in \"${steps[@]}\"; do echo \"$@\"; done # a@b.example";

        assertThat(Template.of("t", shell).render(Map.of())).isEqualTo(shell);
    }

    @Test
    void aDoubledAtIsOneAt() {
        assertThat(Template.of("t", "user@@host").render(Map.of())).isEqualTo("user@host");
    }

    @Test
    void valuesAreNotReadAsReplacementPatterns() {
        assertThat(Template.of("t", "cp=@CP@").render(Map.of("CP", "$app/a.jar:\\x")))
                .isEqualTo("cp=$app/a.jar:\\x");
    }

    @Test
    void namesEveryPlaceholderWithoutAValue() {
        assertThatThrownBy(() -> Template.of("launcher", "@A@ @B@ @C@").render(Map.of("B", "b")))
                .isInstanceOf(PackagingException.class)
                .hasMessage("The template launcher uses [A, C] but no value was given for them.");
    }

    @Test
    void aMissingResourceSaysToRebuildTheTool() {
        assertThatThrownBy(() -> Template.resource("linux/no-such-template"))
                .hasMessageContaining("missing from the packaging tool's jar");
    }
}
