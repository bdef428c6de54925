package dev.tentacle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** An HTTPS client that trusts exactly the server's certificate, as a registering Tentacle pins it by thumbprint. */
public final class ApiTestClient {

    private final HttpClient http;
    private final URI base;
    private final String apiKey;

    public ApiTestClient(X509Certificate serverCertificate, int port, String apiKey) {
        this(pinnedClient(serverCertificate), URI.create("https://localhost:" + port), apiKey);
    }

    private ApiTestClient(HttpClient http, URI base, String apiKey) {
        this.http = http;
        this.base = base;
        this.apiKey = apiKey;
    }

    ApiTestClient withKey(String newKey) {
        return new ApiTestClient(http, base, newKey);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : ApiJson.MAPPER.readTree(response.body());
            return new Response(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        if (apiKey != null) {
            builder.header("X-Octopus-ApiKey", apiKey);
        }
        return builder;
    }

    static SSLContext pinnedContext(X509Certificate serverCertificate) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", serverCertificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {
                new WithoutHostNameCheck((X509ExtendedTrustManager) factory.getTrustManagers()[0])}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError("Cannot pin the server certificate: " + e, e);
        }
    }

    /**
     * The server certificate names "Octopus Portal", not localhost; trust is pinned to the certificate itself. This
     * checks the chain against the pinned certificate without the host name check that the HTTP client otherwise asks
     * of the trust manager. (Not the JDK's disableHostnameVerification property: the HTTP client reads it once per
     * JVM, so it would depend on which test created a client first.)
     */
    private static final class WithoutHostNameCheck extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager pinned;

        WithoutHostNameCheck(X509ExtendedTrustManager pinned) {
            this.pinned = pinned;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pinned.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            pinned.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            pinned.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("A client of the API does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("A client of the API does not check clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("A client of the API does not check clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pinned.getAcceptedIssuers();
        }
    }

    private static HttpClient pinnedClient(X509Certificate serverCertificate) {
        return HttpClient.newBuilder().sslContext(pinnedContext(serverCertificate)).build();
    }

    public record Response(int status, JsonNode json, HttpResponse<String> raw) {

        public String text(String field) {
            return json.path(field).asText();
        }

        String code() {
            return text("code");
        }
    }
}
