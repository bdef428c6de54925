package dev.tentacle.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.server.cli.OctopusServerCli;
import dev.tentacle.server.cli.ServerCliContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs {@code octopus-server} commands in this JVM, as a person would run a setup script, and keeps what they print. */
final class ScriptRunner {
    private final ServerCliContext context;
    private final StringWriter out = new StringWriter();

    ScriptRunner(HostEnvironment environment, ServiceManager services) {
        this.context = ServerCliContext.of(environment).withServiceManager(services);
    }

    void run(List<String> arguments) {
        StringWriter err = new StringWriter();
        int exitCode = OctopusServerCli.execute(arguments.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true), context);
        assertThat(exitCode).as("octopus-server %s: %s", arguments, err).isZero();
    }

    String output() {
        return out.toString();
    }
}
