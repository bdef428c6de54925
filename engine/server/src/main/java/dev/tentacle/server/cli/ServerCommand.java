package dev.tentacle.server.cli;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.cli.FormatOption;
import dev.tentacle.instances.cli.Printer;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.server.admin.NodeNames;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.TaskExecution;
import dev.tentacle.server.storage.Storage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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

    /** Messages for the person watching, on standard error: which node runs a task, a database that is away. */
    Consumer<String> notices() {
        PrintWriter err = err();
        return message -> {
            err.println(message);
            err.flush();
        };
    }

    /** Runs the tasks of a command on the instance; tasks are recorded as requested by the command line's user. */
    TaskExecution taskExecution(ServerInstance target, Storage storage) {
        return new TaskExecution(target, storage, context().commsOptions(),
                NodeNames.forCommand(ProcessHandle.current().pid()),
                "octopus-server command line (" + context().environment().userName() + ")", notices());
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
