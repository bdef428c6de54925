package dev.tentacle.server.api;

/**
 * What {@code GET /api} tells anyone, without a key: enough to check the server's certificate before registering.
 *
 * @param thumbprints the server certificate's thumbprints, which a Tentacle trusts
 * @param pollingPort where polling Tentacles connect
 */
public record ServerInfo(String product, String version, Thumbprints thumbprints, int pollingPort) {

    /** Both thumbprints of the server certificate, upper-case hex. */
    public record Thumbprints(String sha1, String sha256) {
    }
}
