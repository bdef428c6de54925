package dev.tentacle.desktop.thumbprint;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.desktop.fx.Fxml;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A certificate's thumbprint in both forms, SHA-1 (what Octopus users paste today) and SHA-256, each in a monospace
 * field that can be selected but not edited, with a Copy button. Copying says so beside the buttons for a few
 * seconds, and tells {@link #setOnCopied} (e.g. for a status bar). With no thumbprints the fields are empty and the
 * buttons disabled. Both managers show their thumbprints with it.
 */
public final class ThumbprintPanel {
    /** How long the "Copied" confirmation stays. */
    public static final Duration CONFIRMATION_SHOWN = Duration.seconds(4);
    private static final String COPY_ICON = "mdi2c-content-copy";
    private static final String COPIED_ICON = "mdi2c-check";

    private final ObjectProperty<CertificateThumbprints> thumbprints = new SimpleObjectProperty<>(this, "thumbprints");
    private final PauseTransition confirmation = new PauseTransition(CONFIRMATION_SHOWN);
    private Consumer<String> onCopied = text -> { };

    @FXML private GridPane root;
    @FXML private Label sha1Label;
    @FXML private TextField sha1Field;
    @FXML private Button copySha1Button;
    @FXML private Label sha256Label;
    @FXML private TextField sha256Field;
    @FXML private Button copySha256Button;
    @FXML private Label copiedLabel;

    public ThumbprintPanel() {
        Fxml.load(this);
        sha1Label.setLabelFor(sha1Field);
        sha256Label.setLabelFor(sha256Field);
        sha1Field.textProperty().bind(Bindings.createStringBinding(
                () -> thumbprints.get() == null ? "" : thumbprints.get().sha1().hex(), thumbprints));
        sha256Field.textProperty().bind(Bindings.createStringBinding(
                () -> thumbprints.get() == null ? "" : thumbprints.get().sha256().hex(), thumbprints));
        copySha1Button.disableProperty().bind(thumbprints.isNull());
        copySha256Button.disableProperty().bind(thumbprints.isNull());
        copiedLabel.managedProperty().bind(copiedLabel.visibleProperty());
        confirmation.setOnFinished(event -> endConfirmation());
        thumbprints.addListener((o, before, now) -> endConfirmation());
    }

    public Parent root() {
        return root;
    }

    /** The thumbprints shown; null for none (e.g. while they are read, or when there is no certificate). */
    public ObjectProperty<CertificateThumbprints> thumbprintsProperty() {
        return thumbprints;
    }

    /** Told the text of each thumbprint copied. */
    public void setOnCopied(Consumer<String> listener) {
        this.onCopied = Objects.requireNonNull(listener, "listener");
    }

    @FXML
    private void copySha1() {
        copy("SHA-1", sha1Field.getText(), copySha1Button);
    }

    @FXML
    private void copySha256() {
        copy("SHA-256", sha256Field.getText(), copySha256Button);
    }

    private void copy(String form, String text, Button button) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        endConfirmation();
        copiedLabel.setText("Copied the " + form + " thumbprint to the clipboard.");
        copiedLabel.setVisible(true);
        button.setGraphic(new FontIcon(COPIED_ICON));
        confirmation.playFromStart();
        onCopied.accept(text);
    }

    private void endConfirmation() {
        confirmation.stop();
        copiedLabel.setVisible(false);
        copiedLabel.setText("");
        copySha1Button.setGraphic(new FontIcon(COPY_ICON));
        copySha256Button.setGraphic(new FontIcon(COPY_ICON));
    }
}
