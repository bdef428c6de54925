package dev.tentacle.comms.internal.preamble;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.ServiceEndpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one-line exchange that follows TLS and precedes frames. Lines are printable US-ASCII ending in CRLF, at most
 * {@value #MAX_LINE_BYTES} bytes including the CRLF.
 * <pre>
 * client → server   TENTACLE/1 CLIENT                       a caller that will send requests
 *                   TENTACLE/1 SUBSCRIBER poll://ID/        a polling subscriber that will receive requests
 * server → client   TENTACLE/1 SERVER                       accepted; frames follow
 *                   TENTACLE/1 REJECTED CODE message        refused, then the server closes
 * </pre>
 * Parsing is strict: anything else is a {@link ErrorCode#PROTOCOL_ERROR} that quotes what arrived.
 */
public final class Preamble {
    /** Protocol name and version, the first token of every line. */
    public static final String PROTOCOL = "TENTACLE/1";
    /** Longest line, counting the terminating CRLF. */
    public static final int MAX_LINE_BYTES = 1024;
    public static final String CRLF = "\r\n";
    /** The server's acceptance line, without CRLF. */
    public static final String ACCEPTED_LINE = PROTOCOL + " SERVER";

    private static final String CLIENT_KEYWORD = "CLIENT";
    private static final String SUBSCRIBER_KEYWORD = "SUBSCRIBER";
    private static final String SERVER_KEYWORD = "SERVER";
    private static final String REJECTED_KEYWORD = "REJECTED";
    private static final String POLL_PREFIX = "poll://";
    private static final String NO_REASON = "no reason given";

    private Preamble() {
    }

    public enum Role { CLIENT, SUBSCRIBER }

    /** Who is connecting: the first line a client sends. */
    public sealed interface Identity permits Identity.Client, Identity.Subscriber {
        Role role();

        /** The line as sent, without CRLF. */
        String line();

        static Identity client() {
            return new Client();
        }

        /** @param subscriptionId as in {@link ServiceEndpoint#pollingUri(String)}; stored in lowercase */
        static Identity subscriber(String subscriptionId) {
            return new Subscriber(subscriptionId);
        }

        /** A caller that will send requests over this connection. */
        record Client() implements Identity {
            @Override
            public Role role() {
                return Role.CLIENT;
            }

            @Override
            public String line() {
                return PROTOCOL + " " + CLIENT_KEYWORD;
            }
        }

        /**
         * A polling subscriber that will receive requests over this connection.
         *
         * @param subscriptionId the canonical, lowercase subscription id
         */
        record Subscriber(String subscriptionId) implements Identity {
            public Subscriber {
                ServiceEndpoint.pollingUri(subscriptionId); // validates; its message names the rules
                subscriptionId = subscriptionId.toLowerCase(Locale.ROOT);
            }

            /** The subscription as a {@code poll://ID/} address. */
            public URI subscriptionUri() {
                return ServiceEndpoint.pollingUri(subscriptionId);
            }

            @Override
            public Role role() {
                return Role.SUBSCRIBER;
            }

            @Override
            public String line() {
                return PROTOCOL + " " + SUBSCRIBER_KEYWORD + " " + POLL_PREFIX + subscriptionId + "/";
            }
        }
    }

    /** The server's answer to an identity. */
    public sealed interface Reply permits Reply.Accepted, Reply.Rejected {
        /** Frames follow. */
        record Accepted() implements Reply {
        }

        /** The server refused the connection and closes it. */
        record Rejected(ErrorCode code, String message) implements Reply {
            public CommsException toException() {
                return new CommsException(code, message);
            }
        }
    }

    /** The line rejecting a connection, without CRLF: control characters become spaces, and it is cut to fit. */
    public static String rejectedLine(ErrorCode code, String message) {
        String prefix = PROTOCOL + " " + REJECTED_KEYWORD + " " + code.name() + " ";
        String text = message == null || message.isBlank() ? NO_REASON : printable(message.strip());
        int room = MAX_LINE_BYTES - CRLF.length() - prefix.length();
        if (text.length() > room) {
            text = text.substring(0, room - 3) + "...";
        }
        return prefix + text;
    }

    /** The line's bytes with CRLF appended. */
    public static byte[] encode(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isPrintableAscii(line.charAt(i))) {
                throw new IllegalArgumentException("A preamble line is printable US-ASCII; character " + i + " of '"
                        + Printable.quote(line) + "' is not");
            }
        }
        byte[] bytes = (line + CRLF).getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > MAX_LINE_BYTES) {
            throw new IllegalArgumentException("A preamble line is at most " + MAX_LINE_BYTES + " bytes with its CRLF; this one has "
                    + bytes.length);
        }
        return bytes;
    }

    /**
     * Reads a client's identity line (without CRLF).
     *
     * @throws CommsException {@link ErrorCode#PROTOCOL_ERROR} saying what arrived and what was expected
     */
    public static Identity parseIdentity(String line) {
        String[] tokens = tokens(line);
        checkVersion(line, tokens);
        if (tokens.length == 2 && tokens[1].equals(CLIENT_KEYWORD)) {
            return Identity.client();
        }
        if (tokens.length == 3 && tokens[1].equals(SUBSCRIBER_KEYWORD)) {
            return Identity.subscriber(subscriptionId(tokens[2]));
        }
        if (tokens.length >= 2 && (tokens[1].equals(SERVER_KEYWORD) || tokens[1].equals(REJECTED_KEYWORD))) {
            throw protocolError("The peer sent a server's reply ('" + Printable.quote(line) + "') where a client's "
                    + "identity belongs: both ends are acting as the server. Check that the connecting side has the "
                    + "address of the listening side, not its own.");
        }
        throw unknown("identity", line, "'" + PROTOCOL + " " + CLIENT_KEYWORD + "' or '" + PROTOCOL + " "
                + SUBSCRIBER_KEYWORD + " poll://ID/'");
    }

    /**
     * Reads the server's reply line (without CRLF).
     *
     * @throws CommsException {@link ErrorCode#PROTOCOL_ERROR} saying what arrived and what was expected
     */
    public static Reply parseReply(String line) {
        String[] tokens = tokens(line);
        checkVersion(line, tokens);
        if (tokens.length == 2 && tokens[1].equals(SERVER_KEYWORD)) {
            return new Reply.Accepted();
        }
        if (tokens.length >= 3 && tokens[1].equals(REJECTED_KEYWORD)) {
            int prefixLength = (PROTOCOL + " " + REJECTED_KEYWORD + " " + tokens[2]).length();
            String message = line.length() > prefixLength ? line.substring(prefixLength + 1).strip() : "";
            if (message.isEmpty()) {
                message = NO_REASON;
            }
            return new Reply.Rejected(errorCode(tokens[2], message), message);
        }
        throw unknown("reply", line, "'" + ACCEPTED_LINE + "' or '" + PROTOCOL + " REJECTED CODE message'");
    }

    private static ErrorCode errorCode(String name, String message) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw protocolError("The server rejected this connection with error code '" + Printable.quote(name)
                    + "', which this version does not know: " + message + ". The server runs a newer version; "
                    + "upgrade this side to see the reason in full.");
        }
    }

    private static String subscriptionId(String address) {
        boolean wellFormed = address.startsWith(POLL_PREFIX) && address.endsWith("/")
                && address.length() > POLL_PREFIX.length() + 1;
        String id = wellFormed ? address.substring(POLL_PREFIX.length(), address.length() - 1) : "";
        try {
            if (!wellFormed) {
                throw new IllegalArgumentException("It is not of the form poll://ID/.");
            }
            ServiceEndpoint.pollingUri(id);
            return id.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw protocolError("The polling subscriber introduced itself with the subscription address '"
                    + Printable.quote(address) + "', which is not valid. " + e.getMessage()
                    + " Check the subscription id configured on the polling Tentacle.");
        }
    }

    private static String[] tokens(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isPrintableAscii(line.charAt(i))) {
                return new String[0];
            }
        }
        return line.split(" ", -1);
    }

    private static void checkVersion(String line, String[] tokens) {
        if (tokens.length > 0 && tokens[0].startsWith("TENTACLE/") && !tokens[0].equals(PROTOCOL)) {
            throw protocolError("The peer speaks protocol version '" + Printable.quote(tokens[0]) + "' ('"
                    + Printable.quote(line) + "'); this endpoint speaks " + PROTOCOL + ". Install compatible "
                    + "versions of Tentacle and Octopus Server on both ends.");
        }
    }

    private static CommsException unknown(String what, String line, String expected) {
        return protocolError("Unknown " + what + " '" + Printable.quote(line) + "': expected " + expected + ". The "
                + "peer is not a Tentacle or Octopus Server, or it runs an incompatible version: check the address "
                + "and port it connects to, and the versions on both ends.");
    }

    private static CommsException protocolError(String message) {
        return new CommsException(ErrorCode.PROTOCOL_ERROR, message);
    }

    static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c <= 0x7E;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isPrintableAscii(c) ? c : Character.isWhitespace(c) || Character.isISOControl(c) ? ' ' : '?');
        }
        return out.toString();
    }
}
