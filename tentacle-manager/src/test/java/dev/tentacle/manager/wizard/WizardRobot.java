package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.WizardPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real setup wizard with TestFX: pages, fields, the wizard's buttons, waiting, and screenshots. */
final class WizardRobot {
    /** Copies screenshots into docs/images too when set to true, as the other manager tests do. */
    static final String UPDATE_PROPERTY = "screenshots.update";
    /** The repository's docs/images (tests run in the module's directory). */
    static final Path IMAGES = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
            .resolve("docs").resolve("images");

    private final FxRobot robot;

    WizardRobot(FxRobot robot) {
        this.robot = robot;
    }

    FxRobot fx() {
        return robot;
    }

    /** Waits until the page with this id ("listening-page") is the one shown. */
    WizardPage waitForPage(String id) {
        waitUntil(() -> currentPage().map(p -> p.getId().equals(id)).orElse(false), 15);
        return currentPage().orElseThrow();
    }

    Optional<WizardPage> currentPage() {
        return robot.lookup(node -> node instanceof WizardPage && node.getScene() != null
                && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing())
                .tryQueryAs(WizardPage.class);
    }

    /** A node of the current page (or any open window) by its fx:id. */
    <T extends Node> T node(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    String text(String id) {
        Node node = node(id, Node.class);
        return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
    }

    /** Replaces a field's text by typing, as a user would. */
    WizardRobot type(String id, String text) {
        robot.clickOn("#" + id);
        TextInputControl field = node(id, TextInputControl.class);
        robot.interact(field::selectAll);
        robot.eraseText(1);
        robot.interact(field::clear);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo(text);
        return this;
    }

    /** Sets a long field's text at once (typing 64 characters adds nothing but time). */
    WizardRobot paste(String id, String text) {
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

    void clickOn(String id) {
        robot.clickOn("#" + id);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void clickButton(String text) {
        robot.clickOn(robot.lookup((Predicate<Node>) node -> node instanceof Button b && text.equals(b.getText())
                && b.isVisible()).queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting for the wizard", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The open window whose title starts with this text. */
    Window window(String titlePrefix) {
        List<Window> windows = robot.listWindows();
        return windows.stream().filter(w -> w instanceof javafx.stage.Stage s && s.getTitle() != null
                && s.getTitle().startsWith(titlePrefix) && w.isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError("No window titled " + titlePrefix));
    }

    /**
     * Saves a PNG of the window under target/screenshots and, with {@code -Dscreenshots.update=true}, into docs/images
     * (thumbprints and paths differ from run to run, so a plain test run leaves the tree as it was).
     */
    void screenshot(Window window, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = window.getScene();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        write(image, Path.of("target", "screenshots", name + ".png"));
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(image, IMAGES.resolve(name + ".png"));
        }
    }

    /** JavaFX image to PNG without javafx-swing: copy the pixels into an AWT image. */
    static void write(WritableImage image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
