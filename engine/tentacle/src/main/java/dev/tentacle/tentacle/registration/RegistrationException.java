package dev.tentacle.tentacle.registration;

import java.util.Objects;

/**
 * A registration or deregistration that failed: a {@link RegistrationFailure} code and a message that says what is
 * wrong and what to check. The message ends with the code in brackets, as comms errors do, so that a person can look
 * it up in docs/troubleshooting.md.
 */
public final class RegistrationException extends RuntimeException {
    private final RegistrationFailure failure;

    public RegistrationException(RegistrationFailure failure, String message) {
        this(failure, message, null);
    }

    public RegistrationException(RegistrationFailure failure, String message, Throwable cause) {
        super(message + " [" + Objects.requireNonNull(failure, "failure") + "]", cause);
        this.failure = failure;
    }

    public RegistrationFailure failure() {
        return failure;
    }
}
