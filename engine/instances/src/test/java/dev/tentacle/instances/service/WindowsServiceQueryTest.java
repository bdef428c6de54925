package dev.tentacle.instances.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowsServiceQueryTest {
    private static final Command QUERY = Command.windows("sc.exe", "query", "OctopusDeploy Tentacle");

    @ParameterizedTest
    @CsvSource(textBlock = """
            1  STOPPED,          STOPPED
            2  START_PENDING,    UNKNOWN
            3  STOP_PENDING,     UNKNOWN
            4  RUNNING,          RUNNING
            7  PAUSED,           UNKNOWN
            """)
    void mapsTheStateNumber(String state, ServiceStatus.State expected) {
        CommandResult result = new CommandResult(QUERY, 0, "SERVICE_NAME: OctopusDeploy Tentacle\n"
                + "        TYPE               : 10  WIN32_OWN_PROCESS\n"
                + "        STATE              : " + state + "\n", "");

        assertThat(WindowsServiceQuery.parse(result).state()).isEqualTo(expected);
    }

    @Test
    void exitCode1060MeansNotInstalled() {
        assertThat(WindowsServiceQuery.parse(new CommandResult(QUERY, 1060, "FAILED 1060", "")))
                .isEqualTo(ServiceStatus.notInstalled());
    }

    @Test
    void anythingElseIsUnknownAndQuotesTheAnswer() {
        ServiceStatus status = WindowsServiceQuery.parse(new CommandResult(QUERY, 5, "Access is denied.", ""));

        assertThat(status.state()).isEqualTo(ServiceStatus.State.UNKNOWN);
        assertThat(status.detail()).contains("exit code 5").contains("Access is denied.");
    }
}
