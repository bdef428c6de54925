package dev.tentacle.contracts.files;

/**
 * A file on the agent, as seen before an upload or download.
 *
 * @param fullPath the file's absolute path on the agent
 * @param exists whether the file exists
 * @param length its length in bytes, or -1 when it does not exist
 * @param partialUploadLength the bytes an unfinished upload to it has kept, or -1 when there is none; resume with
 *     this as the offset
 */
public record RemoteFileInfo(String fullPath, boolean exists, long length, long partialUploadLength) {
}
