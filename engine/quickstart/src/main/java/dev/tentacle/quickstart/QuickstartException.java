package dev.tentacle.quickstart;

/** A quickstart step failed; the message says what happened and what to do. */
public final class QuickstartException extends RuntimeException {
    public QuickstartException(String message) {
        super(message);
    }
}
