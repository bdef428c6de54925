package dev.tentacle.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.OperatingSystem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code octopus-server} commands in this JVM against a registry in a temporary directory. */
final class ServerCliHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path registryDirectory;

    ServerCliHarness(Path registryDirectory) {
        this.registryDirectory = registryDirectory;
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

    Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var environment = new HostEnvironment(OperatingSystem.LINUX,
                Map.of(InstanceLocations.DIRECTORY_VARIABLE, registryDirectory.toString()), "tester",
                registryDirectory.resolve("user-home"));
        int exitCode = OctopusServerCli.execute(args, new PrintWriter(out), new PrintWriter(err), environment);
        return new Run(exitCode, out.toString(), err.toString());
    }
}
