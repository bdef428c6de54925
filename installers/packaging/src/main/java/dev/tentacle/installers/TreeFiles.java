package dev.tentacle.installers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/** File operations on the trees the tool builds, each failing with a {@link PackagingException} that names the file. */
public final class TreeFiles {
    /** Directories and programs. */
    public static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    /** Everything else. */
    public static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private TreeFiles() {
    }

    /** Deletes the directory and everything in it, if it exists. */
    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new PackagingException("Cannot delete " + directory + ": " + e.getMessage()
                    + ". Delete it by hand and build again.", e);
        }
    }

    /** Writes a text file (UTF-8), creating its directory, with the given permissions. */
    public static Path write(Path file, String text, Set<PosixFilePermission> permissions) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, permissions);
            return file;
        } catch (IOException e) {
            throw new PackagingException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Copies a resource of this tool's class path (an icon, say) into a file, creating its directory. */
    public static Path copyResource(String resource, Path file) {
        try (InputStream in = TreeFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PackagingException("The resource " + resource + " is not on the packaging tool's class path."
                        + " It comes from the icons module (tentacle-icons): build with -am so that Maven builds it.");
            }
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(file, READABLE);
            return file;
        } catch (IOException e) {
            throw new PackagingException("Cannot copy " + resource + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes a relative symbolic link {@code link -> target}, creating the link's directory. */
    public static void symlink(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } catch (IOException e) {
            throw new PackagingException("Cannot create the link " + link + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives every file and directory in the tree the same modification time and plain permissions: directories and
     * files executable by their owner {@code rwxr-xr-x}, other files {@code rw-r--r--}, whatever the umask of the
     * build. One time for all makes the packages reproducible, and keeps {@code dpkg-deb} (which clamps times to
     * {@code SOURCE_DATE_EPOCH} when it is set) from changing the time of a jar the AOT cache was recorded against.
     * Symbolic links are left as they are.
     */
    public static void normalize(Path root, FileTime time) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!attributes.isSymbolicLink()) {
                        boolean executable = Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
                        Files.setPosixFilePermissions(file, executable ? EXECUTABLE : READABLE);
                        Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(time, null, null);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.setPosixFilePermissions(directory, EXECUTABLE);
                    Files.getFileAttributeView(directory, BasicFileAttributeView.class).setTimes(time, null, null);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new PackagingException("Cannot set the times and permissions of the files in " + root + ": "
                    + e.getMessage(), e);
        }
    }

    /** The size of the regular files in the tree, in KiB rounded up per file, as Debian's Installed-Size counts. */
    public static long installedKibibytes(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.mapToLong(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    return attributes.isRegularFile() ? (attributes.size() + 1023) / 1024 : 1;
                } catch (IOException e) {
                    throw new PackagingException("Cannot read the size of " + path + ": " + e.getMessage(), e);
                }
            }).sum();
        } catch (IOException e) {
            throw new PackagingException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
