package dev.tentacle.instances.service;

import java.util.Objects;

/**
 * What a finished command returned.
 *
 * @param stdout what it printed on standard output, perhaps shortened (see {@link ProcessCommandRunner})
 * @param stderr what it printed on standard error, perhaps shortened
 */
public record CommandResult(Command command, int exitCode, String stdout, String stderr) {

    public CommandResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Standard output then standard error, trimmed; "(no output)" when both are empty. For messages. */
    public String output() {
        String out = stdout.strip();
        String err = stderr.strip();
        String both = out.isEmpty() ? err : err.isEmpty() ? out : out + System.lineSeparator() + err;
        return both.isEmpty() ? "(no output)" : both;
    }

    /**
     * A sentence for an error message: the command, its exit code and its output, indented so that it stands out.
     */
    public String describeFailure() {
        return "`" + command.display() + "` failed with exit code " + exitCode + ". It printed:"
                + System.lineSeparator() + output().indent(4).stripTrailing();
    }
}
