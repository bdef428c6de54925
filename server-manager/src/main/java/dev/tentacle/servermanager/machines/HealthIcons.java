package dev.tentacle.servermanager.machines;

import dev.tentacle.server.storage.health.HealthStatus;
import java.util.Locale;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icon and style class of each health status; "not checked" when there is none. */
public final class HealthIcons {
    private static final String[] CLASSES = {"healthy", "unhealthy", "unavailable", "not-checked"};

    private HealthIcons() {
    }

    public static String literal(HealthStatus status) {
        if (status == null) {
            return "mdi2h-help-circle-outline";
        }
        return switch (status) {
            case HEALTHY -> "mdi2c-check-circle";
            case UNHEALTHY -> "mdi2a-alert";
            case UNAVAILABLE -> "mdi2c-close-circle";
        };
    }

    public static String styleClass(HealthStatus status) {
        return status == null ? "not-checked" : status.name().toLowerCase(Locale.ROOT);
    }

    /** Makes {@code icon} show the status. */
    public static void show(FontIcon icon, HealthStatus status) {
        icon.setIconLiteral(literal(status));
        icon.getStyleClass().removeAll(CLASSES);
        if (!icon.getStyleClass().contains("health-icon")) {
            icon.getStyleClass().add("health-icon");
        }
        icon.getStyleClass().add(styleClass(status));
    }
}
