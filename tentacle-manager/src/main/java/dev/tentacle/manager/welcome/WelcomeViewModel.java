package dev.tentacle.manager.welcome;

import dev.tentacle.desktop.welcome.WelcomeText;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The welcome screen, shown while there is no Tentacle instance: it explains what a Tentacle is and starts the setup
 * wizard. When the wizard created an instance, {@link #instanceCreated} hands its name on so that the main window
 * selects it.
 */
public final class WelcomeViewModel implements WelcomeText {
    private final String registryDescription;
    private final Consumer<String> created;
    private final Runnable cancelled;

    /**
     * @param registryDescription where instances are registered, so that a user who set one up elsewhere (another
     *     {@code OCTOPUS_INSTANCES_DIR}, another user) sees why it is not listed
     * @param created told the name of each instance the wizard creates
     * @param cancelled told when the wizard ended without creating one
     */
    public WelcomeViewModel(String registryDescription, Consumer<String> created, Runnable cancelled) {
        this.registryDescription = Objects.requireNonNull(registryDescription, "registryDescription");
        this.created = Objects.requireNonNull(created, "created");
        this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
    }

    @Override
    public String title() {
        return "Welcome to Tentacle Manager";
    }

    @Override
    public String introduction() {
        return "A Tentacle is the agent an Octopus Server deploys to and runs scripts on. It runs as a service on this"
                + " machine and either listens for the server (listening, port 10933) or connects out to it (polling)."
                + " Each side trusts the other by certificate thumbprint.";
    }

    @Override
    public String noInstances() {
        return "There is no Tentacle on this machine yet. Get started to set one up: the wizard asks how it talks to"
                + " the server, where it keeps its files, and whom to trust, then installs it as a service.";
    }

    @Override
    public String registry() {
        return WelcomeText.registeredIn(registryDescription);
    }

    /** The wizard ended: with the name of the instance it created, or empty when it was cancelled. */
    public void instanceCreated(Optional<String> name) {
        name.ifPresentOrElse(created, cancelled);
    }
}
