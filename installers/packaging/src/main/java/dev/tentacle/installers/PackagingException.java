package dev.tentacle.installers;

/** A package cannot be built; the message says what is wrong and what to do. */
public final class PackagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
