package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.cli.RegistrationViews.MachineView;
import dev.tentacle.tentacle.cli.RegistrationViews.ThumbprintsView;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.registration.LocalHostName;
import dev.tentacle.tentacle.registration.MachineTags;
import dev.tentacle.tentacle.registration.RegisteredMachine;
import dev.tentacle.tentacle.registration.Registration;
import dev.tentacle.tentacle.registration.RegistrationSettings;
import dev.tentacle.tentacle.registration.ServerConnection;
import dev.tentacle.tentacle.registration.TentacleRegistrar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code register-with}: registers this Tentacle on an Octopus Server through its API, and trusts the server. */
@Command(name = "register-with",
        header = "Registers this Tentacle on an Octopus Server.",
        sortOptions = false,
        description = {"Registers the instance as a machine on the Octopus Server, through the server's HTTPS API, with"
                + " the thumbprint of the instance's certificate, and makes the instance trust the server's certificate."
                + " A polling Tentacle (--comms-style TentacleActive) is also set up to poll the server.",
            "The server's certificate is pinned: with --server-thumbprint it must be that one; without, it must be the"
                + " one the server reports as its own, and its thumbprint is printed for you to check.",
            "Restart the Tentacle afterwards for the change to take effect."})
final class RegisterWithCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Mixin
    ServerApiOptions api;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The machine's name on the server (default: this machine's host name).")
    String name;

    @Option(names = "--environment", paramLabel = "NAME", description = "An environment to add the machine to. Repeatable.")
    List<String> environments = new ArrayList<>();

    @Option(names = "--role", paramLabel = "NAME", description = "A role of the machine. Repeatable.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--tenant", paramLabel = "NAME", description = "A tenant the machine serves. Repeatable.")
    List<String> tenants = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "NAME",
            description = "The machine policy (default: the server's Default Machine Policy).")
    String policy;

    @Option(names = "--comms-style", paramLabel = "TentaclePassive|TentacleActive",
            description = "TentaclePassive (default): the server connects to this listening Tentacle."
                    + " TentacleActive: this Tentacle polls the server.")
    String commsStyle;

    @Option(names = "--publicHostName", paramLabel = "HOST",
            description = "TentaclePassive: the host name or address the server connects to (default: this machine's"
                    + " host name).")
    String publicHostName;

    @Option(names = "--tentacle-comms-port", paramLabel = "PORT",
            description = "TentaclePassive: the port the server connects to (default: the port this Tentacle listens"
                    + " on); for a port forwarded by NAT.")
    Integer tentacleCommsPort;

    @Option(names = "--server-comms-address", paramLabel = "ADDRESS",
            description = "TentacleActive: the server's polling address, a host name or https://HOST:PORT/ (default:"
                    + " the host of --server).")
    String serverCommsAddress;

    @Option(names = "--server-comms-port", paramLabel = "PORT",
            description = "TentacleActive: the server's polling port (default: the one the server reports, usually"
                    + " 10943).")
    Integer serverCommsPort;

    @Option(names = "--force",
            description = "Replace a machine of the same name on the server (it is removed and registered again)"
                    + " instead of failing.")
    boolean force;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile, String server, ThumbprintsView serverThumbprint,
            String serverTrust, MachineView machine, String replacedMachineId, TrustedServerView trustedServer) {
    }

    @Override
    public Integer call() {
        CommunicationStyle style = style(commsStyle);
        ServerConnection connection = api.connection();
        Supplier<String> hostName = () -> LocalHostName.of(context().environment()).orElseThrow(() ->
                new IllegalArgumentException("Cannot tell this machine's host name; give --name"
                        + (style == CommunicationStyle.LISTENING ? " and --publicHostName." : ".")));
        String machineName = name != null ? name : hostName.get();
        String host = style == CommunicationStyle.LISTENING ? (publicHostName != null ? publicHostName : hostName.get()) : null;
        var settings = new RegistrationSettings(connection, machineName, style,
                new MachineTags(environments, roles, tenants, policy), host,
                style == CommunicationStyle.LISTENING ? tentacleCommsPort : null,
                style == CommunicationStyle.POLLING ? serverCommsAddress : null,
                style == CommunicationStyle.POLLING ? serverCommsPort : null, force);
        TentacleInstance target = instance.resolve(context());
        warnAboutIgnoredOptions(style);

        Registration registration = new TentacleRegistrar().register(target, settings);

        RegisteredMachine machine = registration.machine();
        var result = new Result(target.name(), target.configFile().toString(), registration.server().address().toString(),
                ThumbprintsView.of(registration.server().thumbprints()), registration.server().trust().name(),
                MachineView.of(machine), registration.replaced() == null ? null : registration.replaced().id(),
                TrustedServerView.of(registration.trustedServer()));
        printer(format).print(result, out -> {
            out.println("Registered the Tentacle instance '" + target.name() + "' on the Octopus Server "
                    + registration.server().address() + " as the machine '" + machine.name() + "' (" + machine.id() + ").");
            if (registration.replaced() != null) {
                out.println("It replaces the machine " + registration.replaced().id() + " of the same name (--force).");
            }
            out.println(registration.trustedServer().isPolling()
                    ? "  Polling:      " + registration.trustedServer().address() + " as " + machine.uri()
                    : "  Listening:    " + machine.uri());
            out.println("  Thumbprint:   " + machine.thumbprint());
            out.println("  Environments: " + list(machine.environments()));
            out.println("  Roles:        " + list(machine.roles()));
            out.println("  Tenants:      " + list(machine.tenants()));
            out.println("  Policy:       " + machine.policyName());
            RegistrationViews.printServerCertificate(out, registration.server(), target.name(), true);
            TrustedServer trusted = registration.trustedServer();
            out.println(trusted.isPolling()
                    ? "The instance trusts it now, and polls " + trusted.address() + " as " + trusted.pollingUri() + "."
                    : "The instance trusts it now: the server may connect to it.");
            out.println("Saved " + target.configFile() + ".");
            out.println(RegistrationViews.restartHint(target.name()));
        });
        return 0;
    }

    /** TentaclePassive (listening) or TentacleActive (polling), the original's names for them, in any case. */
    static CommunicationStyle style(String text) {
        if (text == null) {
            return CommunicationStyle.LISTENING;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "tentaclepassive" -> CommunicationStyle.LISTENING;
            case "tentacleactive" -> CommunicationStyle.POLLING;
            default -> throw new IllegalArgumentException("Invalid value for --comms-style: '" + text + "'. Use"
                    + " TentaclePassive (the server connects to this listening Tentacle) or TentacleActive (this"
                    + " Tentacle polls the server).");
        };
    }

    private void warnAboutIgnoredOptions(CommunicationStyle style) {
        List<String> ignored = new ArrayList<>();
        if (style == CommunicationStyle.POLLING) {
            addIf(ignored, publicHostName != null, "--publicHostName");
            addIf(ignored, tentacleCommsPort != null, "--tentacle-comms-port");
        } else {
            addIf(ignored, serverCommsAddress != null, "--server-comms-address");
            addIf(ignored, serverCommsPort != null, "--server-comms-port");
        }
        if (!ignored.isEmpty()) {
            String other = style == CommunicationStyle.POLLING ? "TentaclePassive (listening)" : "TentacleActive (polling)";
            err().println("Note: " + String.join(" and ", ignored) + (ignored.size() == 1 ? " is" : " are") + " for "
                    + other + " Tentacles and " + (ignored.size() == 1 ? "is" : "are") + " ignored here.");
            err().flush();
        }
    }

    private static void addIf(List<String> list, boolean condition, String option) {
        if (condition) {
            list.add(option);
        }
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
