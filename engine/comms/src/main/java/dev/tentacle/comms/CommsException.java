package dev.tentacle.comms;

import java.util.Objects;

/**
 * The one exception type the comms stack throws. It carries an {@link ErrorCode} to act on and a message
 * written for a person: what went wrong and what to check.
 */
public class CommsException extends RuntimeException {
    private final ErrorCode code;

    public CommsException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CommsException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
