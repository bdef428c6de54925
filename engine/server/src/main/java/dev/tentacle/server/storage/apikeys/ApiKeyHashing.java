package dev.tentacle.server.storage.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Making and hashing API keys.
 *
 * <p>Why salted SHA-256 and not PBKDF2: a slow hash protects secrets people choose, which are guessable; an API key is
 * 130 random bits from {@link SecureRandom}, so even a fast hash leaves 2^130 guesses per key and stretching adds
 * nothing. It would cost a lot, though: with a per-key salt, verifying a presented key means hashing it once per
 * stored key, on every API request, and PBKDF2's thousands of iterations per key would make each request slow. The
 * salt (16 random bytes per key) keeps equal keys from having equal hashes and defeats precomputed tables.
 */
final class ApiKeyHashing {

    static final String PREFIX = "API-";
    static final int RANDOM_CHARACTERS = 26;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final Pattern WELL_FORMED = Pattern.compile(PREFIX + "[A-Z2-7]{" + RANDOM_CHARACTERS + "}");
    private static final int SALT_BYTES = 16;

    private ApiKeyHashing() {
    }

    static String newKey(SecureRandom random) {
        StringBuilder key = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            key.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return key.toString();
    }

    static byte[] newSalt(SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    static boolean isWellFormed(String key) {
        return key != null && WELL_FORMED.matcher(key).matches();
    }

    static byte[] hash(byte[] salt, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
