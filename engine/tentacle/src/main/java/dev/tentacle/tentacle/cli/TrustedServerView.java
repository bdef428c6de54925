package dev.tentacle.tentacle.cli;

import dev.tentacle.instances.config.TrustedServer;

/** A trusted server as commands print it. */
record TrustedServerView(String thumbprint, String communicationStyle, String address, String subscriptionId) {

    static TrustedServerView of(TrustedServer server) {
        return new TrustedServerView(server.thumbprint().hex(), server.communicationStyle().name(),
                server.address() == null ? null : server.address().toString(), server.subscriptionId());
    }

    /** One line for people: "LISTENING 8E1F…" or "POLLING 5A3E… at https://…:10943/ as poll://id/". */
    static String describe(TrustedServer server) {
        return server.isPolling()
                ? "POLLING   " + server.thumbprint() + " at " + server.address() + " as " + server.pollingUri()
                : "LISTENING " + server.thumbprint();
    }
}
