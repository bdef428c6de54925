package dev.tentacle.instances.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"Tentacle", "OctopusServer", "web-01", "web_01", "Web Server 2", "db.example.com", "7",
            "a-", "a_", "CONSOLE", "COM10", "LPTX"})
    void acceptsValidNames(String name) {
        assertThat(InstanceName.problem(name)).isEmpty();
        assertThat(InstanceName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {" Tentacle", "Tentacle ", "Tentacle.", ".hidden", "..", ".", "-dash", "_under",
            "a/b", "a\\b", "a:b", "tab\there", "new\nline", "ünïcödé", "semi;colon", "quote\"d", "star*"})
    void refusesNamesWithOtherCharactersOrBadEnds(String name) {
        assertThat(InstanceName.problem(name)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("is not a valid instance name", "letters, digits, spaces, '-', '_' and '.'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Nul", "COM1", "lpt9", "aux.web", "PRN 2"})
    void refusesWindowsDeviceNames(String name) {
        assertThat(InstanceName.problem(name)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("Windows reserves"));
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "null"}, nullValues = "null")
    void refusesAMissingName(String name) {
        assertThat(InstanceName.problem(name)).contains("An instance name is required, such as Tentacle or web-01.");
    }

    @ParameterizedTest
    @CsvSource({"64, true", "65, false"})
    void limitsTheLength(int length, boolean valid) {
        assertThat(InstanceName.isValid("a".repeat(length))).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"Tentacle, tentacle, true", "WEB-01, web-01, true", "web-01, web-02, false"})
    void namesAreTheSameRegardlessOfCase(String a, String b, boolean same) {
        assertThat(InstanceName.same(a, b)).isEqualTo(same);
    }
}
