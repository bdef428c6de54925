package dev.tentacle.server.api;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.server.storage.machines.NewMachine;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST /api/machines}.
 *
 * @param communicationStyle LISTENING or POLLING
 * @param uri for a listening Tentacle: {@code https://host:10933/}
 * @param subscriptionId for a polling Tentacle: the subscription it polls with
 * @param policyName a machine policy's name, or null for the default policy
 */
public record RegisterMachineRequest(
        String name,
        String communicationStyle,
        String uri,
        String subscriptionId,
        String thumbprint,
        List<String> environments,
        List<String> roles,
        List<String> tenants,
        String policyName) {

    /** Checks every field, naming the first one at fault and what it may be. */
    NewMachine toNewMachine() {
        if (name == null || name.isBlank()) {
            throw ApiException.invalid("name", "A machine needs a name, unique among machines ignoring case");
        }
        CommunicationStyle style = style();
        if (thumbprint == null || !Thumbprint.isValid(thumbprint)) {
            throw ApiException.invalid("thumbprint", "thumbprint must be the Tentacle certificate's SHA-1 (40 hex "
                    + "digits) or SHA-256 (64 hex digits) thumbprint; the Tentacle shows it with 'tentacle "
                    + "show-thumbprint'");
        }
        URI machineUri = style == CommunicationStyle.LISTENING ? listeningUri() : pollingUri();
        try {
            return new NewMachine(name, style, machineUri, Thumbprint.parse(thumbprint), environments, roles, tenants,
                    policyName);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(null, e.getMessage());
        }
    }

    private CommunicationStyle style() {
        String given = communicationStyle == null ? "" : communicationStyle.strip().toUpperCase(Locale.ROOT);
        return switch (given) {
            case "LISTENING" -> CommunicationStyle.LISTENING;
            case "POLLING" -> CommunicationStyle.POLLING;
            default -> throw ApiException.invalid("communicationStyle",
                    "communicationStyle must be LISTENING or POLLING, was '" + communicationStyle + "'");
        };
    }

    private URI listeningUri() {
        if (subscriptionId != null) {
            throw ApiException.invalid("subscriptionId", "A LISTENING machine has a uri, not a subscriptionId; "
                    + "use POLLING for a Tentacle that polls");
        }
        String expected = "uri must look like https://host:10933/ for a LISTENING machine";
        if (uri == null || uri.isBlank()) {
            throw ApiException.invalid("uri", expected);
        }
        try {
            URI parsed = new URI(uri.strip());
            if (!"https".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null) {
                throw ApiException.invalid("uri", expected + ", was '" + uri + "'");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw ApiException.invalid("uri", expected + ", was '" + uri + "' (" + e.getReason() + ")");
        }
    }

    private URI pollingUri() {
        if (uri != null) {
            throw ApiException.invalid("uri", "A POLLING machine has a subscriptionId, not a uri; use LISTENING for "
                    + "a Tentacle the server connects to");
        }
        String expected = "subscriptionId must be the polling Tentacle's subscription: letters, digits, '-' and "
                + "'.' (the Tentacle shows it with 'tentacle show-configuration')";
        if (subscriptionId == null || !subscriptionId.strip().matches("[A-Za-z0-9][A-Za-z0-9.-]{0,199}")) {
            throw ApiException.invalid("subscriptionId", expected + ", was '" + subscriptionId + "'");
        }
        return URI.create("poll://" + subscriptionId.strip() + "/");
    }
}
