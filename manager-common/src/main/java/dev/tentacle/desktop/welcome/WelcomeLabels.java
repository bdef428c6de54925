package dev.tentacle.desktop.welcome;

import javafx.scene.control.Label;

/** Shows a {@link WelcomeText} in the welcome screen's labels. */
public final class WelcomeLabels {
    private WelcomeLabels() {
    }

    public static void show(WelcomeText text, Label title, Label introduction, Label noInstances, Label registry) {
        title.setText(text.title());
        introduction.setText(text.introduction());
        noInstances.setText(text.noInstances());
        registry.setText(text.registry());
    }
}
