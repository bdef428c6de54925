package dev.tentacle.contracts.files;

import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.Idempotent;

/**
 * Moves files to and from the agent as streams of any size. Paths are confined to the agent instance's home
 * directory: a path is relative to the home (for example {@code Files/package.zip}) or absolute inside it; a
 * {@code ..} segment, an absolute path elsewhere, or a path that leads outside through a symbolic link is refused
 * with {@link dev.tentacle.comms.ErrorCode#INVALID_ARGUMENT}, as is a missing file to download.
 */
public interface FileTransferService {
    /**
     * Writes a file: its first {@code offset} bytes are kept and {@code data} follows them.
     * <ul>
     *   <li>{@code offset} 0: the data goes to a hidden partial file beside the target ({@code .NAME.partial}), which
     *       replaces the target atomically once all of it arrived. If the stream breaks, the partial file keeps what
     *       arrived, so the upload can resume.</li>
     *   <li>{@code offset} greater than 0: resumes the partial upload if there is one, else appends to the existing
     *       target; what is there must be at least {@code offset} bytes long, and anything past {@code offset} is
     *       replaced. {@link #getFileInfo} tells how much is there.</li>
     * </ul>
     * The same call made again gives the same file, so it is retried on network failures; a retry reopens
     * {@code data}, which {@link DataStream#ofFile} and {@link DataStream#ofBytes} allow.
     *
     * @return the file's full path on the agent, its length, and the SHA-256 of the whole file
     */
    @Idempotent
    UploadResult uploadFile(String remotePath, DataStream data, long offset);

    /** The file's bytes from {@code offset} (0 for all of it) to its end as it was when the call arrived. */
    @Idempotent
    DataStream downloadFile(String remotePath, long offset);

    /** Whether the file exists, its length, and the length of an unfinished upload to it, to know where to resume. */
    @Idempotent
    RemoteFileInfo getFileInfo(String remotePath);
}
