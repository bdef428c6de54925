package dev.tentacle.desktop.fx;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/**
 * Small bindings the managers' windows share: text from a value that may be missing, a label shown only with text, a
 * coloured status, a button's equivalent command as its tooltip, the status bar, lists that follow their end, and
 * Copy.
 */
public final class Views {
    private static final String STATUS_PREFIX = "status-";

    private Views() {
    }

    /** The window that shows the node; null while it is not in a window. */
    public static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    /** The text of a value that may be null (nothing selected, not read yet): empty while it is. */
    public static <T> ObservableValue<String> text(ObservableValue<T> value, Function<T, String> text) {
        Objects.requireNonNull(text, "text");
        return Bindings.createStringBinding(() -> value.getValue() == null ? "" : text.apply(value.getValue()), value);
    }

    /** Shows the label only while it has text; it takes no space otherwise. */
    public static void showWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /**
     * Colours a status with one of the app style sheet's {@code status-} classes ({@code status-running},
     * {@code status-stopped}, ...), replacing the one it had; null for none.
     */
    public static void styleStatus(Label label, String styleClass) {
        if (styleClass != null && !styleClass.startsWith(STATUS_PREFIX)) {
            throw new IllegalArgumentException("Not a status style class: " + styleClass);
        }
        label.getStyleClass().removeIf(style -> style.startsWith(STATUS_PREFIX));
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
    }

    /** Says which command line does what the button does, as its tooltip; no tooltip for an empty command. */
    public static void equivalentCommand(Button button, String command) {
        button.setTooltip(command.isEmpty() ? null : new Tooltip("Equivalent command: " + command));
    }

    /** The status bar: the busy indicator while an action runs, what runs, and the last action's outcome. */
    public static void statusBar(ProgressIndicator busyIndicator, Label activityLabel, Label noticeLabel,
            ObservableBooleanValue busy, ObservableStringValue activity, ObservableStringValue notice) {
        busyIndicator.visibleProperty().bind(busy);
        busyIndicator.managedProperty().bind(busy);
        activityLabel.textProperty().bind(activity);
        noticeLabel.textProperty().bind(notice);
    }

    /** Puts the text on the system clipboard. */
    public static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Scrolls the list to its last item whenever {@code items} change while {@code following} says so. */
    public static void followEnd(ListView<?> list, ObservableList<?> items, BooleanSupplier following) {
        Objects.requireNonNull(following, "following");
        items.addListener((ListChangeListener<Object>) change -> {
            if (following.getAsBoolean() && !list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
    }

    /** Scrolls to the first item that matches, e.g. the first result that needs attention; false when none does. */
    public static <T> boolean scrollToFirst(ListView<T> list, Predicate<? super T> which) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (which.test(list.getItems().get(i))) {
                list.scrollTo(i);
                return true;
            }
        }
        return false;
    }
}
