package dev.tentacle.contracts.scripts;

import dev.tentacle.comms.DataStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A file the script needs, saved beside it in its workspace (the script's working directory) before it starts.
 *
 * @param name a plain file name: no directory separators, not {@code .} or {@code ..}, no ':' or control
 *     characters, at most 255 characters, and none of the names the agent uses itself ({@link #RESERVED_NAMES})
 * @param contents the bytes, streamed beside the call
 */
public record ScriptFile(String name, DataStream contents) {
    /** Names the agent keeps for its own files in a workspace; compared without regard to case. */
    public static final Set<String> RESERVED_NAMES = Set.of("script.sh", "script.ps1", "script.cmd", "state.json", "state.json.tmp",
            "output.log");

    public ScriptFile {
        validateName(name);
        Objects.requireNonNull(contents, () -> "The script file '" + name + "' has no contents.");
    }

    public static ScriptFile ofBytes(String name, byte[] bytes) {
        return new ScriptFile(name, DataStream.ofBytes(bytes));
    }

    public static ScriptFile ofText(String name, String text) {
        return ofBytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void validateName(String name) {
        String problem = null;
        if (name == null || name.isBlank()) {
            problem = "it is empty";
        } else if (name.length() > 255) {
            problem = "it is longer than 255 characters";
        } else if (name.equals(".") || name.equals("..")) {
            problem = "it names a directory";
        } else if (name.chars().anyMatch(c -> c == '/' || c == '\\' || c == ':' || Character.isISOControl(c))) {
            problem = "it contains '/', '\\', ':' or a control character";
        } else if (RESERVED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            problem = "the agent uses that name for its own file";
        }
        if (problem != null) {
            throw new IllegalArgumentException("A script file needs a plain file name that is saved beside the script; '" + name
                    + "' cannot be used because " + problem + ". Reserved names: " + RESERVED_NAMES.stream().sorted().toList() + ".");
        }
    }
}
