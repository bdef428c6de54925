package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptServiceV2;
import dev.tentacle.contracts.scripts.StartScriptCommand;
import dev.tentacle.contracts.scripts.StartScriptCommandV2;
import dev.tentacle.contracts.scripts.ScriptTicket;
import dev.tentacle.contracts.scripts.ScriptStatusRequest;
import dev.tentacle.contracts.scripts.ScriptIsolationLevel;
import dev.tentacle.contracts.scripts.ScriptSyntax;
import dev.tentacle.contracts.scripts.ScriptFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptContractsTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "0b5c0e5e-8f8e-4c41-9a3e-8c9f3f6d2a11", "ServerTasks-123_4.5", "a..b"})
    void acceptsSafeTickets(String value) {
        assertThat(new ScriptTicket(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "..", "../etc", "a/b", "a\\b", "/abs", ".hidden", "-dash", "ends.", "CON", "nul.txt", "com1",
            "with space", "tab\there", "über"})
    void rejectsTicketsThatAreNotPlainSafeDirectoryNames(String value) {
        assertThatThrownBy(() -> new ScriptTicket(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A script ticket is 1 to 100 letters, digits");
    }

    @Test
    void rejectsOverlongAndMissingTickets() {
        assertThat(ScriptTicket.isValid("a".repeat(100))).isTrue();
        assertThat(ScriptTicket.isValid("a".repeat(101))).isFalse();
        assertThat(ScriptTicket.isValid(null)).isFalse();
    }

    @Test
    void newTicketsAreValidAndDistinct() {
        assertThat(ScriptTicket.newTicket()).isNotEqualTo(ScriptTicket.newTicket());
    }

    @Test
    void aStartCommandFillsInOctopusDefaults() {
        StartScriptCommand command = new StartScriptCommand("echo", ScriptSyntax.BASH, null, " ", null, null, null);

        assertThat(command.isolation()).isEqualTo(ScriptIsolationLevel.FULL_ISOLATION);
        assertThat(command.isolationMutexName()).isEqualTo(StartScriptCommand.DEFAULT_MUTEX_NAME);
        assertThat(command.isolationTimeout()).isNull();
        assertThat(command.arguments()).isEmpty();
        assertThat(command.files()).isEmpty();
    }

    @Test
    void aV2CommandCarriesTheSameScriptAsItsV1Form() {
        ScriptTicket ticket = ScriptTicket.newTicket();
        StartScriptCommand v1 = StartScriptCommand.of(ScriptSyntax.BASH, "echo $1").withArguments("x")
                .withIsolation(ScriptIsolationLevel.NO_ISOLATION, "m", Duration.ofSeconds(5));

        StartScriptCommandV2 v2 = StartScriptCommandV2.of(ticket, v1);

        assertThat(v2.ticket()).isEqualTo(ticket);
        assertThat(v2.script()).isEqualTo(v1);
    }

    @Test
    void rejectsAStartWithoutTicketSyntaxOrWithANegativeTimeout() {
        assertThatThrownBy(() -> StartScriptCommandV2.of(null, StartScriptCommand.of(ScriptSyntax.BASH, "")))
                .hasMessageContaining("ScriptServiceV2 needs the caller's ticket");
        assertThatThrownBy(() -> StartScriptCommand.of(null, "echo")).hasMessageContaining("say which shell runs the script");
        assertThatThrownBy(() -> StartScriptCommand.of(ScriptSyntax.BASH, "").withIsolation(null, null, Duration.ofSeconds(-1)))
                .hasMessageContaining("cannot be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "a/b", "a\\b", "c:stream", "script.sh", "STATE.JSON", "output.log"})
    void rejectsScriptFilesThatAreNotPlainFreeFileNames(String name) {
        assertThatThrownBy(() -> ScriptFile.ofText(name, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A script file needs a plain file name");
    }

    @Test
    void rejectsTwoScriptFilesWithTheSameName() {
        assertThatThrownBy(() -> StartScriptCommand.of(ScriptSyntax.BASH, "").withFiles(ScriptFile.ofText("a.txt", "1"), ScriptFile.ofText("A.TXT", "2")))
                .hasMessageContaining("Two script files are named 'A.TXT'");
    }

    @Test
    void rejectsANegativeLogSequence() {
        assertThatThrownBy(() -> new ScriptStatusRequest(ScriptTicket.newTicket(), -1)).hasMessageContaining("lastLogSequence is 0");
    }
}
