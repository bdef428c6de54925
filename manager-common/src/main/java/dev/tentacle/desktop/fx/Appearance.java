package dev.tentacle.desktop.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;

/**
 * How the app looks, shared by all its windows: the light or dark theme (AtlantaFX Primer) and the text size. Every
 * size in the app's style sheet is in {@code em}, so changing the root font size scales the whole interface.
 */
public final class Appearance {
    public static final double SMALLEST = 0.8;
    public static final double LARGEST = 2.0;
    static final String STYLESHEET = "/dev/tentacle/desktop/app.css";
    private static final double STEP = 0.1;

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final DoubleProperty textScale = new SimpleDoubleProperty(this, "textScale", 1.0);

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The text size relative to the platform's default, from {@link #SMALLEST} to {@link #LARGEST}. */
    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    public void larger() {
        textScale.set(Math.min(LARGEST, round(textScale.get() + STEP)));
    }

    public void smaller() {
        textScale.set(Math.max(SMALLEST, round(textScale.get() - STEP)));
    }

    public void resetTextSize() {
        textScale.set(1.0);
    }

    /** The AtlantaFX user-agent style sheet of the chosen theme. */
    public String themeStylesheet() {
        return dark.get() ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** Gives a window's root the app's style sheet and the text size. */
    public void style(Parent root) {
        Objects.requireNonNull(root, "root");
        String sheet = Objects.requireNonNull(Appearance.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
        if (!root.getStylesheets().contains(sheet)) {
            root.getStylesheets().add(sheet);
        }
        root.styleProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "-fx-font-size: %.2fem;", textScale.get()), textScale));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
