package dev.tentacle.instances.config;

import dev.tentacle.instances.config.ConfigurationException.Reason;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Messages for the file system's refusals to read or write a configuration file. */
final class ConfigurationFailures {
    private ConfigurationFailures() {
    }

    /**
     * @param missingAdvice what to do when the file is missing; may be empty
     */
    static ConfigurationException readFailure(Path file, String documentName, IOException e, String missingAdvice) {
        if (e instanceof NoSuchFileException) {
            return new ConfigurationException(file, Reason.MISSING, ("The " + documentName + " " + file
                    + " does not exist. " + missingAdvice).strip(), e);
        }
        if (e instanceof AccessDeniedException) {
            return new ConfigurationException(file, Reason.UNREADABLE, "Permission denied reading the " + documentName
                    + " " + file + ". It is readable by its owner only: run the command as the user that owns it (with"
                    + " sudo or as Administrator for an instance set up system-wide).", e);
        }
        return new ConfigurationException(file, Reason.UNREADABLE, "Could not read the " + documentName + " " + file
                + ": " + describe(e) + ". Check that the path names a file and that the disk is healthy.", e);
    }

    static ConfigurationException writeFailure(Path file, String documentName, IOException e) {
        Path directory = file.toAbsolutePath().getParent();
        if (e instanceof AccessDeniedException) {
            return new ConfigurationException(file, Reason.WRITE_FAILED, "Could not write the " + documentName + " "
                    + file + ": permission denied in " + directory + ". Run the command as a user who may write there"
                    + " (with sudo or as Administrator for an instance set up system-wide). The file is unchanged.", e);
        }
        return new ConfigurationException(file, Reason.WRITE_FAILED, "Could not write the " + documentName + " " + file
                + ": " + describe(e) + ". The file is unchanged; check that " + directory
                + " is a writable directory and that the disk has space, then try again.", e);
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
