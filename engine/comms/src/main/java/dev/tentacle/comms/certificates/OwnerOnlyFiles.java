package dev.tentacle.comms.certificates;

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
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes secrets atomically and readable by the owner only.
 *
 * <p>The bytes go to a temporary file in the target's directory whose permissions are restricted before any byte is
 * written, are forced to disk, and the file is then renamed over the target in one atomic step: a reader sees the
 * old file or the new one, never half of one, and a crash leaves at most a stray temporary file, never a truncated
 * key store. On POSIX file systems the file is {@code rw-------}. On file systems with ACLs instead (Windows NTFS)
 * the ACL is replaced by a single entry granting the owner full control, which also drops inherited entries.
 * On a file system with neither (FAT, some network shares) the file gets that file system's defaults, which this
 * class cannot tighten.
 */
public final class OwnerOnlyFiles {
    /** Suffix of the temporary files this class creates, so a leftover after a crash can be recognised. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** Permissions of every file written here, on POSIX file systems. */
    public static final Set<PosixFilePermission> OWNER_READ_WRITE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private OwnerOnlyFiles() {
    }

    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
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

    /** True when the file system holding {@code file} (or its nearest existing parent) has POSIX permissions. */
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
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
            Path temp = Files.createTempFile(directory, prefix, TEMP_SUFFIX, ownerOnly);
            // The creation mode is filtered by the umask; set it again so the result is exactly rw-------.
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

    /** Removes a temporary file after a failure, keeping the failure as the error a caller sees. */
    private static void deleteAfterFailure(Path temp, Exception failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
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

    /** Makes the rename itself durable. Not every platform can open a directory (Windows cannot); there it is skipped. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The rename has happened and the file's bytes are on disk; only the rename's durability across a power
            // loss is unconfirmed on this platform.
        }
    }
}
