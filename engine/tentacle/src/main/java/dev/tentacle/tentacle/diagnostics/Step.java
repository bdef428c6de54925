package dev.tentacle.tentacle.diagnostics;

/**
 * One check in a {@link CheckChain}: its place in the report and the work that decides it.
 *
 * @param order the result's {@link CheckResult#order()}
 */
record Step(int order, CheckKind kind, String name, Body body) {

    /** The work of a check. Blocking I/O is fine; it runs on its own virtual thread and is interrupted on cancel. */
    @FunctionalInterface
    interface Body {
        Verdict run() throws Exception;
    }
}
