package dev.tentacle.manager.instances;

/** The {@code tentacle} commands that do what the main window's buttons do, shown in their tooltips. */
public final class EquivalentCommands {
    /** The buttons that have an equivalent command. */
    public enum Action {
        START,
        STOP,
        RESTART,
        INSTALL,
        DELETE,
        SHOW_THUMBPRINT
    }

    private EquivalentCommands() {
    }

    /**
     * @param notInstalled whether the service is not installed yet, which makes Install service {@code --install}
     *     rather than {@code --reconfigure}
     */
    public static String forButton(Action action, String instanceName, boolean notInstalled) {
        String instance = " --instance " + ShellQuoting.quote(instanceName);
        return switch (action) {
            case START -> "tentacle service" + instance + " --start";
            case STOP -> "tentacle service" + instance + " --stop";
            case RESTART -> "tentacle service" + instance + " --restart";
            case INSTALL -> "tentacle service" + instance + (notInstalled ? " --install" : " --reconfigure");
            case DELETE -> "tentacle service" + instance + " --stop --uninstall && tentacle delete-instance" + instance;
            case SHOW_THUMBPRINT -> "tentacle show-thumbprint" + instance;
        };
    }
}
