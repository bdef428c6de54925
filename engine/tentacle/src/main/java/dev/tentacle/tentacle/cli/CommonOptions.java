package dev.tentacle.tentacle.cli;

import picocli.CommandLine.Option;

/**
 * Options every command takes: {@code --help}, and the original Tentacle's {@code --console} and {@code --nologo},
 * which scripts written for it pass to every command. Here every command already runs in the console and prints no
 * logo, so those two are accepted and change nothing.
 */
public final class CommonOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--console", hidden = true,
            description = "Accepted for scripts written for Octopus Tentacle; has no effect.")
    boolean console;

    @Option(names = "--nologo", hidden = true,
            description = "Accepted for scripts written for Octopus Tentacle; has no effect.")
    boolean nologo;
}
