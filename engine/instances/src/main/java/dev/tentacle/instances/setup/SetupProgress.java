package dev.tentacle.instances.setup;

import java.util.concurrent.CancellationException;

/** What a setup reports while it runs, and how it learns it was cancelled. */
public interface SetupProgress {
    /** A step began, by the title the setup lists it with. */
    void step(String title);

    /** A line of what the step did. Never holds a secret: no API key, no password. */
    void output(String line);

    /** True once the user asked to stop; checked before each step. */
    boolean isCancelled();

    /**
     * Begins the step, unless the user asked to stop.
     *
     * @throws CancellationException when {@link #isCancelled()}
     */
    default void begin(String title) {
        if (isCancelled()) {
            throw new CancellationException();
        }
        step(title);
    }

    /** Reports nothing and never cancels. */
    static SetupProgress silent() {
        return new SetupProgress() {
            @Override
            public void step(String title) {
            }

            @Override
            public void output(String line) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
