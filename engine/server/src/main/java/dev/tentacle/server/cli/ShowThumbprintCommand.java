package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.cli.FormatOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code show-thumbprint}: the server certificate's thumbprints, for Tentacles to trust. */
@Command(name = "show-thumbprint", mixinStandardHelpOptions = true,
        header = "Shows the thumbprint of the instance's certificate.",
        description = "Shows the thumbprint of the instance's certificate, in SHA-1 and SHA-256 form. Give it to each"
                + " Tentacle with: tentacle configure --trust THUMBPRINT")
final class ShowThumbprintCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Mixin
    FormatOption format;

    record Result(String sha1, String sha256) {
    }

    @Override
    public Integer call() {
        ServerInstance target = instance.resolve(registry());
        CertificateThumbprints thumbprints = target.certificates().load(target.configuration()).thumbprints();
        printer(format).print(new Result(thumbprints.sha1().hex(), thumbprints.sha256().hex()),
                out -> out.println("The thumbprint of this Octopus Server is: " + describe(thumbprints)));
        return 0;
    }
}
