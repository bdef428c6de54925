package dev.tentacle.servermanager.machines;

/** The communication mode filter's choices. */
public enum ModeChoice {
    ANY("Any mode"), LISTENING("Listening"), POLLING("Polling");

    private final String label;

    ModeChoice(String label) {
        this.label = label;
    }

    boolean accepts(MachineRow row) {
        return switch (this) {
            case ANY -> true;
            case LISTENING -> !row.polling();
            case POLLING -> row.polling();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
