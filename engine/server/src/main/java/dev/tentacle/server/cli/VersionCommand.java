package dev.tentacle.server.cli;

import dev.tentacle.instances.cli.FormatOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code version}: this build's version, and the Java runtime and OS it runs on. */
@Command(name = "version", mixinStandardHelpOptions = true,
        header = "Shows the version, Java runtime and OS.",
        description = "Shows the version of this Octopus Server, and the Java runtime and OS it runs on.")
final class VersionCommand extends ServerCommand {
    @Mixin
    FormatOption format;

    record Result(String version, String java, String os) {
    }

    @Override
    public Integer call() {
        var result = new Result(ServerVersion.version(), ServerVersion.java(), ServerVersion.os());
        printer(format).print(result, out -> {
            out.println("Octopus Server for the JVM " + result.version());
            out.println("Java " + result.java() + ", " + result.os());
        });
        return 0;
    }
}
