package dev.tentacle.manager.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.tentacle.instance.InstanceSetup;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification screen's ViewModel, without JavaFX, on real instances in a temporary registry. */
class ThumbprintVerificationViewModelTest {
    static final CertificateThumbprints SERVER = CertificateFixtures.server().thumbprints();

    @TempDir
    Path temp;

    final List<String> serviceCalls = new ArrayList<>();
    ServiceStatus serviceStatus = ServiceStatus.running();
    ManagerContext context;
    InstanceRegistry registry;

    @BeforeEach
    void setUp() {
        var environment = new HostEnvironment(OperatingSystem.LINUX,
                Map.of(InstanceLocations.DIRECTORY_VARIABLE, temp.resolve("registry").toString()), "tester", temp);
        context = new ManagerContext(environment, () -> services(), Runnable::run, UiThread.direct());
        registry = new InstanceRegistry(InstanceLocations.resolve(environment), ApplicationKind.TENTACLE);
    }

    private TentacleInstance instance(String name, TrustedServer trust) {
        TentacleInstance instance = new InstanceSetup(registry).create(name, null, null).instance();
        instance.update(c -> instance.certificates().newCertificate(c, false).withTrustedServer(trust));
        return instance;
    }

    @Test
    void showsTheThumbprintsTheEngineComputes() {
        TentacleInstance instance = instance("Web01", TrustedServer.listening(SERVER.sha1()));

        var model = new ThumbprintVerificationViewModel(context, "web01");

        CertificateThumbprints expected = instance.identity(instance.configuration()).thumbprints();
        assertThat(model.sha1Property().get()).isEqualTo(expected.sha1().hex());
        assertThat(model.sha256Property().get()).isEqualTo(expected.sha256().hex());
        assertThat(model.pollingServers()).isEmpty();
        assertThat(model.listeningServers()).containsExactly(SERVER.sha1().hex());
        assertThat(model.instructionProperty().get()).contains("listening Tentacle");
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void confirmingAPollingServerChangesNothing() {
        TentacleInstance instance = instance("Db01", polling());
        var model = new ThumbprintVerificationViewModel(context, "Db01");
        var server = model.pollingServers().getFirst();

        model.confirm(server);

        assertThat(server.verdict()).isEqualTo(ThumbprintVerificationViewModel.Verdict.CONFIRMED);
        assertThat(model.messageProperty().get()).startsWith("Confirmed: the server at https://octopus.example.com:10943/");
        assertThat(instance.configuration().trustedServers()).hasSize(1);
    }

    @Test
    void rejectingAServerRemovesItsTrustAndRestartsARunningService() {
        TentacleInstance instance = instance("Db01", polling());
        var model = new ThumbprintVerificationViewModel(context, "Db01");
        var server = model.pollingServers().getFirst();

        model.reject(server);

        assertThat(server.verdict()).isEqualTo(ThumbprintVerificationViewModel.Verdict.REJECTED);
        assertThat(instance.configuration().trustedServers()).isEmpty();
        assertThat(serviceCalls).containsExactly("restart Db01");
        assertThat(model.messageProperty().get()).contains("no longer trusts the server with the thumbprint "
                + SERVER.sha256(), "its service was restarted", "treat it as known");
    }

    @Test
    void aStoppedServiceIsLeftStopped() {
        serviceStatus = ServiceStatus.notInstalled();
        instance("Db01", polling());
        var model = new ThumbprintVerificationViewModel(context, "Db01");

        model.reject(model.pollingServers().getFirst());

        assertThat(serviceCalls).isEmpty();
        assertThat(model.messageProperty().get()).doesNotContain("restarted");
    }

    @Test
    void anInstanceWithoutACertificateSaysHowToMakeOne() {
        new InstanceSetup(registry).create("Bare", null, null);

        var model = new ThumbprintVerificationViewModel(context, "Bare");

        assertThat(model.errorProperty().get()).contains("Cannot show the thumbprint of the Tentacle instance 'Bare'",
                "tentacle new-certificate --instance Bare");
    }

    private static TrustedServer polling() {
        return TrustedServer.polling(SERVER.sha256(), URI.create("https://octopus.example.com:10943/"),
                "abcdefghij0123456789");
    }

    private ServiceManager services() {
        return new ServiceManager() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public String describe() {
                return "test services";
            }

            @Override
            public void install(ServiceDefinition definition) {
                serviceCalls.add("install " + definition.instanceName());
            }

            @Override
            public boolean uninstall(ServiceName service) {
                serviceCalls.add("uninstall " + service.instanceName());
                return true;
            }

            @Override
            public void start(ServiceName service) {
                serviceCalls.add("start " + service.instanceName());
            }

            @Override
            public void stop(ServiceName service) {
                serviceCalls.add("stop " + service.instanceName());
            }

            @Override
            public void restart(ServiceName service) {
                serviceCalls.add("restart " + service.instanceName());
            }

            @Override
            public ServiceStatus status(ServiceName service) {
                return serviceStatus;
            }
        };
    }
}
