package dev.tentacle.manager.wizard;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.UiThread;
import dev.tentacle.tentacle.registration.ServerApiAddress;
import dev.tentacle.tentacle.registration.ServerCheck;
import dev.tentacle.tentacle.registration.ServerConnection;
import dev.tentacle.tentacle.registration.ServerTrust;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The polling page: the Octopus Server's web address and an API key, checked live with "Verify": the server must
 * answer as the API, present the certificate given here (or, when none is given, the one it reports as its own,
 * which is then learned and pinned for the rest of the setup), and accept the key. The user name and password fields
 * of the original are present, but this server takes API keys only, and says so.
 */
public final class PollingServerViewModel {
    /** Why there are user name and password fields that do not work. */
    public static final String CREDENTIALS_EXPLANATION = "The Octopus Server this Tentacle works with accepts API keys"
            + " only, not a user name and password. Create a key on the server with: octopus-server create-api-key"
            + " --name NAME. The key is used once, to register this Tentacle; afterwards the two trust each other by"
            + " certificate.";

    private final ServerCheck check;
    private final Executor background;
    private final UiThread ui;
    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty expectedThumbprint = new SimpleStringProperty(this, "expectedThumbprint", "");
    private final ReadOnlyStringWrapper inputError = new ReadOnlyStringWrapper(this, "inputError", "");
    private final ReadOnlyStringWrapper checkError = new ReadOnlyStringWrapper(this, "checkError", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking", false);
    private final ReadOnlyObjectWrapper<ServerCheck.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final BooleanBinding canVerify = Bindings.isEmpty(inputError).and(checking.not());
    private final BooleanBinding valid = Bindings.isEmpty(inputError).and(checking.not()).and(result.isNotNull());
    private int generation;
    private ServerConnection checkedConnection;

    public PollingServerViewModel(ServerCheck check, Executor background, UiThread ui) {
        this.check = Objects.requireNonNull(check, "check");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        for (StringProperty input : new StringProperty[] {serverUrl, apiKey, username, password, expectedThumbprint}) {
            input.addListener((observable, before, after) -> inputChanged());
        }
        validate();
    }

    private void inputChanged() {
        generation++; // a check still running answers for what was typed before
        checking.set(false);
        result.set(null);
        checkError.set("");
        checkedConnection = null;
        validate();
    }

    private void validate() {
        inputError.set(problem());
    }

    private String problem() {
        if (serverUrl.get().isBlank()) {
            return "Give the Octopus Server's web address, such as https://octopus.example.com:8443/.";
        }
        try {
            ServerApiAddress.parse(serverUrl.get());
        } catch (IllegalArgumentException e) {
            return e.getMessage().replace("--server ", "The server address ").replace("--server", "The server address")
                    .replace(" goes in --apiKey", " goes in the API key field");
        }
        if (apiKey.get().isBlank()) {
            return !username.get().isBlank() || !password.get().isBlank() ? CREDENTIALS_EXPLANATION
                    : "Paste an API key of the Octopus Server; create one on the server with: octopus-server"
                            + " create-api-key --name NAME";
        }
        if (!expectedThumbprint.get().isBlank() && !Thumbprint.isValid(expectedThumbprint.get())) {
            return "The server thumbprint is not valid: " + thumbprintProblem(expectedThumbprint.get())
                    + " Leave it empty to learn it from the server and compare it yourself.";
        }
        return "";
    }

    static String thumbprintProblem(String text) {
        try {
            Thumbprint.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Checks the server and the key in the background; the result or the error appears when it answers. */
    public void verify() {
        if (!canVerify.get()) {
            return;
        }
        ServerConnection connection = new ServerConnection(ServerApiAddress.parse(serverUrl.get()), apiKey.get(),
                expectedThumbprint.get().isBlank() ? null : Thumbprint.parse(expectedThumbprint.get()));
        int asked = ++generation;
        checking.set(true);
        checkError.set("");
        result.set(null);
        BackgroundJob.start(background, ui, progress -> check.check(connection), found -> {
            if (asked == generation) {
                checking.set(false);
                checkedConnection = connection;
                result.set(found);
            }
        }, failure -> {
            if (asked == generation) {
                checking.set(false);
                checkError.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
            }
        });
    }

    /**
     * The connection to register with: the key, and the server's certificate pinned (the one given, or the one the
     * check learned). Only when {@link #validProperty()} is true.
     */
    public ServerConnection pinnedConnection() {
        ServerCheck.Result checked = result.get();
        if (checked == null || checkedConnection == null) {
            throw new IllegalStateException("Verify the server first.");
        }
        return new ServerConnection(checkedConnection.address(), checkedConnection.apiKey(),
                checked.server().thumbprints().sha256());
    }

    /** What the user should do with the thumbprint the server presented. */
    public String trustExplanation() {
        ServerCheck.Result checked = result.get();
        if (checked == null) {
            return "";
        }
        CertificateThumbprints thumbprints = checked.server().thumbprints();
        return checked.server().trust() == ServerTrust.PINNED
                ? "The server presented exactly the certificate you gave, and accepted the API key."
                : "The server accepted the API key. Nothing but the server itself vouches for its certificate: before"
                        + " you go on, compare " + thumbprints.sha1() + " with what the Octopus Server shows (on the"
                        + " server: octopus-server show-thumbprint). From now on the setup only talks to the server with"
                        + " this certificate, and the Tentacle will trust only it.";
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** The server's thumbprint, when the user has it; empty to learn it from the server. */
    public StringProperty expectedThumbprintProperty() {
        return expectedThumbprint;
    }

    /** What is wrong with what was typed; empty when it can be verified. */
    public ReadOnlyStringProperty inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    /** Why the last check failed; empty when it did not. */
    public ReadOnlyStringProperty checkErrorProperty() {
        return checkError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** What the last successful check found; null before one, and after any input changes. */
    public ReadOnlyObjectProperty<ServerCheck.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canVerifyProperty() {
        return canVerify;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
