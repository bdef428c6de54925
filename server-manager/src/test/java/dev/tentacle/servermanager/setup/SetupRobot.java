package dev.tentacle.servermanager.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.testing.Screenshots;
import dev.tentacle.desktop.testing.WizardDriver;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real server setup wizard with TestFX: pages, fields, the wizard's buttons, waiting, and screenshots. */
final class SetupRobot extends WizardDriver<SetupRobot> {
    SetupRobot(FxRobot robot) {
        super(robot);
    }

    @Override
    protected SetupRobot self() {
        return this;
    }

    boolean visible(String id) {
        return node(id, Node.class).isVisible();
    }

    /** Replaces a field's text by typing, as a user would. */
    SetupRobot type(String id, String text) {
        clickOn(id);
        TextInputControl field = node(id, TextInputControl.class);
        fx().interact(field::clear);
        fx().write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo(text);
        return this;
    }

    /** Next from this page, after waiting for it. */
    void nextFrom(String page) {
        waitForPage(page);
        next();
    }

    /** Clicks the node, after scrolling the page to it as a user would. */
    void clickOn(String id) {
        Node node = node(id, Node.class);
        currentPage().ifPresent(page -> fx().interact(() -> page.reveal(node)));
        fx().clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the label or field with this id holds the text. */
    void waitForText(String id, String text, int seconds) {
        waitUntil(() -> text(id).contains(text), seconds, () -> "to show '" + text + "' in " + id + "; it shows '"
                + text(id) + "'");
    }

    /** Saves the wizard's window as docs/images/NAME with -Dscreenshots.update=true (target/screenshots always). */
    void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window(SetupWizardView.TITLE).getScene(), name);
    }
}
