package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageConfiguration;
import dev.tentacle.server.storage.StorageConflictException;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningTentacleRegistrationTest {
    static final CertificateThumbprints AGENT = CertificateFixtures.tentacle().thumbprints();
    static final CertificateThumbprints OTHER = CertificateFixtures.other().thumbprints();

    @TempDir
    Path temp;

    Storage storage;

    @BeforeEach
    void openStorage() {
        storage = Storage.open(StorageConfiguration.h2In(temp.resolve("db"), "sa", ""));
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    static NewMachine web01(CertificateThumbprints certificate) {
        return NewMachine.listening("web01", URI.create("https://web01:10933/"), certificate.sha256())
                .withRoles("web").withEnvironments("Production");
    }

    @Test
    void addsAVerifiedTentacleWithItsTagsAndTheDefaultPolicy() {
        Machine added = ListeningTentacleRegistration.addVerified(storage, web01(AGENT), AGENT);

        Machine stored = storage.machines().findByName("web01").orElseThrow();
        assertThat(stored).isEqualTo(added);
        assertThat(stored.thumbprint()).isEqualTo(AGENT.sha256());
        assertThat(stored.roles()).containsExactly("web");
        assertThat(stored.environments()).containsExactly("Production");
        assertThat(stored.policyName()).isEqualTo(storage.machinePolicies().defaultPolicy().name());
    }

    @Test
    void refusesACertificateThatIsAlreadyRegisteredInEitherForm() {
        ListeningTentacleRegistration.add(storage, NewMachine.listening("old-name", URI.create("https://10.0.0.5:10933/"),
                AGENT.sha1()));

        assertThatThrownBy(() -> ListeningTentacleRegistration.addVerified(storage, web01(AGENT), AGENT))
                .isInstanceOf(StorageConflictException.class)
                .hasMessageStartingWith("A machine with this thumbprint already exists: 'old-name'")
                .hasMessageContaining("https://10.0.0.5:10933/")
                .hasMessageContaining("octopus-server machine remove --name old-name");
        assertThat(storage.machines().list(MachineFilter.all())).extracting(Machine::name).containsExactly("old-name");
        assertThat(ListeningTentacleRegistration.registeredWith(storage, AGENT)).map(Machine::name).contains("old-name");
        assertThat(ListeningTentacleRegistration.registeredWith(storage, OTHER)).isEmpty();
    }

    @Test
    void refusesAThumbprintThatIsNotThePresentedCertificates() {
        assertThatThrownBy(() -> ListeningTentacleRegistration.addVerified(storage, web01(OTHER), AGENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not that of the certificate the Tentacle presented");
        assertThat(storage.machines().list(MachineFilter.all())).isEmpty();
    }

    @Test
    void refusesATakenNameAndSavesNothingMore() {
        ListeningTentacleRegistration.add(storage, web01(OTHER));

        assertThatThrownBy(() -> ListeningTentacleRegistration.addVerified(storage, web01(AGENT), AGENT))
                .isInstanceOf(StorageConflictException.class).hasMessageContaining("A machine named 'web01' already exists");
        assertThat(storage.machines().list(MachineFilter.all())).hasSize(1);
    }

    @Test
    void registersOnlyListeningTentacles() {
        assertThatThrownBy(() -> ListeningTentacleRegistration.add(storage, NewMachine.polling("db01", "db01", AGENT.sha1())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only listening Tentacles");
    }

    @Test
    void writesTheAddressOfAHostOrAnIpv6Address() {
        assertThat(ListeningTentacleRegistration.address("web01.example.com", 10933))
                .isEqualTo(URI.create("https://web01.example.com:10933/"));
        assertThat(ListeningTentacleRegistration.address("::1", 10934)).isEqualTo(URI.create("https://[::1]:10934/"));
        assertThat(ListeningTentacleRegistration.address("[fe80::1]", 10933)).isEqualTo(URI.create("https://[fe80::1]:10933/"));
    }
}
