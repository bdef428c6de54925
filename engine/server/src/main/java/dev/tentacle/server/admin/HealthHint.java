package dev.tentacle.server.admin;

import dev.tentacle.server.machines.HealthProblem;
import java.util.Objects;

/**
 * What a failed health check most likely means and what to check, in the order the troubleshooting guide checks it.
 *
 * @param problem the problem the hint is for
 * @param title what is wrong, in a few words: "Nothing is listening at web01:10933"
 * @param advice what to check and do, naming the commands, the machine's address and the thumbprints where known
 */
public record HealthHint(HealthProblem problem, String title, String advice) {
    public HealthHint {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(advice, "advice");
    }

    /** {@code title. advice}, for a line of text. */
    public String text() {
        return title + ". " + advice;
    }
}
