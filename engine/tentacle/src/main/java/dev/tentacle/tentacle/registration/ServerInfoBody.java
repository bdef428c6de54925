package dev.tentacle.tentacle.registration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What {@code GET /api} returns: the server's product, version, certificate thumbprints and polling port. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ServerInfoBody(String product, String version, Thumbprints thumbprints, Integer pollingPort) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Thumbprints(String sha1, String sha256) {
    }
}
