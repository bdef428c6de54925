package dev.tentacle.comms.internal.preamble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreambleTest {
    @Test
    void clientIdentityIsExactlyTheseBytes() {
        assertThat(HexFormat.of().formatHex(Preamble.encode(Preamble.Identity.client().line())))
                .isEqualTo("54454e5441434c452f3120434c49454e540d0a");
    }

    @Test
    void subscriberIdentityNamesItsSubscriptionInLowercase() {
        Preamble.Identity subscriber = Preamble.Identity.subscriber("Web-01");

        assertThat(new String(Preamble.encode(subscriber.line()), StandardCharsets.US_ASCII))
                .isEqualTo("TENTACLE/1 SUBSCRIBER poll://web-01/\r\n");
        assertThat(subscriber.role()).isEqualTo(Preamble.Role.SUBSCRIBER);
        assertThat(((Preamble.Identity.Subscriber) subscriber).subscriptionUri()).isEqualTo(URI.create("poll://web-01/"));
    }

    @Test
    void subscriberAndServerLinesMatchTheProtocolDocumentHexDumps() {
        assertThat(HexFormat.of().withUpperCase().formatHex(Preamble.encode(Preamble.Identity.subscriber("web-01").line())))
                .isEqualTo("54454E5441434C452F3120" + "5355425343524942455220" + "706F6C6C3A2F2F7765622D30312F" + "0D0A");
        assertThat(HexFormat.of().withUpperCase().formatHex(Preamble.encode(Preamble.ACCEPTED_LINE)))
                .isEqualTo("54454E5441434C452F3120" + "534552564552" + "0D0A");
    }

    @Test
    void acceptedLineIsExactlyTheseBytes() {
        assertThat(new String(Preamble.encode(Preamble.ACCEPTED_LINE), StandardCharsets.US_ASCII))
                .isEqualTo("TENTACLE/1 SERVER\r\n");
    }

    @Test
    void parsesTheIdentitiesItWrites() {
        assertThat(Preamble.parseIdentity("TENTACLE/1 CLIENT")).isEqualTo(Preamble.Identity.client());
        assertThat(Preamble.parseIdentity("TENTACLE/1 SUBSCRIBER poll://abc-1x/"))
                .isEqualTo(Preamble.Identity.subscriber("abc-1x"));
        assertThat(Preamble.parseIdentity("TENTACLE/1 SUBSCRIBER poll://ABC/"))
                .isEqualTo(Preamble.Identity.subscriber("abc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "TENTACLE/1 CLIENT ", " TENTACLE/1 CLIENT", "TENTACLE/1  CLIENT", "tentacle/1 client", "TENTACLE/1",
        "TENTACLE/1 SUBSCRIBER", "TENTACLE/1 CALLER", "", "GET", "TENTACLE/1 CLIENT\u0000"})
    void rejectsAnythingButAnExactIdentity(String line) {
        assertThatThrownBy(() -> Preamble.parseIdentity(line))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR))
                .hasMessageStartingWith("Unknown identity '")
                .hasMessageContaining("expected 'TENTACLE/1 CLIENT' or 'TENTACLE/1 SUBSCRIBER poll://ID/'");
    }

    @Test
    void quotesUnprintableBytesInTheError() {
        assertThatThrownBy(() -> Preamble.parseIdentity("\u0016\u0003\u0001x"))
                .hasMessageStartingWith("Unknown identity '\\x16\\x03\\x01x'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"poll://bad%id/", "https://host/", "poll://web", "poll:///", "poll://-x/"})
    void rejectsAnInvalidSubscriptionAddress(String address) {
        assertThatThrownBy(() -> Preamble.parseIdentity("TENTACLE/1 SUBSCRIBER " + address))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR))
                .hasMessageContaining("subscription address '" + address + "', which is not valid");
    }

    @Test
    void namesAProtocolVersionMismatch() {
        assertThatThrownBy(() -> Preamble.parseIdentity("TENTACLE/2 CLIENT"))
                .hasMessageContaining("speaks protocol version 'TENTACLE/2'")
                .hasMessageContaining("this endpoint speaks TENTACLE/1");
    }

    @Test
    void recognisesTwoServersTalkingToEachOther() {
        assertThatThrownBy(() -> Preamble.parseIdentity("TENTACLE/1 SERVER"))
                .hasMessageContaining("both ends are acting as the server");
    }

    @Test
    void parsesAcceptance() {
        assertThat(Preamble.parseReply("TENTACLE/1 SERVER")).isEqualTo(new Preamble.Reply.Accepted());
    }

    @Test
    void parsesARejectionWithItsCodeAndMessage() {
        Preamble.Reply reply = Preamble.parseReply("TENTACLE/1 REJECTED UNTRUSTED_PEER The server does not trust you.");

        assertThat(reply).isEqualTo(new Preamble.Reply.Rejected(ErrorCode.UNTRUSTED_PEER, "The server does not trust you."));
    }

    @Test
    void aRejectionWithoutAMessageSaysSo() {
        assertThat(Preamble.parseReply("TENTACLE/1 REJECTED SHUTTING_DOWN"))
                .isEqualTo(new Preamble.Reply.Rejected(ErrorCode.SHUTTING_DOWN, "no reason given"));
    }

    @Test
    void aRejectionWithAnUnknownCodeIsAProtocolErrorThatKeepsTheMessage() {
        assertThatThrownBy(() -> Preamble.parseReply("TENTACLE/1 REJECTED QUOTA_EXCEEDED Too many connections"))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR))
                .hasMessageContaining("error code 'QUOTA_EXCEEDED'")
                .hasMessageContaining("Too many connections");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TENTACLE/1 SERVER ", "TENTACLE/1 CLIENT", "TENTACLE/1 ACCEPTED", "OK"})
    void rejectsAnythingButAnExactReply(String line) {
        assertThatThrownBy(() -> Preamble.parseReply(line))
                .isInstanceOfSatisfying(CommsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR))
                .hasMessageStartingWith("Unknown reply '");
    }

    @Test
    void rejectedLineKeepsTheMessageOnOneLine() {
        assertThat(Preamble.rejectedLine(ErrorCode.UNTRUSTED_PEER, "First line.\r\nSecond line\tand\u00e9."))
                .isEqualTo("TENTACLE/1 REJECTED UNTRUSTED_PEER First line.  Second line and?.");
        assertThat(Preamble.rejectedLine(ErrorCode.PROTOCOL_ERROR, " "))
                .isEqualTo("TENTACLE/1 REJECTED PROTOCOL_ERROR no reason given");
    }

    @Test
    void rejectedLineIsCutToFitTheLineLimit() {
        String line = Preamble.rejectedLine(ErrorCode.PROTOCOL_ERROR, "x".repeat(5000));

        assertThat(Preamble.encode(line)).hasSize(Preamble.MAX_LINE_BYTES);
        assertThat(line).endsWith("xxx...");
        assertThat(Preamble.parseReply(line)).isInstanceOf(Preamble.Reply.Rejected.class);
    }

    @Test
    void refusesToEncodeALineThatBreaksTheRules() {
        assertThatIllegalArgumentException().isThrownBy(() -> Preamble.encode("TENTACLE/1 CLIENT\r\nX"));
        assertThatIllegalArgumentException().isThrownBy(() -> Preamble.encode("x".repeat(1023)))
                .withMessageContaining("at most 1024 bytes");
        assertThat(Preamble.encode("x".repeat(1022))).hasSize(1024);
    }

    @Test
    void aSubscriberNeedsAValidSubscriptionId() {
        assertThatIllegalArgumentException().isThrownBy(() -> Preamble.Identity.subscriber("has space"))
                .withMessageContaining("subscription id");
    }
}
