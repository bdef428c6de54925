package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SystemdUnitNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Tentacle        | tentacle-Tentacle.service
            Web01           | tentacle-Web01.service
            my-agent        | tentacle-my-agent.service
            My Instance     | tentacle-My\\x20Instance.service
            a/b\\c          | tentacle-a\\x2fb\\x5cc.service
            x.y:z_w         | tentacle-x.y:z_w.service
            Café            | tentacle-Caf\\xc3\\xa9.service
            100%            | tentacle-100\\x25.service
            """)
    void escapesEverythingButSafeCharacters(String instanceName, String expected) {
        assertThat(SystemdUnitNames.unitName(ServiceName.tentacle(instanceName))).isEqualTo(expected);
    }

    @Test
    void octopusServerUnitsHaveTheirOwnPrefix() {
        assertThat(SystemdUnitNames.unitName(ServiceName.octopusServer("Main Node")))
                .isEqualTo("octopus-server-Main\\x20Node.service");
    }

    @Test
    void namesThatLookAlikeStillGetDifferentUnits() {
        Set<String> units = new HashSet<>();
        for (String name : new String[] {"My Instance", "My_Instance", "My-Instance", "My\\x20Instance", "my instance",
                "My.Instance", "My/Instance"}) {
            units.add(SystemdUnitNames.unitName(ServiceName.tentacle(name)));
        }
        assertThat(units).hasSize(7);
    }

    @Test
    void aNameTooLongForSystemdSaysToChooseAShorterOne() {
        String name = "é".repeat(60);

        assertThatThrownBy(() -> SystemdUnitNames.unitName(ServiceName.tentacle(name)))
                .isInstanceOf(ServiceManagerException.class)
                .hasMessageContaining("systemd allows at most 255")
                .hasMessageContaining("choose a shorter instance name");
    }

    @Test
    void theLongestAcceptedNameFitsExactly() {
        // 13 escaped spaces (4 characters each) and 186 letters: 9 + 13 * 4 + 186 + 8 = 255.
        String name = "a ".repeat(13) + "a".repeat(173);

        assertThat(SystemdUnitNames.unitName(ServiceName.tentacle(name))).hasSize(SystemdUnitNames.LONGEST_UNIT_NAME);
    }

    /** Where the machine has systemd-escape, ours matches it except that '-' stays readable. */
    @ParameterizedTest
    @ValueSource(strings = {"Web01", "My Instance", "Café 42", "a:b_c.d", "tab\\here", "quote\"d", "100% $x", "日本"})
    void matchesSystemdEscapeApartFromTheDash(String instanceName) {
        ProcessCommandRunner runner = new ProcessCommandRunner(ExecutableSearchPath.fromEnvironment(),
                Duration.ofSeconds(30));
        assumeTrue(runner.locate("systemd-escape").isPresent(), "systemd-escape is not installed on this machine");

        CommandResult result = runner.run(Command.posix("systemd-escape", "--", instanceName));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(SystemdUnitNames.escape(instanceName)).isEqualTo(result.stdout().strip());
    }

    @Test
    void keepsTheDashThatSystemdEscapeWouldEscape() {
        assertThat(SystemdUnitNames.escape("my-agent")).isEqualTo("my-agent");
    }
}
