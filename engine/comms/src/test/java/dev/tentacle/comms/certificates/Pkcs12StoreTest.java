package dev.tentacle.comms.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.certificates.CertificateGenerator.KeyType;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pkcs12StoreTest {
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static CertificateIdentity identity;

    @TempDir
    Path directory;

    @BeforeAll
    static void generate() {
        identity = CertificateGenerator.generate("Octopus Tentacle");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void savedIdentityLoadsBackIdentical(KeyType keyType) {
        CertificateIdentity original = CertificateGenerator.generate("Octopus Tentacle", keyType);
        Path file = directory.resolve("tentacle.pfx");

        Pkcs12Store.save(original, file, PASSWORD);
        CertificateIdentity loaded = Pkcs12Store.load(file, PASSWORD);

        assertThat(loaded.certificate()).isEqualTo(original.certificate());
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(original.privateKey().getEncoded());
        assertThat(loaded.thumbprints()).isEqualTo(original.thumbprints());
    }

    @Test
    void anEmptyPasswordWorks() {
        Path file = directory.resolve("tentacle.pfx");

        Pkcs12Store.save(identity, file, new char[0]);

        assertThat(Pkcs12Store.load(file, new char[0]).thumbprints()).isEqualTo(identity.thumbprints());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void fileIsReadableAndWritableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("tentacle.pfx");

        Pkcs12Store.save(identity, file, PASSWORD);

        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void replacingAFileWithWiderPermissionsLeavesItOwnerOnly() throws Exception {
        Path file = directory.resolve("tentacle.pfx");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        Pkcs12Store.save(identity, file, PASSWORD);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Pkcs12Store.load(file, PASSWORD).thumbprints()).isEqualTo(identity.thumbprints());
    }

    @Test
    void savingLeavesNoTemporaryFiles() throws Exception {
        Path file = directory.resolve("tentacle.pfx");

        Pkcs12Store.save(identity, file, PASSWORD);
        Pkcs12Store.save(identity, file, PASSWORD);

        assertThat(listing()).containsExactly("tentacle.pfx");
    }

    @Test
    void aFailedSaveLeavesNoTemporaryFileAndSaysWhy() throws Exception {
        // A non-empty directory where the file should go: the final rename fails after the bytes were written.
        Path blocked = directory.resolve("tentacle.pfx");
        Files.createDirectories(blocked.resolve("inside"));

        assertThatThrownBy(() -> Pkcs12Store.save(identity, blocked, PASSWORD))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageContaining("Cannot write " + blocked)
                .hasMessageContaining("Nothing was changed");
        assertThat(listing()).containsExactly("tentacle.pfx");
    }

    @Test
    void savingIntoAMissingDirectorySaysToCreateIt() {
        Path file = directory.resolve("missing").resolve("tentacle.pfx");

        assertThatThrownBy(() -> Pkcs12Store.save(identity, file, PASSWORD))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessage("Cannot write " + file + ": the directory " + file.getParent()
                        + " does not exist. Create it first, or choose another location.");
    }

    @Test
    void loadingAMissingFileNamesIt() {
        Path file = directory.resolve("nowhere.pfx");

        assertThatThrownBy(() -> Pkcs12Store.load(file, PASSWORD))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageStartingWith("The certificate file " + file + " does not exist.")
                .hasMessageContaining("Check the path");
    }

    @Test
    void loadingWithTheWrongPasswordSaysSo() {
        Path file = directory.resolve("tentacle.pfx");
        Pkcs12Store.save(identity, file, PASSWORD);

        assertThatThrownBy(() -> Pkcs12Store.load(file, "wrong".toCharArray()))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessage("The password for the certificate file " + file + " is wrong."
                        + " Give the password it was saved with (empty if none was set).");
    }

    @Test
    void loadingSomethingThatIsNotPkcs12SaysSo() throws Exception {
        Path file = directory.resolve("tentacle.pfx");
        Files.writeString(file, PemExport.certificate(identity.certificate()));

        assertThatThrownBy(() -> Pkcs12Store.load(file, PASSWORD))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageStartingWith("The file " + file + " is not a readable PKCS#12 certificate store")
                .hasMessageContaining("convert it to PKCS#12");
    }

    @Test
    void loadingATruncatedFileSaysItIsDamaged() throws Exception {
        Path file = directory.resolve("tentacle.pfx");
        Pkcs12Store.save(identity, file, PASSWORD);
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));

        assertThatThrownBy(() -> Pkcs12Store.load(file, PASSWORD))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageStartingWith("The file " + file + " is not a readable PKCS#12 certificate store")
                .hasMessageContaining("damaged");
    }

    @Test
    void loadingAStoreWithoutAPrivateKeySaysItNeedsOne() throws Exception {
        KeyStore certificatesOnly = KeyStore.getInstance("PKCS12");
        certificatesOnly.load(null, null);
        certificatesOnly.setCertificateEntry("peer", identity.certificate());
        var out = new ByteArrayOutputStream();
        certificatesOnly.store(out, PASSWORD);
        Path file = directory.resolve("peer.pfx");
        Files.write(file, out.toByteArray());

        assertThatThrownBy(() -> Pkcs12Store.load(file, PASSWORD))
                .isInstanceOf(CertificateStoreException.class)
                .hasMessageStartingWith("The certificate file " + file + " holds no private key, only 1 certificate(s).")
                .hasMessageContaining("including the private key");
    }

    @Test
    void loadsTheOnlyKeyEntryOfAFileSavedByAnotherToolUnderAnotherAlias() throws Exception {
        KeyStore foreign = KeyStore.getInstance("PKCS12");
        foreign.load(null, null);
        foreign.setKeyEntry("le-3f2a9c", identity.privateKey(), PASSWORD, new java.security.cert.Certificate[] {identity.certificate()});
        var out = new ByteArrayOutputStream();
        foreign.store(out, PASSWORD);
        Path file = directory.resolve("imported.pfx");
        Files.write(file, out.toByteArray());

        assertThat(Pkcs12Store.load(file, PASSWORD).thumbprints()).isEqualTo(identity.thumbprints());
    }

    private Set<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }
}
