package dev.tentacle.server.storage;

/**
 * The change contradicts what is stored: a name that is already taken, a machine policy still in use, a task that has
 * already finished. Nothing was written; retrying the same change fails the same way.
 */
public class StorageConflictException extends StorageException {

    public StorageConflictException(String message) {
        super(message);
    }

    public StorageConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
