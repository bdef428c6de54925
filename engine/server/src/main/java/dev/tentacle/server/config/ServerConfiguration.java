package dev.tentacle.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.instances.config.CertificateLocation;
import dev.tentacle.instances.config.ConfigurationStore;
import dev.tentacle.server.storage.StorageConfiguration;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The configuration of one Octopus Server instance, as stored in its {@code OctopusServer.config.json}.
 *
 * @param homeDirectory where the instance keeps its certificate, database and logs; an absolute path
 * @param webListen where the web interface and API listen, over HTTPS; default {@code https://localhost:8443/}
 * @param commsListenPort the port polling Tentacles connect to; default 10943
 * @param storageConnectionString where the data is kept, in any form {@link StorageConfiguration#parse} reads; null
 *     for the embedded H2 database under the home directory
 * @param certificate the certificate the server presents to Tentacles; null until one is generated
 */
public record ServerConfiguration(
        Path homeDirectory,
        WebListenAddress webListen,
        int commsListenPort,
        String storageConnectionString,
        CertificateLocation certificate) {

    public static final int DEFAULT_COMMS_LISTEN_PORT = ServiceEndpoint.DEFAULT_POLLING_PORT;

    public ServerConfiguration {
        if (homeDirectory == null || !homeDirectory.isAbsolute()) {
            throw new IllegalArgumentException("homeDirectory must be an absolute path, such as /etc/octopus/OctopusServer"
                    + " or C:\\Octopus; was " + (homeDirectory == null ? "missing" : "'" + homeDirectory + "'") + ".");
        }
        homeDirectory = homeDirectory.normalize();
        webListen = Objects.requireNonNullElseGet(webListen, WebListenAddress::defaults);
        if (commsListenPort < 1 || commsListenPort > 65535) {
            throw new IllegalArgumentException("commsListenPort must be between 1 and 65535, was " + commsListenPort
                    + ". The usual port is " + DEFAULT_COMMS_LISTEN_PORT + ".");
        }
        storageConnectionString = storageConnectionString == null || storageConnectionString.isBlank()
                ? null : storageConnectionString.strip();
        if (storageConnectionString != null) {
            StorageConfiguration.parse(storageConnectionString, null, null);
        }
        if (webListen.port() == commsListenPort) {
            throw new IllegalArgumentException("The web port and the comms listen port are both " + commsListenPort
                    + "; give them different ports (usually " + WebListenAddress.DEFAULT_PORT + " and "
                    + DEFAULT_COMMS_LISTEN_PORT + ").");
        }
        if (certificate != null && !certificate.file().isAbsolute()) {
            certificate = new CertificateLocation(homeDirectory.resolve(certificate.file()).normalize(), certificate.password());
        }
    }

    /** Reads the file format, where a missing port takes its default rather than zero. */
    @JsonCreator
    static ServerConfiguration fromJson(
            @JsonProperty("homeDirectory") Path homeDirectory,
            @JsonProperty("webListen") WebListenAddress webListen,
            @JsonProperty("commsListenPort") Integer commsListenPort,
            @JsonProperty("storageConnectionString") String storageConnectionString,
            @JsonProperty("certificate") CertificateLocation certificate) {
        return new ServerConfiguration(homeDirectory, webListen,
                Objects.requireNonNullElse(commsListenPort, DEFAULT_COMMS_LISTEN_PORT), storageConnectionString,
                certificate);
    }

    /** HTTPS on localhost:8443, comms on 10943, the embedded database under the home, no certificate yet. */
    public static ServerConfiguration defaults(Path homeDirectory) {
        return new ServerConfiguration(homeDirectory, WebListenAddress.defaults(), DEFAULT_COMMS_LISTEN_PORT, null, null);
    }

    /** The store for Octopus Server configuration files. */
    public static ConfigurationStore<ServerConfiguration> store() {
        return Store.INSTANCE;
    }

    /** How to open the storage: the configured connection string, or the embedded database under the home. */
    public StorageConfiguration storage() {
        return storageConnectionString == null ? StorageConfiguration.defaultFor(homeDirectory)
                : StorageConfiguration.parse(storageConnectionString, null, null);
    }

    public ServerConfiguration withWebListen(WebListenAddress value) {
        return new ServerConfiguration(homeDirectory, value, commsListenPort, storageConnectionString, certificate);
    }

    public ServerConfiguration withCommsListenPort(int value) {
        return new ServerConfiguration(homeDirectory, webListen, value, storageConnectionString, certificate);
    }

    /** Uses this connection string; null for the embedded database. */
    public ServerConfiguration withStorageConnectionString(String value) {
        return new ServerConfiguration(homeDirectory, webListen, commsListenPort, value, certificate);
    }

    public ServerConfiguration withCertificate(CertificateLocation value) {
        return new ServerConfiguration(homeDirectory, webListen, commsListenPort, storageConnectionString, value);
    }

    /** Holder idiom: the store is built on first use. */
    private static final class Store {
        static final ConfigurationStore<ServerConfiguration> INSTANCE =
                ConfigurationStore.of(ServerConfiguration.class, "Octopus Server configuration file")
                        .withRecoveryHint("If no good copy exists, move the file aside and configure the instance"
                                + " again (its certificate stays in the Certificates directory of the home directory).");
    }
}
