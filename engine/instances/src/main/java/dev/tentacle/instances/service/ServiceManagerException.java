package dev.tentacle.instances.service;

/** An OS service could not be installed, controlled or queried. The message says what to do about it. */
public class ServiceManagerException extends RuntimeException {

    public ServiceManagerException(String message) {
        super(message);
    }

    public ServiceManagerException(String message, Throwable cause) {
        super(message, cause);
    }
}
