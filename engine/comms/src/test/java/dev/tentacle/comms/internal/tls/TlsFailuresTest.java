package dev.tentacle.comms.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classification of the failure shapes the two engines produce; the messages below are copied from real failures
 * of JDK 25 and of netty-tcnative-boringssl-static 2.0.84 (see the loopback tests, which produce them).
 */
class TlsFailuresTest {
    private static final String ADDRESS = "tentacle.example:10933";
    private final CertificateIdentity presented = CertificateGenerator.generate("Octopus Tentacle");
    private final Thumbprint expected = CertificateGenerator.generate("Someone Else").thumbprints().sha1();

    @Test
    void untrustedServerCertificateAnywhereInTheChainNamesAllThreeThumbprints() {
        var untrusted = new UntrustedCertificateException(expected, presented.thumbprints());
        var failure = new SSLHandshakeException("General OpenSslEngine problem");
        failure.initCause(untrusted);

        CommsException error = TlsFailures.classify(failure, expected, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
        assertThat(error.getMessage()).contains(presented.thumbprints().sha1().hex(),
                presented.thumbprints().sha256().hex(), expected.hex(), "The server at " + ADDRESS);
        assertThat(error.getCause()).isSameAs(failure);
    }

    @Test
    void untrustedClientCertificateOnTheServerSide() {
        var failure = new SSLHandshakeException("(certificate_unknown) ...");
        failure.initCause(new UntrustedCertificateException(expected, presented.thumbprints()));

        CommsException error = TlsFailures.classifyIncoming(failure, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
        assertThat(error.getMessage()).startsWith("The client at " + ADDRESS + " presented a certificate with thumbprint "
                + presented.thumbprints().sha1());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(protocol_version) Received fatal alert: protocol_version",
        "(protocol_version) The server selected protocol version TLS11 is not accepted by client preferences [TLS13, TLS12]",
        "error:100000f0:SSL routines:OPENSSL_internal:UNSUPPORTED_PROTOCOL",
        "error:1000042e:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION"})
    void protocolVersionFailuresAreVersionMismatches(String message) {
        CommsException error = TlsFailures.classify(new SSLHandshakeException(message), expected, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.TLS_VERSION_MISMATCH);
        assertThat(error.getMessage()).isEqualTo("The server at " + ADDRESS + " and this side share no TLS version: the"
                + " server offers only TLS versions older than 1.2. This side speaks TLS 1.2 and 1.3 only. Enable TLS 1.2"
                + " or 1.3 on the server (on older Windows, install the TLS 1.2 updates and enable strong cryptography"
                + " for .NET).");
    }

    @Test
    void plainTextAnswerMeansThePeerDoesNotSpeakTls() {
        CommsException error = TlsFailures.classify(new NotSslRecordException("not an SSL/TLS record: 48545450"),
                expected, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(error.getMessage()).startsWith("The peer at " + ADDRESS + " does not speak TLS")
                .contains("a plain HTTP server, or another service on that port?");
    }

    @Test
    void plainTextArrivingAtTheServerIsAProtocolError() {
        CommsException error = TlsFailures.classifyIncoming(new NotSslRecordException("not an SSL/TLS record"), ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
        assertThat(error.getMessage()).startsWith("The client at " + ADDRESS + " sent data that is not TLS");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(certificate_unknown) Received fatal alert: certificate_unknown",
        "(bad_certificate) Received fatal alert: bad_certificate",
        "error:10000416:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_UNKNOWN",
        "error:10000412:SSL routines:OPENSSL_internal:SSLV3_ALERT_BAD_CERTIFICATE"})
    void certificateAlertsFromTheServerMeanItDoesNotTrustThisSide(String message) {
        // After a TLS 1.3 handshake the alert arrives on the next read, wrapped by Netty's decoder.
        var failure = new DecoderException(new SSLException(message));

        CommsException error = TlsFailures.classify(failure, expected, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
        assertThat(error.getMessage()).startsWith("The server at " + ADDRESS + " does not trust this side's certificate")
                .contains("Add this side's thumbprint (its SHA-1 or SHA-256 form) to the server's trusted list.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(internal_error) Received fatal alert: internal_error",
        "error:10000438:SSL routines:OPENSSL_internal:TLSV1_ALERT_INTERNAL_ERROR"})
    void internalErrorFromTheServerIsReportedAsMostLikelyNotTrusted(String message) {
        CommsException error = TlsFailures.classify(new DecoderException(new SSLException(message)), expected, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.UNTRUSTED_PEER);
        assertThat(error.getMessage()).contains("internal_error", "most likely it does not trust this side's certificate");
    }

    @Test
    void anAlertThisSideSentIsNotMistakenForOneItReceived() {
        // The JDK prefixes the alert it sends; certificate_unknown sent by this side is not the server's verdict.
        CommsException error = TlsFailures.classify(new SSLHandshakeException("(certificate_unknown) PKIX path failed"),
                expected, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.TLS_HANDSHAKE_FAILED);
    }

    @Test
    void handshakeTimeoutIsATimeout() {
        CommsException error = TlsFailures.classify(
                new SslHandshakeTimeoutException("handshake timed out after 10000ms"), expected, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(error.getMessage()).startsWith("The TLS handshake with the server at " + ADDRESS + " did not complete in time.");
    }

    @Test
    void anythingElseIsAHandshakeFailureCarryingTheUnderlyingMessage() {
        var failure = new SSLHandshakeException("(handshake_failure) No available authentication scheme");
        failure.initCause(new ClosedChannelException());

        CommsException error = TlsFailures.classify(failure, expected, ADDRESS);

        assertThat(error.code()).isEqualTo(ErrorCode.TLS_HANDSHAKE_FAILED);
        assertThat(error.getMessage()).isEqualTo("The TLS handshake with the server at " + ADDRESS + " (this side expects"
                + " the thumbprint " + expected + ") failed: (handshake_failure) No available authentication scheme."
                + " Check that the address points at a Tentacle or Octopus Server comms port and that nothing in the"
                + " path intercepts TLS.");
    }
}
