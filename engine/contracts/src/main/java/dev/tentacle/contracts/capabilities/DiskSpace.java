package dev.tentacle.contracts.capabilities;

/**
 * Space on the volume that holds an agent's work directory ({@code <home>/Work}, where script workspaces and logs go,
 * inside the home where uploaded files go too), measured when the agent answered. A caller shows it to operators and
 * warns when it runs low: a full volume makes scripts and uploads fail.
 *
 * @param path the directory whose volume was measured, as an absolute path on the agent (for example
 *     {@code /etc/octopus/Tentacle/instances/Tentacle/Work}); an operator frees space on that volume or cleans that
 *     directory
 * @param freeBytes the bytes this agent can still write there ({@link java.nio.file.FileStore#getUsableSpace()}, which
 *     leaves out space reserved for other users)
 * @param totalBytes the size of the volume ({@link java.nio.file.FileStore#getTotalSpace()})
 */
public record DiskSpace(String path, long freeBytes, long totalBytes) {
    public DiskSpace {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A disk space report needs the path of the directory it measured");
        }
        if (freeBytes < 0 || totalBytes < 0) {
            throw new IllegalArgumentException("Disk space cannot be negative, was " + freeBytes + " bytes free of "
                    + totalBytes + " on the volume of " + path);
        }
    }
}
