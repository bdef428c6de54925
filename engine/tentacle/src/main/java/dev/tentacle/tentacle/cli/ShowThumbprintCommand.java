package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.tentacle.instance.TentacleInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code show-thumbprint}: the instance certificate's thumbprints, for the Octopus Server to trust. */
@Command(name = "show-thumbprint",
        header = "Shows the thumbprint of the instance's certificate.",
        sortOptions = false,
        description = "Shows the thumbprint of the instance's certificate, in SHA-1 and SHA-256 form. Give it to the"
                + " Octopus Server when you add this Tentacle.")
final class ShowThumbprintCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Mixin
    FormatOption format;

    record Result(String sha1, String sha256) {
    }

    @Override
    public Integer call() {
        TentacleInstance target = instance.resolve(context());
        CertificateThumbprints thumbprints = target.identity(target.configuration()).thumbprints();
        printer(format).print(new Result(thumbprints.sha1().hex(), thumbprints.sha256().hex()),
                out -> out.println("The thumbprint of this Tentacle is: " + describe(thumbprints)));
        return 0;
    }
}
