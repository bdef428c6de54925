package dev.tentacle.tentacle.diagnostics;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param order where this result belongs in the report; results arrive in any order while checks run concurrently,
 *     and sorting by this gives the order a person reads them in (configuration first, disk space last)
 * @param kind what was checked
 * @param name the check as shown, such as "Server port: octopus.example.com:10943"
 * @param status how it came out
 * @param finding what was found, in a sentence or two, with the values seen (port, address, thumbprints)
 * @param advice what to do, naming the command or setting to change; present for {@link CheckStatus#WARNING} and
 *     {@link CheckStatus#FAILED}, null for {@link CheckStatus#PASSED}, optional for {@link CheckStatus#SKIPPED}
 * @param elapsed how long the check took
 */
public record CheckResult(int order, CheckKind kind, String name, CheckStatus status, String finding, String advice,
        Duration elapsed) {

    /** Report order. */
    public static final Comparator<CheckResult> REPORT_ORDER = Comparator.comparingInt(CheckResult::order);

    public CheckResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A check result needs the name of the check");
        }
        if (finding == null || finding.isBlank()) {
            throw new IllegalArgumentException("The result of '" + name + "' needs a finding");
        }
        advice = advice == null || advice.isBlank() ? null : advice;
        if (status.needsAttention() && advice == null) {
            throw new IllegalArgumentException("The " + status + " result of '" + name + "' needs advice: what to do");
        }
        if (status == CheckStatus.PASSED && advice != null) {
            throw new IllegalArgumentException("The passed result of '" + name + "' has advice; a pass needs none");
        }
    }

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }

    /** {@code [FAILED] Listening port: finding} and the advice on a second line, for logs and plain text. */
    @Override
    public String toString() {
        return "[" + status + "] " + name + ": " + finding + (advice == null ? "" : System.lineSeparator() + "  -> " + advice);
    }
}
