package dev.tentacle.tentacle.files;

import dev.tentacle.comms.DataStream;
import dev.tentacle.testing.contract.PseudoRandomInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Repeatable content for transfer tests, streams that break part-way, and SHA-256 of streams. */
final class TestStreams {
    private TestStreams() {
    }

    /** {@code length} pseudo-random bytes from the seed, starting at {@code from}; reopenable. */
    static DataStream content(long length, long seed, long from) {
        return DataStream.of(length - from, () -> {
            InputStream in = new PseudoRandomInputStream(length, seed);
            in.skipNBytes(from);
            return in;
        });
    }

    /** The content, but reading fails with an IOException after {@code breakAfter} bytes. */
    static DataStream breaking(long length, long seed, long breakAfter) {
        return DataStream.of(length, () -> new FilterInputStream(new PseudoRandomInputStream(length, seed)) {
            private long delivered;

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                if (delivered >= breakAfter) {
                    throw new IOException("the test broke the stream");
                }
                int n = super.read(buffer, offset, (int) Math.min(count, breakAfter - delivered));
                delivered += Math.max(n, 0);
                return n;
            }
        });
    }

    static String sha256(long length, long seed) {
        return sha256(new PseudoRandomInputStream(length, seed));
    }

    static String sha256(DataStream stream) {
        try {
            return sha256(stream.open());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(InputStream in) {
        try (DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
