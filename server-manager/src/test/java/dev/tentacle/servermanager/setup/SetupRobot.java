package dev.tentacle.servermanager.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.testing.Screenshots;
import dev.tentacle.desktop.wizard.WizardPage;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real server setup wizard with TestFX: pages, fields, the wizard's buttons, waiting, and screenshots. */
final class SetupRobot {
    private final FxRobot robot;

    SetupRobot(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits until the page with this id ("database-page") is the one shown. */
    WizardPage waitForPage(String id) {
        waitUntil(() -> currentPage().map(p -> p.getId().equals(id)).orElse(false), 15);
        return currentPage().orElseThrow();
    }

    Optional<WizardPage> currentPage() {
        return robot.lookup(node -> node instanceof WizardPage && node.getScene() != null
                && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing())
                .tryQueryAs(WizardPage.class);
    }

    <T extends Node> T node(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    String text(String id) {
        Node node = node(id, Node.class);
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    boolean visible(String id) {
        return node(id, Node.class).isVisible();
    }

    /** Replaces a field's text by typing, as a user would. */
    SetupRobot type(String id, String text) {
        clickOn(id);
        TextInputControl field = node(id, TextInputControl.class);
        robot.interact(field::clear);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo(text);
        return this;
    }

    /** Sets a long field's text at once (typing a whole path adds nothing but time). */
    SetupRobot paste(String id, String text) {
        TextInputControl field = node(id, TextInputControl.class);
        robot.interact(() -> field.setText(text));
        return this;
    }

    Button wizardButton(ButtonData data) {
        return robot.lookup(node -> node instanceof Button button && button.isVisible()
                && ButtonBar.getButtonData(button) == data && button.getScene() != null
                && button.getScene().getWindow().isShowing()).queryAs(Button.class);
    }

    boolean nextEnabled() {
        return !wizardButton(ButtonData.NEXT_FORWARD).isDisabled();
    }

    void next() {
        Button next = wizardButton(ButtonData.NEXT_FORWARD);
        assertThat(next.isDisabled()).as("Next is enabled on %s", currentPage().map(Node::getId).orElse("?")).isFalse();
        robot.clickOn(next);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Next from this page, after waiting for it. */
    void nextFrom(String page) {
        waitForPage(page);
        next();
    }

    /** Clicks the node, after scrolling the page to it as a user would. */
    void clickOn(String id) {
        Node node = node(id, Node.class);
        currentPage().ifPresent(page -> robot.interact(() -> page.reveal(node)));
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void clickButton(String text) {
        robot.clickOn(robot.lookup((Predicate<Node>) node -> node instanceof Button b && text.equals(b.getText())
                && b.isVisible()).queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(Callable<Boolean> condition, int seconds) {
        waitUntil(condition, seconds, () -> "");
    }

    /** Waits, and on a timeout says what was there instead. */
    static void waitUntil(Callable<Boolean> condition, int seconds, java.util.function.Supplier<String> instead) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting for the wizard " + instead.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the label or field with this id holds the text. */
    void waitForText(String id, String text, int seconds) {
        waitUntil(() -> text(id).contains(text), seconds, () -> "to show '" + text + "' in " + id + "; it shows '"
                + text(id) + "'");
    }

    /** The open window whose title starts with this text. */
    Window window(String titlePrefix) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titlePrefix) && w.isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError("No window titled " + titlePrefix));
    }

    /** Saves the wizard's window as docs/images/NAME with -Dscreenshots.update=true (target/screenshots always). */
    void screenshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window(SetupWizardView.TITLE).getScene(), name);
    }
}
