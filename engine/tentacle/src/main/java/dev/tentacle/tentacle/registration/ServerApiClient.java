package dev.tentacle.tentacle.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;

/**
 * A client of the Octopus Server's machine API that pins the server's certificate (see {@link PinningTrustManager}).
 *
 * <p>{@link #verifyServer()} must come first: it reads {@code GET /api}, which needs no key, and checks that the
 * certificate presented in the handshake is the pinned one (or, without a pin, the one the server reports as its own)
 * and then pins it for every later connection. Only after that is the API key sent.
 */
public final class ServerApiClient implements AutoCloseable {
    /** The header the API key travels in. */
    public static final String API_KEY_HEADER = "X-Octopus-ApiKey";
    /** How long connecting may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** How long the server may take to answer one request. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ServerConnection connection;
    private final PinningTrustManager trust;
    private final HttpClient http;
    private ServerIdentity identity;

    private ServerApiClient(ServerConnection connection, PinningTrustManager trust, HttpClient http) {
        this.connection = connection;
        this.trust = trust;
        this.http = http;
    }

    /** A client for this server; it connects on the first request. */
    public static ServerApiClient connect(ServerConnection connection) {
        Objects.requireNonNull(connection, "connection");
        PinningTrustManager trust = connection.serverThumbprint() == null ? new PinningTrustManager()
                : new PinningTrustManager(connection.serverThumbprint());
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        HttpClient http = HttpClient.newBuilder()
                .sslContext(sslContext(trust))
                .sslParameters(parameters)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new ServerApiClient(connection, trust, http);
    }

    /**
     * Reads the server's information and checks its certificate; afterwards only that certificate is accepted.
     *
     * @throws RegistrationException when the server cannot be reached, presents a certificate other than the pinned
     *     one or than the one it reports, or does not answer as the Octopus Server's API
     */
    public ServerIdentity verifyServer() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(api("api")).GET(), "read the server's information");
        if (response.statusCode() != 200) {
            throw notTheApi(response, "GET /api answered HTTP " + response.statusCode());
        }
        ServerInfoBody info = parse(response, ServerInfoBody.class);
        if (info.thumbprints() == null || !Thumbprint.isValid(info.thumbprints().sha1())
                || !Thumbprint.isValid(info.thumbprints().sha256()) || info.pollingPort() == null) {
            throw notTheApi(response, "its answer to GET /api has no certificate thumbprints or polling port");
        }
        X509Certificate presented = presentedCertificate(response);
        CertificateThumbprints actual = CertificateThumbprints.of(presented);
        if (!actual.sha1().equals(Thumbprint.parse(info.thumbprints().sha1()))
                || !actual.sha256().equals(Thumbprint.parse(info.thumbprints().sha256()))) {
            throw new RegistrationException(RegistrationFailure.SERVER_CERTIFICATE_NOT_ITS_OWN, "The TLS connection to "
                    + ConnectionFailures.endpoint(connection.address()) + " presented the certificate "
                    + ConnectionFailures.describe(actual) + ", but the Octopus Server reports its own as "
                    + info.thumbprints().sha1() + " (SHA-256: " + info.thumbprints().sha256() + "). Something between"
                    + " this machine and the server terminates TLS (a proxy or load balancer), which is not supported:"
                    + " connect to the server directly. Nothing was sent to it, not even the API key.");
        }
        trust.pin(actual.sha256());
        ServerTrust basis = connection.serverThumbprint() == null ? ServerTrust.TRUSTED_ON_FIRST_USE : ServerTrust.PINNED;
        identity = new ServerIdentity(connection.address(), actual, basis, info.pollingPort(), info.product(),
                info.version());
        return identity;
    }

    /** The server as {@link #verifyServer()} found it. */
    public ServerIdentity identity() {
        return requireVerified();
    }

    /**
     * Registers a machine.
     *
     * @throws RegistrationException with {@link RegistrationFailure#NAME_CONFLICT} when the name is taken, and the
     *     other failures of the API and the network
     */
    public RegisteredMachine register(MachineRegistration registration) {
        String body = write(registration);
        HttpResponse<String> response = send(authenticated(api("api/machines"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                "register the machine '" + registration.name() + "'");
        if (response.statusCode() != 201) {
            throw failure(response, "register the machine '" + registration.name() + "'");
        }
        return parse(response, RegisteredMachine.class);
    }

    /** Every machine registered on the server, sorted by name; needs a valid API key. */
    public List<RegisteredMachine> machines() {
        return list("api/machines", "list its machines");
    }

    /** The machines registered with any of these thumbprints. */
    public List<RegisteredMachine> machinesWithThumbprints(List<Thumbprint> thumbprints) {
        String query = thumbprints.stream().map(t -> "thumbprint=" + t.hex()).collect(Collectors.joining("&"));
        return list("api/machines?" + query, "list the machines with this Tentacle's thumbprint");
    }

    /** The machine with exactly this name (ignoring case), if there is one. */
    public Optional<RegisteredMachine> machineNamed(String name) {
        // The API refuses query values that look like API keys ("API-..."), so for such a name the whole list is read.
        // The name filter matches text the name contains; the exact match is made here either way.
        String path = name.strip().toUpperCase(Locale.ROOT).startsWith("API-") ? "api/machines"
                : "api/machines?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        return list(path, "look up the machine '" + name + "'").stream()
                .filter(m -> m.name() != null && m.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * Removes a machine.
     *
     * @return false when there was no such machine (already removed)
     */
    public boolean remove(String machineId) {
        HttpResponse<String> response = send(authenticated(api("api/machines/" + machineId)).DELETE(),
                "remove the machine " + machineId);
        if (response.statusCode() == 204) {
            return true;
        }
        if (response.statusCode() == 404 && isJson(response)) {
            return false;
        }
        throw failure(response, "remove the machine " + machineId);
    }

    @Override
    public void close() {
        http.close();
    }

    private List<RegisteredMachine> list(String path, String action) {
        HttpResponse<String> response = send(authenticated(api(path)).GET(), action);
        if (response.statusCode() != 200) {
            throw failure(response, action);
        }
        try {
            return List.of(JSON.readValue(response.body(), RegisteredMachine[].class));
        } catch (JsonProcessingException e) {
            throw notTheApi(response, "its machine list is not the API's JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private HttpRequest.Builder authenticated(URI uri) {
        requireVerified();
        return HttpRequest.newBuilder(uri).header(API_KEY_HEADER, connection.apiKey());
    }

    private ServerIdentity requireVerified() {
        if (identity == null) {
            throw new IllegalStateException("verifyServer() must come first: the API key is only sent to a verified server");
        }
        return identity;
    }

    private URI api(String path) {
        return connection.address().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String action) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ConnectionFailures.translate(connection.address(), e, trust,
                    e instanceof java.net.http.HttpConnectTimeoutException ? CONNECT_TIMEOUT : REQUEST_TIMEOUT,
                    connection.serverThumbprint() != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + action + " on the Octopus Server.", e);
        }
    }

    /** The certificate of the connection that carried this response, or of the last handshake when the session is not exposed. */
    private X509Certificate presentedCertificate(HttpResponse<String> response) {
        Optional<SSLSession> session = response.sslSession();
        if (session.isPresent()) {
            try {
                Certificate[] chain = session.get().getPeerCertificates();
                if (chain.length > 0 && chain[0] instanceof X509Certificate certificate) {
                    return certificate;
                }
            } catch (SSLPeerUnverifiedException e) {
                // Fall back to what the trust manager saw.
            }
        }
        return trust.lastPresented().orElseThrow(() -> new IllegalStateException(
                "The TLS connection to " + connection.address() + " carried no server certificate."));
    }

    private RegistrationException failure(HttpResponse<String> response, String action) {
        ApiErrorBody error = isJson(response) ? errorBody(response) : null;
        if (error == null) {
            return notTheApi(response, "it answered HTTP " + response.statusCode() + " to the request to " + action);
        }
        String server = "The Octopus Server at " + connection.address();
        String detail = withoutFinalStop(error.error() == null ? "HTTP " + response.statusCode() : error.error());
        return switch (response.statusCode()) {
            case 401 -> new RegistrationException(RegistrationFailure.API_KEY_REJECTED, server + " refused the API key,"
                    + " so it did not " + action + ": " + detail + ". Check --apiKey: keys look like API-... and are"
                    + " shown only once, when created"
                    + (detail.contains("create-api-key") ? "." : "; create one with: octopus-server create-api-key --name NAME"));
            case 409 -> new RegistrationException(RegistrationFailure.NAME_CONFLICT, server + " could not " + action
                    + ": " + detail + ".");
            case 503 -> new RegistrationException(RegistrationFailure.STORAGE_UNAVAILABLE, server + " cannot reach its"
                    + " database, so it could not " + action + ": " + detail + ". Nothing was changed; try again when the"
                    + " server's database is back.");
            case 400, 404 -> new RegistrationException(RegistrationFailure.REGISTRATION_REFUSED, server + " refused to "
                    + action + ": " + detail + (error.field() == null ? "" : " (field '" + error.field() + "')") + ".");
            default -> new RegistrationException(RegistrationFailure.SERVER_ERROR, server + " failed to " + action
                    + " (HTTP " + response.statusCode() + (error.code() == null ? "" : ", " + error.code()) + "): "
                    + detail + ". The server's log has the details.");
        };
    }

    private static String withoutFinalStop(String text) {
        String stripped = text.strip();
        while (stripped.endsWith(".")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }

    private RegistrationException notTheApi(HttpResponse<String> response, String what) {
        String type = response.headers().firstValue("Content-Type").orElse("no content type");
        return new RegistrationException(RegistrationFailure.NOT_THE_SERVER_API, "Something answered at "
                + connection.address() + " over HTTPS, but not as the Octopus Server's API does: " + what + " ("
                + type + "). Check that --server is the Octopus Server's web address (port 8443 by default), not its"
                + " polling port (10943) or another web site.");
    }

    private static boolean isJson(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type")
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/json")).orElse(false);
    }

    private static ApiErrorBody errorBody(HttpResponse<String> response) {
        try {
            ApiErrorBody body = JSON.readValue(response.body(), ApiErrorBody.class);
            return body == null || body.error() == null && body.code() == null ? null : body;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private <T> T parse(HttpResponse<String> response, Class<T> type) {
        if (!isJson(response)) {
            throw notTheApi(response, "it answered HTTP " + response.statusCode() + " with something other than JSON");
        }
        try {
            T value = JSON.readValue(response.body(), type);
            if (value == null) {
                throw notTheApi(response, "it answered with an empty body");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw notTheApi(response, "its answer is not the API's JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static SSLContext sslContext(TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot make a TLS client: " + e.getMessage(), e);
        }
    }
}
