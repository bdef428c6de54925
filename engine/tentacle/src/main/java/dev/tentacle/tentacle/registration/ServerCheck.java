package dev.tentacle.tentacle.registration;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks an Octopus Server before a Tentacle is registered with it, the way {@code register-with} begins: the server
 * answers as the API, presents the pinned certificate (or, without a pin, the one it reports as its own, which is
 * learned), and accepts the API key. It changes nothing on either side. What it learns (the server's thumbprints, the
 * machines already registered) lets a person check the server and choose a free machine name, environments and roles.
 */
public final class ServerCheck {
    private final Function<ServerConnection, ServerApiClient> clients;

    public ServerCheck() {
        this(ServerApiClient::connect);
    }

    ServerCheck(Function<ServerConnection, ServerApiClient> clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * What the check found.
     *
     * @param server the server, with the certificate it presented; pin {@code server.thumbprints().sha256()} from now on
     * @param machines the machines registered on it, sorted by name
     */
    public record Result(ServerIdentity server, List<RegisteredMachine> machines) {
        public Result {
            Objects.requireNonNull(server, "server");
            machines = List.copyOf(machines);
        }

        /** The environments the registered machines are in, sorted and without duplicates (ignoring case). */
        public List<String> environments() {
            return distinct(machines.stream().map(RegisteredMachine::environments).flatMap(Collection::stream));
        }

        /** The roles of the registered machines. */
        public List<String> roles() {
            return distinct(machines.stream().map(RegisteredMachine::roles).flatMap(Collection::stream));
        }

        /** The machine policies the registered machines use. */
        public List<String> policies() {
            return distinct(machines.stream().map(RegisteredMachine::policyName));
        }

        /** The registered machine with this name, ignoring case, as the server compares names. */
        public Optional<RegisteredMachine> machineNamed(String name) {
            return name == null ? Optional.empty()
                    : machines.stream().filter(m -> m.name() != null && m.name().equalsIgnoreCase(name.strip())).findFirst();
        }

        private static List<String> distinct(Stream<String> names) {
            TreeSet<String> sorted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            names.filter(n -> n != null && !n.isBlank()).forEach(sorted::add);
            return List.copyOf(sorted);
        }
    }

    /**
     * Verifies the server and the API key.
     *
     * @throws RegistrationException saying what failed and what to check: the server cannot be reached or is not the
     *     API, presents another certificate than the pinned one, or refuses the key ({@link
     *     RegistrationFailure#API_KEY_REJECTED})
     */
    public Result check(ServerConnection connection) {
        Objects.requireNonNull(connection, "connection");
        try (ServerApiClient api = clients.apply(connection)) {
            ServerIdentity server = api.verifyServer();
            return new Result(server, api.machines());
        }
    }
}
