package dev.tentacle.desktop.log;

import dev.tentacle.desktop.fx.AppTitle;
import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.Repeating;
import java.time.Duration;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the log view in its own window, following the file every half second until the window closes. */
public final class LogWindow {
    /** How often the file is read for new lines. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private LogWindow() {
    }

    public static Stage open(Window owner, LogViewModel viewModel, Repeating repeating, Appearance appearance) {
        LogView view = new LogView(viewModel);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        String app = AppTitle.of(owner, "");
        stage.setTitle(app.isEmpty() ? viewModel.title() : viewModel.title() + " — " + app);
        appearance.style(view.root());
        Scene scene = new Scene(view.root());
        stage.setScene(scene);
        // Sized in em, like everything else, so that larger text gets a larger window.
        double em = Font.getDefault().getSize() * appearance.textScaleProperty().get();
        stage.setWidth(70 * em);
        stage.setHeight(40 * em);
        AutoCloseable polling = repeating.every(POLL_INTERVAL, () -> Platform.runLater(viewModel::poll));
        stage.setOnHidden(event -> {
            try {
                polling.close();
            } catch (Exception e) {
                // Cancelling a scheduled task does not fail.
            }
        });
        stage.show();
        return stage;
    }
}
