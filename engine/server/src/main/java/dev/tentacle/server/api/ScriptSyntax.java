package dev.tentacle.server.api;

import java.util.Arrays;
import java.util.Locale;

/** The script languages a script task may use; Tentacle runs each with its own shell. */
public enum ScriptSyntax {
    BASH, POWERSHELL, CMD;

    static ScriptSyntax parse(String text) {
        String given = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(given)).findFirst()
                .orElseThrow(() -> ApiException.invalid("syntax", "syntax must be one of "
                        + Arrays.toString(values()) + ", was '" + text + "'"));
    }
}
