package dev.tentacle.instances.config;

import java.nio.file.Path;

/**
 * Where an instance's certificate and private key are kept: a PKCS#12 file and its password.
 *
 * @param file the PKCS#12 (.pfx) file; a relative path in the configuration file is taken relative to the
 *     instance's home directory
 * @param password the file's password; null for none. Never printed by {@link #toString()}.
 */
public record CertificateLocation(Path file, String password) {
    public CertificateLocation {
        if (file == null) {
            throw new IllegalArgumentException("The certificate location needs the path of its PKCS#12 (.pfx) file.");
        }
        password = password == null || password.isEmpty() ? null : password;
    }

    public static CertificateLocation of(Path file) {
        return new CertificateLocation(file, null);
    }

    /** The password as the key store API takes it: an empty array for none. */
    public char[] passwordChars() {
        return password == null ? new char[0] : password.toCharArray();
    }

    @Override
    public String toString() {
        return file + (password == null ? "" : " (password protected)");
    }
}
