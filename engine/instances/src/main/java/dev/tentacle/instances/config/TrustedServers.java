package dev.tentacle.instances.config;

import dev.tentacle.comms.Thumbprint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The list operations behind {@link TentacleConfiguration}'s trust methods. */
final class TrustedServers {
    private TrustedServers() {
    }

    static List<TrustedServer> checked(List<TrustedServer> servers) {
        if (servers == null) {
            return List.of();
        }
        for (int i = 0; i < servers.size(); i++) {
            TrustedServer server = servers.get(i);
            if (server == null) {
                throw new IllegalArgumentException("trustedServers[" + i + "] is empty (null); remove it from the list.");
            }
            for (int j = 0; j < i; j++) {
                if (servers.get(j).sameEntryAs(server)) {
                    throw new IllegalArgumentException("trustedServers lists the " + describe(server) + " twice (entries "
                            + j + " and " + i + "); remove one of them.");
                }
            }
        }
        return List.copyOf(servers);
    }

    static List<TrustedServer> with(List<TrustedServer> servers, TrustedServer server) {
        if (server == null) {
            throw new IllegalArgumentException("The trusted server to add is missing.");
        }
        var result = new ArrayList<TrustedServer>(servers.size() + 1);
        boolean replaced = false;
        for (TrustedServer existing : servers) {
            if (!replaced && existing.sameEntryAs(server)) {
                result.add(server);
                replaced = true;
            } else {
                result.add(existing);
            }
        }
        if (!replaced) {
            result.add(server);
        }
        return result;
    }

    static List<TrustedServer> without(List<TrustedServer> servers, Thumbprint thumbprint) {
        return servers.stream().filter(s -> !s.thumbprint().equals(thumbprint)).toList();
    }

    static List<TrustedServer> replaced(List<TrustedServer> servers, Thumbprint oldThumbprint, Thumbprint newThumbprint) {
        if (oldThumbprint == null || newThumbprint == null) {
            throw new IllegalArgumentException("Give both the old and the new thumbprint.");
        }
        if (servers.stream().noneMatch(s -> s.thumbprint().equals(oldThumbprint))) {
            throw new IllegalArgumentException("No trusted server has the thumbprint " + oldThumbprint + ". "
                    + (servers.isEmpty() ? "This Tentacle trusts no server yet" : "Trusted thumbprints: " + thumbprints(servers))
                    + ". Give one of those as the old thumbprint, or add the server with configure --trust.");
        }
        var result = new ArrayList<TrustedServer>(servers.size());
        for (TrustedServer server : servers) {
            TrustedServer updated = server.thumbprint().equals(oldThumbprint) ? server.withThumbprint(newThumbprint) : server;
            if (result.stream().noneMatch(updated::sameEntryAs)) {
                result.add(updated);
            }
        }
        return result;
    }

    private static String thumbprints(List<TrustedServer> servers) {
        return servers.stream().map(s -> s.thumbprint().hex()).distinct().sorted().collect(Collectors.joining(", "));
    }

    private static String describe(TrustedServer server) {
        return server.communicationStyle().name().toLowerCase(java.util.Locale.ROOT) + " server " + server.thumbprint()
                + (server.address() == null ? "" : " at " + server.address());
    }
}
