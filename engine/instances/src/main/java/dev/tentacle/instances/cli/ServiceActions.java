package dev.tentacle.instances.cli;

import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.instances.service.ServiceStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The options and work of a {@code service} command, the same for {@code tentacle} and {@code octopus-server}: a
 * picocli mixin of the actions (install, reconfigure, stop, start, restart, uninstall, status, in that order) and the
 * account, and the code that performs them on a {@link ServiceManager}.
 */
public final class ServiceActions {
    @Option(names = "--install", description = "Install the service, enable it at boot and start it.")
    boolean install;

    @Option(names = "--reconfigure", description = "Replace the installed service's definition (user, launcher) and"
            + " restart it; the same as --install.")
    boolean reconfigure;

    @Option(names = "--stop", description = "Stop the service.")
    boolean stop;

    @Option(names = "--start", description = "Start the service.")
    boolean start;

    @Option(names = "--restart", description = "Stop the service if it runs, then start it.")
    boolean restart;

    @Option(names = "--uninstall", description = "Stop the service and remove it.")
    boolean uninstall;

    @Option(names = "--status", description = "Show whether the service is installed and running.")
    boolean status;

    @Option(names = "--username", paramLabel = "USER",
            description = "With --install: the account the service runs as (default: root, or LocalSystem on Windows).")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "With --install on Windows: the account's password.")
    String password;

    /**
     * What the actions did.
     *
     * @param status the status after the actions, when --status was given; else null
     */
    public record Result(String instance, String service, List<String> actions, StatusView status) {
    }

    public record StatusView(String state, String detail) {
    }

    /** The account the service should run as, or null for the default. */
    public String username() {
        return username;
    }

    /** The account's password (Windows), or null. */
    public String password() {
        return password;
    }

    /**
     * Checks the options, then performs the actions in order.
     *
     * @param service the instance's service, used when nothing is installed by these actions
     * @param definition makes the definition to install; called only for --install or --reconfigure
     * @throws IllegalArgumentException when no action is given, or an account without --install
     */
    public Result perform(Supplier<ServiceManager> managers, ServiceName service, Supplier<ServiceDefinition> definition) {
        if (!(install || reconfigure || stop || start || restart || uninstall || status)) {
            throw new IllegalArgumentException("Give at least one action: --install, --reconfigure, --start, --stop,"
                    + " --restart, --uninstall or --status.");
        }
        if ((username != null || password != null) && !(install || reconfigure)) {
            throw new IllegalArgumentException("--username and --password only apply with --install or --reconfigure.");
        }
        ServiceDefinition installed = install || reconfigure ? definition.get() : null;
        ServiceName name = installed != null ? installed.service() : service;
        ServiceManager manager = managers.get();
        List<String> actions = new ArrayList<>();
        if (installed != null) {
            manager.install(installed);
            actions.add("Installed the service '" + name.displayName() + "' to run " + installed.launcher() + " "
                    + String.join(" ", installed.arguments()) + installed.userName().map(u -> " as " + u).orElse("")
                    + ", enabled it at boot and started it.");
        }
        if (stop) {
            manager.stop(name);
            actions.add("Stopped the service '" + name.displayName() + "'.");
        }
        if (start) {
            manager.start(name);
            actions.add("Started the service '" + name.displayName() + "'.");
        }
        if (restart) {
            manager.restart(name);
            actions.add("Restarted the service '" + name.displayName() + "'.");
        }
        if (uninstall) {
            actions.add(manager.uninstall(name) ? "Uninstalled the service '" + name.displayName() + "'."
                    : "The service '" + name.displayName() + "' was not installed; nothing to uninstall.");
        }
        StatusView statusView = null;
        if (status) {
            ServiceStatus current = manager.status(name);
            statusView = new StatusView(current.state().name(), current.detail());
        }
        return new Result(name.instanceName(), name.displayName(), actions, statusView);
    }

    /** Prints the result as text: one line an action, then the status if asked for. */
    public static void print(Result result, PrintWriter out) {
        result.actions().forEach(out::println);
        if (result.status() != null) {
            out.println("Service '" + result.service() + "': " + result.status().state()
                    + (result.status().detail().isEmpty() ? "" : " (" + result.status().detail() + ")"));
        }
    }
}
