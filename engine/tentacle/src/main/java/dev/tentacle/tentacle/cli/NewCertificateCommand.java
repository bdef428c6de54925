package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.tentacle.instance.TentacleInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code new-certificate}: generates the instance's certificate. */
@Command(name = "new-certificate",
        header = "Generates the instance's certificate.",
        sortOptions = false,
        description = {"Generates a new self-signed certificate for the instance and saves it in"
                + " HOME/Certificates/tentacle.pfx. A certificate it replaces is kept as tentacle.pfx.bak.",
            "Replacing a certificate changes the Tentacle's thumbprint: every Octopus Server that trusts it must be"
                + " told the new one."})
final class NewCertificateCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Option(names = "--if-blank", description = "Only generate one if the instance has none; otherwise keep it.")
    boolean ifBlank;

    @Mixin
    FormatOption format;

    record Result(String instance, String certificateFile, String sha1, String sha256, boolean generated) {
    }

    @Override
    public Integer call() {
        TentacleInstance target = instance.resolve(context());
        boolean hadCertificate = target.configuration().certificate() != null;
        TentacleConfiguration saved = target.update(c -> target.certificates().newCertificate(c, ifBlank));
        boolean generated = !(ifBlank && hadCertificate);
        CertificateThumbprints thumbprints = target.identity(saved).thumbprints();
        var result = new Result(target.name(), saved.certificate().file().toString(), thumbprints.sha1().hex(),
                thumbprints.sha256().hex(), generated);
        printer(format).print(result, out -> {
            if (!generated) {
                out.println("The Tentacle instance '" + target.name() + "' already has a certificate; kept it"
                        + " (--if-blank).");
            } else {
                out.println("Generated a new certificate for the Tentacle instance '" + target.name() + "' in "
                        + result.certificateFile() + ".");
                if (hadCertificate) {
                    out.println("The certificate it replaces is kept as " + result.certificateFile() + ".bak; every"
                            + " Octopus Server that trusted the old thumbprint must now trust the new one.");
                }
            }
            out.println("The thumbprint of this Tentacle is: " + describe(thumbprints));
        });
        return 0;
    }
}
