package dev.tentacle.desktop.fx;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The windows a manager opens from its main window (a log, a health check, a tool window): owned by that window, and
 * looking like it.
 */
public final class Windows {
    private Windows() {
    }

    /** A new window owned by {@code owner} (none when null) and, when {@code modal}, modal to it. */
    public static Stage ownedBy(Window owner, boolean modal) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            if (modal) {
                stage.initModality(Modality.WINDOW_MODAL);
            }
        }
        return stage;
    }

    /**
     * A tool window (add a Tentacle, run a script) showing {@code root}, owned by {@code owner} and styled like it (see
     * {@link #styleLike}); not shown yet.
     */
    public static Stage toolWindow(Window owner, boolean modal, Parent root, String title) {
        Stage stage = ownedBy(owner, modal);
        styleLike(owner, root);
        stage.setTitle(title);
        stage.setScene(new Scene(root));
        return stage;
    }

    /**
     * Gives {@code root} the owner's style sheets, before its own so that its own win, and the owner's text size as it
     * is now; nothing when the owner shows nothing.
     */
    public static void copyStyle(Window owner, Parent root) {
        Parent ownerRoot = rootOf(owner);
        if (ownerRoot != null) {
            root.getStylesheets().addAll(0, ownerRoot.getStylesheets());
            root.setStyle(ownerRoot.getStyle());
        }
    }

    /** Gives {@code root} the app's style sheet and, when there is an owner, follows the owner's text size. */
    public static void styleLike(Window owner, Parent root) {
        new Appearance().style(root);
        Parent ownerRoot = rootOf(owner);
        if (ownerRoot != null) {
            root.styleProperty().unbind();
            root.styleProperty().bind(ownerRoot.styleProperty());
        }
    }

    private static Parent rootOf(Window owner) {
        return owner == null || owner.getScene() == null ? null : owner.getScene().getRoot();
    }
}
