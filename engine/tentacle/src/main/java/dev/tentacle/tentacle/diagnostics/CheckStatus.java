package dev.tentacle.tentacle.diagnostics;

/** How one check came out. */
public enum CheckStatus {
    /** What was checked works. */
    PASSED,
    /** It works, or may, but something deserves attention; the result says what to do. */
    WARNING,
    /** It does not work; the result says what to do. */
    FAILED,
    /** Not checked: it does not apply, an earlier check it depends on failed, or the run was cancelled. */
    SKIPPED;

    /** True for the outcomes that come with advice: {@link #WARNING} and {@link #FAILED}. */
    public boolean needsAttention() {
        return this == WARNING || this == FAILED;
    }
}
