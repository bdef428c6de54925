package dev.tentacle.comms.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.certificates.CertificateGenerator.KeyType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PemExportTest {

    @Test
    void certificatePemParsesBackToTheSameCertificate() throws Exception {
        CertificateIdentity identity = CertificateGenerator.generate("Octopus Tentacle");

        String pem = PemExport.certificate(identity.certificate());

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        var parsed = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(parsed).isEqualTo(identity.certificate());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void privateKeyIsPkcs8ForEveryKeyTypeWithLinesOf64(KeyType keyType) throws Exception {
        CertificateIdentity identity = CertificateGenerator.generate("Octopus Tentacle", keyType);

        String pem = PemExport.privateKey(identity.privateKey());

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n")
                .doesNotContain("EC PRIVATE KEY").doesNotContain("RSA PRIVATE KEY");
        String[] lines = pem.split("\n");
        for (int i = 1; i < lines.length - 2; i++) {
            assertThat(lines[i]).hasSize(64);
        }
        assertThat(decodeKey(pem, identity.privateKey().getAlgorithm())).isEqualTo(identity.privateKey());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void writesBothFilesOwnerOnly(@TempDir Path directory) throws Exception {
        CertificateIdentity identity = CertificateGenerator.generate("Octopus Tentacle");
        Path certificateFile = directory.resolve("tentacle.crt");
        Path keyFile = directory.resolve("tentacle.key");

        PemExport.write(identity, certificateFile, keyFile);

        assertThat(Files.readString(certificateFile)).isEqualTo(PemExport.certificate(identity.certificate()));
        assertThat(Files.readString(keyFile)).isEqualTo(PemExport.privateKey(identity.privateKey()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificateFile))).isEqualTo("rw-------");
    }

    private static PrivateKey decodeKey(String pem, String algorithm) throws Exception {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replace("\n", "");
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
