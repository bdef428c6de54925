package dev.tentacle.desktop.log;

import dev.tentacle.desktop.fx.UiThread;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The log view: the lines of an agent's log file as it grows, a search that highlights matching lines and can
 * filter to them, and whether the view keeps to the newest line. {@link #poll()} reads what was appended (off the UI
 * thread); the view calls it on a timer, tests call it directly.
 */
public final class LogViewModel {
    /** Older lines are dropped beyond this many, so that a log followed for days does not fill the memory. */
    public static final int MAX_LINES = 20_000;
    static final String RESTARTED = "—— The log file was replaced or truncated; reading it from its start ——";

    private final String instance;
    private final LogFollower follower;
    private final Executor background;
    private final UiThread ui;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper die with it. */
    private final ObservableList<String> readOnlyLines = FXCollections.unmodifiableObservableList(lines);
    private final FilteredList<String> visible = new FilteredList<>(lines);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty onlyMatching = new SimpleBooleanProperty(this, "onlyMatching", false);
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(this, "matchCount", 0);
    private final AtomicBoolean pollInFlight = new AtomicBoolean();

    public LogViewModel(String instance, Path file, Executor background, UiThread ui) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.follower = new LogFollower(file);
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        search.addListener((o, a, b) -> searchChanged());
        onlyMatching.addListener((o, a, b) -> searchChanged());
        status.set("Reading " + file + "…");
    }

    public String title() {
        return "Log of " + instance;
    }

    public Path file() {
        return follower.file();
    }

    /** Every line read, oldest first. */
    public ObservableList<String> lines() {
        return readOnlyLines;
    }

    /** The lines shown: all of them, or only the matching ones when {@link #onlyMatchingProperty()} is set. */
    public ObservableList<String> visibleLines() {
        return visible;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty onlyMatchingProperty() {
        return onlyMatching;
    }

    /** Keep the newest line in view as lines arrive. */
    public BooleanProperty followProperty() {
        return follow;
    }

    /** Which file is followed and how it goes, or why it cannot be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How many lines match the search; 0 when there is no search. */
    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** True when the search is not empty and the line contains it, ignoring case. */
    public boolean matches(String line) {
        String term = term();
        return !term.isEmpty() && line.toLowerCase(Locale.ROOT).contains(term);
    }

    /** Where the search term starts in {@code line}, ignoring case; -1 when it does not occur. */
    public int matchStart(String line, int from) {
        String term = term();
        return term.isEmpty() ? -1 : line.toLowerCase(Locale.ROOT).indexOf(term, from);
    }

    public int termLength() {
        return term().length();
    }

    /**
     * The index in {@link #visibleLines()} of the next matching line after {@code after}, wrapping around; -1 when
     * no line matches.
     */
    public int nextMatch(int after) {
        int size = visible.size();
        for (int step = 1; step <= size; step++) {
            int index = Math.floorMod(after + step, size);
            if (matches(visible.get(index))) {
                return index;
            }
        }
        return -1;
    }

    /** Reads what the file gained; skipped while the previous read still runs. */
    public void poll() {
        if (!pollInFlight.compareAndSet(false, true)) {
            return;
        }
        background.execute(() -> {
            LogFollower.Update update;
            try {
                update = follower.poll();
            } catch (IOException | RuntimeException e) {
                String reason = e instanceof AccessDeniedException ? "permission denied. The file belongs to the"
                        + " account the agent runs as: run this manager as that user (or as root) to read it."
                        : e.getMessage() + ".";
                ui.run(() -> {
                    pollInFlight.set(false);
                    status.set("Cannot read " + follower.file() + ": " + reason);
                });
                return;
            }
            ui.run(() -> {
                pollInFlight.set(false);
                apply(update);
            });
        });
    }

    private void apply(LogFollower.Update update) {
        if (update.missing()) {
            status.set("The log file " + follower.file() + " does not exist yet: the agent creates it when it runs."
                    + " Waiting for it…");
            return;
        }
        if (update.restarted()) {
            lines.add(RESTARTED);
        }
        if (!update.lines().isEmpty()) {
            lines.addAll(update.lines());
            if (lines.size() > MAX_LINES) {
                lines.remove(0, lines.size() - MAX_LINES);
            }
            countMatches();
        }
        status.set("Following " + follower.file() + " (" + lines.size() + (lines.size() == 1 ? " line)" : " lines)"));
    }

    private void searchChanged() {
        String term = term();
        visible.setPredicate(onlyMatching.get() && !term.isEmpty() ? this::matches : null);
        countMatches();
    }

    private void countMatches() {
        matchCount.set(term().isEmpty() ? 0 : (int) lines.stream().filter(this::matches).count());
    }

    private String term() {
        String value = search.get();
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
