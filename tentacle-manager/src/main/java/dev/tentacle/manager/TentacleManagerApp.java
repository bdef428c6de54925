package dev.tentacle.manager;

import dev.tentacle.desktop.fx.AppWindow;
import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.FileManager;
import dev.tentacle.icons.ProductIcon;
import dev.tentacle.manager.instances.MainWindowView;
import dev.tentacle.manager.instances.MainWindowViewModel;
import dev.tentacle.manager.welcome.WelcomeView;
import dev.tentacle.manager.welcome.WelcomeViewModel;
import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The Tentacle Manager: the composition root. It is given what the screens need from the world (a
 * {@link ManagerContext}), the screens other parts provide ({@link Screens}: wizard, thumbprint verification, health
 * check) and how directories are opened; {@link Launcher} starts it for this machine, tests start it against a
 * temporary registry and a fake {@code systemctl}.
 */
public class TentacleManagerApp extends Application {
    private final ManagerContext context;
    private final Screens screens;
    private final FileManager files;
    private AppWindow app;
    private MainWindowView mainView;
    private Appearance appearance;

    /** For {@link Application#launch}: this machine's registry and services. */
    public TentacleManagerApp() {
        this(ManagerContext.forThisMachine(), FileManager.forThisMachine());
    }

    private TentacleManagerApp(ManagerContext context, FileManager files) {
        this(context, new AppScreens(context), files);
    }

    public TentacleManagerApp(ManagerContext context, Screens screens, FileManager files) {
        this.context = Objects.requireNonNull(context, "context");
        this.screens = Objects.requireNonNull(screens, "screens");
        this.files = Objects.requireNonNull(files, "files");
    }

    @Override
    public void start(Stage stage) {
        app = AppWindow.start(stage, ProductIcon.TENTACLE_MANAGER.pngs());
        appearance = app.appearance();

        MainWindowViewModel main = new MainWindowViewModel(context, files);
        mainView = new MainWindowView(main, screens, appearance, app.repeating());
        WelcomeViewModel welcome = new WelcomeViewModel(registryDescription(), main::refreshInstancesAndSelect,
                main::refreshInstances);
        ShellViewModel shellModel = new ShellViewModel(main, appearance);
        ShellView shell = new ShellView(shellModel, new WelcomeView(welcome, screens), mainView);

        app.show(shell.root(), shellModel.title(), 72, 48, shell::installAccelerators);

        main.refreshInstances();
        mainView.startPolling(() -> context.ui().run(() -> {
            main.pollStatus();
            main.pollInstances();
        }));
    }

    private String registryDescription() {
        try {
            return context.locations().describe();
        } catch (IllegalArgumentException e) {
            return "an unusable place: " + e.getMessage();
        }
    }

    /** The look the windows share, for tests that switch the theme; null before {@link #start}. */
    public Appearance appearance() {
        return appearance;
    }

    @Override
    public void stop() {
        if (mainView != null) {
            mainView.stopPolling();
        }
        if (app != null) {
            app.stop();
        }
    }
}
