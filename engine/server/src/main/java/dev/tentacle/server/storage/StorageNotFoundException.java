package dev.tentacle.server.storage;

/** A change refers to something that is not stored, such as a machine id that was removed or never existed. */
public class StorageNotFoundException extends StorageException {

    public StorageNotFoundException(String message) {
        super(message);
    }
}
