package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.retry.RetryPolicy;
import dev.tentacle.server.storage.machines.MachinePolicy;
import dev.tentacle.server.storage.machines.MachinePolicyId;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Machine policies, on every database. */
abstract class MachinePolicyContract extends StorageContract {

    @Test
    void everyDatabaseStartsWithTheBuiltInDefaultPolicy() {
        MachinePolicy policy = storage.machinePolicies().defaultPolicy();

        assertThat(policy.name()).isEqualTo("Default Machine Policy");
        assertThat(policy.builtIn()).isTrue();
        assertThat(policy.settings().healthCheckInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.settings().rpcRetryEnabled()).isTrue();
        assertThat(policy.settings().rpcRetryDuration()).isEqualTo(Duration.ofMinutes(2).plusSeconds(30));
        assertThat(policy.retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(storage.machinePolicies().list()).containsExactly(policy);
    }

    @Test
    void storesAPolicyAndFindsItByNameIgnoringCase() {
        MachinePolicySettings settings = new MachinePolicySettings("Flaky Network", Duration.ofMinutes(10), true,
                Duration.ofMinutes(10));

        MachinePolicy added = storage.machinePolicies().add(settings);

        assertThat(added.settings()).isEqualTo(settings);
        assertThat(added.builtIn()).isFalse();
        assertThat(storage.machinePolicies().get(added.id())).contains(added);
        assertThat(storage.machinePolicies().findByName("FLAKY NETWORK")).contains(added);
        assertThat(storage.machinePolicies().list()).extracting(MachinePolicy::name)
                .containsExactly("Default Machine Policy", "Flaky Network");
    }

    @Test
    void aPolicyWithRetriesOffGivesADisabledRetryPolicy() {
        MachinePolicy added = storage.machinePolicies().add(MachinePolicySettings.defaults("Fail fast")
                .withRpcRetryEnabled(false));

        assertThat(added.retryPolicy().enabled()).isFalse();
        assertThat(storage.machinePolicies().get(added.id()).orElseThrow().settings().rpcRetryEnabled()).isFalse();
    }

    @Test
    void rejectsASecondPolicyWithTheSameNameIgnoringCase() {
        assertThatThrownBy(() -> storage.machinePolicies().add(MachinePolicySettings.defaults("default machine POLICY")))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("A machine policy named 'default machine POLICY' already exists");
    }

    @Test
    void updatesAPolicyIncludingTheBuiltInOne() {
        MachinePolicy builtIn = storage.machinePolicies().defaultPolicy();

        MachinePolicy updated = storage.machinePolicies().update(builtIn.id(),
                builtIn.settings().withRpcRetryDuration(Duration.ofMinutes(5)).withHealthCheckInterval(Duration.ofMinutes(30)));

        assertThat(updated.settings().rpcRetryDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(updated.settings().healthCheckInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(updated.builtIn()).isTrue();
        assertThat(storage.machinePolicies().defaultPolicy()).isEqualTo(updated);
    }

    @Test
    void updatingAMissingPolicySaysSo() {
        assertThatThrownBy(() -> storage.machinePolicies().update(new MachinePolicyId(404),
                MachinePolicySettings.defaults("Ghost")))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("There is no machine policy MachinePolicies-404");
    }

    @Test
    void theBuiltInPolicyCannotBeRemoved() {
        MachinePolicy builtIn = storage.machinePolicies().defaultPolicy();

        assertThatThrownBy(() -> storage.machinePolicies().remove(builtIn.id()))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("built-in machine policy and cannot be removed");
        assertThat(storage.machinePolicies().defaultPolicy()).isEqualTo(builtIn);
    }

    @Test
    void aPolicyInUseCannotBeRemovedUntilItsMachinesMove() {
        MachinePolicy nightly = storage.machinePolicies().add(MachinePolicySettings.defaults("Nightly"));
        var machine = storage.machines().add(listening("web01").withPolicy("Nightly"));

        assertThatThrownBy(() -> storage.machinePolicies().remove(nightly.id()))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("'Nightly' is used by 1 machine(s)");

        storage.machines().update(machine.id(), listening("web01"));
        assertThat(storage.machinePolicies().remove(nightly.id())).isTrue();
        assertThat(storage.machinePolicies().get(nightly.id())).isEmpty();
        assertThat(storage.machinePolicies().remove(nightly.id())).isFalse();
    }
}
