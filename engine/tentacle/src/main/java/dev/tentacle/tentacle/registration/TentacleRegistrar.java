package dev.tentacle.tentacle.registration;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.tentacle.instance.PollingServerAddress;
import dev.tentacle.tentacle.instance.SubscriptionIds;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registers a Tentacle instance on an Octopus Server, and removes it again, through the server's API; keeps the
 * instance's trust in the server in step.
 *
 * <p>Registering: the server's certificate is verified first ({@link ServerApiClient#verifyServer()}); the machine is
 * registered with the SHA-256 thumbprint of the instance's certificate; only when the server accepted it does the
 * instance trust the server's certificate (for polling, with the subscription the machine was registered with). If
 * that last step fails, the registration is undone, so that the two sides do not disagree.
 */
public final class TentacleRegistrar {
    private final Function<ServerConnection, ServerApiClient> clients;
    private final SubscriptionIds subscriptionIds;

    public TentacleRegistrar() {
        this(ServerApiClient::connect, SubscriptionIds.secure());
    }

    TentacleRegistrar(Function<ServerConnection, ServerApiClient> clients, SubscriptionIds subscriptionIds) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.subscriptionIds = Objects.requireNonNull(subscriptionIds, "subscriptionIds");
    }

    /**
     * Registers the instance's machine and trusts the server.
     *
     * @throws RegistrationException when the server cannot be reached or verified, or refuses the registration
     * @throws IllegalArgumentException when the settings do not fit the instance (listening, but it does not listen)
     * @throws dev.tentacle.comms.certificates.CertificateStoreException when the instance has no certificate yet
     */
    public Registration register(TentacleInstance instance, RegistrationSettings settings) {
        TentacleConfiguration configuration = instance.configuration();
        CertificateThumbprints tentacle = instance.identity(configuration).thumbprints();
        if (settings.style() == CommunicationStyle.LISTENING && configuration.noListen()) {
            throw new IllegalArgumentException("The Tentacle instance '" + instance.name() + "' does not listen"
                    + " (--noListen), so the Octopus Server could not connect to it. Register it as a polling Tentacle"
                    + " with --comms-style TentacleActive, or make it listen again with: tentacle configure --instance "
                    + quoted(instance.name()) + " --noListen false");
        }
        try (ServerApiClient api = clients.apply(settings.server())) {
            ServerIdentity server = api.verifyServer();
            TrustedServer trust = settings.style() == CommunicationStyle.LISTENING
                    ? listeningTrust(configuration, server)
                    : pollingTrust(configuration, settings, server);
            MachineRegistration request = request(settings, configuration, tentacle, trust);
            RegisteredMachine replaced = null;
            RegisteredMachine machine;
            try {
                machine = api.register(request);
            } catch (RegistrationException e) {
                if (e.failure() != RegistrationFailure.NAME_CONFLICT) {
                    throw e;
                }
                Optional<RegisteredMachine> existing = api.machineNamed(settings.machineName());
                if (!settings.force()) {
                    throw conflict(settings, server, tentacle, existing.orElse(null), e);
                }
                if (existing.isEmpty()) {
                    throw e; // Removed by someone else since: the server's own message says what to do.
                }
                api.remove(existing.get().id());
                replaced = existing.get();
                machine = api.register(request);
            }
            trust(instance, trust, api, machine, replaced);
            return new Registration(machine, server, trust, replaced);
        }
    }

    /**
     * Removes every machine registered with the instance's thumbprint (either form) and stops trusting the server.
     *
     * @param multiple remove several machines when several have the thumbprint; without it, that is an error and
     *     nothing is changed
     * @throws RegistrationException when the server cannot be reached or verified or refuses, or several machines
     *     match without {@code multiple}
     */
    public Deregistration deregister(TentacleInstance instance, ServerConnection connection, boolean multiple) {
        TentacleConfiguration configuration = instance.configuration();
        CertificateThumbprints tentacle = instance.identity(configuration).thumbprints();
        try (ServerApiClient api = clients.apply(connection)) {
            ServerIdentity server = api.verifyServer();
            List<RegisteredMachine> machines = api.machinesWithThumbprints(List.of(tentacle.sha1(), tentacle.sha256()));
            if (machines.size() > 1 && !multiple) {
                throw new RegistrationException(RegistrationFailure.MULTIPLE_MACHINES, machines.size() + " machines on"
                        + " the Octopus Server at " + server.address() + " are registered with this Tentacle's"
                        + " thumbprint: " + machines.stream().map(m -> "'" + m.name() + "' (" + m.id() + ")")
                                .collect(Collectors.joining(", "))
                        + ". Nothing was changed. Remove them all with --multiple, or remove the ones you mean on the"
                        + " server (octopus-server machine remove --name NAME).");
            }
            List<RegisteredMachine> removed = new ArrayList<>();
            for (RegisteredMachine machine : machines) {
                if (api.remove(machine.id())) {
                    removed.add(machine);
                }
            }
            List<TrustedServer> trustRemoved = new ArrayList<>();
            CertificateThumbprints serverThumbprints = server.thumbprints();
            instance.update(c -> {
                trustRemoved.clear();
                c.trustedServers().stream().filter(s -> serverThumbprints.matches(s.thumbprint())).forEach(trustRemoved::add);
                return c.withoutTrust(serverThumbprints.sha1()).withoutTrust(serverThumbprints.sha256());
            });
            return new Deregistration(server, removed, trustRemoved);
        }
    }

    /** The listening entry that already trusts this server (in either thumbprint form), else a new one. */
    private static TrustedServer listeningTrust(TentacleConfiguration configuration, ServerIdentity server) {
        return configuration.trustedServers().stream()
                .filter(s -> !s.isPolling() && server.thumbprints().matches(s.thumbprint()))
                .findFirst()
                .orElseGet(() -> TrustedServer.listening(server.thumbprints().sha256()));
    }

    /**
     * The polling entry for this server and address, keeping the subscription id it already polls as (so that a
     * registration repeated with --force matches the running Tentacle), else a new one with a new subscription id.
     */
    private TrustedServer pollingTrust(TentacleConfiguration configuration, RegistrationSettings settings,
            ServerIdentity server) {
        URI address = pollingAddress(settings, server);
        return configuration.pollingServers().stream()
                .filter(s -> server.thumbprints().matches(s.thumbprint()) && s.address().equals(address))
                .findFirst()
                .orElseGet(() -> TrustedServer.polling(server.thumbprints().sha256(), address, subscriptionIds.next()));
    }

    /**
     * Where the Tentacle polls: {@code --server-comms-address} or the API's host, at {@code --server-comms-port}, else
     * the port in the address, else the polling port the server reports.
     */
    static URI pollingAddress(RegistrationSettings settings, ServerIdentity server) {
        String given = settings.serverCommsAddress();
        String address = given == null || given.isBlank() ? server.address().getHost() : given;
        Integer port = settings.serverCommsPort();
        if (port == null && !namesPort(address)) {
            port = server.pollingPort();
        }
        return PollingServerAddress.parse(address, port);
    }

    private static boolean namesPort(String address) {
        String text = address.strip();
        try {
            return new URI(text.contains("://") ? text : "https://" + text + "/").getPort() != -1;
        } catch (URISyntaxException e) {
            return false; // PollingServerAddress says what is wrong with it
        }
    }

    private static MachineRegistration request(RegistrationSettings settings, TentacleConfiguration configuration,
            CertificateThumbprints tentacle, TrustedServer trust) {
        String thumbprint = tentacle.sha256().hex();
        if (settings.style() == CommunicationStyle.POLLING) {
            return MachineRegistration.polling(settings.machineName(), trust.subscriptionId(), thumbprint, settings.tags());
        }
        int port = settings.tentacleCommsPort() != null ? settings.tentacleCommsPort() : configuration.listenPort();
        return MachineRegistration.listening(settings.machineName(), listeningUri(settings.publicHostName(), port),
                thumbprint, settings.tags());
    }

    static URI listeningUri(String host, int port) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            URI uri = new URI("https", null, bare, port, "/", null, null);
            if (uri.getHost() == null) {
                throw new URISyntaxException(host, "not a host name");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--publicHostName '" + host + "' is not a host name or IP address ("
                    + e.getReason() + "); give the name or address the Octopus Server reaches this machine by.", e);
        }
    }

    private void trust(TentacleInstance instance, TrustedServer trust, ServerApiClient api, RegisteredMachine machine,
            RegisteredMachine replaced) {
        try {
            instance.update(c -> c.withTrustedServer(trust));
        } catch (RuntimeException e) {
            boolean undone;
            try {
                undone = api.remove(machine.id());
            } catch (RuntimeException removal) {
                e.addSuppressed(removal);
                undone = false;
            }
            String what = "Registered the machine '" + machine.name() + "' (" + machine.id() + ") on the Octopus Server,"
                    + " but could not save the server's trust in " + instance.configFile() + ": " + e.getMessage();
            String next = undone
                    ? " The registration was undone" + (replaced == null ? "" : " (the machine it replaced, "
                            + replaced.id() + ", stays removed)") + "; fix the problem and run register-with again."
                    : " Remove the machine on the server (octopus-server machine remove --name " + machine.name()
                            + "), fix the problem and run register-with again.";
            throw new IllegalStateException(what + next, e);
        }
    }

    private static RegistrationException conflict(RegistrationSettings settings, ServerIdentity server,
            CertificateThumbprints tentacle, RegisteredMachine existing, RegistrationException e) {
        String whose = "";
        if (existing != null) {
            boolean same = Thumbprint.isValid(existing.thumbprint()) && tentacle.matches(Thumbprint.parse(existing.thumbprint()));
            whose = " (" + existing.id() + ", " + existing.communicationStyle() + " " + existing.uri() + ", "
                    + (same ? "registered with this Tentacle's thumbprint: it is registered already"
                            : "registered with the thumbprint " + existing.thumbprint() + " of another Tentacle") + ")";
        }
        return new RegistrationException(RegistrationFailure.NAME_CONFLICT, "The Octopus Server at " + server.address()
                + " already has a machine named '" + (existing == null ? settings.machineName() : existing.name()) + "'"
                + whose + ". Nothing was changed. Replace it with --force (it is removed and registered again; its"
                + " health history goes with it), or choose another --name.", e);
    }

    private static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }
}
