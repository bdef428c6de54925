package dev.tentacle.installers.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebianPackageTest {
    @Test
    void wrapsTheLongDescriptionIndentedByOneSpace() {
        String text = "Tentacle is the agent an Octopus Server deploys through: it runs scripts and transfers files "
                + "for the server, which it trusts by certificate thumbprint.";

        String description = DebianPackage.description(text);

        assertThat(description.lines()).allSatisfy(line -> {
            assertThat(line).startsWith(" ").doesNotStartWith("  ");
            assertThat(line.length()).isLessThanOrEqualTo(79);
        });
        assertThat(description.replace("\n", "").replace("  ", " ").strip()).isEqualTo(text);
    }
}
