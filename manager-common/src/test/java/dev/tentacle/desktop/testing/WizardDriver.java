package dev.tentacle.desktop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.wizard.WizardPage;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
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

/**
 * Drives a setup wizard built on {@link WizardPage} with TestFX: its pages, fields and buttons, and waiting. Each
 * manager's robot extends it with how its wizard is typed into, clicked and photographed.
 *
 * @param <R> the robot itself, returned by the calls that chain
 */
public abstract class WizardDriver<R extends WizardDriver<R>> {
    private final FxRobot robot;

    protected WizardDriver(FxRobot robot) {
        this.robot = robot;
    }

    /** This robot, for calls that chain. */
    protected abstract R self();

    public FxRobot fx() {
        return robot;
    }

    /** Waits until the page with this id ("listening-page") is the one shown. */
    public WizardPage waitForPage(String id) {
        waitUntil(() -> currentPage().map(p -> p.getId().equals(id)).orElse(false), 15);
        return currentPage().orElseThrow();
    }

    public Optional<WizardPage> currentPage() {
        return robot.lookup(node -> node instanceof WizardPage && node.getScene() != null
                && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing())
                .tryQueryAs(WizardPage.class);
    }

    /** A node of the current page (or any open window) by its fx:id. */
    public <T extends Node> T node(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    /** The text of the label or field with this id. */
    public String text(String id) {
        Node node = node(id, Node.class);
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    /** Sets a long field's text at once (typing a whole path or thumbprint adds nothing but time). */
    public R paste(String id, String text) {
        TextInputControl field = node(id, TextInputControl.class);
        robot.interact(() -> field.setText(text));
        return self();
    }

    /** The wizard's visible button of this kind (Back, Next, Cancel...). */
    public Button wizardButton(ButtonData data) {
        return robot.lookup(node -> node instanceof Button button && button.isVisible()
                && ButtonBar.getButtonData(button) == data && button.getScene() != null
                && button.getScene().getWindow().isShowing()).queryAs(Button.class);
    }

    public boolean nextEnabled() {
        return !wizardButton(ButtonData.NEXT_FORWARD).isDisabled();
    }

    /** Clicks Next, which must be enabled. */
    public void next() {
        Button next = wizardButton(ButtonData.NEXT_FORWARD);
        assertThat(next.isDisabled()).as("Next is enabled on %s", currentPage().map(Node::getId).orElse("?")).isFalse();
        robot.clickOn(next);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the visible button with this text. */
    public void clickButton(String text) {
        robot.clickOn(robot.lookup((Predicate<Node>) node -> node instanceof Button b && text.equals(b.getText())
                && b.isVisible()).queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void waitUntil(Callable<Boolean> condition, int seconds) {
        waitUntil(condition, seconds, () -> "");
    }

    /** Waits, and on a timeout says what was there instead. */
    public static void waitUntil(Callable<Boolean> condition, int seconds, Supplier<String> instead) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting for the wizard " + instead.get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The open window whose title starts with this text. */
    public Window window(String titlePrefix) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titlePrefix) && w.isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError("No window titled " + titlePrefix));
    }
}
