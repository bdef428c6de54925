package dev.tentacle.server.api;

/** The codes an API error carries in its {@code code} field; the HTTP status goes with the code. */
public enum ApiErrorCode {
    BAD_REQUEST(400),
    VALIDATION_FAILED(400),
    API_KEY_IN_URL(400),
    UNAUTHORIZED(401),
    NOT_FOUND(404),
    CONFLICT(409),
    INTERNAL_ERROR(500),
    STORAGE_UNAVAILABLE(503);

    private final int status;

    ApiErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
