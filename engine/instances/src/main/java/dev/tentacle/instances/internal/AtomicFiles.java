package dev.tentacle.instances.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes files atomically and readable by their owner only: configuration files hold proxy and certificate
 * passwords.
 *
 * <p>The bytes go to a temporary file next to the target, created with owner-only permissions before any byte is
 * written; they are forced to disk, and the temporary file is renamed over the target in one atomic step. A reader
 * sees the old file or the new one, never half of one. On POSIX file systems the result is {@code rw-------}; on
 * file systems with ACLs (Windows NTFS) the ACL becomes a single entry granting the owner full control. The
 * temporary file is named {@code .TARGET.RANDOM.tmp} and is removed when anything fails.
 */
public final class AtomicFiles {
    /** Permissions of every file written here, on POSIX file systems. */
    public static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** Suffix of the temporary files this class creates, so that a reader can recognise a leftover after a crash. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content}, creating missing parent directories.
     *
     * @throws IOException when the directory cannot be created, the temporary file cannot be written, or the rename
     *     fails; the target is then unchanged
     */
    public static void writeOwnerOnly(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temp = createRestrictedTempFile(directory, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
        syncDirectory(directory);
    }

    /** True when the file system holding {@code file} has POSIX permissions. */
    public static boolean supportsPosix(Path file) throws IOException {
        Path existing = file.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    }

    private static Path createRestrictedTempFile(Path directory, String targetName) throws IOException {
        String prefix = "." + targetName + ".";
        if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
            Path temp = Files.createTempFile(directory, prefix, TEMP_SUFFIX,
                    PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            // The creation mode passes through the umask; set it again so the result is exactly rw-------.
            Files.setPosixFilePermissions(temp, OWNER_READ_WRITE);
            return temp;
        }
        Path temp = Files.createTempFile(directory, prefix, TEMP_SUFFIX);
        try {
            restrictAcl(temp);
        } catch (IOException | RuntimeException e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
        return temp;
    }

    private static void restrictAcl(Path file) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        AclEntry ownerOnly = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(acl.getOwner())
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        acl.setAcl(List.of(ownerOnly));
    }

    /** Removes a temporary file after a failure, keeping the failure as the error a caller sees. */
    private static void deleteAfterFailure(Path temp, Exception failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** Makes the rename itself durable. Not every platform can open a directory (Windows cannot); there it is skipped. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The rename has happened and the bytes are on disk; only the rename's durability across a power loss
            // is unconfirmed on this platform.
        }
    }
}
