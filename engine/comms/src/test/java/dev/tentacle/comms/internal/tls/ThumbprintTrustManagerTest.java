package dev.tentacle.comms.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class ThumbprintTrustManagerTest {
    private final CertificateIdentity server = CertificateGenerator.generate("Octopus Portal");
    private final CertificateIdentity other = CertificateGenerator.generate("Someone Else");

    @Test
    void trustsTheLeafWhoseSha1OrSha256Matches() {
        var bySha1 = new ThumbprintTrustManager(server.thumbprints().sha1());
        var bySha256 = new ThumbprintTrustManager(server.thumbprints().sha256());
        X509Certificate[] chain = {server.certificate()};

        assertThatCode(() -> bySha1.checkServerTrusted(chain, "ECDHE_ECDSA")).doesNotThrowAnyException();
        assertThatCode(() -> bySha256.checkServerTrusted(chain, "ECDHE_ECDSA")).doesNotThrowAnyException();
        assertThatCode(() -> bySha256.checkClientTrusted(chain, "EC")).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnotherCertificateNamingBothThumbprints() {
        Thumbprint expected = server.thumbprints().sha1();
        var trustManager = new ThumbprintTrustManager(expected);

        assertThatThrownBy(() -> trustManager.checkServerTrusted(new X509Certificate[] {other.certificate()}, "ECDHE_ECDSA"))
                .isInstanceOfSatisfying(UntrustedCertificateException.class, e -> {
                    assertThat(e.expected()).isEqualTo(expected);
                    assertThat(e.presented()).isEqualTo(other.thumbprints());
                    assertThat(e.getMessage()).isEqualTo("The peer presented a certificate with thumbprint "
                            + other.thumbprints().sha1() + " (SHA-1) / " + other.thumbprints().sha256()
                            + " (SHA-256), but this side expects " + expected + ".");
                });
    }

    @Test
    void looksOnlyAtTheLeafNotAtTheRestOfTheChain() {
        var trustManager = new ThumbprintTrustManager(server.thumbprints().sha256());

        assertThatCode(() -> trustManager.checkServerTrusted(
                new X509Certificate[] {server.certificate(), other.certificate()}, "ECDHE_ECDSA")).doesNotThrowAnyException();
        assertThatThrownBy(() -> trustManager.checkServerTrusted(
                new X509Certificate[] {other.certificate(), server.certificate()}, "ECDHE_ECDSA"))
                .isInstanceOf(UntrustedCertificateException.class);
    }

    @Test
    void ignoresValidityDates() throws Exception {
        X509Certificate expired = expiredCertificate();
        var trustManager = new ThumbprintTrustManager(Thumbprint.sha256(expired));

        assertThat(expired.getNotAfter()).isBefore(new Date());
        assertThatCode(() -> trustManager.checkServerTrusted(new X509Certificate[] {expired}, "ECDHE_ECDSA"))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsAnEmptyChainSayingWhatWasExpected() {
        Thumbprint expected = server.thumbprints().sha256();
        var trustManager = new ThumbprintTrustManager(expected);

        assertThatThrownBy(() -> trustManager.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"))
                .isExactlyInstanceOf(CertificateException.class)
                .hasMessage("The peer presented no certificate, but this side expects one with thumbprint " + expected + ".");
    }

    @Test
    void advertisesNoIssuers() {
        assertThat(new ThumbprintTrustManager(server.thumbprints().sha1()).getAcceptedIssuers()).isEmpty();
        assertThat(AnyClientCertificateTrustManager.INSTANCE.getAcceptedIssuers()).isEmpty();
    }

    @Test
    void theServerSideTrustManagerAcceptsAnyClientCertificate() {
        assertThatCode(() -> AnyClientCertificateTrustManager.INSTANCE.checkClientTrusted(
                new X509Certificate[] {other.certificate()}, "EC")).doesNotThrowAnyException();
        assertThatThrownBy(() -> AnyClientCertificateTrustManager.INSTANCE.checkServerTrusted(
                new X509Certificate[] {other.certificate()}, "EC")).isInstanceOf(CertificateException.class);
    }

    private static X509Certificate expiredCertificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        var name = new X500Principal("CN=Expired Tentacle");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.TWO,
                Date.from(now.minus(400, ChronoUnit.DAYS)), Date.from(now.minus(30, ChronoUnit.DAYS)), name, keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
