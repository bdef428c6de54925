package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.LoggingCommsListener;
import dev.tentacle.instances.config.CertificateLocation;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.tentacle.agent.TentacleAgent;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Real Tentacle instances in a temporary directory, with {@link CertificateFixtures#tentacle()} as their certificate. */
final class TestInstances {
    /** Short, so that failing network checks do not slow the suite; loopback answers in microseconds. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private TestInstances() {
    }

    /** An instance named Web01 with its home under {@code directory}, configured by {@code change}. */
    static TentacleInstance create(Path directory, UnaryOperator<TentacleConfiguration> change) {
        try {
            Path home = directory.resolve("home");
            Path certificates = Files.createDirectories(home.resolve("Certificates"));
            Path certificate = CertificateFixtures.writePkcs12(CertificateFixtures.tentacle(), certificates, "tentacle");
            TentacleConfiguration configuration = change.apply(
                    TentacleConfiguration.defaults(home).withCertificate(CertificateLocation.of(certificate)));
            Path file = home.resolve("Tentacle.config.json");
            TentacleConfiguration.store().write(file, configuration);
            return new TentacleInstance("Web01", file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real agent of the instance, listening and polling as configured. */
    static TentacleAgent startAgent(TentacleInstance instance) {
        TentacleConfiguration configuration = instance.configuration();
        return TentacleAgent.start(configuration, instance.identity(configuration),
                TentacleServices.forConfiguration(configuration), CommsOptions.defaults(), new LoggingCommsListener());
    }

    static TentacleDiagnostics diagnostics(TentacleInstance instance) {
        return TentacleDiagnostics.forInstance(instance).withTimeout(TIMEOUT);
    }

    /** The one result of this kind. */
    static CheckResult only(List<CheckResult> results, CheckKind kind) {
        List<CheckResult> matching = results.stream().filter(r -> r.kind() == kind).toList();
        if (matching.size() != 1) {
            throw new AssertionError("Expected one " + kind + " result, got " + matching + " in " + results);
        }
        return matching.getFirst();
    }
}
