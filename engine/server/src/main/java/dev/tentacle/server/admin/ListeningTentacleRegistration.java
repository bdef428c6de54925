package dev.tentacle.server.admin;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.StorageChannel;
import dev.tentacle.server.storage.StorageConflictException;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.NewMachine;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers listening Tentacles: what {@code octopus-server machine add-listening} and the Octopus Server Manager's
 * "Add listening Tentacle" both do. Each registration is announced on {@link StorageChannel#MACHINES}, so server nodes
 * sharing a PostgreSQL database trust the Tentacle at once (nodes on an embedded H2 database reload the machines every
 * few seconds).
 */
public final class ListeningTentacleRegistration {
    private ListeningTentacleRegistration() {
    }

    /** The address a listening Tentacle is registered at: {@code https://HOST:PORT/}, an IPv6 address in brackets. */
    public static URI address(String host, int port) {
        Objects.requireNonNull(host, "host");
        String bare = host.strip();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return URI.create("https://" + ListeningTentacleProbe.target(bare, port) + "/");
    }

    /**
     * Registers the machine in the instance's storage, opened for this and closed after.
     *
     * @throws IllegalArgumentException when the machine is not a listening one
     * @throws StorageConflictException when a machine of that name exists
     */
    public static Machine add(ServerInstance instance, NewMachine machine) {
        Objects.requireNonNull(instance, "instance");
        try (Storage storage = instance.openStorage()) {
            return add(storage, machine);
        }
    }

    /**
     * Registers the machine in open storage, with the thumbprint given, as the command line does.
     *
     * @throws IllegalArgumentException when the machine is not a listening one
     * @throws StorageConflictException when a machine of that name exists
     */
    public static Machine add(Storage storage, NewMachine machine) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(machine, "machine");
        if (machine.communicationStyle() != CommunicationStyle.LISTENING) {
            throw new IllegalArgumentException("'" + machine.name() + "' is a " + machine.communicationStyle()
                    + " machine; only listening Tentacles are registered here.");
        }
        Machine added = storage.machines().add(machine);
        storage.notifications().publish(StorageChannel.MACHINES);
        return added;
    }

    /**
     * Registers a Tentacle whose certificate the user has verified: the machine's thumbprint must be one form of the
     * certificate it presented, and no machine may be registered with that certificate already (in either form).
     *
     * @param presented both thumbprints of the certificate the Tentacle presented ({@link ListeningTentacleProbe})
     * @throws IllegalArgumentException when the machine's thumbprint is not one of the presented certificate's
     * @throws StorageConflictException when a machine with that certificate, or of that name, exists
     */
    public static Machine addVerified(Storage storage, NewMachine machine, CertificateThumbprints presented) {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(presented, "presented");
        if (!presented.matches(machine.thumbprint())) {
            throw new IllegalArgumentException("The thumbprint " + machine.thumbprint() + " of '" + machine.name()
                    + "' is not that of the certificate the Tentacle presented (" + presented + ").");
        }
        Optional<Machine> existing = registeredWith(storage, presented);
        if (existing.isPresent()) {
            throw new StorageConflictException(alreadyRegistered(existing.get()));
        }
        return add(storage, machine);
    }

    /** A machine registered with this certificate, in either thumbprint form, if there is one. */
    public static Optional<Machine> registeredWith(Storage storage, CertificateThumbprints certificate) {
        Objects.requireNonNull(storage, "storage");
        List<Machine> found = storage.machines().list(MachineFilter.all()
                .withThumbprints(List.of(certificate.sha1(), certificate.sha256())));
        return found.stream().findFirst();
    }

    /** What to say when a Tentacle's certificate is already registered as another machine. */
    public static String alreadyRegistered(Machine existing) {
        return "A machine with this thumbprint already exists: '" + existing.name() + "' (" + existing.id() + ", "
                + existing.uri() + ") is registered with the certificate this Tentacle presents (" + existing.thumbprint()
                + "). A Tentacle is added once; nothing was saved. Use the existing machine; to move it to this address,"
                + " remove it first (octopus-server machine remove --name " + quoted(existing.name()) + ") and add the"
                + " Tentacle again.";
    }

    private static String quoted(String text) {
        return text.contains(" ") ? '"' + text + '"' : text;
    }
}
