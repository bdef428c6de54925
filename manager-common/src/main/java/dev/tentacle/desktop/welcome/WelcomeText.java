package dev.tentacle.desktop.welcome;

/**
 * What a manager's welcome screen says while there is no instance: each manager's welcome ViewModel words it for its
 * product, and {@link WelcomeLabels} shows it.
 */
public interface WelcomeText {
    String title();

    /** What the product does. */
    String introduction();

    /** That there is no instance yet, and what setting one up involves. */
    String noInstances();

    /** Where instances are registered: see {@link #registeredIn}. */
    String registry();

    /**
     * The registry line both managers show, so that a user who set an instance up elsewhere (another
     * {@code OCTOPUS_INSTANCES_DIR}, another user) sees why it is not listed.
     */
    static String registeredIn(String registryDescription) {
        return "Instances are registered in " + registryDescription + ".";
    }
}
