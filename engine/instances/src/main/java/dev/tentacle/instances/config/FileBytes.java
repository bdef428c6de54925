package dev.tentacle.instances.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small facts about a configuration file's path and bytes. */
final class FileBytes {
    private FileBytes() {
    }

    /**
     * The file a symbolic link points to, so that a write replaces the file and keeps the link an administrator made;
     * the path itself when it is no link or the link dangles.
     */
    static Path throughLinks(Path file) {
        try {
            return Files.isSymbolicLink(file) ? file.toRealPath() : file;
        } catch (IOException e) {
            return file;
        }
    }

    /** True when there is nothing but white space and zero bytes. */
    static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != 0) {
                return false;
            }
        }
        return true;
    }

    /** What a blank file holds, as the end of "The file X ...". */
    static String describeBlank(byte[] bytes) {
        if (bytes.length == 0) {
            return "is empty";
        }
        for (byte b : bytes) {
            if (b != 0) {
                return "holds only white space";
            }
        }
        return "holds only zero bytes, a sign that the machine stopped while it was being written";
    }
}
