package dev.tentacle.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppearanceTest {
    final Appearance appearance = new Appearance();

    @Test
    void textSizeStaysWithinItsLimits() {
        for (int i = 0; i < 30; i++) {
            appearance.larger();
        }
        assertThat(appearance.textScaleProperty().get()).isEqualTo(Appearance.LARGEST);
        for (int i = 0; i < 30; i++) {
            appearance.smaller();
        }
        assertThat(appearance.textScaleProperty().get()).isEqualTo(Appearance.SMALLEST);
        appearance.resetTextSize();
        assertThat(appearance.textScaleProperty().get()).isEqualTo(1.0);
    }

    @Test
    void darkSwitchesTheTheme() {
        String light = appearance.themeStylesheet();
        appearance.darkProperty().set(true);

        assertThat(appearance.themeStylesheet()).isNotEqualTo(light).containsIgnoringCase("dark");
    }
}
