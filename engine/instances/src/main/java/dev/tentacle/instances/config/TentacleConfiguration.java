package dev.tentacle.instances.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a Tentacle instance needs to run, as stored in its configuration file. Immutable: change it with the
 * {@code with...} methods and save it with {@link #store()}.
 *
 * <p>A field missing from the file takes its default; paths other than the home directory may be relative, and are
 * then taken relative to the home directory.
 *
 * @param homeDirectory where the instance keeps its certificate, logs and work; an absolute path
 * @param applicationDirectory where deployed applications go; default {@code <home>/Applications}
 * @param listenPort the port a listening Tentacle accepts connections on; default 10933
 * @param listenAddress the local address to listen on; null for all addresses
 * @param noListen true for a Tentacle that only polls and does not listen at all
 * @param trustedServers the servers this Tentacle trusts, and polls if they are polling servers
 * @param pollingConnectionCount connections kept to each polling server, 1 to 100; default 5
 * @param proxy the proxy for outgoing connections made on behalf of listening work
 * @param pollingProxy the proxy for polling connections
 * @param certificate this instance's certificate; null until one is generated or imported
 */
public record TentacleConfiguration(
        Path homeDirectory,
        Path applicationDirectory,
        int listenPort,
        String listenAddress,
        boolean noListen,
        List<TrustedServer> trustedServers,
        int pollingConnectionCount,
        ProxyConfiguration proxy,
        ProxyConfiguration pollingProxy,
        CertificateLocation certificate) {

    public static final int DEFAULT_LISTEN_PORT = ServiceEndpoint.DEFAULT_LISTENING_PORT;
    public static final int DEFAULT_POLLING_CONNECTION_COUNT = 5;
    public static final int MAX_POLLING_CONNECTION_COUNT = 100;
    /** Name of the default application directory inside the home directory. */
    public static final String APPLICATIONS_DIRECTORY = "Applications";

    public TentacleConfiguration {
        if (homeDirectory == null || !homeDirectory.isAbsolute()) {
            throw new IllegalArgumentException("homeDirectory must be an absolute path, such as /etc/octopus/Tentacle or"
                    + " C:\\Octopus\\Tentacle; was " + (homeDirectory == null ? "missing" : "'" + homeDirectory + "'") + ".");
        }
        homeDirectory = homeDirectory.normalize();
        applicationDirectory = applicationDirectory == null
                ? homeDirectory.resolve(APPLICATIONS_DIRECTORY)
                : homeDirectory.resolve(applicationDirectory).normalize();
        if (listenPort < 1 || listenPort > 65535) {
            throw new IllegalArgumentException("listenPort must be between 1 and 65535, was " + listenPort
                    + ". The usual port is " + DEFAULT_LISTEN_PORT + ".");
        }
        listenAddress = listenAddress == null || listenAddress.isBlank() ? null : listenAddress.strip();
        if (listenAddress != null && listenAddress.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("listenAddress '" + listenAddress + "' contains white space; give one"
                    + " IP address or host name, or leave it out to listen on all addresses.");
        }
        trustedServers = TrustedServers.checked(trustedServers);
        if (pollingConnectionCount < 1 || pollingConnectionCount > MAX_POLLING_CONNECTION_COUNT) {
            throw new IllegalArgumentException("pollingConnectionCount must be between 1 and " + MAX_POLLING_CONNECTION_COUNT
                    + ", was " + pollingConnectionCount + ". The default is " + DEFAULT_POLLING_CONNECTION_COUNT + ".");
        }
        proxy = Objects.requireNonNullElseGet(proxy, ProxyConfiguration::disabled);
        pollingProxy = Objects.requireNonNullElseGet(pollingProxy, ProxyConfiguration::disabled);
        if (certificate != null && !certificate.file().isAbsolute()) {
            certificate = new CertificateLocation(homeDirectory.resolve(certificate.file()).normalize(), certificate.password());
        }
    }

    /** Reads the file format, where a missing number or flag takes its default rather than zero or false. */
    @JsonCreator
    static TentacleConfiguration fromJson(
            @JsonProperty("homeDirectory") Path homeDirectory,
            @JsonProperty("applicationDirectory") Path applicationDirectory,
            @JsonProperty("listenPort") Integer listenPort,
            @JsonProperty("listenAddress") String listenAddress,
            @JsonProperty("noListen") Boolean noListen,
            @JsonProperty("trustedServers") List<TrustedServer> trustedServers,
            @JsonProperty("pollingConnectionCount") Integer pollingConnectionCount,
            @JsonProperty("proxy") ProxyConfiguration proxy,
            @JsonProperty("pollingProxy") ProxyConfiguration pollingProxy,
            @JsonProperty("certificate") CertificateLocation certificate) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory,
                Objects.requireNonNullElse(listenPort, DEFAULT_LISTEN_PORT), listenAddress,
                Objects.requireNonNullElse(noListen, false), trustedServers,
                Objects.requireNonNullElse(pollingConnectionCount, DEFAULT_POLLING_CONNECTION_COUNT),
                proxy, pollingProxy, certificate);
    }

    /** A listening Tentacle on port 10933 with its home at {@code homeDirectory}, trusting nobody yet. */
    public static TentacleConfiguration defaults(Path homeDirectory) {
        return new TentacleConfiguration(homeDirectory, null, DEFAULT_LISTEN_PORT, null, false, List.of(),
                DEFAULT_POLLING_CONNECTION_COUNT, null, null, null);
    }

    /** The store for Tentacle configuration files. */
    public static ConfigurationStore<TentacleConfiguration> store() {
        return Store.INSTANCE;
    }

    public TentacleConfiguration withHomeDirectory(Path value) {
        return new TentacleConfiguration(value, applicationDirectory, listenPort, listenAddress, noListen,
                trustedServers, pollingConnectionCount, proxy, pollingProxy, certificate);
    }

    public TentacleConfiguration withApplicationDirectory(Path value) {
        return new TentacleConfiguration(homeDirectory, value, listenPort, listenAddress, noListen,
                trustedServers, pollingConnectionCount, proxy, pollingProxy, certificate);
    }

    public TentacleConfiguration withListenPort(int value) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory, value, listenAddress, noListen,
                trustedServers, pollingConnectionCount, proxy, pollingProxy, certificate);
    }

    /** Listens on one local address; null for all addresses. */
    public TentacleConfiguration withListenAddress(String value) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory, listenPort, value, noListen,
                trustedServers, pollingConnectionCount, proxy, pollingProxy, certificate);
    }

    public TentacleConfiguration withNoListen(boolean value) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory, listenPort, listenAddress, value,
                trustedServers, pollingConnectionCount, proxy, pollingProxy, certificate);
    }

    public TentacleConfiguration withTrustedServers(List<TrustedServer> value) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory, listenPort, listenAddress, noListen,
                value, pollingConnectionCount, proxy, pollingProxy, certificate);
    }

    public TentacleConfiguration withPollingConnectionCount(int value) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory, listenPort, listenAddress, noListen,
                trustedServers, value, proxy, pollingProxy, certificate);
    }

    public TentacleConfiguration withProxy(ProxyConfiguration value) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory, listenPort, listenAddress, noListen,
                trustedServers, pollingConnectionCount, value, pollingProxy, certificate);
    }

    public TentacleConfiguration withPollingProxy(ProxyConfiguration value) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory, listenPort, listenAddress, noListen,
                trustedServers, pollingConnectionCount, proxy, value, certificate);
    }

    /** Uses this certificate; null for none. */
    public TentacleConfiguration withCertificate(CertificateLocation value) {
        return new TentacleConfiguration(homeDirectory, applicationDirectory, listenPort, listenAddress, noListen,
                trustedServers, pollingConnectionCount, proxy, pollingProxy, value);
    }

    /**
     * Adds a trusted server, or replaces the entry with the same thumbprint, style and address (so that repeating a
     * registration updates the subscription id rather than adding a second entry).
     */
    public TentacleConfiguration withTrustedServer(TrustedServer server) {
        return withTrustedServers(TrustedServers.with(trustedServers, server));
    }

    /** Stops trusting every entry with this thumbprint; a thumbprint not trusted is left as it is. */
    public TentacleConfiguration withoutTrust(Thumbprint thumbprint) {
        return withTrustedServers(TrustedServers.without(trustedServers, thumbprint));
    }

    /**
     * Gives every entry trusting {@code oldThumbprint} the new thumbprint instead, keeping its style, address and
     * subscription: for a server whose certificate was replaced.
     *
     * @throws IllegalArgumentException when no entry trusts {@code oldThumbprint}; the message lists those that do exist
     */
    public TentacleConfiguration withTrustReplaced(Thumbprint oldThumbprint, Thumbprint newThumbprint) {
        return withTrustedServers(TrustedServers.replaced(trustedServers, oldThumbprint, newThumbprint));
    }

    /** Trusts no server at all. */
    public TentacleConfiguration withTrustReset() {
        return withTrustedServers(List.of());
    }

    /** True when some entry trusts this thumbprint. */
    public boolean trusts(Thumbprint thumbprint) {
        return trustedServers.stream().anyMatch(s -> s.thumbprint().equals(thumbprint));
    }

    /** The thumbprints of all trusted servers, as the comms runtime takes them. */
    public TrustList trustList() {
        return TrustList.of(trustedServers.stream().map(TrustedServer::thumbprint).toList());
    }

    /** The servers this Tentacle polls. */
    public List<TrustedServer> pollingServers() {
        return trustedServers.stream().filter(TrustedServer::isPolling).toList();
    }

    /** Holder idiom: the store is built on first use. */
    private static final class Store {
        static final ConfigurationStore<TentacleConfiguration> INSTANCE =
                ConfigurationStore.of(TentacleConfiguration.class, "Tentacle configuration file")
                        .withRecoveryHint("If no good copy exists, move the file aside and configure the instance"
                                + " again (its certificate stays in the Certificates directory of the home directory).");
    }
}
