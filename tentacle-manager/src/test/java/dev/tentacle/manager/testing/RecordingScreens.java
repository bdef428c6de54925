package dev.tentacle.manager.testing;

import dev.tentacle.manager.Screens;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Stands in for the wizard, verification and health check screens: records each call, and the wizard does what
 * the test gives it (creates an instance with the engine, or nothing as if cancelled).
 */
public final class RecordingScreens implements Screens {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile Supplier<Optional<String>> wizard = Optional::empty;

    public RecordingScreens wizardCreates(Supplier<Optional<String>> action) {
        this.wizard = action;
        return this;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public Optional<String> runSetupWizard(Window owner) {
        calls.add("wizard");
        return wizard.get();
    }

    @Override
    public void showThumbprintVerification(Window owner, String instance) {
        calls.add("verify " + instance);
    }

    @Override
    public void showHealthCheck(Window owner, String instance) {
        calls.add("health " + instance);
    }
}
