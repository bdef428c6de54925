package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code import-certificate}: uses a certificate from a PKCS#12 file. */
@Command(name = "import-certificate",
        header = "Imports the instance's certificate from a .pfx file.",
        sortOptions = false,
        description = {"Imports a certificate with its private key from a PKCS#12 (.pfx) file. A copy is saved in"
                + " HOME/Certificates/tentacle.pfx, so the original may be moved or deleted afterwards; a certificate"
                + " it replaces is kept as tentacle.pfx.bak."})
final class ImportCertificateCommand extends BaseCommand {
    @Mixin
    InstanceOptions instance;

    @Option(names = "--from-file", required = true, paramLabel = "FILE", description = "The PKCS#12 (.pfx or .p12) file.")
    Path fromFile;

    @Option(names = "--pfx-password", paramLabel = "PASSWORD", description = "The file's password, if it has one.")
    String pfxPassword;

    @Mixin
    FormatOption format;

    record Result(String instance, String certificateFile, String sha1, String sha256) {
    }

    @Override
    public Integer call() {
        TentacleInstance target = instance.resolve(context());
        char[] password = pfxPassword == null ? new char[0] : pfxPassword.toCharArray();
        TentacleConfiguration saved = target.update(c -> target.certificates().importCertificate(c, fromFile, password));
        CertificateThumbprints thumbprints = target.identity(saved).thumbprints();
        var result = new Result(target.name(), saved.certificate().file().toString(), thumbprints.sha1().hex(),
                thumbprints.sha256().hex());
        printer(format).print(result, out -> {
            out.println("Imported the certificate in " + fromFile + " for the Tentacle instance '" + target.name()
                    + "' as " + result.certificateFile() + ".");
            out.println("The thumbprint of this Tentacle is: " + describe(thumbprints));
        });
        return 0;
    }
}
