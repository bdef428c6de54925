package dev.tentacle.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.health.HealthCheckResult;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.server.storage.machines.MachinePolicy;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The machine registry, on every database. */
abstract class MachineContract extends StorageContract {

    @Test
    void storesEverythingAboutAMachineAndReadsItBack() {
        NewMachine web = new NewMachine("Web01", CommunicationStyle.LISTENING, URI.create("https://web01.example:10933/"),
                thumbprint(1), List.of("Production", "Staging"), List.of("web-server", "api"), List.of("Acme"), null);

        Machine added = storage.machines().add(web);

        assertThat(added.id()).isNotNull();
        assertThat(added.name()).isEqualTo("Web01");
        assertThat(added.communicationStyle()).isEqualTo(CommunicationStyle.LISTENING);
        assertThat(added.uri()).isEqualTo(URI.create("https://web01.example:10933/"));
        assertThat(added.thumbprint()).isEqualTo(thumbprint(1));
        assertThat(added.environments()).containsExactly("Production", "Staging");
        assertThat(added.roles()).containsExactly("api", "web-server");
        assertThat(added.tenants()).containsExactly("Acme");
        assertThat(added.policyName()).isEqualTo(MachinePolicy.DEFAULT_POLICY_NAME);
        assertThat(added.created()).isEqualTo(TestClock.START.truncatedTo(ChronoUnit.MICROS));
        assertThat(storage.machines().get(added.id())).contains(added);
    }

    @Test
    void storesAPollingMachineWithItsSubscription() {
        Machine added = storage.machines().add(NewMachine.polling("laptop", "abcdef123456", thumbprint(2)));

        assertThat(added.communicationStyle()).isEqualTo(CommunicationStyle.POLLING);
        assertThat(added.uri()).isEqualTo(URI.create("poll://abcdef123456/"));
        assertThat(storage.machines().get(added.id())).contains(added);
    }

    @Test
    void findsAMachineByNameIgnoringCase() {
        Machine added = addMachine("Web01");

        assertThat(storage.machines().findByName("WEB01")).contains(added);
        assertThat(storage.machines().findByName(" web01 ")).contains(added);
        assertThat(storage.machines().findByName("web02")).isEmpty();
    }

    @Test
    void rejectsASecondMachineWhoseNameDiffersOnlyInCase() {
        addMachine("Web01");

        assertThatThrownBy(() -> addMachine("WEB01"))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("A machine named 'WEB01' already exists")
                .hasMessageContaining("ignoring case");
        assertThat(storage.machines().list(MachineFilter.all())).hasSize(1);
    }

    @Test
    void rejectsAMachineUnderAPolicyThatDoesNotExist() {
        assertThatThrownBy(() -> storage.machines().add(listening("web01").withPolicy("Nightly")))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("Machine policy 'Nightly' does not exist")
                .hasMessageContaining("create the policy first");
        assertThat(storage.machines().list(MachineFilter.all())).isEmpty();
    }

    @Test
    void usesTheNamedPolicyIgnoringCase() {
        storage.machinePolicies().add(MachinePolicySettings.defaults("Flaky Network"));

        Machine added = storage.machines().add(listening("web01").withPolicy("flaky network"));

        assertThat(added.policyName()).isEqualTo("Flaky Network");
    }

    @Test
    void listsMachinesByNameAndFiltersByRoleEnvironmentTenantAndNameText() {
        storage.machines().add(listening("web01").withRoles("web").withEnvironments("Production").withTenants("Acme"));
        storage.machines().add(listening("web02").withRoles("web").withEnvironments("Staging"));
        storage.machines().add(listening("db01").withRoles("database").withEnvironments("Production"));

        assertThat(names(MachineFilter.all())).containsExactly("db01", "web01", "web02");
        assertThat(names(MachineFilter.all().withRole("WEB"))).containsExactly("web01", "web02");
        assertThat(names(MachineFilter.all().withEnvironment("production"))).containsExactly("db01", "web01");
        assertThat(names(MachineFilter.all().withRole("web").withEnvironment("Production"))).containsExactly("web01");
        assertThat(names(MachineFilter.all().withTenant("acme"))).containsExactly("web01");
        assertThat(names(MachineFilter.all().withNameContaining("EB0"))).containsExactly("web01", "web02");
        assertThat(names(MachineFilter.all().withRole("cache"))).isEmpty();
    }

    @Test
    void filtersByAnyOfSeveralThumbprints() {
        storage.machines().add(listening("web01").withThumbprint(thumbprint(1)));
        storage.machines().add(listening("web02").withThumbprint(thumbprint(2)));
        storage.machines().add(listening("web03").withThumbprint(thumbprint(1)));

        assertThat(names(MachineFilter.all().withThumbprints(List.of(thumbprint(1))))).containsExactly("web01", "web03");
        assertThat(names(MachineFilter.all().withThumbprints(List.of(thumbprint(2), thumbprint(1)))))
                .containsExactly("web01", "web02", "web03");
        assertThat(names(MachineFilter.all().withThumbprints(List.of(thumbprint(3))))).isEmpty();
        assertThat(names(MachineFilter.all().withThumbprints(List.of(thumbprint(1))).withNameContaining("03")))
                .containsExactly("web03");
        assertThat(names(MachineFilter.all().withThumbprints(List.of()))).hasSize(3);
    }

    @Test
    void nameSearchTreatsWildcardCharactersLiterally() {
        addMachine("web_01");
        addMachine("webX01");
        addMachine("100%-ready");

        assertThat(names(MachineFilter.all().withNameContaining("_"))).containsExactly("web_01");
        assertThat(names(MachineFilter.all().withNameContaining("%"))).containsExactly("100%-ready");
    }

    @Test
    void listedMachinesCarryAllTheirTags() {
        storage.machines().add(listening("web01").withRoles("web", "api").withEnvironments("Production", "Test"));

        Machine listed = storage.machines().list(MachineFilter.all().withRole("web")).getFirst();

        assertThat(listed.roles()).containsExactly("api", "web");
        assertThat(listed.environments()).containsExactly("Production", "Test");
    }

    @Test
    void dropsTagsThatDifferOnlyInCase() {
        Machine added = storage.machines().add(listening("web01").withRoles("Web", "web", "WEB", "api"));

        assertThat(added.roles()).containsExactly("api", "Web");
    }

    @Test
    void updateReplacesTheMachineButKeepsItsIdAndCreationTime() {
        Machine added = storage.machines().add(listening("web01").withRoles("web").withEnvironments("Staging"));
        storage.machinePolicies().add(MachinePolicySettings.defaults("Quarterly"));
        clock.advance(Duration.ofHours(1));

        Machine updated = storage.machines().update(added.id(), listening("web01-renamed").withRoles("api")
                .withEnvironments("Production").withThumbprint(thumbprint(77)).withPolicy("Quarterly"));

        assertThat(updated.id()).isEqualTo(added.id());
        assertThat(updated.created()).isEqualTo(added.created());
        assertThat(updated.name()).isEqualTo("web01-renamed");
        assertThat(updated.roles()).containsExactly("api");
        assertThat(updated.environments()).containsExactly("Production");
        assertThat(updated.thumbprint()).isEqualTo(thumbprint(77));
        assertThat(updated.policyName()).isEqualTo("Quarterly");
        assertThat(names(MachineFilter.all().withRole("web"))).isEmpty();
    }

    @Test
    void updateRejectsANameAnotherMachineHasAndChangesNothing() {
        Machine web01 = addMachine("web01");
        addMachine("web02");

        assertThatThrownBy(() -> storage.machines().update(web01.id(), listening("Web02")))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageContaining("A machine named 'Web02' already exists");
        assertThat(storage.machines().get(web01.id())).contains(web01);
    }

    @Test
    void updateOfAMissingMachineSaysSo() {
        assertThatThrownBy(() -> storage.machines().update(new MachineId(999), listening("ghost")))
                .isInstanceOf(StorageNotFoundException.class)
                .hasMessageContaining("There is no machine Machines-999");
    }

    @Test
    void removesAMachineWithItsHealthHistory() {
        Machine web01 = addMachine("web01");
        Machine web02 = addMachine("web02");
        storage.healthChecks().record(HealthCheckResult.unavailable(web01.id(), clock.instant(), "Connection refused"));

        assertThat(storage.machines().remove(web01.id())).isTrue();

        assertThat(storage.machines().get(web01.id())).isEmpty();
        assertThat(storage.healthChecks().history(web01.id(), 10)).isEmpty();
        assertThat(storage.machines().remove(web01.id())).isFalse();
        assertThat(storage.machines().get(web02.id())).isPresent();
    }

    @Test
    void aRemovedMachinesNameCanBeUsedAgain() {
        Machine first = addMachine("web01");
        storage.machines().remove(first.id());

        Machine second = addMachine("WEB01");

        assertThat(second.id()).isNotEqualTo(first.id());
    }

    private List<String> names(MachineFilter filter) {
        return storage.machines().list(filter).stream().map(Machine::name).toList();
    }
}
