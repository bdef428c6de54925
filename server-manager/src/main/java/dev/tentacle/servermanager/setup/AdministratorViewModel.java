package dev.tentacle.servermanager.setup;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import dev.tentacle.server.admin.ServerApiKeys;

/**
 * The administrator's API key page: what the key is called. The key itself is created at install, when the database
 * exists, and shown once on the last page with Copy; the server keeps only a hash of it.
 */
public final class AdministratorViewModel {
    static final int MAXIMUM_NAME_LENGTH = 200;

    private final StringProperty keyName = new SimpleStringProperty(this, "keyName",
            ServerApiKeys.ADMINISTRATOR_KEY_NAME);
    private final ReadOnlyStringWrapper keyNameError = new ReadOnlyStringWrapper(this, "keyNameError", "");
    private final BooleanBinding valid = Bindings.isEmpty(keyNameError);

    public AdministratorViewModel() {
        keyName.addListener((observable, before, after) -> validate());
        validate();
    }

    private void validate() {
        String name = keyName.get() == null ? "" : keyName.get().strip();
        keyNameError.set(name.isEmpty() ? "Give the key a name that says what it is for, such as "
                + ServerApiKeys.ADMINISTRATOR_KEY_NAME + "."
                : name.length() > MAXIMUM_NAME_LENGTH ? "The name can be at most " + MAXIMUM_NAME_LENGTH
                        + " characters; it has " + name.length() + "."
                : name.chars().anyMatch(Character::isISOControl) ? "The name contains control characters (such as a"
                        + " tab); remove them." : "");
    }

    public StringProperty keyNameProperty() {
        return keyName;
    }

    public ReadOnlyStringProperty keyNameErrorProperty() {
        return keyNameError.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The name, without surrounding spaces; only when {@link #validProperty()} is true. */
    public String keyName() {
        return keyName.get().strip();
    }
}
