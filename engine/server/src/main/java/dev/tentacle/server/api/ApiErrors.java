package dev.tentacle.server.api;

import dev.tentacle.server.storage.StorageConflictException;
import dev.tentacle.server.storage.StorageException;
import dev.tentacle.server.storage.StorageNotFoundException;
import dev.tentacle.server.storage.StorageUnavailableException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into a JSON {@link ApiError} with the right status; nothing leaves as HTML or plain text. */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> send(ctx, e.toError()));
        app.exception(StorageException.class, (e, ctx) -> send(ctx, fromStorage(e)));
        app.exception(HttpResponseException.class, (e, ctx) -> send(ctx, fromJavalin(e, ctx)));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("API request {} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, new ApiError("The server failed to handle this request (" + e.getClass().getSimpleName()
                    + "); the server log has the details", ApiErrorCode.INTERNAL_ERROR, null));
        });
    }

    static ApiError fromStorage(StorageException e) {
        ApiErrorCode code;
        if (e instanceof StorageUnavailableException) {
            code = ApiErrorCode.STORAGE_UNAVAILABLE;
        } else if (e instanceof StorageNotFoundException) {
            code = ApiErrorCode.NOT_FOUND;
        } else if (e instanceof StorageConflictException) {
            code = ApiErrorCode.CONFLICT;
        } else {
            LOG.error("Storage failed", e);
            code = ApiErrorCode.INTERNAL_ERROR;
        }
        return new ApiError(e.getMessage(), code, null);
    }

    private static ApiError fromJavalin(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404) {
            return new ApiError("There is no endpoint " + ctx.method() + " " + ctx.path() + "; see docs/server-api.md "
                    + "for the endpoints", ApiErrorCode.NOT_FOUND, null);
        }
        ApiErrorCode code = e.getStatus() >= 500 ? ApiErrorCode.INTERNAL_ERROR : ApiErrorCode.BAD_REQUEST;
        return new ApiError(e.getMessage(), code, null);
    }

    private static void send(Context ctx, ApiError error) {
        ctx.status(error.code().status()).json(error);
    }
}
