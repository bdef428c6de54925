package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.cli.RegistrationViews.MachineView;
import dev.tentacle.tentacle.cli.RegistrationViews.ThumbprintsView;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.registration.Deregistration;
import dev.tentacle.tentacle.registration.RegisteredMachine;
import dev.tentacle.tentacle.registration.TentacleRegistrar;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deregister-from}: removes this Tentacle's machine from an Octopus Server, and stops trusting the server. */
@Command(name = "deregister-from",
        header = "Removes this Tentacle from an Octopus Server.",
        sortOptions = false,
        description = {"Removes the machines registered with this Tentacle's thumbprint from the Octopus Server, through"
                + " the server's HTTPS API, and makes the instance stop trusting (and polling) that server.",
            "Several machines with the thumbprint are removed only with --multiple. When none is registered, only the"
                + " trust is removed.",
            "Restart the Tentacle afterwards for the change to take effect."})
final class DeregisterFromCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Mixin
    ServerApiOptions api;

    @Option(names = "--multiple",
            description = "Remove every machine registered with this Tentacle's thumbprint, when there are several.")
    boolean multiple;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile, String server, ThumbprintsView serverThumbprint,
            String serverTrust, List<MachineView> removedMachines, List<TrustedServerView> removedTrust) {
    }

    @Override
    public Integer call() {
        var connection = api.connection();
        TentacleInstance target = instance.resolve(context());

        Deregistration deregistration = new TentacleRegistrar().deregister(target, connection, multiple);

        var result = new Result(target.name(), target.configFile().toString(), deregistration.server().address().toString(),
                ThumbprintsView.of(deregistration.server().thumbprints()), deregistration.server().trust().name(),
                deregistration.removed().stream().map(MachineView::of).toList(),
                deregistration.trustRemoved().stream().map(TrustedServerView::of).toList());
        printer(format).print(result, out -> {
            String server = "the Octopus Server " + deregistration.server().address();
            if (deregistration.removed().isEmpty()) {
                out.println("No machine on " + server + " is registered with this Tentacle's thumbprint; nothing to"
                        + " remove there.");
            }
            for (RegisteredMachine machine : deregistration.removed()) {
                out.println("Removed the machine '" + machine.name() + "' (" + machine.id() + ", " + machine.uri()
                        + ") from " + server + ".");
            }
            RegistrationViews.printServerCertificate(out, deregistration.server(), target.name(), false);
            if (deregistration.trustRemoved().isEmpty()) {
                out.println("The Tentacle instance '" + target.name() + "' did not trust this certificate; its"
                        + " configuration is unchanged.");
                return;
            }
            for (TrustedServer trust : deregistration.trustRemoved()) {
                out.println(trust.isPolling()
                        ? "The instance no longer trusts it, and stops polling " + trust.address() + " as "
                                + trust.pollingUri() + "."
                        : "The instance no longer trusts it: the server may not connect to it any more.");
            }
            out.println("Saved " + target.configFile() + ".");
            out.println(RegistrationViews.restartHint(target.name()));
        });
        return 0;
    }
}
