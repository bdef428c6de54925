package dev.tentacle.server.api;

import dev.tentacle.server.storage.apikeys.ApiKey;
import dev.tentacle.server.storage.apikeys.ApiKeyRepository;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks every request's API key, taken only from a header: {@value #API_KEY_HEADER} or {@code Authorization: Bearer}.
 * A key in the query string is refused outright, because URLs end up in logs, proxies and browser history.
 */
final class ApiKeyAuthentication {

    static final String API_KEY_HEADER = "X-Octopus-ApiKey";
    private static final String CALLER = "dev.tentacle.server.api.caller";
    private static final String BEARER = "bearer ";
    private static final Set<String> KEY_PARAMETERS = Set.of("apikey", "api_key", "api-key", "x-octopus-apikey", "key",
            "token", "access_token");

    private final ApiKeyRepository keys;

    ApiKeyAuthentication(ApiKeyRepository keys) {
        this.keys = keys;
    }

    void check(Context ctx) {
        refuseKeyInUrl(ctx);
        if (isOpen(ctx)) {
            return;
        }
        String presented = presentedKey(ctx);
        if (presented == null) {
            throw new ApiException(ApiErrorCode.UNAUTHORIZED, "This request needs an API key in the "
                    + API_KEY_HEADER + " header (or Authorization: Bearer API-...); create one with "
                    + "octopus-server create-api-key");
        }
        ApiKey key = keys.verify(presented).orElseThrow(() -> new ApiException(ApiErrorCode.UNAUTHORIZED,
                "The API key is not valid: it is unknown, mistyped or revoked; create a new one with "
                        + "octopus-server create-api-key"));
        ctx.attribute(CALLER, key);
    }

    /** The key that authenticated this request; only for routes behind {@link #check}. */
    static ApiKey caller(Context ctx) {
        ApiKey key = ctx.attribute(CALLER);
        if (key == null) {
            throw new IllegalStateException("No API key was checked for " + ctx.path());
        }
        return key;
    }

    /** {@code GET /api} is open: a Tentacle reads the server thumbprint from it before it has been trusted. */
    private static boolean isOpen(Context ctx) {
        return ctx.method() == HandlerType.GET && (ctx.path().equals("/api") || ctx.path().equals("/api/"));
    }

    private static void refuseKeyInUrl(Context ctx) {
        for (Map.Entry<String, java.util.List<String>> parameter : ctx.queryParamMap().entrySet()) {
            boolean keyName = KEY_PARAMETERS.contains(parameter.getKey().toLowerCase(Locale.ROOT));
            boolean keyValue = parameter.getValue().stream()
                    .anyMatch(value -> value.strip().toUpperCase(Locale.ROOT).startsWith("API-"));
            if (keyName || keyValue) {
                throw new ApiException(ApiErrorCode.API_KEY_IN_URL, "API keys are never accepted in the URL, "
                        + "where logs and proxies keep them; send the key in the " + API_KEY_HEADER + " header, "
                        + "and revoke this key if the URL may have been recorded");
            }
        }
    }

    private static String presentedKey(Context ctx) {
        String header = ctx.header(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }
}
