package dev.tentacle.comms;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A certificate thumbprint: the uppercase hex SHA-1 (40 characters, what Octopus users paste today) or SHA-256
 * (64 characters, our default) of the DER-encoded certificate.
 *
 * @param hex uppercase hex digits, 40 or 64 of them
 */
public record Thumbprint(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9A-F]+");

    public enum Algorithm {
        SHA1("SHA-1", 40), SHA256("SHA-256", 64);

        private final String jcaName;
        private final int hexLength;

        Algorithm(String jcaName, int hexLength) {
            this.jcaName = jcaName;
            this.hexLength = hexLength;
        }

        public int hexLength() {
            return hexLength;
        }

        byte[] digest(byte[] der) {
            try {
                return MessageDigest.getInstance(jcaName).digest(der);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(jcaName + " is missing from this Java runtime", e);
            }
        }
    }

    public Thumbprint {
        if (hex == null || !(hex.length() == 40 || hex.length() == 64) || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("A thumbprint is 40 (SHA-1) or 64 (SHA-256) hexadecimal characters; got '"
                    + hex + "'. Copy it again from the machine that shows it.");
        }
    }

    /**
     * Parses user input: case-insensitive, and tolerant of the spaces and colons that certificate viewers insert.
     *
     * @throws IllegalArgumentException with a message a person can act on
     */
    public static Thumbprint parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("A thumbprint is required: 40 (SHA-1) or 64 (SHA-256) hexadecimal characters.");
        }
        // Certificate viewers insert colons and spaces; Windows' dialog also prefixes an invisible left-to-right mark.
        String cleaned = text.replaceAll("[\\s:\\u200E\\u200F\\uFEFF]", "").toUpperCase(Locale.ROOT);
        return new Thumbprint(cleaned);
    }

    /** True when the text is a well-formed thumbprint; for validating input fields. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static Thumbprint of(X509Certificate certificate, Algorithm algorithm) {
        try {
            return new Thumbprint(HexFormat.of().withUpperCase().formatHex(algorithm.digest(certificate.getEncoded())));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    public static Thumbprint sha1(X509Certificate certificate) {
        return of(certificate, Algorithm.SHA1);
    }

    public static Thumbprint sha256(X509Certificate certificate) {
        return of(certificate, Algorithm.SHA256);
    }

    public Algorithm algorithm() {
        return hex.length() == 40 ? Algorithm.SHA1 : Algorithm.SHA256;
    }

    /** True when this thumbprint, in its own algorithm, identifies the certificate. */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(
                hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                of(certificate, algorithm()).hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return hex;
    }
}
