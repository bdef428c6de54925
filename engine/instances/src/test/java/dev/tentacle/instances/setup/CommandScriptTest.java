package dev.tentacle.instances.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandScriptTest {
    static final class Script extends CommandScript {
        Script(List<Command> commands) {
            super(commands);
        }

        static Script of(OperatingSystem os, String secret) {
            return new Script(List.of(Command.builder(syntax(os), "tentacle").add("create-instance", "--instance",
                    "Web 01").build(), Command.builder(syntax(os), "tentacle").add("register-with", "--apiKey")
                    .addSecret(secret).build()));
        }
    }

    @Test
    void secretsAreMaskedUnlessAskedFor() {
        Script script = Script.of(OperatingSystem.LINUX, "API-SECRET");

        assertThat(script.hasSecrets()).isTrue();
        assertThat(script.render(false)).doesNotContain("API-SECRET").contains("********")
                .endsWith(System.lineSeparator());
        assertThat(script.render(true)).contains("API-SECRET");
        assertThat(script.render(true).lines()).hasSize(2);
        assertThat(new Script(List.of(script.commands().getFirst())).hasSecrets()).isFalse();
    }

    @Test
    void instanceNamesWithSpacesAreQuotedInMessages() {
        assertThat(CommandScript.quoted("Web 01")).isEqualTo("\"Web 01\"");
        assertThat(CommandScript.quoted("Web01")).isEqualTo("Web01");
    }
}
