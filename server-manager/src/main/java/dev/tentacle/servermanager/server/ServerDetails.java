package dev.tentacle.servermanager.server;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.server.admin.ServerDatabase;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.config.ServerConfiguration;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server window shows about one instance, read from its configuration file and certificate by
 * {@link #read(ServerInstance)} (off the UI thread: it reads files).
 *
 * @param configuration empty when the configuration file cannot be read; {@link #problem()} says why
 * @param thumbprints empty when the certificate cannot be loaded; {@link #certificateProblem()} says why
 */
public record ServerDetails(ServerInstance instance, Optional<ServerConfiguration> configuration,
        Optional<String> problem, Optional<CertificateThumbprints> thumbprints, Optional<String> certificateProblem) {

    public ServerDetails {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(thumbprints, "thumbprints");
        Objects.requireNonNull(certificateProblem, "certificateProblem");
    }

    public static ServerDetails read(ServerInstance instance) {
        ServerConfiguration configuration;
        try {
            configuration = instance.configuration();
        } catch (ConfigurationException | IllegalArgumentException e) {
            return new ServerDetails(instance, Optional.empty(), Optional.of(e.getMessage()), Optional.empty(),
                    Optional.empty());
        }
        try {
            CertificateThumbprints thumbprints = instance.certificates().load(configuration).thumbprints();
            return new ServerDetails(instance, Optional.of(configuration), Optional.empty(), Optional.of(thumbprints),
                    Optional.empty());
        } catch (RuntimeException e) {
            return new ServerDetails(instance, Optional.of(configuration), Optional.empty(), Optional.empty(),
                    Optional.of(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    public Path configFile() {
        return instance.configFile();
    }

    public Optional<Path> homeDirectory() {
        return configuration.map(ServerConfiguration::homeDirectory);
    }

    /** The comms port polling Tentacles connect to; 0 when the configuration cannot be read. */
    public int commsPort() {
        return configuration.map(ServerConfiguration::commsListenPort).orElse(0);
    }

    /** Where the web interface and API listen, e.g. {@code https://localhost:8443/}; empty when not known. */
    public String webAddress() {
        return configuration.map(c -> c.webListen().prefix()).orElse("");
    }

    /** The database in use, never with its password; empty when not known. */
    public String database() {
        return configuration.map(c -> {
            try {
                return ServerDatabase.of(c.storage()).description();
            } catch (IllegalArgumentException e) {
                return "cannot be used: " + e.getMessage();
            }
        }).map(ServerDetails::capitalised).orElse("");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
