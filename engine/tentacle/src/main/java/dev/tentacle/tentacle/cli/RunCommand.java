package dev.tentacle.tentacle.cli;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.LoggingCommsListener;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.windows.WindowsServiceDispatcher;
import dev.tentacle.tentacle.agent.TentacleAgent;
import dev.tentacle.tentacle.agent.TentacleServices;
import dev.tentacle.tentacle.instance.AgentLogs;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: runs the agent in the foreground until it is stopped. */
@Command(name = "run",
        header = "Runs the agent in the foreground until it is stopped.",
        sortOptions = false,
        description = {"Runs the Tentacle in the foreground: listens and polls as configured until stopped with Ctrl+C"
                + " (or SIGTERM). The OS service runs this command."})
final class RunCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Option(names = "--service", hidden = true,
            description = "Set by the Windows service definition: speak the service control protocol.")
    boolean service;

    @Override
    public Integer call() {
        if (service) {
            if (!context().environment().operatingSystem().isWindows()) {
                throw new IllegalArgumentException("--service is only for the Windows service control manager, which "
                        + "adds it to the service's command line. Run `tentacle run` without it; install the OS "
                        + "service with `tentacle service --install`.");
            }
            // The service control manager stops the agent, so no shutdown hook: see AgentServiceBody.
            return WindowsServiceDispatcher.forCurrentOs().run(ServiceName.tentacle(instance.name()).displayName(),
                    new AgentServiceBody(this::startAgent));
        }
        TentacleAgent agent = startAgent();
        try {
            context().agentLifecycle().started(agent);
            agent.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            agent.close();
        }
        out().println("Tentacle " + instance.name() + " stopped.");
        return 0;
    }

    private TentacleAgent startAgent() {
        TentacleInstance target = instance.resolve(context());
        TentacleConfiguration configuration = target.configuration();
        // Kept until the process ends: the agent runs for the rest of it, and the file is flushed line by line.
        ProcessLog.attach(AgentLogs.file(configuration), err());
        CertificateIdentity identity = target.identity(configuration);
        CommsOptions options = CommsOptions.defaults().toBuilder()
                .pollingConnectionCount(configuration.pollingConnectionCount()).build();
        TentacleAgent agent = TentacleAgent.start(configuration, identity,
                TentacleServices.forConfiguration(configuration), options, new LoggingCommsListener());
        announce(target, configuration, identity.thumbprints(), agent);
        return agent;
    }

    private void announce(TentacleInstance target, TentacleConfiguration configuration, CertificateThumbprints thumbprints,
            TentacleAgent agent) {
        PrintWriter out = out();
        String name = target.name();
        if (agent.listeningPort() > 0) {
            out.println("Tentacle " + name + " listening on port " + agent.listeningPort() + " (thumbprint "
                    + describe(thumbprints) + ")");
            out.println("Its welcome page is https://localhost:" + agent.listeningPort() + "/");
        } else {
            out.println("Tentacle " + name + " does not listen (thumbprint " + describe(thumbprints) + ")");
        }
        agent.polling().forEach(server -> out.println("Tentacle " + name + " polling " + server));
        PrintWriter err = err();
        if (configuration.trustedServers().isEmpty()) {
            err.println("Warning: this Tentacle trusts no Octopus Server yet, so it refuses every connection. Trust one"
                    + " with: tentacle configure --instance " + shellQuoted(name) + " --trust THUMBPRINT");
        } else if (agent.listeningPort() <= 0 && agent.polling().isEmpty()) {
            err.println("Warning: this Tentacle neither listens nor polls a server, so nothing can reach it. Add a"
                    + " server with tentacle poll-server, or listen again with tentacle configure --noListen false");
        }
        err.flush();
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
