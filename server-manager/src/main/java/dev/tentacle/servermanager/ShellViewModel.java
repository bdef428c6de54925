package dev.tentacle.servermanager;

import dev.tentacle.desktop.fx.Actions;
import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.server.admin.ServerInstance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window around the screens: the registered server instances and the one selected (kept up to date as the
 * {@code octopus-server} command line adds and removes instances), the welcome screen while there is none, and the
 * appearance (theme and text size) the View menu changes.
 */
public final class ShellViewModel {
    private final ServerManagerContext context;
    private final Appearance appearance;
    private final ObservableList<ServerInstance> instances = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper die with it. */
    private final ObservableList<ServerInstance> readOnlyInstances = FXCollections.unmodifiableObservableList(instances);
    private final ObjectProperty<ServerInstance> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final AtomicBoolean pollInFlight = new AtomicBoolean();
    private final Actions actions;
    private final BooleanBinding showWelcome;
    private final BooleanBinding showMain;

    public ShellViewModel(ServerManagerContext context, Appearance appearance) {
        this.context = Objects.requireNonNull(context, "context");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.actions = new Actions(context.background(), context.ui());
        this.showMain = Bindings.isNotEmpty(instances);
        this.showWelcome = loaded.getReadOnlyProperty().and(showMain.not());
    }

    public String title() {
        return "Octopus Server Manager";
    }

    /** Where instances are registered, as a phrase; says so when the place is unusable. */
    public String registryDescription() {
        try {
            return context.locations().describe();
        } catch (IllegalArgumentException e) {
            return "an unusable place: " + e.getMessage();
        }
    }

    /** The text of Help, About. */
    public String about() {
        String version = Optional.ofNullable(ShellViewModel.class.getPackage().getImplementationVersion())
                .orElse("development build");
        return "Octopus Server Manager " + version + System.lineSeparator() + System.lineSeparator()
                + "Sets up the Octopus Server instance on this machine, adds and verifies Tentacles, checks their"
                + " health and runs scripts on them. The octopus-server command line does the same from a shell"
                + " (octopus-server help)." + System.lineSeparator() + System.lineSeparator()
                + "Instances are registered in " + registryDescription() + "." + System.lineSeparator()
                + System.lineSeparator() + "Keys: Ctrl+N sets up a new server, F5 refreshes, Ctrl+Plus, Ctrl+Minus and"
                + " Ctrl+0 change the text size, Ctrl+Q quits.";
    }

    /** The registered instances, sorted as the registry sorts them. */
    public ObservableList<ServerInstance> instances() {
        return readOnlyInstances;
    }

    /** The selected instance; null when there is none. */
    public ObjectProperty<ServerInstance> selectedProperty() {
        return selected;
    }

    /** True once the registry was read for the first time, so that "no instances" means none rather than not yet. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True once the registry was read and holds no instance. */
    public BooleanBinding showWelcomeProperty() {
        return showWelcome;
    }

    /** True while there is an instance to show. */
    public BooleanBinding showMainProperty() {
        return showMain;
    }

    public Appearance appearance() {
        return appearance;
    }

    /** Where failures to read the registry go; the view shows them in a dialog. */
    public void setFailureHandler(Consumer<Failure> handler) {
        actions.setFailureHandler(handler);
    }

    /** The last failure reported, for tests; null when none. */
    public Failure lastFailure() {
        return actions.lastFailure();
    }

    /** Reads the registry again, keeping the selection when the instance still exists. */
    public void refreshInstances() {
        load(null);
    }

    /** Reads the registry again and selects {@code name}, e.g. after the setup wizard created it. */
    public void refreshInstancesAndSelect(String name) {
        load(Objects.requireNonNull(name, "name"));
    }

    /**
     * Reads the registry again for the periodic refresh: skipped while a read is still running, and failures are not
     * reported (the next refresh the user asks for reports them).
     */
    public void pollInstances() {
        if (!pollInFlight.compareAndSet(false, true)) {
            return;
        }
        actions.read(this::readInstances, read -> {
            pollInFlight.set(false);
            apply(read, null);
        }, failure -> pollInFlight.set(false));
    }

    private void load(String preferred) {
        actions.read(this::readInstances, read -> apply(read, preferred), failure -> {
            loaded.set(true);
            actions.report(Failure.of("Could not read the instance registry", failure));
        });
    }

    private List<ServerInstance> readInstances() {
        return context.registry().list().stream()
                .map(record -> new ServerInstance(record.name(), record.configFile())).toList();
    }

    private void apply(List<ServerInstance> read, String preferred) {
        if (!instances.equals(read)) {
            ServerInstance keep = selected.get();
            instances.setAll(read);
            // A list control may clear its selection when its items change.
            selected.set(keep);
        }
        Optional<ServerInstance> wanted = preferred == null ? Optional.empty()
                : read.stream().filter(instance -> instance.name().equalsIgnoreCase(preferred)).findFirst();
        if (wanted.isPresent()) {
            selected.set(wanted.get());
        } else if (selected.get() == null || !read.contains(selected.get())) {
            selected.set(read.isEmpty() ? null : read.getFirst());
        }
        loaded.set(true);
    }
}
