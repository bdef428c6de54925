package dev.tentacle.instances.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tentacle.comms.certificates.CertificateGenerator.KeyType;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.certificates.CertificateStoreException;
import dev.tentacle.comms.certificates.Pkcs12Store;
import dev.tentacle.instances.config.CertificateLocation;
import dev.tentacle.instances.config.ConfigurationStore;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.comms.certificates.OwnerOnlyFiles;
import dev.tentacle.testing.certificates.CertificateFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceCertificatesTest {
    @TempDir
    Path directory;

    private final InstanceCertificates certificates = InstanceCertificates.forInstance("Tentacle");

    private TentacleConfiguration configuration() {
        return TentacleConfiguration.defaults(directory.resolve("home"));
    }

    private Path expectedFile() {
        return directory.resolve("home/Certificates/tentacle.pfx");
    }

    @Test
    void aNewCertificateIsSavedInTheHomeAndRecordedInTheConfiguration() {
        TentacleConfiguration updated = certificates.newCertificate(configuration(), false);

        assertThat(updated.certificate()).isEqualTo(CertificateLocation.of(expectedFile()));
        assertThat(InstanceCertificates.certificateFile(configuration())).isEqualTo(expectedFile());
        CertificateIdentity identity = certificates.load(updated);
        assertThat(identity.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=Octopus Tentacle");
        assertThat(identity.privateKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void aNewCertificateMayUseRsa() {
        TentacleConfiguration updated = certificates.withKeyType(KeyType.RSA_3072).newCertificate(configuration(), false);

        assertThat(certificates.load(updated).privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void theCertificateFileIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(OwnerOnlyFiles.supportsPosix(directory), "needs POSIX permissions");

        certificates.newCertificate(configuration(), false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(expectedFile()))).isEqualTo("rw-------");
    }

    @Test
    void ifBlankKeepsAWorkingCertificate() {
        TentacleConfiguration first = certificates.newCertificate(configuration(), false);
        var thumbprints = certificates.load(first).thumbprints();

        TentacleConfiguration second = certificates.newCertificate(first, true);

        assertThat(second).isEqualTo(first);
        assertThat(certificates.load(second).thumbprints()).isEqualTo(thumbprints);
        assertThat(ConfigurationStore.backupOf(expectedFile())).doesNotExist();
    }

    @Test
    void ifBlankGeneratesOneWhenNoneIsConfigured() {
        TentacleConfiguration updated = certificates.newCertificate(configuration(), true);

        assertThat(updated.certificate()).isNotNull();
        assertThat(expectedFile()).isRegularFile();
    }

    @Test
    void ifBlankRefusesToReplaceAConfiguredCertificateThatIsMissing() throws IOException {
        TentacleConfiguration configured = certificates.newCertificate(configuration(), false);
        Files.delete(expectedFile());

        assertThatThrownBy(() -> certificates.newCertificate(configured, true))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageContaining("The certificate file " + expectedFile() + " does not exist");
        assertThat(expectedFile()).doesNotExist();
    }

    @Test
    void aReplacedCertificateIsKeptAsBak() {
        TentacleConfiguration first = certificates.newCertificate(configuration(), false);
        var oldThumbprints = certificates.load(first).thumbprints();

        TentacleConfiguration second = certificates.newCertificate(first, false);

        assertThat(certificates.load(second).thumbprints()).isNotEqualTo(oldThumbprints);
        CertificateIdentity backup = Pkcs12Store.load(ConfigurationStore.backupOf(expectedFile()), new char[0]);
        assertThat(backup.thumbprints()).isEqualTo(oldThumbprints);
    }

    @Test
    void importCopiesThePfxIntoTheHomeWithItsPassword() throws IOException {
        CertificateIdentity identity = CertificateFixtures.tentacle();
        Path pfx = CertificateFixtures.writePkcs12(identity, directory, "exported", "p@ss".toCharArray());

        TentacleConfiguration updated = certificates.importCertificate(configuration(), pfx, "p@ss".toCharArray());
        Files.delete(pfx);

        assertThat(updated.certificate()).isEqualTo(new CertificateLocation(expectedFile(), "p@ss"));
        assertThat(certificates.load(updated).thumbprints()).isEqualTo(identity.thumbprints());
    }

    @Test
    void importWithoutAPasswordRecordsNone() {
        Path pfx = CertificateFixtures.writePkcs12(CertificateFixtures.other(), directory, "exported");

        TentacleConfiguration updated = certificates.importCertificate(configuration(), pfx, null);

        assertThat(updated.certificate().password()).isNull();
        assertThat(certificates.load(updated).thumbprints()).isEqualTo(CertificateFixtures.other().thumbprints());
    }

    @Test
    void importWithTheWrongPasswordChangesNothing() {
        TentacleConfiguration current = certificates.newCertificate(configuration(), false);
        var currentThumbprints = certificates.load(current).thumbprints();
        Path pfx = CertificateFixtures.writePkcs12(CertificateFixtures.other(), directory, "exported", "right".toCharArray());

        assertThatThrownBy(() -> certificates.importCertificate(current, pfx, "wrong".toCharArray()))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageContaining("The password for the certificate file " + pfx + " is wrong");

        assertThat(certificates.load(current).thumbprints()).isEqualTo(currentThumbprints);
        assertThat(ConfigurationStore.backupOf(expectedFile())).doesNotExist();
    }

    @Test
    void importOfAFileThatIsNotPkcs12ChangesNothing() throws IOException {
        Path notPfx = Files.writeString(directory.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n");

        assertThatThrownBy(() -> certificates.importCertificate(configuration(), notPfx, null))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageContaining(notPfx + " is not a readable PKCS#12 certificate store");

        assertThat(expectedFile()).doesNotExist();
    }

    @Test
    void loadingWithoutACertificateSaysHowToCreateOrImportOne() {
        assertThatThrownBy(() -> InstanceCertificates.forInstance("web 01").load(configuration()))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessage("The Tentacle instance 'web 01' has no certificate yet. Create one with: tentacle"
                        + " new-certificate --instance \"web 01\", or import one with: tentacle import-certificate"
                        + " --instance \"web 01\" --from-file FILE.pfx");
    }

    @Test
    void aHomeThatCannotHoldTheCertificatesDirectoryFailsClearly() throws IOException {
        Path home = directory.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("Certificates"), "a file where the directory belongs");

        assertThatThrownBy(() -> certificates.newCertificate(configuration(), false))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageContaining("Could not prepare " + expectedFile() + " for the certificate of the Tentacle"
                        + " instance 'Tentacle'")
                .hasMessageContaining("Nothing was changed");
    }

    @Test
    void anInvalidInstanceNameIsRefused() {
        assertThatThrownBy(() -> InstanceCertificates.forInstance("../x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid instance name");
    }
}
