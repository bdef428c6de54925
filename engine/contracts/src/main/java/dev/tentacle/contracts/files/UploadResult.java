package dev.tentacle.contracts.files;

/**
 * What an upload wrote.
 *
 * @param fullPath the file's absolute path on the agent
 * @param length the file's length in bytes
 * @param sha256 lowercase hex SHA-256 of the whole file, including bytes kept from before the offset
 */
public record UploadResult(String fullPath, long length, String sha256) {
}
