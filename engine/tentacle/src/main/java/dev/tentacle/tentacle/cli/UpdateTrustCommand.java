package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.tentacle.instance.TentacleInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code update-trust}: replaces a trusted server's thumbprint, keeping how it connects. */
@Command(name = "update-trust",
        header = "Replaces a trusted server's thumbprint.",
        sortOptions = false,
        description = "Replaces the thumbprint of a trusted Octopus Server whose certificate changed. Each entry keeps"
                + " its communication style, address and subscription id.")
final class UpdateTrustCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Option(names = "--oldThumbprint", required = true, paramLabel = "THUMBPRINT",
            description = "The thumbprint trusted now.")
    String oldThumbprint;

    @Option(names = "--newThumbprint", required = true, paramLabel = "THUMBPRINT",
            description = "The thumbprint to trust instead.")
    String newThumbprint;

    @Mixin
    FormatOption format;

    record Result(String instance, String configFile, String oldThumbprint, String newThumbprint) {
    }

    @Override
    public Integer call() {
        Thumbprint old = Thumbprints.parse("--oldThumbprint", oldThumbprint);
        Thumbprint replacement = Thumbprints.parse("--newThumbprint", newThumbprint);
        TentacleInstance target = instance.resolve(context());
        target.update(c -> c.withTrustReplaced(old, replacement));
        printer(format).print(new Result(target.name(), target.configFile().toString(), old.hex(), replacement.hex()),
                out -> out.println("The Tentacle instance '" + target.name() + "' now trusts " + replacement
                        + " instead of " + old + "."));
        return 0;
    }
}
