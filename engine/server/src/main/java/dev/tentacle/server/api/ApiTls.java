package dev.tentacle.server.api;

import dev.tentacle.comms.certificates.CertificateIdentity;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds the API's only connector: HTTPS, TLS 1.2 or 1.3, presenting the server's own certificate. */
final class ApiTls {

    private static final String ALIAS = "octopus-server";

    private ApiTls() {
    }

    static ServerConnector httpsConnector(Server server, HttpConfiguration base, CertificateIdentity identity,
            String host, int port) {
        HttpConfiguration https = new HttpConfiguration(base);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        // Clients reach the server by whatever name or address they know it by; trust is by thumbprint, not name.
        customizer.setSniHostCheck(false);
        https.addCustomizer(customizer);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(sslContextFactory(identity), "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    static SslContextFactory.Server sslContextFactory(CertificateIdentity identity) {
        char[] password = newPassword();
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(keyStore(identity, password));
        factory.setKeyStorePassword(new String(password));
        factory.setCertAlias(ALIAS);
        factory.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        factory.setSniRequired(false);
        return factory;
    }

    private static KeyStore keyStore(CertificateIdentity identity, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry(ALIAS, identity.privateKey(), password, new Certificate[] {identity.certificate()});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot hold the server certificate in memory for the API's HTTPS "
                    + "connector (" + e.getMessage() + "); regenerate the server certificate", e);
        }
    }

    /** The in-memory key store never leaves the process; its password only satisfies the KeyStore API. */
    private static char[] newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).toCharArray();
    }
}
