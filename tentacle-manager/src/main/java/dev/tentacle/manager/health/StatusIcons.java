package dev.tentacle.manager.health;

import dev.tentacle.tentacle.diagnostics.CheckStatus;
import java.util.Locale;

/** The Ikonli icon and style class of each check status and of the whole run's outcome. */
final class StatusIcons {
    private StatusIcons() {
    }

    static String literal(CheckStatus status) {
        return switch (status) {
            case PASSED -> "mdi2c-check-circle";
            case WARNING -> "mdi2a-alert";
            case FAILED -> "mdi2c-close-circle";
            case SKIPPED -> "mdi2m-minus-circle-outline";
        };
    }

    static String styleClass(CheckStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static String literal(HealthCheckViewModel.Outcome outcome) {
        return switch (outcome) {
            case NOT_RUN, RUNNING -> "mdi2h-heart-pulse";
            case ALL_PASSED -> "mdi2c-check-circle";
            case WARNINGS -> "mdi2a-alert";
            case FAILURES, ERROR -> "mdi2c-close-circle";
            case CANCELLED -> "mdi2m-minus-circle-outline";
        };
    }

    static String styleClass(HealthCheckViewModel.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
