package dev.tentacle.tentacle.diagnostics;

/**
 * What one step of a check chain concluded, before it is timed and numbered into a {@link CheckResult}.
 *
 * @param blocksRest when not null, the later steps of the same chain are not run and are reported as skipped with
 *     this reason, e.g. "the host name does not resolve"
 */
record Verdict(CheckStatus status, String finding, String advice, String blocksRest) {

    static Verdict passed(String finding) {
        return new Verdict(CheckStatus.PASSED, finding, null, null);
    }

    static Verdict warning(String finding, String advice) {
        return new Verdict(CheckStatus.WARNING, finding, advice, null);
    }

    static Verdict failed(String finding, String advice) {
        return new Verdict(CheckStatus.FAILED, finding, advice, null);
    }

    static Verdict skipped(String finding) {
        return new Verdict(CheckStatus.SKIPPED, finding, null, null);
    }

    /** The same verdict, and the chain's later steps are skipped because of {@code reason}. */
    Verdict blockingRest(String reason) {
        return new Verdict(status, finding, advice, reason);
    }
}
