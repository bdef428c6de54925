package dev.tentacle.server.api;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.server.storage.Storage;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.util.Objects;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server's HTTPS API (see docs/server-api.md): Javalin on Jetty with one HTTPS connector that presents the
 * server's certificate, and no plain-HTTP connector. Every route but {@code GET /api} needs an API key in a header.
 *
 * <p>Task routes only queue tasks in storage; the server's task runner executes them.
 */
public final class ApiServer implements AutoCloseable {

    static final String PRODUCT = "Octopus Server (Tentacle for the JVM)";

    private final Javalin app;
    private final ServerConnector connector;

    private ApiServer(Javalin app, ServerConnector connector) {
        this.app = app;
        this.connector = connector;
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException when the port cannot be bound (the message names it)
     */
    public static ApiServer start(Storage storage, ApiServerSettings settings) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(settings, "settings");
        ServerConnector[] https = new ServerConnector[1];
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
            config.http.defaultContentType = "application/json";
            config.jetty.addConnector((server, httpConfiguration) -> {
                https[0] = ApiTls.httpsConnector(server, httpConfiguration, settings.identity(), settings.bindHost(),
                        settings.port());
                return https[0];
            });
        });
        ApiKeyAuthentication authentication = new ApiKeyAuthentication(storage.apiKeys());
        app.before(authentication::check);
        ServerInfo info = serverInfo(settings);
        app.get("/api", ctx -> ctx.json(info));
        new MachineRoutes(storage).register(app);
        new TaskRoutes(storage).register(app);
        ApiErrors.register(app);
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("Cannot start the API on " + settings.bindHost() + ":" + settings.port()
                    + " (" + e.getMessage() + "); is another program using that port? Choose another with "
                    + "the API port setting", e);
        }
        return new ApiServer(app, https[0]);
    }

    /** The port the API listens on; the one chosen when the settings asked for 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code https://localhost:<port>/api}, for clients on this machine. */
    public URI localUri() {
        return URI.create("https://localhost:" + port() + "/api");
    }

    /** Stops listening; requests in progress are ended. Calling it twice is harmless. */
    @Override
    public void close() {
        app.stop();
    }

    private static ServerInfo serverInfo(ApiServerSettings settings) {
        CertificateThumbprints thumbprints = CertificateThumbprints.of(settings.identity().certificate());
        String version = ApiServer.class.getPackage().getImplementationVersion();
        return new ServerInfo(PRODUCT, version == null ? "development build" : version,
                new ServerInfo.Thumbprints(thumbprints.sha1().hex(), thumbprints.sha256().hex()), settings.pollingPort());
    }
}
