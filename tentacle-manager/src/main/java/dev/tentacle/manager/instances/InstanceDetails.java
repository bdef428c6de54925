package dev.tentacle.manager.instances;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.ConfigurationException;
import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.tentacle.instance.AgentLogs;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the main window shows about one instance, read from its configuration file and certificate by
 * {@link #read(InstanceRecord)} (off the UI thread: it reads files).
 *
 * @param configuration empty when the configuration file cannot be read; {@link #problem()} says why
 * @param thumbprints empty when the certificate cannot be loaded; {@link #certificateProblem()} says why
 */
public record InstanceDetails(String name, Path configFile, Optional<TentacleConfiguration> configuration,
        Optional<String> problem, Optional<CertificateThumbprints> thumbprints, Optional<String> certificateProblem) {

    public static InstanceDetails read(InstanceRecord record) {
        TentacleInstance instance = new TentacleInstance(record.name(), record.configFile());
        TentacleConfiguration configuration;
        try {
            configuration = instance.configuration();
        } catch (ConfigurationException e) {
            return new InstanceDetails(record.name(), record.configFile(), Optional.empty(),
                    Optional.of(e.getMessage()), Optional.empty(), Optional.empty());
        }
        try {
            CertificateThumbprints thumbprints = instance.identity(configuration).thumbprints();
            return new InstanceDetails(record.name(), record.configFile(), Optional.of(configuration), Optional.empty(),
                    Optional.of(thumbprints), Optional.empty());
        } catch (RuntimeException e) {
            return new InstanceDetails(record.name(), record.configFile(), Optional.of(configuration), Optional.empty(),
                    Optional.empty(), Optional.of(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    public Optional<Path> homeDirectory() {
        return configuration.map(TentacleConfiguration::homeDirectory);
    }

    public Optional<Path> logsDirectory() {
        return configuration.map(AgentLogs::directory);
    }

    public Optional<Path> logFile() {
        return configuration.map(AgentLogs::file);
    }

    public String sha1() {
        return thumbprints.map(t -> t.sha1().hex()).orElse("");
    }

    public String sha256() {
        return thumbprints.map(t -> t.sha256().hex()).orElse("");
    }

    /** "Listening", "Polling", "Listening and polling", or that it does neither. */
    public String communicationMode() {
        return configuration.map(c -> {
            boolean listens = !c.noListen();
            boolean polls = !c.pollingServers().isEmpty();
            if (listens && polls) {
                return "Listening and polling";
            }
            if (listens) {
                return "Listening";
            }
            return polls ? "Polling" : "Neither listening nor polling";
        }).orElse("");
    }

    /** The listen port and the polled servers, one line each. */
    public List<String> endpoints() {
        if (configuration.isEmpty()) {
            return List.of();
        }
        TentacleConfiguration c = configuration.get();
        List<String> lines = new ArrayList<>();
        if (!c.noListen()) {
            lines.add("Listen port " + c.listenPort()
                    + (c.listenAddress() == null ? " (all addresses)" : " on " + c.listenAddress()));
        }
        for (TrustedServer server : c.pollingServers()) {
            lines.add("Polls " + server.address() + " as " + server.pollingUri() + " (" + c.pollingConnectionCount()
                    + (c.pollingConnectionCount() == 1 ? " connection)" : " connections)"));
        }
        if (lines.isEmpty()) {
            lines.add("Does not listen and polls no server");
        }
        return List.copyOf(lines);
    }

    /**
     * Whom it trusts, as a sentence: "Listens on port 10933 and accepts the server with thumbprint …", "Polls server
     * … at …".
     */
    public String trust() {
        if (configuration.isEmpty()) {
            return "";
        }
        TentacleConfiguration c = configuration.get();
        List<String> sentences = new ArrayList<>();
        List<String> thumbprints = c.trustedServers().stream().map(TrustedServer::thumbprint).map(Thumbprint::hex)
                .distinct().toList();
        if (!c.noListen()) {
            String listens = "Listens on port " + c.listenPort();
            sentences.add(switch (thumbprints.size()) {
                case 0 -> listens + " but trusts no Octopus Server yet, so it refuses every connection.";
                case 1 -> listens + " and accepts the server with thumbprint " + thumbprints.getFirst() + ".";
                default -> listens + " and accepts the servers with thumbprints " + joined(thumbprints) + ".";
            });
        }
        for (TrustedServer server : c.pollingServers()) {
            sentences.add("Polls server " + server.thumbprint().hex() + " at " + server.address() + ".");
        }
        if (sentences.isEmpty()) {
            sentences.add("Neither listens nor polls a server, so nothing can reach it.");
        }
        return String.join(" ", sentences);
    }

    /** The proxy for polling and for outgoing connections of listening work, passwords never shown. */
    public String proxy() {
        if (configuration.isEmpty()) {
            return "";
        }
        ProxyConfiguration listening = configuration.get().proxy();
        ProxyConfiguration polling = configuration.get().pollingProxy();
        if (listening.equals(polling)) {
            return listening.enabled() ? "Through " + listening + " (polling and listening work)" : "No proxy";
        }
        return "Polling: " + describe(polling) + "; listening work: " + describe(listening);
    }

    private static String describe(ProxyConfiguration proxy) {
        return proxy.enabled() ? "through " + proxy : "no proxy";
    }

    private static String joined(List<String> items) {
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
