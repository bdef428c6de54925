package dev.tentacle.desktop.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML: {@code Name.fxml} beside the view class {@code Name}, with the view itself as the controller,
 * so that views are built with their ViewModel in the constructor rather than by FXML.
 */
public final class Fxml {
    private Fxml() {
    }

    public static <T extends Parent> T load(Object view) {
        Class<?> type = view.getClass();
        URL location = type.getResource(type.getSimpleName() + ".fxml");
        if (location == null) {
            throw new IllegalStateException(type.getSimpleName() + ".fxml is missing beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + location + ": " + e.getMessage(), e);
        }
    }
}
