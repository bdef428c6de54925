package dev.tentacle.servermanager.welcome;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The welcome screen, shown while there is no Octopus Server instance: it explains what the server does and starts
 * the setup wizard. When the wizard created an instance, {@link #instanceCreated} hands its name on so that the main
 * window selects it.
 */
public final class WelcomeViewModel {
    private final String registryDescription;
    private final Consumer<String> created;

    /**
     * @param registryDescription where instances are registered, so that a user who set one up elsewhere (another
     *     {@code OCTOPUS_INSTANCES_DIR}, another user) sees why it is not listed
     * @param created told the name of each instance the wizard creates
     */
    public WelcomeViewModel(String registryDescription, Consumer<String> created) {
        this.registryDescription = Objects.requireNonNull(registryDescription, "registryDescription");
        this.created = Objects.requireNonNull(created, "created");
    }

    public String title() {
        return "Welcome to Octopus Server Manager";
    }

    public String introduction() {
        return "An Octopus Server manages Tentacles: it registers them, checks their health and runs scripts on them."
                + " Listening Tentacles wait on port 10933 for the server to connect; polling Tentacles connect to the"
                + " server's comms port, 10943. Each side trusts the other by certificate thumbprint.";
    }

    public String noInstances() {
        return "There is no Octopus Server on this machine yet. Set one up: the wizard asks for a home directory, a"
                + " database (embedded H2 or PostgreSQL) and the ports, creates an administrator API key, and installs"
                + " the server as a service.";
    }

    public String registry() {
        return "Instances are registered in " + registryDescription + ".";
    }

    /** The wizard created the instance of this name. */
    public void instanceCreated(String name) {
        created.accept(Objects.requireNonNull(name, "name"));
    }
}
