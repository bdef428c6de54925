package dev.tentacle.comms.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.certificates.CertificateGenerator.KeyType;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateGeneratorTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void generatesSelfSignedCertificateWithTheRequestedSubjectAndSignature(KeyType keyType) throws Exception {
        CertificateIdentity identity = CertificateGenerator.generate("Octopus Tentacle", keyType);
        X509Certificate certificate = identity.certificate();

        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Octopus Tentacle");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getSigAlgName()).isEqualTo(keyType.signatureAlgorithm());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSerialNumber()).isPositive();
        assertThat(certificate.getSerialNumber().bitLength()).isLessThanOrEqualTo(159);
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo(identity.privateKey().getAlgorithm());
    }

    @Test
    void defaultsToEcP256() {
        CertificateIdentity identity = CertificateGenerator.generate("Octopus Portal");

        assertThat(identity.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECKey) identity.privateKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    }

    @Test
    void rsaKeysAre3072Bits() {
        CertificateIdentity identity = CertificateGenerator.generate("Octopus Tentacle", KeyType.RSA_3072);

        assertThat(((RSAKey) identity.privateKey()).getModulus().bitLength()).isEqualTo(3072);
    }

    @Test
    void isValidFromYesterdayForAHundredYears() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509Certificate certificate = CertificateGenerator.generate("Octopus Tentacle").certificate();
        Instant after = Instant.now();

        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        assertThat(notBefore).isBetween(before.minus(1, ChronoUnit.DAYS), after.minus(1, ChronoUnit.DAYS));
        assertThat(notAfter.atOffset(ZoneOffset.UTC).minusYears(100).minusDays(1).toInstant()).isEqualTo(notBefore);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void thumbprintsAreUppercaseHexInBothFormsAndMatchTheCertificate(KeyType keyType) {
        CertificateIdentity identity = CertificateGenerator.generate("Octopus Tentacle", keyType);
        CertificateThumbprints thumbprints = identity.thumbprints();

        assertThat(thumbprints.sha1().hex()).hasSize(40).matches("[0-9A-F]{40}");
        assertThat(thumbprints.sha256().hex()).hasSize(64).matches("[0-9A-F]{64}");
        assertThat(thumbprints.sha1().matches(identity.certificate())).isTrue();
        assertThat(thumbprints.sha256().matches(identity.certificate())).isTrue();
        assertThat(Thumbprint.parse(thumbprints.sha1().hex().toLowerCase()).matches(identity.certificate())).isTrue();
    }

    @Test
    void eachCertificateIsNew() {
        CertificateIdentity first = CertificateGenerator.generate("Octopus Tentacle");
        CertificateIdentity second = CertificateGenerator.generate("Octopus Tentacle");

        assertThat(first.thumbprints()).isNotEqualTo(second.thumbprints());
        assertThat(first.certificate().getSerialNumber()).isNotEqualTo(second.certificate().getSerialNumber());
        assertThat(second.thumbprints().sha256().matches(first.certificate())).isFalse();
        assertThat(first.certificate().getSerialNumber()).isNotEqualTo(BigInteger.ZERO);
    }

    @Test
    void subjectNamesWithSpecialCharactersAreEncodedNotInterpreted() {
        X509Certificate certificate = CertificateGenerator.generate("Web, Inc=1").certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Web\\, Inc\\=1");
    }

    @Test
    void rejectsABlankSubjectName() {
        assertThatThrownBy(() -> CertificateGenerator.generate("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a subject name");
    }
}
