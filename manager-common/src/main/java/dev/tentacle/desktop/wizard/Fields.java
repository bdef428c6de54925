package dev.tentacle.desktop.wizard;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Small bindings every wizard page uses: an input bound to its ViewModel property, an error shown under it, a node shown
 * only while a condition holds, a "Browse…" button, and Copy.
 */
public final class Fields {
    private Fields() {
    }

    /** Binds the field's text to the property both ways, and labels it for its mnemonic. */
    public static void bind(TextInputControl field, StringProperty property, Label label) {
        field.textProperty().bindBidirectional(property);
        if (label != null) {
            label.setLabelFor(field);
            label.setMnemonicParsing(true);
        }
    }

    /** Shows the message under a field when there is one; takes no space otherwise. */
    public static void showError(Label label, ObservableStringValue message) {
        label.textProperty().bind(message);
        label.visibleProperty().bind(Bindings.isNotEmpty(message));
        label.managedProperty().bind(label.visibleProperty());
        label.setWrapText(true);
        label.getStyleClass().addAll("field-error", "danger");
        FontIcon icon = new FontIcon("mdi2a-alert-circle-outline");
        icon.getStyleClass().add("danger");
        label.setGraphic(icon);
    }

    /** Shows a node only while the condition holds, taking no space otherwise. */
    public static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    public static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A "Browse…" button that puts the chosen directory into the property. */
    public static void browse(Button button, Property<String> property, String title) {
        button.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            nearestExisting(property.getValue()).ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
            Window window = button.getScene() == null ? null : button.getScene().getWindow();
            File chosen = chooser.showDialog(window);
            if (chosen != null) {
                property.setValue(chosen.getAbsolutePath());
            }
        });
    }

    private static Optional<Path> nearestExisting(String text) {
        try {
            Path path = text == null || text.isBlank() ? null : Path.of(text.strip()).toAbsolutePath();
            while (path != null && !Files.isDirectory(path)) {
                path = path.getParent();
            }
            return Optional.ofNullable(path);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
