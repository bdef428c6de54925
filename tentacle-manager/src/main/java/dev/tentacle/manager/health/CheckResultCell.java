package dev.tentacle.manager.health;

import dev.tentacle.tentacle.diagnostics.CheckResult;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One check in the list: its status icon, its name, what was found, and, when it did not pass, what to do. The
 * context menu copies the finding or the advice, whose commands are meant to be pasted into a terminal.
 */
final class CheckResultCell extends ListCell<CheckResult> {
    private static final String[] STATUS_CLASSES = {"passed", "warning", "failed", "skipped"};

    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label finding = new Label();
    private final Label advice = new Label();
    private final HBox row;

    CheckResultCell(ListView<CheckResult> list) {
        icon.getStyleClass().add("status-icon");
        icon.setIconSize(22);
        name.getStyleClass().add("check-name");
        status.getStyleClass().add("check-status");
        finding.getStyleClass().add("check-finding");
        advice.getStyleClass().add("check-advice");
        for (Label label : new Label[] {finding, advice}) {
            // Wrap inside the list's width, less the icon, the padding and a scroll bar; grow as tall as the text.
            label.setWrapText(true);
            label.prefWidthProperty().bind(list.widthProperty().subtract(80));
            label.maxWidthProperty().bind(label.prefWidthProperty());
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        advice.managedProperty().bind(advice.visibleProperty());
        HBox heading = new HBox(8, name, status);
        heading.setAlignment(Pos.BASELINE_LEFT);
        VBox text = new VBox(4, heading, finding, advice);
        HBox.setHgrow(text, Priority.ALWAYS);
        row = new HBox(12, icon, text);
        row.setAlignment(Pos.TOP_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // Without this the cell asks for the width of its unwrapped text, and the list scrolls sideways instead.
        setPrefWidth(0);

        MenuItem copyFinding = new MenuItem("Copy finding");
        copyFinding.setOnAction(e -> copy(getItem() == null ? null : getItem().finding()));
        MenuItem copyAdvice = new MenuItem("Copy what to do");
        copyAdvice.setOnAction(e -> copy(getItem() == null ? null : getItem().advice()));
        copyAdvice.disableProperty().bind(advice.visibleProperty().not());
        setContextMenu(new ContextMenu(copyFinding, copyAdvice));
    }

    @Override
    protected void updateItem(CheckResult item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        icon.setIconLiteral(StatusIcons.literal(item.status()));
        icon.getStyleClass().removeAll(STATUS_CLASSES);
        icon.getStyleClass().add(StatusIcons.styleClass(item.status()));
        name.setText(item.name());
        status.setText(item.status().name());
        finding.setText(item.finding());
        advice.setText(item.advice() == null ? "" : "What to do: " + item.advice());
        advice.setVisible(item.advice() != null);
        setGraphic(row);
        setAccessibleText(item.status() + ": " + item.name() + ". " + item.finding()
                + (item.advice() == null ? "" : " What to do: " + item.advice()));
    }

    private static void copy(String text) {
        if (text != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
