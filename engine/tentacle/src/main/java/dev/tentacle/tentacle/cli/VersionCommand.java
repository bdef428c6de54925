package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.cli.FormatOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code version}: this build's version, and the Java runtime and OS it runs on. */
@Command(name = "version",
        header = "Shows the version, Java runtime and OS.",
        description = "Shows the version of this Tentacle, and the Java runtime and OS it runs on.")
final class VersionCommand extends BaseCommand {
    @Mixin
    FormatOption format;

    record Result(String version, String java, String os) {
    }

    @Override
    public Integer call() {
        var result = new Result(VersionInfo.version(), VersionInfo.javaVersion(), VersionInfo.operatingSystem());
        printer(format).print(result, out -> {
            out.println(VersionInfo.summary());
            out.println("Java " + result.java() + ", " + result.os());
        });
        return 0;
    }
}
