package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.server.storage.Storage;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code machine-policy list}. */
@Command(name = "list", mixinStandardHelpOptions = true, header = "Lists the machine policies.",
        description = "Lists the machine policies with their health-check interval and RPC retry settings.")
final class MachinePolicyListCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Mixin
    FormatOption format;

    record Result(List<MachinePolicyView> policies) {
    }

    @Override
    public Integer call() {
        ServerInstance target = instance.resolve(registry());
        List<MachinePolicyView> policies;
        try (Storage storage = target.openStorage()) {
            policies = storage.machinePolicies().list().stream().map(MachinePolicyView::of).toList();
        }
        printer(format).print(new Result(policies), out -> policies.forEach(policy -> out.println(policy.describe())));
        return 0;
    }
}
