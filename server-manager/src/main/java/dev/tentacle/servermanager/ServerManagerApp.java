package dev.tentacle.servermanager;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.FileManager;
import dev.tentacle.desktop.fx.Repeating;
import dev.tentacle.desktop.fx.WindowIcons;
import dev.tentacle.icons.ProductIcon;
import dev.tentacle.servermanager.server.ServerView;
import dev.tentacle.servermanager.server.ServerViewModel;
import dev.tentacle.servermanager.welcome.WelcomeView;
import dev.tentacle.servermanager.welcome.WelcomeViewModel;
import java.time.Duration;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.text.Font;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Subscription;

/**
 * The Octopus Server Manager: the composition root. It is given what the screens need from the world (a
 * {@link ServerManagerContext}), the storages of the instances it works on, the screens other packages provide
 * ({@link Screens}) and how directories are opened; {@link Launcher} starts it for this machine, tests start it
 * against a temporary registry and a fake {@code systemctl}.
 */
public class ServerManagerApp extends Application {
    /** How often the instance list, the service status and the comms port are read again. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(3);

    private final ServerManagerContext context;
    private final ServerStorages storages;
    private final Screens screens;
    private final FileManager files;
    private Repeating repeating;
    private AutoCloseable polling;
    private Appearance appearance;
    private ShellViewModel shell;
    private Subscription windowIcons = Subscription.EMPTY;

    /** For {@link Application#launch}: this machine's registry and services. */
    public ServerManagerApp() {
        this(ServerManagerContext.forThisMachine(), new ServerStorages());
    }

    private ServerManagerApp(ServerManagerContext context, ServerStorages storages) {
        this(context, storages, new AppScreens(context, storages), FileManager.forThisMachine());
    }

    public ServerManagerApp(ServerManagerContext context, ServerStorages storages, Screens screens) {
        this(context, storages, screens, FileManager.forThisMachine());
    }

    public ServerManagerApp(ServerManagerContext context, ServerStorages storages, Screens screens,
            FileManager files) {
        this.context = Objects.requireNonNull(context, "context");
        this.storages = Objects.requireNonNull(storages, "storages");
        this.screens = Objects.requireNonNull(screens, "screens");
        this.files = Objects.requireNonNull(files, "files");
    }

    @Override
    public void start(Stage stage) {
        appearance = new Appearance();
        Application.setUserAgentStylesheet(appearance.themeStylesheet());
        appearance.darkProperty().addListener((o, before, now) ->
                Application.setUserAgentStylesheet(appearance.themeStylesheet()));
        repeating = new Repeating();
        // The wizard, the dialogs and every other window get the icon as they open.
        windowIcons = WindowIcons.of(ProductIcon.OCTOPUS_SERVER_MANAGER.pngs()).applyToEveryWindow(stage);

        shell = new ShellViewModel(context, appearance);
        ServerViewModel server = new ServerViewModel(context, storages, files, shell.selectedProperty(),
                shell::refreshInstances);
        WelcomeViewModel welcome = new WelcomeViewModel(shell.registryDescription(), shell::refreshInstancesAndSelect);
        ShellView view = new ShellView(shell, new WelcomeView(welcome, screens), new ServerView(server, appearance),
                screens.machinesPane(shell.selectedProperty()), screens, server::refresh, Platform::exit);

        // Sized in em like everything else, and never larger than the screen.
        double em = Font.getDefault().getSize();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(80 * em, screen.getWidth()),
                Math.min(50 * em, screen.getHeight()));
        view.installAccelerators(scene);
        stage.setTitle(shell.title());
        stage.setScene(scene);
        stage.show();

        shell.refreshInstances();
        polling = repeating.every(POLL_INTERVAL, () -> context.ui().run(() -> {
            shell.pollInstances();
            server.poll();
        }));
    }

    /** The look the windows share, for tests that switch the theme; null before {@link #start}. */
    public Appearance appearance() {
        return appearance;
    }

    /** The window's state (instances, selection), for tests; null before {@link #start}. */
    public ShellViewModel shell() {
        return shell;
    }

    @Override
    public void stop() {
        windowIcons.unsubscribe();
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                // Cancelling a scheduled task does not fail.
            }
        }
        if (repeating != null) {
            repeating.close();
        }
        storages.close();
    }
}
