package dev.tentacle.server.api;

import java.util.Objects;

/** A request the API refuses; becomes an {@link ApiError} with the code's HTTP status. */
public final class ApiException extends RuntimeException {

    private final ApiErrorCode code;
    private final String field;

    public ApiException(ApiErrorCode code, String message) {
        this(code, null, message);
    }

    public ApiException(ApiErrorCode code, String field, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** A validation failure of one field; the message says what is allowed. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(ApiErrorCode.VALIDATION_FAILED, field, message);
    }

    public ApiErrorCode code() {
        return code;
    }

    public ApiError toError() {
        return new ApiError(getMessage(), code, field);
    }
}
