package dev.tentacle.tentacle.files;

import dev.tentacle.contracts.files.FileTransferService;
import dev.tentacle.contracts.files.UploadResult;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.ErrorCode;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One upload into a confined target path; see {@link FileTransferService#uploadFile} for the rules. Writes through
 * {@link RandomAccessFile}, which, unlike a file channel, is not closed by an interrupt of the calling thread.
 */
final class FileUpload {
    private static final int BUFFER = 64 * 1024;

    private final Path target;
    private final Path partial;

    FileUpload(Path target) {
        this.target = target;
        this.partial = partialFor(target);
    }

    static Path partialFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".partial");
    }

    UploadResult write(DataStream data, long offset) {
        if (offset < 0) {
            throw invalid("The offset is " + offset + "; use 0 to write the whole file, or the length already on the agent to resume.");
        }
        if (Files.isDirectory(target)) {
            throw invalid(target + " is a directory; give the path of a file inside it.");
        }
        Path base = chooseBase(offset);
        MessageDigest sha256 = sha256();
        long received = 0;
        try {
            Files.createDirectories(target.getParent());
            hashPrefix(base, offset, sha256);
            try (RandomAccessFile file = new RandomAccessFile(base.toFile(), "rw");
                    InputStream in = data.open()) {
                file.setLength(offset);
                file.seek(offset);
                byte[] buffer = new byte[BUFFER];
                while (true) {
                    int n = readOrExplain(in, buffer, file, offset + received);
                    if (n < 0) {
                        break;
                    }
                    file.write(buffer, 0, n);
                    sha256.update(buffer, 0, n);
                    received += n;
                }
                file.getFD().sync();
            }
            if (base.equals(partial)) {
                moveIntoPlace();
            }
        } catch (IOException e) {
            throw new CommsException(ErrorCode.SERVICE_FAILED, "Could not write " + base + ": " + e.getMessage()
                    + ". Check free disk space and the agent's permissions there.", e);
        }
        return new UploadResult(target.toString(), offset + received, HexFormat.of().formatHex(sha256.digest()));
    }

    private Path chooseBase(long offset) {
        if (offset == 0) {
            return partial;
        }
        Path base = Files.exists(partial) ? partial : target;
        if (!Files.exists(base)) {
            throw invalid("Nothing to resume at offset " + offset + ": neither " + target + " nor an unfinished upload to it exists. "
                    + "Upload from offset 0.");
        }
        long length = size(base);
        if (length < offset) {
            throw invalid((base.equals(partial) ? "The unfinished upload to " + target : target.toString()) + " has only " + length
                    + " bytes, fewer than the offset " + offset + ". Resume from offset " + length + " or less.");
        }
        return base;
    }

    /** Reads from the caller's stream; a failure there means the transfer broke, and says where to resume. */
    private static int readOrExplain(InputStream in, byte[] buffer, RandomAccessFile file, long kept) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            try {
                file.getFD().sync();
            } catch (IOException ignored) {
                // What reached the file is still there; the offset below is exact either way.
            }
            throw new CommsException(ErrorCode.SERVICE_FAILED, "The upload broke after " + kept + " bytes of the file had been written: "
                    + e.getMessage() + ". They are kept: call uploadFile again with offset " + kept + " to resume, or with 0 to start over.", e);
        }
    }

    private static void hashPrefix(Path base, long offset, MessageDigest sha256) throws IOException {
        if (offset == 0) {
            return;
        }
        try (InputStream in = new LimitedInputStream(new FileInputStream(base.toFile()), offset)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, n);
            }
        }
    }

    private void moveIntoPlace() throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CommsException(ErrorCode.SERVICE_FAILED, "Could not read the length of " + file + ": " + e.getMessage(), e);
        }
    }

    private static CommsException invalid(String message) {
        return new CommsException(ErrorCode.INVALID_ARGUMENT, message);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
