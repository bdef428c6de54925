package dev.tentacle.servermanager;

import javafx.application.Application;

/**
 * Starts the Octopus Server Manager from the class path. A main class that is not itself an {@link Application} lets
 * the JavaFX jars sit on the class path rather than the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(ServerManagerApp.class, args);
    }
}
