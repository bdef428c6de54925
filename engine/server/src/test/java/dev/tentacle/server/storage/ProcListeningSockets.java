package dev.tentacle.server.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** The TCP sockets a process listens on, read from Linux's /proc; empty elsewhere. */
final class ProcListeningSockets {
    private static final String LISTEN = "0A";

    private ProcListeningSockets() {
    }

    /** "address:port" for each listening TCP socket of the process. */
    static List<String> of(long pid) throws IOException {
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                try {
                    String target = Files.readSymbolicLink(link).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor closed meanwhile.
                }
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length > 9 && fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    listening.add(decode(fields[1]));
                }
            }
        }
        return listening;
    }

    /** "0100007F:8A3D" (IPv4) or 32 hex digits (IPv6), each 32-bit word in host (little-endian) order. */
    private static String decode(String localAddress) throws IOException {
        int colon = localAddress.indexOf(':');
        byte[] raw = HexFormat.of().parseHex(localAddress.substring(0, colon));
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        int port = Integer.parseInt(localAddress.substring(colon + 1), 16);
        return InetAddress.getByAddress(address).getHostAddress() + ":" + port;
    }
}
