package dev.tentacle.comms.certificates;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Keeps a {@link CertificateIdentity} in a PKCS#12 file, the format Windows, .NET, OpenSSL and browsers all read.
 * Files are written atomically and readable by the owner only (see {@link OwnerOnlyFiles}); the key inside is
 * protected by the password, which may be empty.
 */
public final class Pkcs12Store {
    /** The alias under which this store saves the key entry. */
    public static final String ALIAS = "tentacle";

    private Pkcs12Store() {
    }

    /** Saves the identity under {@link #ALIAS}, replacing the file if it exists. */
    public static void save(CertificateIdentity identity, Path file, char[] password) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(file, "file");
        char[] pass = password == null ? new char[0] : password;
        byte[] content;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, identity.privateKey(), pass, new Certificate[] {identity.certificate()});
            var out = new ByteArrayOutputStream();
            store.store(out, pass);
            content = out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new CertificateStoreException("Could not encode the certificate for " + file + " as PKCS#12: "
                    + e.getMessage() + ". The key type may not be supported by this Java runtime; generate a new EC P-256 certificate.", e);
        }
        try {
            OwnerOnlyFiles.writeAtomically(file, content);
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
    }

    /**
     * Loads the key entry saved under {@link #ALIAS}, or, for a file made by another tool, its only key entry.
     *
     * @throws CertificateStoreException when the file is missing, unreadable, not PKCS#12, the password is wrong, or
     *     it holds no private key
     */
    public static CertificateIdentity load(Path file, char[] password) {
        Objects.requireNonNull(file, "file");
        char[] pass = password == null ? new char[0] : password;
        KeyStore store = open(file, pass);
        try {
            String alias = keyAlias(store, file);
            Key key = store.getKey(alias, pass);
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0
                    || !(chain[0] instanceof X509Certificate certificate)) {
                throw new CertificateStoreException("The entry '" + alias + "' in " + file + " is not a private key with an"
                        + " X.509 certificate. Export the certificate again as PKCS#12 (.pfx) including its private key.");
            }
            return new CertificateIdentity(certificate, privateKey);
        } catch (UnrecoverableKeyException e) {
            throw new CertificateStoreException("The private key in " + file + " has a password different from the file's"
                    + " password. Export it again with one password for both.", e);
        } catch (GeneralSecurityException e) {
            throw new CertificateStoreException("Could not read the private key in " + file + ": " + e.getMessage()
                    + ". Export it again as PKCS#12 (.pfx), or generate a new certificate.", e);
        }
    }

    private static KeyStore open(Path file, char[] password) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CertificateStoreException("The certificate file " + file + " does not exist. Check the path in the"
                    + " configuration, or generate a new certificate (its thumbprint must then be trusted again by the peers).", e);
        } catch (AccessDeniedException e) {
            throw new CertificateStoreException("Permission denied reading the certificate file " + file
                    + ". Run as the user that owns it (it is readable by its owner only).", e);
        } catch (IOException e) {
            throw new CertificateStoreException("Could not read the certificate file " + file + ": " + e.getMessage() + ".", e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(content), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new CertificateStoreException("The password for the certificate file " + file + " is wrong."
                        + " Give the password it was saved with (empty if none was set).", e);
            }
            throw notPkcs12(file, e);
        } catch (GeneralSecurityException e) {
            throw notPkcs12(file, e);
        }
    }

    private static String keyAlias(KeyStore store, Path file) throws GeneralSecurityException {
        if (store.isKeyEntry(ALIAS)) {
            return ALIAS;
        }
        List<String> aliases = Collections.list(store.aliases());
        List<String> keyAliases = new ArrayList<>();
        for (String alias : aliases) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (keyAliases.size() == 1) {
            return keyAliases.getFirst();
        }
        if (keyAliases.isEmpty()) {
            throw new CertificateStoreException("The certificate file " + file + " holds no private key, only "
                    + aliases.size() + " certificate(s). This side needs its own private key: export the certificate"
                    + " again as PKCS#12 (.pfx) including the private key, or generate a new one.");
        }
        throw new CertificateStoreException("The certificate file " + file + " holds " + keyAliases.size()
                + " private keys (" + String.join(", ", keyAliases) + ") and none is named '" + ALIAS
                + "'. Export only the one this side should present.");
    }

    private static CertificateStoreException notPkcs12(Path file, Exception e) {
        return new CertificateStoreException("The file " + file + " is not a readable PKCS#12 certificate store (" + e
                + "). It may be damaged or in another format (PEM, DER); restore it from a backup, convert it to"
                + " PKCS#12 (.pfx), or generate a new certificate.", e);
    }

    static CertificateStoreException writeFailure(Path file, IOException e) {
        Path directory = file.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && !Files.isDirectory(directory)) {
            return new CertificateStoreException("Cannot write " + file + ": the directory " + directory
                    + " does not exist. Create it first, or choose another location.", e);
        }
        if (e instanceof AccessDeniedException) {
            return new CertificateStoreException("Cannot write " + file + ": permission denied in " + directory
                    + ". Run as a user who may write there, or choose another location.", e);
        }
        return new CertificateStoreException("Cannot write " + file + ": " + e + ". Nothing was changed; check the"
                + " disk space and the path, then try again.", e);
    }
}
