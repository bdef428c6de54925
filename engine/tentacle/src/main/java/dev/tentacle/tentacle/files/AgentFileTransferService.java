package dev.tentacle.tentacle.files;

import dev.tentacle.contracts.files.FileTransferService;
import dev.tentacle.contracts.files.UploadResult;
import dev.tentacle.contracts.files.RemoteFileInfo;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.ErrorCode;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link FileTransferService} on the agent, confined to the instance's home directory. Uploads to the same path
 * take turns (a retried upload waits for the broken first attempt to let go), so they never interleave.
 */
public final class AgentFileTransferService implements FileTransferService {
    private static final int LOCK_STRIPES = 64;

    private final HomeConfinement confinement;
    private final ReentrantLock[] uploadLocks = new ReentrantLock[LOCK_STRIPES];

    /**
     * @param home the instance's home directory (created if missing); every transferred path lies inside it
     */
    public AgentFileTransferService(Path home) {
        this.confinement = new HomeConfinement(home);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            uploadLocks[i] = new ReentrantLock();
        }
    }

    /** The home directory as the agent resolves it (symbolic links followed). */
    public Path home() {
        return confinement.home();
    }

    @Override
    public UploadResult uploadFile(String remotePath, DataStream data, long offset) {
        Path target = confinement.resolve(remotePath);
        if (data == null) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, "The upload to '" + remotePath + "' carried no data stream; send one.");
        }
        ReentrantLock lock = uploadLocks[Math.floorMod(target.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return new FileUpload(target).write(data, offset);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public DataStream downloadFile(String remotePath, long offset) {
        Path file = confinement.resolve(remotePath);
        if (!Files.exists(file)) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, "There is no file '" + remotePath + "' on this agent (looked for " + file
                    + "). Check the path; relative paths start at the Tentacle home " + confinement.home() + ".");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, file + " is not a regular file (a directory?); give the path of a file.");
        }
        long length = sizeOf(file);
        if (offset < 0 || offset > length) {
            throw new CommsException(ErrorCode.INVALID_ARGUMENT, "The offset " + offset + " is outside " + file + ", which has " + length
                    + " bytes; use 0 to " + length + ".");
        }
        long count = length - offset;
        return DataStream.of(count, () -> {
            InputStream in = new FileInputStream(file.toFile());
            try {
                in.skipNBytes(offset);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return new LimitedInputStream(in, count);
        });
    }

    @Override
    public RemoteFileInfo getFileInfo(String remotePath) {
        Path file = confinement.resolve(remotePath);
        Path partial = FileUpload.partialFor(file);
        boolean exists = Files.isRegularFile(file);
        return new RemoteFileInfo(file.toString(), exists, exists ? sizeOf(file) : -1, Files.isRegularFile(partial) ? sizeOf(partial) : -1);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new CommsException(ErrorCode.SERVICE_FAILED, "Could not read the length of " + file + ": " + e.getMessage(), e);
        }
    }
}
