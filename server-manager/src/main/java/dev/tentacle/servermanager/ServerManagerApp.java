package dev.tentacle.servermanager;

import dev.tentacle.desktop.fx.Appearance;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The Octopus Server Manager: the composition root. It is given what the screens need from the world (a
 * {@link ServerManagerContext}) and the screens ({@link Screens}); {@link Launcher} starts it for this machine, tests
 * start it against a temporary registry and a fake {@code systemctl}. (Being built: the server window comes next.)
 */
public class ServerManagerApp extends Application {
    private final ServerManagerContext context;
    private final ServerStorages storages;
    private final Screens screens;

    /** For {@link Application#launch}: this machine's registry and services. */
    public ServerManagerApp() {
        this(ServerManagerContext.forThisMachine(), new ServerStorages());
    }

    private ServerManagerApp(ServerManagerContext context, ServerStorages storages) {
        this(context, storages, new AppScreens(context, storages));
    }

    public ServerManagerApp(ServerManagerContext context, ServerStorages storages, Screens screens) {
        this.context = Objects.requireNonNull(context, "context");
        this.storages = Objects.requireNonNull(storages, "storages");
        this.screens = Objects.requireNonNull(screens, "screens");
    }

    @Override
    public void start(Stage stage) {
        Appearance appearance = new Appearance();
        Application.setUserAgentStylesheet(appearance.themeStylesheet());
        TabPane tabs = new TabPane(new Tab("Server", new Label("Server: not built yet")),
                new Tab("Machines", screens.machinesPane(new javafx.beans.property.SimpleObjectProperty<>())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        appearance.style(tabs);
        stage.setTitle("Octopus Server Manager");
        stage.setScene(new Scene(tabs, 1000, 700));
        stage.show();
    }

    @Override
    public void stop() {
        storages.close();
    }
}
