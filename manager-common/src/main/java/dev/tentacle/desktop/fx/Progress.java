package dev.tentacle.desktop.fx;

/** What long work reports while it runs, and how it learns it was cancelled. */
public interface Progress {
    /** A new step began, e.g. "Generating the certificate". */
    void step(String description);

    /** A line of output of the current step, for the details view. */
    void output(String line);

    /** True once the user pressed Cancel; long work checks it between steps. */
    boolean isCancelled();
}
