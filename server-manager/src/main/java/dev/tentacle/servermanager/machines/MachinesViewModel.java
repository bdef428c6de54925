package dev.tentacle.servermanager.machines;

import dev.tentacle.desktop.fx.Actions;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.machines.MachineId;
import dev.tentacle.servermanager.ServerManagerContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The machines pane: the selected instance's machines with their newest health, filtered and searched, the selection,
 * the selected machine's details, and removing machines. {@link #poll()} reads storage again (the view calls it every
 * few seconds); a database that cannot be reached is reported in {@link #problemProperty()} and the pane recovers on
 * the first read that succeeds. Every storage call runs on the context's background executor; a result for an
 * instance that is no longer selected is dropped.
 */
public final class MachinesViewModel {
    private final ServerManagerContext context;
    private final Function<ServerInstance, Storage> storages;
    private final Actions actions;
    private final ObjectProperty<ServerInstance> instance = new SimpleObjectProperty<>(this, "instance");
    private final ObservableList<MachineRow> rows = FXCollections.observableArrayList();
    /** Held, not made anew per call: listeners of a read-only view live as long as the view. */
    private final ObservableList<MachineRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<MachineRow> visible = new FilteredList<>(rows);
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final ObservableList<String> environmentsView = FXCollections.unmodifiableObservableList(environments);
    private final ObservableList<String> roles = FXCollections.observableArrayList();
    private final ObservableList<String> rolesView = FXCollections.unmodifiableObservableList(roles);
    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(this, "status", StatusChoice.ANY);
    private final ObjectProperty<ModeChoice> mode = new SimpleObjectProperty<>(this, "mode", ModeChoice.ANY);
    private final ObjectProperty<String> environment = new SimpleObjectProperty<>(this, "environment");
    private final ObjectProperty<String> role = new SimpleObjectProperty<>(this, "role");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<RowFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", RowFilter.ALL);
    private final ObservableList<MachineId> selected = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final AtomicInteger readsInFlight = new AtomicInteger();
    private final MachineDetailsViewModel details;
    /** True while new rows are applied, when the selection changes only to be restored. */
    private boolean applying;

    public MachinesViewModel(ServerManagerContext context, Function<ServerInstance, Storage> storages) {
        this.context = Objects.requireNonNull(context, "context");
        this.storages = Objects.requireNonNull(storages, "storages");
        this.actions = new Actions(context.background(), context.ui());
        this.details = new MachineDetailsViewModel(context, storages);
        status.addListener((o, a, b) -> filterChanged());
        mode.addListener((o, a, b) -> filterChanged());
        environment.addListener((o, a, b) -> filterChanged());
        role.addListener((o, a, b) -> filterChanged());
        search.addListener((o, a, b) -> filterChanged());
        selected.addListener((ListChangeListener<MachineId>) change -> {
            if (!applying) {
                showDetails();
            }
        });
        instance.addListener((o, before, now) -> {
            if (!Objects.equals(before, now)) {
                instanceChanged();
            }
        });
        updateSummary();
    }

    // ---- state -------------------------------------------------------------------------------------------------

    /** The server instance whose machines are shown; null for none. */
    public ObjectProperty<ServerInstance> instanceProperty() {
        return instance;
    }

    /** Every machine of the instance, by name. */
    public ObservableList<MachineRow> rows() {
        return rowsView;
    }

    /** The machines the filter and the search let through. */
    public ObservableList<MachineRow> visibleRows() {
        return visible;
    }

    /** The environments in use, for the environment filter. */
    public ObservableList<String> environments() {
        return environmentsView;
    }

    /** The roles in use, for the role filter. */
    public ObservableList<String> roles() {
        return rolesView;
    }

    public ObjectProperty<StatusChoice> statusFilterProperty() {
        return status;
    }

    public ObjectProperty<ModeChoice> modeFilterProperty() {
        return mode;
    }

    /** The environment to show machines of; null for any. */
    public ObjectProperty<String> environmentFilterProperty() {
        return environment;
    }

    /** The role to show machines with; null for any. */
    public ObjectProperty<String> roleFilterProperty() {
        return role;
    }

    /** Text to look for in names and addresses. */
    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<RowFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** The selected machines; the view keeps it in step with the table's selection. */
    public ObservableList<MachineId> selection() {
        return selected;
    }

    /** Why the machines cannot be read (the database is down, say), with what to do; empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once the selected instance's machines were read, so that "none" means none rather than not yet. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** "3 machines", "2 of 5 machines shown", "No machines yet…". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The outcome of the last action, for the status line. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return actions.busyProperty();
    }

    /** True when an instance is selected and readable: health-checking all its machines makes sense. */
    public BooleanBinding canCheckAllProperty() {
        return Bindings.createBooleanBinding(() -> instance.get() != null && !rows.isEmpty(), instance, rows);
    }

    /** True when machines are selected and no action runs. */
    public BooleanBinding canActOnSelectionProperty() {
        return Bindings.createBooleanBinding(() -> instance.get() != null && !selected.isEmpty()
                && !actions.busyProperty().get(), instance, selected, actions.busyProperty());
    }

    public MachineDetailsViewModel details() {
        return details;
    }

    /** Where failures of actions go; the view shows them in a dialog. */
    public void setFailureHandler(Consumer<Failure> handler) {
        actions.setFailureHandler(handler);
    }

    public Failure lastFailure() {
        return actions.lastFailure();
    }

    /** The selected machines' rows, in table order. */
    public List<MachineRow> selectedRows() {
        return rows.stream().filter(row -> selected.contains(row.id())).toList();
    }

    /** Clears every filter and the search. */
    public void clearFilters() {
        status.set(StatusChoice.ANY);
        mode.set(ModeChoice.ANY);
        environment.set(null);
        role.set(null);
        search.set("");
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** Reads the machines again now, e.g. after an action. */
    public void refresh() {
        read();
    }

    /**
     * Reads the machines again unless a read is still running: for the periodic refresh. (A database that is down
     * makes each read wait for its connection timeout; polls do not pile up behind it.)
     */
    public void poll() {
        if (readsInFlight.get() == 0) {
            read();
        }
    }

    private void read() {
        ServerInstance target = instance.get();
        if (target == null) {
            return;
        }
        readsInFlight.incrementAndGet();
        actions.read(() -> MachineSnapshot.read(storages.apply(target)), snapshot -> {
            readsInFlight.decrementAndGet();
            if (target.equals(instance.get())) {
                apply(snapshot);
            }
        }, failure -> {
            readsInFlight.decrementAndGet();
            if (target.equals(instance.get())) {
                failed(failure);
            }
        });
        details.refresh();
    }

    private void apply(MachineSnapshot snapshot) {
        problem.set("");
        loaded.set(true);
        if (!rows.equals(snapshot.rows())) {
            // Replacing the rows clears a table's selection: keep the machines that are still there selected.
            List<MachineId> kept = new ArrayList<>(selected);
            kept.retainAll(snapshot.rows().stream().map(MachineRow::id).toList());
            applying = true;
            try {
                rows.setAll(snapshot.rows());
                selected.setAll(kept);
            } finally {
                applying = false;
            }
            showDetails();
        }
        if (!environments.equals(snapshot.environments())) {
            environments.setAll(snapshot.environments());
        }
        if (!roles.equals(snapshot.roles())) {
            roles.setAll(snapshot.roles());
        }
        updateSummary();
    }

    private void failed(Throwable failure) {
        loaded.set(true);
        String message = Failure.of("", failure).message();
        problem.set("The machines cannot be read: " + message + (rows.isEmpty() ? ""
                : " The list shows them as they were when last read."));
        updateSummary();
    }

    private void instanceChanged() {
        rows.clear();
        environments.clear();
        roles.clear();
        selected.clear();
        problem.set("");
        notice.set("");
        loaded.set(false);
        updateSummary();
        refresh();
    }

    private void filterChanged() {
        RowFilter now = new RowFilter(status.get() == null ? StatusChoice.ANY : status.get(),
                mode.get() == null ? ModeChoice.ANY : mode.get(), blankToNull(environment.get()),
                blankToNull(role.get()), search.get());
        filter.set(now);
        visible.setPredicate(now);
        updateSummary();
    }

    private void showDetails() {
        Optional<MachineRow> first = selected.isEmpty() ? Optional.empty()
                : rows.stream().filter(row -> row.id().equals(selected.getFirst())).findFirst();
        details.show(instance.get(), first.orElse(null));
    }

    private void updateSummary() {
        if (instance.get() == null) {
            summary.set("Select a server instance to see its machines.");
        } else if (!loaded.get()) {
            summary.set("Reading the machines…");
        } else if (rows.isEmpty()) {
            summary.set(problem.get().isEmpty() ? "No machines yet: add a listening Tentacle, or register one with"
                    + " tentacle register-with." : "");
        } else if (visible.size() == rows.size()) {
            summary.set(count(rows.size()));
        } else {
            summary.set(visible.size() + " of " + count(rows.size()) + " shown");
        }
    }

    private static String count(int machines) {
        return machines + (machines == 1 ? " machine" : " machines");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    /** The question to ask before removing the selected machines. */
    public String removalQuestion() {
        List<MachineRow> chosen = selectedRows();
        String which = chosen.size() == 1 ? "the machine '" + chosen.getFirst().name() + "'"
                : chosen.size() + " machines (" + String.join(", ", chosen.stream().map(MachineRow::name).toList()) + ")";
        return "Remove " + which + " from this server? The server stops connecting to "
                + (chosen.size() == 1 ? "it" : "them") + " and deletes " + (chosen.size() == 1 ? "its" : "their")
                + " health history; tasks keep their record. The Tentacle itself is not changed: it still trusts"
                + " this server, so it can be added again.";
    }

    /** Removes the selected machines (after the view asked), then reads the list again. */
    public void removeSelected() {
        ServerInstance target = instance.get();
        List<MachineRow> chosen = selectedRows();
        if (target == null || chosen.isEmpty()) {
            return;
        }
        String what = chosen.size() == 1 ? "'" + chosen.getFirst().name() + "'" : chosen.size() + " machines";
        actions.run("Removing " + what, "Could not remove " + what, progress -> {
            Storage storage = storages.apply(target);
            List<String> removed = new ArrayList<>();
            for (MachineRow row : chosen) {
                if (storage.machines().remove(row.id())) {
                    removed.add(row.name());
                }
            }
            storage.notifications().publish(StorageChannel.MACHINES);
            return removed;
        }, removed -> {
            notice.set(removed.isEmpty() ? "Nothing was removed: the machines were already gone."
                    : "Removed " + String.join(", ", removed) + ".");
            refresh();
        }, this::refresh);
    }
}
