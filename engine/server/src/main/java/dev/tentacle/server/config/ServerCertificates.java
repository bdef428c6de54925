package dev.tentacle.server.config;

import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.certificates.CertificateStoreException;
import dev.tentacle.comms.certificates.OwnerOnlyFiles;
import dev.tentacle.comms.certificates.Pkcs12Store;
import dev.tentacle.instances.config.CertificateLocation;
import dev.tentacle.instances.config.ConfigurationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The certificate an Octopus Server instance presents to Tentacles: generated or loaded. A new one is saved as
 * {@code <home>/Certificates/server.pfx}, owner-only; the one it replaces is kept as {@code server.pfx.bak}, since
 * every Tentacle trusted its thumbprint.
 */
public final class ServerCertificates {
    /** The subject common name of a generated server certificate, as Octopus Server names it. */
    public static final String SERVER_COMMON_NAME = "Octopus Portal";
    public static final String CERTIFICATES_DIRECTORY = "Certificates";
    public static final String CERTIFICATE_FILE_NAME = "server.pfx";

    private final String instanceName;

    public ServerCertificates(String instanceName) {
        this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
    }

    /** Where a new certificate of a server with this configuration is saved. */
    public static Path certificateFile(ServerConfiguration configuration) {
        return configuration.homeDirectory().resolve(CERTIFICATES_DIRECTORY).resolve(CERTIFICATE_FILE_NAME);
    }

    /**
     * Generates a new self-signed certificate and returns the configuration that uses it.
     *
     * @param ifBlank when true and a certificate is configured, keep it (after loading it, to prove it is usable)
     * @throws CertificateStoreException when a kept certificate cannot be loaded, or the new one cannot be saved
     */
    public ServerConfiguration newCertificate(ServerConfiguration configuration, boolean ifBlank) {
        if (ifBlank && configuration.certificate() != null) {
            load(configuration);
            return configuration;
        }
        Path target = certificateFile(configuration);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                OwnerOnlyFiles.writeAtomically(ConfigurationStore.backupOf(target), Files.readAllBytes(target));
            }
        } catch (IOException e) {
            throw new CertificateStoreException("Could not prepare " + target + " for the certificate of the Octopus"
                    + " Server instance '" + instanceName + "': " + e + ". Nothing was changed; check that "
                    + target.getParent() + " is a writable directory, then try again.", e);
        }
        Pkcs12Store.save(CertificateGenerator.generate(SERVER_COMMON_NAME), target, null);
        return configuration.withCertificate(CertificateLocation.of(target));
    }

    /**
     * Loads the certificate and private key.
     *
     * @throws CertificateStoreException saying how to create one when none is configured, or when it cannot be read
     */
    public CertificateIdentity load(ServerConfiguration configuration) {
        CertificateLocation location = configuration.certificate();
        if (location == null) {
            throw new CertificateStoreException("The Octopus Server instance '" + instanceName + "' has no certificate"
                    + " yet. Create one with: octopus-server new-certificate --instance " + quoted(instanceName));
        }
        return Pkcs12Store.load(location.file(), location.passwordChars());
    }

    private static String quoted(String argument) {
        return argument.contains(" ") ? '"' + argument + '"' : argument;
    }
}
