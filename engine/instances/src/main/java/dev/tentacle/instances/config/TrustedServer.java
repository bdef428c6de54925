package dev.tentacle.instances.config;

import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.Thumbprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * An Octopus Server this Tentacle trusts: the server's certificate thumbprint and, for polling, where to poll.
 *
 * @param thumbprint the server certificate's thumbprint, SHA-1 or SHA-256
 * @param communicationStyle whether the server connects in (listening) or this Tentacle polls it
 * @param address for polling, the server's polling endpoint {@code https://host:10943/} (the port defaults to 10943);
 *     for listening, optional and informational
 * @param subscriptionId for polling, the id this Tentacle polls as (its {@code poll://ID/} address on the server),
 *     stored in lower case without the scheme; for listening, null
 */
public record TrustedServer(Thumbprint thumbprint, CommunicationStyle communicationStyle, URI address, String subscriptionId) {
    public TrustedServer {
        if (thumbprint == null) {
            throw new IllegalArgumentException("A trusted server needs the thumbprint of its certificate (40 or 64 hex"
                    + " characters); copy it from the Octopus Server's settings.");
        }
        if (communicationStyle == null) {
            throw new IllegalArgumentException("The trusted server " + thumbprint + " needs a communicationStyle: LISTENING or POLLING.");
        }
        if (address != null) {
            address = normalizeAddress(address, communicationStyle, thumbprint);
        }
        subscriptionId = subscriptionId == null || subscriptionId.isBlank() ? null : normalizeSubscription(subscriptionId);
        if (communicationStyle == CommunicationStyle.POLLING) {
            if (address == null) {
                throw new IllegalArgumentException("The polling server " + thumbprint + " needs the address to poll,"
                        + " such as https://octopus.example.com:10943/.");
            }
            if (subscriptionId == null) {
                throw new IllegalArgumentException("The polling server " + thumbprint + " needs the subscription id this"
                        + " Tentacle polls as; it is shown when the Tentacle is registered with the server.");
            }
        } else if (subscriptionId != null) {
            throw new IllegalArgumentException("The listening server " + thumbprint + " has a subscriptionId, which only"
                    + " polling servers have. Remove it, or set communicationStyle to POLLING.");
        }
    }

    /** A server that connects to this listening Tentacle. */
    public static TrustedServer listening(Thumbprint thumbprint) {
        return new TrustedServer(thumbprint, CommunicationStyle.LISTENING, null, null);
    }

    /** A server this Tentacle polls at {@code address} (such as {@code https://octopus:10943/}) as {@code subscriptionId}. */
    public static TrustedServer polling(Thumbprint thumbprint, URI address, String subscriptionId) {
        return new TrustedServer(thumbprint, CommunicationStyle.POLLING, address, subscriptionId);
    }

    public TrustedServer withThumbprint(Thumbprint newThumbprint) {
        return new TrustedServer(newThumbprint, communicationStyle, address, subscriptionId);
    }

    public boolean isPolling() {
        return communicationStyle == CommunicationStyle.POLLING;
    }

    /** The {@code poll://ID/} address of this Tentacle on a polling server; throws for a listening one. */
    public URI pollingUri() {
        if (!isPolling()) {
            throw new IllegalStateException("The server " + thumbprint + " is a listening server; only polling servers have a poll:// address.");
        }
        return ServiceEndpoint.pollingUri(subscriptionId);
    }

    /** True when both describe the same relationship (thumbprint, style and address), whatever else differs. */
    public boolean sameEntryAs(TrustedServer other) {
        return thumbprint.equals(other.thumbprint) && communicationStyle == other.communicationStyle
                && Objects.equals(address, other.address);
    }

    private static URI normalizeAddress(URI address, CommunicationStyle style, Thumbprint thumbprint) {
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") || address.getHost() == null) {
            throw new IllegalArgumentException("The address of server " + thumbprint + " is '" + address
                    + "'; give it as https://HOST:PORT/, for example https://octopus.example.com:10943/.");
        }
        if (style == CommunicationStyle.POLLING && address.getPort() == -1) {
            try {
                return new URI("https", address.getUserInfo(), address.getHost(), ServiceEndpoint.DEFAULT_POLLING_PORT,
                        address.getPath().isEmpty() ? "/" : address.getPath(), address.getQuery(), address.getFragment());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("The address of server " + thumbprint + " ('" + address
                        + "') cannot take the default polling port: " + e.getReason() + ".", e);
            }
        }
        return address;
    }

    private static String normalizeSubscription(String subscriptionId) {
        String id = subscriptionId.strip();
        if (id.regionMatches(true, 0, "poll://", 0, 7)) {
            id = id.substring(7);
        }
        if (id.endsWith("/")) {
            id = id.substring(0, id.length() - 1);
        }
        // Validates and gives the canonical lower-case form.
        return ServiceEndpoint.pollingUri(id).getHost();
    }
}
