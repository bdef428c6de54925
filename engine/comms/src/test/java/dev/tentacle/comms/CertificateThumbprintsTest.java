package dev.tentacle.comms;

import static dev.tentacle.comms.TestCertificates.SERVER;
import static dev.tentacle.comms.TestCertificates.TENTACLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CertificateThumbprintsTest {
    private final CertificateThumbprints tentacle = CertificateThumbprints.of(TENTACLE);

    @Test
    void holdsBothFormsOfTheCertificatesThumbprint() {
        assertThat(tentacle.sha1()).isEqualTo(Thumbprint.sha1(TENTACLE));
        assertThat(tentacle.sha256()).isEqualTo(Thumbprint.sha256(TENTACLE));
    }

    @Test
    void matchesTheSha1Form() {
        assertThat(tentacle.matches(Thumbprint.sha1(TENTACLE))).isTrue();
    }

    @Test
    void matchesTheSha256Form() {
        assertThat(tentacle.matches(Thumbprint.sha256(TENTACLE))).isTrue();
    }

    @Test
    void matchesAThumbprintParsedFromUserInput() {
        assertThat(tentacle.matches(Thumbprint.parse(tentacle.sha256().hex().toLowerCase(Locale.ROOT)))).isTrue();
    }

    @Test
    void doesNotMatchEitherFormOfAnotherCertificate() {
        assertThat(tentacle.matches(Thumbprint.sha1(SERVER))).isFalse();
        assertThat(tentacle.matches(Thumbprint.sha256(SERVER))).isFalse();
    }

    @Test
    void doesNotMatchARandomThumbprintOfEitherLength() {
        assertThat(tentacle.matches(Thumbprint.parse("00".repeat(20)))).isFalse();
        assertThat(tentacle.matches(Thumbprint.parse("00".repeat(32)))).isFalse();
    }

    @Test
    void printsBothFormsNamed() {
        assertThat(tentacle.toString())
                .isEqualTo("SHA-1 " + tentacle.sha1().hex() + ", SHA-256 " + tentacle.sha256().hex());
    }
}
