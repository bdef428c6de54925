package dev.tentacle.testing.certificates;

import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.certificates.Pkcs12Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ready-made certificate identities for tests, generated once per JVM (EC P-256) so that a test suite pays for key
 * generation three times, not once per test. The three cached identities are distinct; {@link #fresh()} makes a new
 * one when a test needs a certificate nobody else uses.
 */
public final class CertificateFixtures {
    private CertificateFixtures() {
    }

    /** The Octopus Server's identity, subject "Octopus Portal". */
    public static CertificateIdentity server() {
        return Cached.SERVER;
    }

    /** A Tentacle's identity, subject "Octopus Tentacle". */
    public static CertificateIdentity tentacle() {
        return Cached.TENTACLE;
    }

    /** A third identity that neither {@link #server()} nor {@link #tentacle()} trusts: the stranger in negative tests. */
    public static CertificateIdentity other() {
        return Cached.OTHER;
    }

    /** A newly generated identity, never returned before. */
    public static CertificateIdentity fresh() {
        return CertificateGenerator.generate("Octopus Tentacle");
    }

    /** Saves the identity as {@code DIRECTORY/NAME.pfx} with an empty password and returns the file. */
    public static Path writePkcs12(CertificateIdentity identity, Path directory, String name) {
        return writePkcs12(identity, directory, name, new char[0]);
    }

    /** Saves the identity as {@code DIRECTORY/NAME.pfx} with the password and returns the file. */
    public static Path writePkcs12(CertificateIdentity identity, Path directory, String name, char[] password) {
        Path file = directory.resolve(name + ".pfx");
        Pkcs12Store.save(identity, file, password);
        return file;
    }

    /**
     * Saves the identity with an empty password in a new temporary directory, for tests without a JUnit
     * {@code @TempDir}. The file is deleted when the JVM exits.
     */
    public static Path writeTempPkcs12(CertificateIdentity identity) {
        try {
            Path directory = Files.createTempDirectory("tentacle-certificate-");
            Path file = writePkcs12(identity, directory, "certificate");
            directory.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for a test certificate: " + e.getMessage(), e);
        }
    }

    /** Holder idiom: generated on first use, once, thread-safely. */
    private static final class Cached {
        static final CertificateIdentity SERVER = CertificateGenerator.generate("Octopus Portal");
        static final CertificateIdentity TENTACLE = CertificateGenerator.generate("Octopus Tentacle");
        static final CertificateIdentity OTHER = CertificateGenerator.generate("Untrusted Stranger");
    }
}
