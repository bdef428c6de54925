package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.instances.cli.DurationText;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.TrueOrFalse;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.MachinePolicy;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code machine-policy set}: creates a policy, or changes the settings given of an existing one. */
@Command(name = "set", mixinStandardHelpOptions = true,
        header = "Creates a machine policy or changes one.",
        description = {"Creates the machine policy if there is none of that name (with Octopus's defaults for what is"
                + " not given: health check every hour, RPC retries on for 2 min 30 s), or changes only the settings"
                + " given. The change applies to health checks and scripts that start afterwards.",
            "Durations are written like 90s, 2m30s, 1h, 1d or PT2M30S."})
final class MachinePolicySetCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The policy's name.")
    String name;

    @Option(names = "--health-check-interval", paramLabel = "DURATION", converter = DurationText.class,
            description = "How often its machines are health-checked: 1 minute to 31 days.")
    Duration healthCheckInterval;

    @Option(names = "--rpc-retry", paramLabel = "true|false",
            description = "Whether calls to its machines are retried after a network failure.")
    String rpcRetryText;

    @Option(names = "--rpc-retry-duration", paramLabel = "DURATION", converter = DurationText.class,
            description = "For how long calls are retried, the first attempt included (Octopus's default: 2m30s).")
    Duration rpcRetryDuration;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        ServerInstance target = instance.resolve(registry());
        MachinePolicy saved;
        boolean created;
        try (Storage storage = target.openStorage()) {
            Optional<MachinePolicy> existing = storage.machinePolicies().findByName(name);
            created = existing.isEmpty();
            MachinePolicySettings settings = existing.map(MachinePolicy::settings)
                    .orElseGet(() -> MachinePolicySettings.defaults(name.strip()));
            if (healthCheckInterval != null) {
                settings = settings.withHealthCheckInterval(healthCheckInterval);
            }
            Boolean rpcRetry = TrueOrFalse.parse("--rpc-retry", rpcRetryText);
            if (rpcRetry != null) {
                settings = settings.withRpcRetryEnabled(rpcRetry);
            }
            if (rpcRetryDuration != null) {
                settings = settings.withRpcRetryDuration(rpcRetryDuration);
            }
            saved = created ? storage.machinePolicies().add(settings)
                    : storage.machinePolicies().update(existing.get().id(), settings);
        }
        MachinePolicyView view = MachinePolicyView.of(saved);
        printer(format).print(view, out -> out.println((created ? "Created " : "Changed ") + view.describe()));
        return 0;
    }
}
