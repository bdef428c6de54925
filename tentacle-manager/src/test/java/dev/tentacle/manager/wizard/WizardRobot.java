package dev.tentacle.manager.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.testing.Screenshots;
import dev.tentacle.desktop.testing.WizardDriver;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real setup wizard with TestFX: pages, fields, the wizard's buttons, waiting, and screenshots. */
final class WizardRobot extends WizardDriver<WizardRobot> {
    WizardRobot(FxRobot robot) {
        super(robot);
    }

    @Override
    protected WizardRobot self() {
        return this;
    }

    /** Replaces a field's text by typing, as a user would. */
    WizardRobot type(String id, String text) {
        fx().clickOn("#" + id);
        TextInputControl field = node(id, TextInputControl.class);
        fx().interact(field::selectAll);
        fx().eraseText(1);
        fx().interact(field::clear);
        fx().write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo(text);
        return this;
    }

    void clickOn(String id) {
        fx().clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Saves a PNG of the window under target/screenshots and, with {@code -Dscreenshots.update=true}, into docs/images
     * (thumbprints and paths differ from run to run, so a plain test run leaves the tree as it was).
     */
    void screenshot(Window window, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.getScene(), name + ".png");
    }
}
