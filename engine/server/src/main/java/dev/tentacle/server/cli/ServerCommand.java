package dev.tentacle.server.cli;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.Printer;
import dev.tentacle.instances.registry.InstanceRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares, at any depth: the registry, and a printer for its output. */
abstract class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    InstanceRegistry registry() {
        return root().registry();
    }

    ServerCliContext context() {
        return root().context();
    }

    OctopusServerCommand root() {
        return (OctopusServerCommand) spec.root().userObject();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Printer printer(FormatOption format) {
        return new Printer(spec.commandLine().getOut(), format.format());
    }

    /** "SHA1 (SHA-256: SHA256)", as thumbprints are shown everywhere. */
    static String describe(CertificateThumbprints thumbprints) {
        return thumbprints.sha1() + " (SHA-256: " + thumbprints.sha256() + ")";
    }

    /** An argument as it must be typed in a shell: in double quotes when it contains a space. */
    static String shellQuoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }
}
