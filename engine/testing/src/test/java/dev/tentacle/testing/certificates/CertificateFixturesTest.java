package dev.tentacle.testing.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.certificates.Pkcs12Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateFixturesTest {

    @Test
    void cachedIdentitiesAreTheSameOnEveryCall() {
        assertThat(CertificateFixtures.server()).isSameAs(CertificateFixtures.server());
        assertThat(CertificateFixtures.tentacle()).isSameAs(CertificateFixtures.tentacle());
        assertThat(CertificateFixtures.other()).isSameAs(CertificateFixtures.other());
    }

    @Test
    void theThreeCachedIdentitiesAndAFreshOneAreAllDistinct() {
        Set<?> thumbprints = Set.of(CertificateFixtures.server().thumbprints(), CertificateFixtures.tentacle().thumbprints(),
                CertificateFixtures.other().thumbprints(), CertificateFixtures.fresh().thumbprints());

        assertThat(thumbprints).hasSize(4);
        assertThat(CertificateFixtures.fresh().thumbprints()).isNotEqualTo(CertificateFixtures.fresh().thumbprints());
    }

    @Test
    void subjectsNameTheirRoles() {
        assertThat(CertificateFixtures.server().certificate().getSubjectX500Principal().getName()).isEqualTo("CN=Octopus Portal");
        assertThat(CertificateFixtures.tentacle().certificate().getSubjectX500Principal().getName()).isEqualTo("CN=Octopus Tentacle");
        assertThat(CertificateFixtures.other().certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void writesALoadablePkcs12File(@TempDir Path directory) {
        CertificateIdentity identity = CertificateFixtures.tentacle();

        Path file = CertificateFixtures.writePkcs12(identity, directory, "tentacle", "secret".toCharArray());

        assertThat(file).isEqualTo(directory.resolve("tentacle.pfx"));
        assertThat(Pkcs12Store.load(file, "secret".toCharArray()).thumbprints()).isEqualTo(identity.thumbprints());
    }

    @Test
    void writesATemporaryPkcs12FileWithAnEmptyPassword() {
        Path file = CertificateFixtures.writeTempPkcs12(CertificateFixtures.server());

        assertThat(Files.isRegularFile(file)).isTrue();
        assertThat(Pkcs12Store.load(file, new char[0]).thumbprints()).isEqualTo(CertificateFixtures.server().thumbprints());
    }
}
