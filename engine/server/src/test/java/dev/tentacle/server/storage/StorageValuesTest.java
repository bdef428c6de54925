package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.apikeys.ApiKeyId;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.machines.MachinePolicyId;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.server.storage.tasks.TaskId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records callers build before anything is stored check what they are given. */
class StorageValuesTest {

    private static final Thumbprint THUMBPRINT = new Thumbprint("A".repeat(40));

    @Test
    void idsReadAndShowTheOctopusForm() {
        assertThat(MachineId.parse("Machines-12")).isEqualTo(new MachineId(12));
        assertThat(MachineId.parse("machines-12")).isEqualTo(new MachineId(12));
        assertThat(MachineId.parse("12")).hasToString("Machines-12");
        assertThat(TaskId.parse("ServerTasks-3")).hasToString("ServerTasks-3");
        assertThat(MachinePolicyId.parse("2")).hasToString("MachinePolicies-2");
        assertThat(ApiKeyId.parse("APIKeys-9")).hasToString("APIKeys-9");
        assertThatThrownBy(() -> MachineId.parse("Tentacles-12"))
                .hasMessageContaining("'Tentacles-12' is not an id of the form Machines-<number>");
        assertThatThrownBy(() -> new TaskId(0)).hasMessageContaining("ids start at 1");
    }

    @Test
    void aListeningMachineNeedsAnHttpsUri() {
        assertThatThrownBy(() -> NewMachine.listening("web01", URI.create("http://web01:10933/"), THUMBPRINT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Machine 'web01' is listening so its URI must look like https://host:10933/");
    }

    @Test
    void aPollingMachineNeedsAPollUri() {
        assertThatThrownBy(() -> new NewMachine("laptop", CommunicationStyle.POLLING, URI.create("https://laptop:10933/"),
                THUMBPRINT, List.of(), List.of(), List.of(), null))
                .hasMessageContaining("is polling so its URI must look like poll://subscription-id/");
    }

    @Test
    void namesMustBeReadable() {
        URI uri = URI.create("https://web01:10933/");
        assertThatThrownBy(() -> NewMachine.listening("  ", uri, THUMBPRINT)).hasMessageContaining("machine name is required");
        assertThatThrownBy(() -> NewMachine.listening("x".repeat(201), uri, THUMBPRINT))
                .hasMessageContaining("at most 200 characters");
        assertThatThrownBy(() -> NewMachine.listening("web\n01", uri, THUMBPRINT))
                .hasMessageContaining("contains control characters");
        assertThatThrownBy(() -> NewMachine.listening("web01", uri, THUMBPRINT).withRoles("web", " "))
                .hasMessageContaining("role name is required");
        assertThat(NewMachine.listening("  web01 ", uri, THUMBPRINT).name()).isEqualTo("web01");
    }

    @Test
    void policySettingsStayWithinUsefulRanges() {
        MachinePolicySettings defaults = MachinePolicySettings.defaults("Custom");

        assertThat(defaults.rpcRetryDuration()).isEqualTo(Duration.ofSeconds(150));
        assertThat(defaults.rpcRetryEnabled()).isTrue();
        assertThat(defaults.healthCheckInterval()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> defaults.withHealthCheckInterval(Duration.ofSeconds(30)))
                .hasMessageContaining("between 1 minute and 31 days");
        assertThatThrownBy(() -> defaults.withRpcRetryDuration(Duration.ZERO))
                .hasMessageContaining("must be positive")
                .hasMessageContaining("switch retries off instead");
        assertThatThrownBy(() -> defaults.withRpcRetryDuration(Duration.ofDays(2)))
                .hasMessageContaining("at most PT24H");
    }
}
