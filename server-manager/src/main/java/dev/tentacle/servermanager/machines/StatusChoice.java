package dev.tentacle.servermanager.machines;

import dev.tentacle.server.storage.health.HealthStatus;

/** The health status filter's choices. */
public enum StatusChoice {
    ANY("Any status"), HEALTHY("Healthy"), UNHEALTHY("Unhealthy"), UNAVAILABLE("Unavailable"),
    NOT_CHECKED("Not checked");

    private final String label;

    StatusChoice(String label) {
        this.label = label;
    }

    boolean accepts(MachineRow row) {
        return switch (this) {
            case ANY -> true;
            case NOT_CHECKED -> row.status().isEmpty();
            case HEALTHY -> row.status().filter(s -> s == HealthStatus.HEALTHY).isPresent();
            case UNHEALTHY -> row.status().filter(s -> s == HealthStatus.UNHEALTHY).isPresent();
            case UNAVAILABLE -> row.status().filter(s -> s == HealthStatus.UNAVAILABLE).isPresent();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
