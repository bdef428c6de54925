package dev.tentacle.manager.health;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.LoggingCommsListener;
import dev.tentacle.instances.certificates.InstanceCertificates;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.tentacle.agent.TentacleAgent;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.tentacle.instance.InstanceSetup;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * Real Tentacle instances in a temporary registry ({@code OCTOPUS_INSTANCES_DIR}), set up as the command line sets
 * them up: created, given a new certificate, configured; and their real agents.
 */
final class TestTentacles {
    /** Short, so that failing network checks do not slow the suite. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private TestTentacles() {
    }

    static HostEnvironment environment(Path registry) {
        return new HostEnvironment(OperatingSystem.LINUX, Map.of(InstanceLocations.DIRECTORY_VARIABLE, registry.toString()),
                "tester", registry.resolve("user-home"));
    }

    static ManagerContext context(Path registry, Executor background, UiThread ui) {
        return new ManagerContext(environment(registry), () -> {
            throw new AssertionError("The health check does not use the service manager");
        }, background, ui);
    }

    /** Creates the instance with a new certificate, then applies {@code change} to its configuration. */
    static TentacleInstance create(ManagerContext context, String name, UnaryOperator<TentacleConfiguration> change) {
        TentacleInstance instance = new InstanceSetup(context.registry()).create(name, null, null).instance();
        instance.update(c -> change.apply(InstanceCertificates.forInstance(name).newCertificate(c, false)));
        return instance;
    }

    static TentacleAgent startAgent(TentacleInstance instance) {
        TentacleConfiguration configuration = instance.configuration();
        return TentacleAgent.start(configuration, instance.identity(configuration),
                TentacleServices.forConfiguration(configuration), CommsOptions.defaults(), new LoggingCommsListener());
    }

    /** The view model of the instance's health check, with short timeouts. */
    static HealthCheckViewModel viewModel(ManagerContext context, String name) {
        return HealthCheckViewModel.forInstance(context, name, instance ->
                dev.tentacle.tentacle.diagnostics.TentacleDiagnostics.forInstance(instance).withTimeout(TIMEOUT));
    }
}
