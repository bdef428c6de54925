package dev.tentacle.contracts.scripts;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a script's log.
 *
 * @param source standard output, standard error or the agent's own note
 * @param text the line without its line break (very long lines are split)
 * @param occurred when the agent read the line
 * @param sequence the line's position in the log, starting at 1 and increasing by 1
 */
public record ProcessOutput(ProcessOutputSource source, String text, Instant occurred, long sequence) {
    public ProcessOutput {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(occurred, "occurred");
        if (sequence < 1) {
            throw new IllegalArgumentException("A log line's sequence starts at 1; got " + sequence + ".");
        }
    }
}
