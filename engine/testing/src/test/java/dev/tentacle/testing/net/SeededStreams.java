package dev.tentacle.testing.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Large pseudo-random streams and their SHA-256, so a test can prove bytes arrived exactly. */
final class SeededStreams {
    record Digest(long bytes, String sha256) {}

    private SeededStreams() {}

    static Digest write(OutputStream out, long seed, long length) throws IOException {
        MessageDigest sha256 = sha256();
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[64 * 1024];
        long written = 0;
        while (written < length) {
            int n = (int) Math.min(block.length, length - written);
            random.nextBytes(block);
            out.write(block, 0, n);
            sha256.update(block, 0, n);
            written += n;
        }
        return new Digest(written, HexFormat.of().formatHex(sha256.digest()));
    }

    static Digest readToEnd(InputStream in) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            sha256.update(buffer, 0, n);
            read += n;
        }
        return new Digest(read, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
