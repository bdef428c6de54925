package dev.tentacle.manager.testing;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.certificates.InstanceCertificates;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.tentacle.instance.InstanceSetup;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.instance.TentacleServiceDefinition;
import dev.tentacle.testing.services.FakeSystemctl;
import dev.tentacle.testing.services.TestHost;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Real Tentacle instances in a temporary registry, a systemd service manager whose units go to a temporary
 * directory and whose {@code systemctl} is {@link FakeSystemctl}, and the environment the app sees
 * ({@code OCTOPUS_INSTANCES_DIR}, {@code TENTACLE_LAUNCHER}). Never touches the machine's registry or services.
 */
public final class ManagerFixture extends TestHost {
    /** A server thumbprint for instances to trust. */
    public static final Thumbprint SERVER = Thumbprint.parse("8E1F2C3D4B5A69788796A5B4C3D2E1F0AABBCCDD");

    public ManagerFixture(Path root) {
        super(root, ApplicationKind.TENTACLE, TentacleServiceDefinition.LAUNCHER_VARIABLE);
    }

    @Override
    public ManagerFixture variable(String name, String value) {
        super.variable(name, value);
        return this;
    }

    @Override
    public ManagerFixture withoutVariable(String name) {
        super.withoutVariable(name);
        return this;
    }

    /** Engine calls and UI updates on the calling thread: for ViewModel tests without JavaFX. */
    public ManagerContext directContext() {
        Executor direct = Runnable::run;
        return new ManagerContext(environment(), () -> services(), direct, UiThread.direct());
    }

    /** Engine calls on virtual threads, UI updates on the JavaFX thread: for the app under TestFX. */
    public ManagerContext fxContext() {
        return new ManagerContext(environment(), () -> services(), Executors.newVirtualThreadPerTaskExecutor(),
                UiThread.fx());
    }

    /** A listening Tentacle with a certificate, on {@code port}, trusting {@link #SERVER}. */
    public TentacleInstance listening(String name, int port) {
        TentacleInstance instance = create(name);
        instance.update(c -> InstanceCertificates.forInstance(name).newCertificate(c, false)
                .withListenPort(port).withTrustedServer(TrustedServer.listening(SERVER)));
        return instance;
    }

    /** A polling Tentacle with a certificate that does not listen and polls {@code address}. */
    public TentacleInstance polling(String name, URI address, String subscriptionId) {
        TentacleInstance instance = create(name);
        instance.update(c -> InstanceCertificates.forInstance(name).newCertificate(c, false).withNoListen(true)
                .withTrustedServer(TrustedServer.polling(SERVER, address, subscriptionId)));
        return instance;
    }

    /** An instance with the default configuration and no certificate. */
    public TentacleInstance create(String name) {
        return new InstanceSetup(registry()).create(name, root().resolve("homes").resolve(name), null).instance();
    }

    /** Installs the instance's service through the fake systemctl, as the wizard would. */
    public void installService(TentacleInstance instance) {
        services().install(TentacleServiceDefinition.of(instance, InstanceLocations.resolve(environment()), launcher(),
                false, null, null));
    }
}
