package dev.tentacle.tentacle.files;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Turns a caller's path into a path inside the instance's home directory, or refuses it. Refused: {@code ..}
 * segments, absolute paths outside the home, and paths whose existing part resolves (through symbolic links) outside
 * the home. The check is made when the call arrives; a link created between the check and the write is not caught,
 * so only the agent's own user should be able to write inside the home.
 */
final class HomeConfinement {
    private final Path home;
    private final Path realHome;

    HomeConfinement(Path home) {
        this.home = home.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.home);
            this.realHome = this.home.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the instance home " + this.home + " for file transfers: " + e.getMessage(), e);
        }
    }

    Path home() {
        return realHome;
    }

    Path resolve(String remotePath) {
        if (remotePath == null || remotePath.isBlank()) {
            throw refused(remotePath, "it is empty");
        }
        Path requested;
        try {
            requested = Path.of(remotePath);
        } catch (InvalidPathException e) {
            throw refused(remotePath, "it is not a valid path here (" + e.getReason() + ")");
        }
        for (Path segment : requested) {
            if (segment.toString().equals("..")) {
                throw refused(remotePath, "it contains '..'");
            }
        }
        Path resolved = requested.isAbsolute() ? requested.normalize() : realHome.resolve(requested).normalize();
        if (resolved.startsWith(home) && !home.equals(realHome)) {
            resolved = realHome.resolve(home.relativize(resolved));
        }
        if (!resolved.startsWith(realHome)) {
            throw refused(remotePath, "it is outside the home");
        }
        if (resolved.equals(realHome)) {
            throw refused(remotePath, "it names the home directory itself, not a file in it");
        }
        checkLinks(remotePath, resolved);
        return resolved;
    }

    private void checkLinks(String remotePath, Path resolved) {
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw refused(remotePath, existing + " is a symbolic link whose target does not exist");
        }
        if (!real.startsWith(realHome)) {
            throw refused(remotePath, "it leads through a symbolic link to " + real + ", which is outside the home");
        }
    }

    private CommsException refused(String remotePath, String why) {
        return new CommsException(ErrorCode.INVALID_ARGUMENT, "The path '" + remotePath + "' is refused because " + why
                + ". File transfers are confined to this Tentacle's home directory " + realHome
                + ": give a path relative to it (such as 'Files/package.zip') or an absolute path inside it, without '..', "
                + "and not through symbolic links that lead elsewhere.");
    }
}
