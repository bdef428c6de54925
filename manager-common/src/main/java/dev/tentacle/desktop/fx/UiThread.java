package dev.tentacle.desktop.fx;

import javafx.application.Platform;

/**
 * Where ViewModels publish state changes: the JavaFX application thread in the app, the calling thread in unit tests
 * that run ViewModels without JavaFX.
 */
@FunctionalInterface
public interface UiThread {
    void run(Runnable action);

    /** The JavaFX application thread: runs at once when already on it, later otherwise. */
    static UiThread fx() {
        return action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        };
    }

    /** The calling thread, for ViewModel tests without a JavaFX toolkit. */
    static UiThread direct() {
        return Runnable::run;
    }
}
