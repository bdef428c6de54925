package dev.tentacle.server.admin;

/** What {@link ServerSetup} reports while it runs, and how it learns it was cancelled. */
public interface SetupProgress {
    /** A step began, by its title in {@link ServerSetup#steps}. */
    void step(String title);

    /** A line of what the step did. Never holds a secret: no API key, no password. */
    void output(String line);

    /** True once the user asked to stop; checked before each step. */
    boolean isCancelled();

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
