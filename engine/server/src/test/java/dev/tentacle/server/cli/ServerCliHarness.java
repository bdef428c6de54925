package dev.tentacle.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.certificates.Pkcs12Store;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.node.Agents;
import dev.tentacle.testing.services.RecordingServiceManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code octopus-server} commands in this JVM against a registry in a temporary directory, with a recording service
 * manager and the test agents' comms options, and captures what they print. Never touches the machine's real registry
 * or services.
 */
final class ServerCliHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path registryDirectory;
    private final Map<String, String> variables = new HashMap<>();
    private RecordingServiceManager serviceManager = RecordingServiceManager.supported();
    private ServerLifecycle lifecycle = server -> {
        throw new AssertionError("This test does not expect the server to run; use ServerRun.");
    };

    ServerCliHarness(Path registryDirectory) {
        this.registryDirectory = registryDirectory;
        variables.put(InstanceLocations.DIRECTORY_VARIABLE, registryDirectory.toString());
    }

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + out + err, e);
            }
        }
    }

    ServerCliHarness variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    RecordingServiceManager serviceManager() {
        return serviceManager;
    }

    ServerCliHarness lifecycle(ServerLifecycle newLifecycle) {
        this.lifecycle = newLifecycle;
        return this;
    }

    ServerCliContext context() {
        var environment = new HostEnvironment(OperatingSystem.LINUX, variables, "tester",
                registryDirectory.resolve("user-home"));
        return ServerCliContext.of(environment).withServiceManager(serviceManager).withLifecycle(lifecycle)
                .withCommsOptions(Agents.OPTIONS);
    }

    Run run(String... args) {
        return run(new StringWriter(), new StringWriter(), args);
    }

    /** Runs a command printing into the given writers, which another thread may read while it runs. */
    Run run(StringWriter out, StringWriter err, String... args) {
        int exitCode = OctopusServerCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), context());
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Runs a command that must succeed, and returns its output. */
    Run ok(String... args) {
        Run result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("octopus-server " + String.join(" ", args) + " exited with " + result.exitCode()
                    + "\nstdout: " + result.out() + "\nstderr: " + result.err());
        }
        return result;
    }

    /** The configuration of the instance whose home is {@code home}. */
    static ServerConfiguration configuration(Path home) {
        return ServerConfiguration.store().read(home.resolve("OctopusServer.config.json"));
    }

    /** The certificate new-certificate made for the instance whose home is {@code home}. */
    static CertificateIdentity serverIdentity(Path home) {
        ServerConfiguration configuration = configuration(home);
        return Pkcs12Store.load(configuration.certificate().file(), configuration.certificate().passwordChars());
    }
}
