package dev.tentacle.instances.certificates;

import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateGenerator.KeyType;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.certificates.CertificateStoreException;
import dev.tentacle.comms.certificates.Pkcs12Store;
import dev.tentacle.instances.config.CertificateLocation;
import dev.tentacle.instances.config.ConfigurationStore;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.comms.certificates.OwnerOnlyFiles;
import dev.tentacle.instances.registry.InstanceName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The certificate a Tentacle instance presents: generated, imported, or loaded. New and imported certificates are
 * saved as {@code <home>/Certificates/tentacle.pfx} (owner-only, written atomically); the certificate they replace
 * is kept as {@code tentacle.pfx.bak}, because a replaced key cannot be recovered and every server trusted it.
 *
 * <p>The methods return the changed configuration; the caller saves it (see {@link TentacleConfiguration#store()}).
 */
public final class InstanceCertificates {
    /** The subject common name of a generated Tentacle certificate. */
    public static final String TENTACLE_COMMON_NAME = "Octopus Tentacle";
    /** The directory inside the instance's home that holds its certificate. */
    public static final String CERTIFICATES_DIRECTORY = "Certificates";
    /** The certificate's file name. */
    public static final String CERTIFICATE_FILE_NAME = "tentacle.pfx";

    private final String instanceName;
    private final KeyType keyType;

    private InstanceCertificates(String instanceName, KeyType keyType) {
        InstanceName.problem(instanceName).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.instanceName = instanceName;
        this.keyType = Objects.requireNonNull(keyType, "keyType");
    }

    /** Certificates of the named instance (the name appears in messages), generating EC P-256 keys. */
    public static InstanceCertificates forInstance(String instanceName) {
        return new InstanceCertificates(instanceName, KeyType.EC_P256);
    }

    /** A copy that generates keys of this type. */
    public InstanceCertificates withKeyType(KeyType type) {
        return new InstanceCertificates(instanceName, type);
    }

    /** Where new and imported certificates of an instance with this configuration are saved. */
    public static Path certificateFile(TentacleConfiguration configuration) {
        return configuration.homeDirectory().resolve(CERTIFICATES_DIRECTORY).resolve(CERTIFICATE_FILE_NAME);
    }

    /**
     * Generates a new self-signed certificate ("Octopus Tentacle") and saves it without a password.
     *
     * @param ifBlank when true and the configuration already has a certificate, keep it: it is loaded to prove it is
     *     usable, and the configuration is returned unchanged
     * @throws CertificateStoreException when {@code ifBlank} finds a configured certificate that cannot be loaded (it is
     *     not replaced silently, since servers trust it), or the new one cannot be saved
     */
    public TentacleConfiguration newCertificate(TentacleConfiguration configuration, boolean ifBlank) {
        Objects.requireNonNull(configuration, "configuration");
        if (ifBlank && configuration.certificate() != null) {
            load(configuration);
            return configuration;
        }
        return save(configuration, CertificateGenerator.generate(TENTACLE_COMMON_NAME, keyType), null);
    }

    /**
     * Imports a certificate with its private key from a PKCS#12 (.pfx) file. The file is read and checked first; a
     * copy is saved in the instance's home with the same password, so the original may be moved or deleted afterwards.
     *
     * @throws CertificateStoreException when the file is missing, not PKCS#12, the password is wrong, or it holds no
     *     private key; the configuration and the current certificate are then unchanged
     */
    public TentacleConfiguration importCertificate(TentacleConfiguration configuration, Path pfxFile, char[] password) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(pfxFile, "pfxFile");
        CertificateIdentity identity = Pkcs12Store.load(pfxFile, password);
        return save(configuration, identity, password == null || password.length == 0 ? null : password);
    }

    /**
     * Loads the instance's certificate and private key.
     *
     * @throws CertificateStoreException when none is configured (saying how to create or import one), or the file
     *     cannot be read
     */
    public CertificateIdentity load(TentacleConfiguration configuration) {
        CertificateLocation location = configuration.certificate();
        if (location == null) {
            throw new CertificateStoreException("The Tentacle instance '" + instanceName + "' has no certificate yet."
                    + " Create one with: tentacle new-certificate --instance " + quoted(instanceName)
                    + ", or import one with: tentacle import-certificate --instance " + quoted(instanceName)
                    + " --from-file FILE.pfx");
        }
        return Pkcs12Store.load(location.file(), location.passwordChars());
    }

    private TentacleConfiguration save(TentacleConfiguration configuration, CertificateIdentity identity, char[] password) {
        Path target = certificateFile(configuration);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Path backup = ConfigurationStore.backupOf(target);
                Files.createDirectories(backup.toAbsolutePath().getParent());
                OwnerOnlyFiles.writeAtomically(backup, Files.readAllBytes(target));
            }
        } catch (IOException e) {
            throw new CertificateStoreException("Could not prepare " + target + " for the certificate of the Tentacle"
                    + " instance '" + instanceName + "': " + e + ". Nothing was changed; check that "
                    + target.getParent() + " is a writable directory, then try again.", e);
        }
        Pkcs12Store.save(identity, target, password);
        return configuration.withCertificate(new CertificateLocation(target, password == null ? null : new String(password)));
    }

    private static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }
}
