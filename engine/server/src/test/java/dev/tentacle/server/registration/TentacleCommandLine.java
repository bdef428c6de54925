package dev.tentacle.server.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.tentacle.cli.AgentLifecycle;
import dev.tentacle.tentacle.cli.CliContext;
import dev.tentacle.tentacle.cli.TentacleCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The real {@code tentacle} command line, run in this JVM against an instance registry in a temporary directory, as an
 * operator would run it on the Tentacle's machine.
 */
final class TentacleCommandLine {
    static final String INSTANCE = "Web01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path registry;
    private AgentLifecycle agentLifecycle = agent -> {
        throw new AssertionError("This test does not expect the agent to run");
    };

    TentacleCommandLine(Path registry) {
        this.registry = registry;
    }

    /** Creates the instance {@value #INSTANCE} with a new certificate. */
    static TentacleCommandLine withInstance(Path registry) {
        TentacleCommandLine tentacle = new TentacleCommandLine(registry);
        tentacle.ok("create-instance", "--instance", INSTANCE);
        tentacle.ok("new-certificate", "--instance", INSTANCE);
        return tentacle;
    }

    TentacleCommandLine agentLifecycle(AgentLifecycle lifecycle) {
        this.agentLifecycle = lifecycle;
        return this;
    }

    Result run(String... args) {
        var environment = new HostEnvironment(OperatingSystem.current(),
                Map.of(InstanceLocations.DIRECTORY_VARIABLE, registry.toString()), "tester", registry.resolve("home"));
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = TentacleCli.execute(args, new PrintWriter(out), new PrintWriter(err),
                CliContext.of(environment).withAgentLifecycle(agentLifecycle));
        return new Result(exitCode, out.toString(), err.toString());
    }

    Result ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("tentacle " + String.join(" ", args) + " exited with " + result.exitCode()
                    + "\nstdout: " + result.out() + "\nstderr: " + result.err());
        }
        return result;
    }

    /** The instance's SHA-1 and SHA-256 thumbprints, as {@code show-thumbprint} shows them. */
    JsonNode thumbprints() {
        return ok("show-thumbprint", "--instance", INSTANCE, "--format", "json").json();
    }

    /** The instance's trusted servers, as {@code show-configuration} shows them. */
    JsonNode trustedServers() {
        return ok("show-configuration", "--instance", INSTANCE, "--format", "json").json().get("trustedServers");
    }

    static Iterable<JsonNode> each(JsonNode array) {
        return () -> StreamSupport.stream(array.spliterator(), false).iterator();
    }

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
