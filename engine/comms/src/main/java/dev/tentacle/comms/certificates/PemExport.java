package dev.tentacle.comms.certificates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;

/**
 * PEM text of an identity, for diagnostics with curl, OpenSSL or a browser. The private key is written as PKCS#8
 * ({@code BEGIN PRIVATE KEY}) for both key types: curl refuses the traditional {@code EC PRIVATE KEY} form.
 */
public final class PemExport {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private PemExport() {
    }

    public static String certificate(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    public static String privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("The private key is in " + key.getFormat()
                    + " format and cannot be exported as PKCS#8; it may live in a hardware token.");
        }
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Writes the certificate and the private key as two PEM files, each atomically and readable by the owner only
     * (the certificate is public, but one rule for both files keeps the key file from ever being the exception).
     */
    public static void write(CertificateIdentity identity, Path certificateFile, Path privateKeyFile) {
        Objects.requireNonNull(identity, "identity");
        write(certificateFile, certificate(identity.certificate()));
        write(privateKeyFile, privateKey(identity.privateKey()));
    }

    private static void write(Path file, String text) {
        try {
            OwnerOnlyFiles.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw Pkcs12Store.writeFailure(file, e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }
}
