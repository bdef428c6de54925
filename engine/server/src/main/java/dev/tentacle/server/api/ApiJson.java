package dev.tentacle.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/** The API's one JSON mapper, and request bodies read with errors that say what was wrong. */
final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ApiJson() {
    }

    /** Reads the request body as {@code type}; an empty, malformed or unexpected body is a 400. */
    static <T> T body(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ApiException(ApiErrorCode.BAD_REQUEST, "The request needs a JSON body; see docs/server-api.md "
                    + "for the fields of " + ctx.method() + " " + ctx.matchedPath());
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid(e.getPropertyName(), "Unknown field '" + e.getPropertyName()
                    + "'; allowed fields are " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiErrorCode.BAD_REQUEST, "The request body is not valid JSON for this endpoint: "
                    + e.getOriginalMessage());
        }
    }
}
