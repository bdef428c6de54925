package dev.tentacle.desktop.wizard;

import dev.tentacle.desktop.wizard.WizardInstallViewModel.State;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * A whole setup wizard without its screens: the plan its pages describe together, and its install page, which
 * installs that plan. The app's subclass holds one ViewModel per page and decides their order.
 *
 * @param <P> the setup's plan
 */
public abstract class WizardViewModel<P> {
    /**
     * What the pages describe.
     *
     * @throws IllegalStateException or IllegalArgumentException when a page is not valid yet
     */
    public abstract P plan();

    /** The install page's ViewModel. */
    public abstract WizardInstallViewModel<P, ?> install();

    /** Starts the installation of what the pages describe. */
    public void startInstall() {
        install().install(plan());
    }

    /** The instance, once installed. */
    public Optional<String> installedInstance() {
        return install().installedInstance();
    }

    /** Whether the user may go on from the review page: not while an installation runs. */
    protected BooleanBinding reviewValid() {
        return install().runningProperty().not();
    }

    /** Whether the user may finish on the install page: once the installation succeeded. */
    protected BooleanBinding installValid() {
        return Bindings.equal(State.SUCCEEDED, install().stateProperty());
    }
}
