package dev.tentacle.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The body of every error response.
 *
 * @param error what went wrong and what to do about it
 * @param field the request field at fault, for validation errors; otherwise null and left out of the JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, ApiErrorCode code, String field) {

    public ApiError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(code, "code");
    }
}
