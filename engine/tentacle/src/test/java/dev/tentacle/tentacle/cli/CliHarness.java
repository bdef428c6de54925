package dev.tentacle.tentacle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.testing.services.RecordingServiceManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code tentacle} commands in this JVM against a registry in a temporary directory, with a recording service
 * manager, and captures what they print. Never touches the machine's real registry or services.
 */
final class CliHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path registryDirectory;
    private final Map<String, String> variables = new HashMap<>();
    private RecordingServiceManager serviceManager = RecordingServiceManager.supported();
    private AgentLifecycle agentLifecycle = agent -> {
        throw new AssertionError("This test does not expect the agent to run; use RunningTentacle.");
    };

    CliHarness(Path registryDirectory) {
        this.registryDirectory = registryDirectory;
        variables.put(InstanceLocations.DIRECTORY_VARIABLE, registryDirectory.toString());
    }

    Path registryDirectory() {
        return registryDirectory;
    }

    CliHarness variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    CliHarness serviceManager(RecordingServiceManager manager) {
        this.serviceManager = manager;
        return this;
    }

    RecordingServiceManager serviceManager() {
        return serviceManager;
    }

    CliHarness agentLifecycle(AgentLifecycle lifecycle) {
        this.agentLifecycle = lifecycle;
        return this;
    }

    HostEnvironment environment() {
        return new HostEnvironment(OperatingSystem.LINUX, variables, "tester", registryDirectory.resolve("home"));
    }

    CliContext context() {
        return CliContext.of(environment()).withServiceManager(serviceManager).withAgentLifecycle(agentLifecycle);
    }

    Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = TentacleCli.execute(args, new PrintWriter(out), new PrintWriter(err), context());
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Runs a command that must succeed, and returns its output. */
    Result ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("tentacle " + String.join(" ", args) + " exited with " + result.exitCode()
                    + "\nstdout: " + result.out() + "\nstderr: " + result.err());
        }
        return result;
    }

    /** What one command printed, and its exit code. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + out, e);
            }
        }
    }
}
