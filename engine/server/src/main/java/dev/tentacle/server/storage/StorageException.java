package dev.tentacle.server.storage;

/**
 * Storage failed. The message says what was being done, what went wrong and what to do about it; it never contains a
 * password. Subclasses tell the cases a caller handles differently apart.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
