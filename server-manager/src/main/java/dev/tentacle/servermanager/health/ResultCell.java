package dev.tentacle.servermanager.health;

import dev.tentacle.servermanager.machines.HealthIcons;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One machine in the health check: its status icon (a spinner while it is checked), name, how the check went, the
 * reason when it failed and what to check. The context menu copies the reason or the hint.
 */
final class ResultCell extends ListCell<MachineResult> {
    private final FontIcon icon = new FontIcon();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final StackPane status = new StackPane(icon, spinner);
    private final Label name = new Label();
    private final Label summary = new Label();
    private final Label message = new Label();
    private final Label hint = new Label();
    private final HBox row;

    ResultCell(ListView<MachineResult> list) {
        icon.setIconSize(22);
        spinner.setPrefSize(22, 22);
        spinner.setMaxSize(22, 22);
        name.getStyleClass().add("machine-name");
        summary.getStyleClass().add("machine-summary");
        message.getStyleClass().add("machine-message");
        hint.getStyleClass().add("machine-hint");
        hint.setGraphic(new FontIcon("mdi2l-lightbulb-on-outline"));
        for (Label label : new Label[] {message, hint}) {
            label.setWrapText(true);
            label.prefWidthProperty().bind(list.widthProperty().subtract(80));
            label.maxWidthProperty().bind(label.prefWidthProperty());
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.managedProperty().bind(label.visibleProperty());
        }
        HBox heading = new HBox(8, name, summary);
        heading.setAlignment(Pos.BASELINE_LEFT);
        VBox text = new VBox(4, heading, message, hint);
        HBox.setHgrow(text, Priority.ALWAYS);
        status.setAlignment(Pos.TOP_CENTER);
        row = new HBox(12, status, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.setFillHeight(false);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0);

        MenuItem copyReason = new MenuItem("Copy reason");
        copyReason.setOnAction(e -> copy(getItem() == null ? null : getItem().message()));
        MenuItem copyHint = new MenuItem("Copy what to check");
        copyHint.setOnAction(e -> copy(getItem() == null ? null : getItem().hintText()));
        copyHint.disableProperty().bind(hint.visibleProperty().not());
        setContextMenu(new ContextMenu(copyReason, copyHint));
    }

    @Override
    protected void updateItem(MachineResult item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        boolean waiting = item.state() == MachineResult.State.WAITING;
        spinner.setVisible(waiting);
        icon.setVisible(!waiting);
        HealthIcons.show(icon, item.status());
        name.setText(item.name());
        summary.setText(item.summary());
        message.setText(item.message());
        message.setVisible(!item.message().isEmpty());
        hint.setText(item.hintText());
        hint.setVisible(!item.hints().isEmpty());
        setGraphic(row);
        setAccessibleText(item.name() + ": " + item.summary() + ". " + item.message()
                + (item.hints().isEmpty() ? "" : " What to check: " + item.hintText()));
    }

    private static void copy(String text) {
        if (text != null && !text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
