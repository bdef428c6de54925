package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.Printer;
import dev.tentacle.comms.CertificateThumbprints;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the context, {@code --help}, and where to print. */
abstract class BaseCommand implements Callable<Integer> {
    @ParentCommand
    TentacleCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    CliContext context() {
        return parent.context();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Printer printer(FormatOption format) {
        return new Printer(out(), format.format());
    }

    /** "SHA1 (SHA-256: SHA256)", the way a Tentacle's thumbprint is shown everywhere. */
    static String describe(CertificateThumbprints thumbprints) {
        return thumbprints.sha1() + " (SHA-256: " + thumbprints.sha256() + ")";
    }

    /** An instance name as it must be typed in a shell: in double quotes when it contains a space. */
    static String shellQuoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }
}
