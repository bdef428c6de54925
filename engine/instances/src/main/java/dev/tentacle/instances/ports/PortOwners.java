package dev.tentacle.instances.ports;

import dev.tentacle.instances.registry.OperatingSystem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which process listens on a TCP port, on Linux, from {@code /proc}: the listening sockets' inodes in
 * {@code /proc/net/tcp} and {@code tcp6}, then the process whose file descriptors include one of them. Best effort:
 * processes of other users are visible only to root, and other systems give nothing (the advice then names the
 * command that finds it). Only the process id and its executable are reported, never its arguments, which may hold
 * secrets.
 */
public final class PortOwners {
    private static final String LISTEN_STATE = "0A";

    private final Path proc;

    private PortOwners(Path proc) {
        this.proc = proc;
    }

    public static PortOwners linux() {
        return new PortOwners(Path.of("/proc"));
    }

    /** The process listening on the port on this machine, when it is Linux and this user can tell; else empty. */
    public static Optional<Owner> listenerOnThisMachine(int port) {
        return OperatingSystem.current() == OperatingSystem.LINUX ? linux().listenerOf(port) : Optional.empty();
    }

    /** Tests point this at a fake {@code /proc}. */
    public static PortOwners at(Path proc) {
        return new PortOwners(proc);
    }

    /**
     * A process that holds a port.
     *
     * @param command its executable, or empty when it cannot be read
     */
    public record Owner(long pid, Optional<String> command) {
        /** "process 1234 (/usr/bin/python3)". */
        public String describe() {
            return "process " + pid + command.map(c -> " (" + c + ")").orElse("");
        }

        public boolean isThisProcess() {
            return pid == ProcessHandle.current().pid();
        }
    }

    /** The process listening on the port, when this system and this user can tell. */
    public Optional<Owner> listenerOf(int port) {
        try {
            Set<String> inodes = new HashSet<>();
            inodes.addAll(listeningInodes(proc.resolve("net/tcp"), port));
            inodes.addAll(listeningInodes(proc.resolve("net/tcp6"), port));
            inodes.remove("0");
            return inodes.isEmpty() ? Optional.empty() : owning(inodes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Lines like {@code 0: 0100007F:2A45 00000000:0000 0A ... 0 12345 ...}: local address, state, inode. */
    private static List<String> listeningInodes(Path table, int port) throws IOException {
        if (!Files.isReadable(table)) {
            return List.of();
        }
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        return Files.readAllLines(table).stream().skip(1)
                .map(String::strip)
                .map(line -> line.split("\\s+"))
                .filter(fields -> fields.length > 9 && fields[1].toUpperCase(Locale.ROOT).endsWith(hexPort)
                        && fields[3].equals(LISTEN_STATE))
                .map(fields -> fields[9])
                .toList();
    }

    private Optional<Owner> owning(Set<String> inodes) throws IOException {
        Set<String> links = new HashSet<>();
        inodes.forEach(inode -> links.add("socket:[" + inode + "]"));
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, entry -> entry.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                if (holdsAny(process, links)) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    return Optional.of(new Owner(pid, command(process, pid)));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean holdsAny(Path process, Set<String> links) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    if (links.contains(Files.readSymbolicLink(descriptor).toString())) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // Closed meanwhile, or not ours to read.
                }
            }
        } catch (IOException | RuntimeException e) {
            // Another user's process: not visible without root.
        }
        return false;
    }

    private static Optional<String> command(Path process, long pid) {
        Optional<String> fromHandle = ProcessHandle.of(pid).flatMap(handle -> handle.info().command());
        if (fromHandle.isPresent()) {
            return fromHandle;
        }
        try {
            return Optional.of(Files.readSymbolicLink(process.resolve("exe")).toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
