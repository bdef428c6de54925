package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.desktop.wizard.WritableDirectory;
import dev.tentacle.server.admin.StorageChoice;
import dev.tentacle.server.storage.ConnectionCheck;
import dev.tentacle.server.storage.PostgresAddress;
import dev.tentacle.server.storage.StorageConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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
import javafx.beans.value.ObservableStringValue;

/**
 * The database page: the embedded H2 database in the home directory (nothing to install), or PostgreSQL by host, port,
 * database, user and password. PostgreSQL settings must pass "Test connection" before the user may go on, and a test
 * counts only for the settings it tested: changing any of them asks for a new one. The test logs in once and reports
 * exactly what failed (wrong password, unknown database, unknown host, refused, unreachable, timed out).
 */
public final class DatabaseViewModel {
    /** The two kinds of storage. */
    public enum Kind {
        EMBEDDED, POSTGRESQL
    }

    /** How long "Test connection" waits for the database. */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(5);

    private final BiFunction<StorageConfiguration, Duration, ConnectionCheck.Result> tester;
    private final Executor background;
    private final UiThread ui;
    private final Supplier<Path> home;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.EMBEDDED);
    private final StringProperty host = new SimpleStringProperty(this, "host", "localhost");
    private final StringProperty port = new SimpleStringProperty(this, "port",
            Integer.toString(PostgresAddress.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty(this, "database", "octopus");
    private final StringProperty user = new SimpleStringProperty(this, "user", "octopus");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper hostError = new ReadOnlyStringWrapper(this, "hostError", "");
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError", "");
    private final ReadOnlyStringWrapper databaseError = new ReadOnlyStringWrapper(this, "databaseError", "");
    private final ReadOnlyStringWrapper userError = new ReadOnlyStringWrapper(this, "userError", "");
    private final ReadOnlyObjectWrapper<ConnectionCheck.Result> testResult = new ReadOnlyObjectWrapper<>(this,
            "testResult");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyStringWrapper testMessage = new ReadOnlyStringWrapper(this, "testMessage", "");
    private final BooleanBinding fieldsValid = Bindings.isEmpty(hostError).and(Bindings.isEmpty(portError))
            .and(Bindings.isEmpty(databaseError)).and(Bindings.isEmpty(userError));
    private final BooleanBinding tested = Bindings.createBooleanBinding(
            () -> testResult.get() != null && testResult.get().succeeded(), testResult);
    private final BooleanBinding valid = kind.isEqualTo(Kind.EMBEDDED).or(fieldsValid.and(tested).and(testing.not()));
    private final StringBinding embeddedLocation;
    private final StringBinding hint = Bindings.createStringBinding(() -> valid.get() ? ""
            : !fieldsValid.get() ? "Complete the PostgreSQL settings to test them."
            : testing.get() ? "" : testResult.get() == null ? "Test the connection to go on."
            : "Fix the settings and test the connection again to go on.", valid, fieldsValid, testing, testResult);
    private long generation;

    /**
     * @param tester tests a PostgreSQL connection ({@link ConnectionCheck#test})
     * @param home the home directory the user chose, for the embedded database's location
     * @param homeText the home directory as typed, for showing where the embedded database goes
     */
    public DatabaseViewModel(BiFunction<StorageConfiguration, Duration, ConnectionCheck.Result> tester,
            Executor background, UiThread ui, Supplier<Path> home, ObservableStringValue homeText) {
        this.tester = Objects.requireNonNull(tester, "tester");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.home = Objects.requireNonNull(home, "home");
        embeddedLocation = Bindings.createStringBinding(() -> WritableDirectory.parse(homeText.get())
                .map(dir -> dir.resolve(StorageConfiguration.DEFAULT_DATABASE_DIRECTORY).toString())
                .orElse("HOME/" + StorageConfiguration.DEFAULT_DATABASE_DIRECTORY), homeText);
        for (StringProperty field : new StringProperty[] {host, port, database, user, password}) {
            field.addListener((observable, before, after) -> settingsChanged());
        }
        kind.addListener((observable, before, after) -> settingsChanged());
        validate();
    }

    /** Any change makes an earlier test result stale, and one still running is ignored when it ends. */
    private void settingsChanged() {
        generation++;
        testResult.set(null);
        testing.set(false);
        testMessage.set("");
        validate();
    }

    private void validate() {
        hostError.set(host.get().isBlank() ? "Give the host name or IP address of the PostgreSQL server."
                : host.get().strip().chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '?')
                        ? "'" + host.get().strip() + "' is not a host name: give a name such as db.example.com or an"
                                + " IP address, without a scheme or path." : "");
        portError.set(PortText.problem(port.get(), "PostgreSQL port", PostgresAddress.DEFAULT_PORT).orElse(""));
        databaseError.set(database.get().isBlank() ? "Give the name of the database, such as octopus." : "");
        userError.set(user.get().isBlank() ? "Give the user the server logs in as." : "");
    }

    /** Logs in to the PostgreSQL database once, in the background; the result appears in {@link #testResultProperty}. */
    public void testConnection() {
        if (kind.get() != Kind.POSTGRESQL || !fieldsValid.get() || testing.get()) {
            return;
        }
        StorageConfiguration configuration = choice().configuration(home.get());
        long tested = generation;
        testing.set(true);
        testResult.set(null);
        testMessage.set("Connecting to " + host.get().strip() + ":" + port.get().strip() + "…");
        BackgroundJob.start(background, ui, progress -> tester.apply(configuration, TEST_TIMEOUT), result -> {
            if (tested == generation) {
                testing.set(false);
                testResult.set(result);
                testMessage.set(result.message());
            }
        }, failure -> {
            if (tested == generation) {
                testing.set(false);
                testResult.set(new ConnectionCheck.Failed(ConnectionCheck.Problem.OTHER,
                        "The connection could not be tested: " + failure.getMessage()));
                testMessage.set(testResult.get().message());
            }
        });
    }

    /** What the user chose; for PostgreSQL only when the fields are valid. */
    public StorageChoice choice() {
        if (kind.get() == Kind.EMBEDDED) {
            return StorageChoice.embedded();
        }
        return new StorageChoice.Postgres(host.get(), PortText.parse(port.get()).orElseThrow(), database.get(),
                user.get(), password.get());
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty hostErrorProperty() {
        return hostError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseErrorProperty() {
        return databaseError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userErrorProperty() {
        return userError.getReadOnlyProperty();
    }

    /** The last test's result for the current settings; null when there is none. */
    public ReadOnlyObjectProperty<ConnectionCheck.Result> testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** What the test is doing, found or why it failed; empty before a test. */
    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage.getReadOnlyProperty();
    }

    /** True when the PostgreSQL fields are complete, so that they can be tested. */
    public BooleanBinding fieldsValidProperty() {
        return fieldsValid;
    }

    /** Where the embedded database goes: HOME/Database. */
    public StringBinding embeddedLocationProperty() {
        return embeddedLocation;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** Why the user may not go on yet, for the page; empty when they may. */
    public StringBinding hintProperty() {
        return hint;
    }
}
