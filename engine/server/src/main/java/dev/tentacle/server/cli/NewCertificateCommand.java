package dev.tentacle.server.cli;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.server.admin.ServerInstanceSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code new-certificate}: generates the server instance's certificate. */
@Command(name = "new-certificate", mixinStandardHelpOptions = true,
        header = "Generates the instance's certificate.",
        sortOptions = false,
        description = {"Generates a new self-signed certificate (\"Octopus Portal\") for the instance and saves it in"
                + " HOME/Certificates/server.pfx. A certificate it replaces is kept as server.pfx.bak.",
            "Replacing a certificate changes the server's thumbprint: every Tentacle that trusts it must be told the"
                + " new one."})
final class NewCertificateCommand extends ServerCommand {
    @Mixin
    ServerInstanceOptions instance;

    @Option(names = "--if-blank", description = "Only generate one if the instance has none; otherwise keep it.")
    boolean ifBlank;

    @Mixin
    FormatOption format;

    record Result(String instance, String certificateFile, String sha1, String sha256, boolean generated) {
    }

    @Override
    public Integer call() {
        ServerInstance target = instance.resolve(registry());
        ServerInstanceSetup.Certificate certificate = ServerInstanceSetup.newCertificate(target, ifBlank);
        boolean generated = certificate.generated();
        CertificateThumbprints thumbprints = certificate.thumbprints();
        var result = new Result(target.name(), certificate.file().toString(), thumbprints.sha1().hex(),
                thumbprints.sha256().hex(), generated);
        printer(format).print(result, out -> {
            if (generated) {
                out.println("Generated a new certificate for the Octopus Server instance '" + target.name() + "' in "
                        + result.certificateFile() + ".");
            } else {
                out.println("The Octopus Server instance '" + target.name() + "' already has a certificate; kept it"
                        + " (--if-blank).");
            }
            out.println("The thumbprint of this Octopus Server is: " + describe(thumbprints));
        });
        return 0;
    }
}
