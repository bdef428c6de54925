package dev.tentacle.desktop.fx;

import dev.tentacle.instances.setup.SetupProgress;

/**
 * What long work reports while it runs, and how it learns it was cancelled; a {@link SetupProgress}, so that a setup
 * reports through it too.
 */
public interface Progress extends SetupProgress {
    /** A new step began, e.g. "Generating the certificate". */
    @Override
    void step(String description);

    /** A line of output of the current step, for the details view. */
    @Override
    void output(String line);

    /** True once the user pressed Cancel; long work checks it between steps. */
    @Override
    boolean isCancelled();
}
