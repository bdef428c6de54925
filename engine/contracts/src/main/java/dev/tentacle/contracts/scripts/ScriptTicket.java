package dev.tentacle.contracts.scripts;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names one script run. In {@link ScriptServiceV2} the caller issues it, so a start that is retried after a network
 * failure names the same run and never starts the script twice; in {@link ScriptService} (v1) the agent issues it.
 *
 * <p>The value becomes a directory name in the agent's work directory, so only safe characters are allowed: 1 to 100
 * letters, digits, '.', '_' or '-', starting with a letter or digit and not ending with '.', and not a Windows device
 * name such as {@code CON} or {@code NUL}. Tickets that differ only in case name the same directory on Windows and
 * macOS; issue tickets that differ in more than case (a UUID does).
 *
 * @param value the ticket text
 */
public record ScriptTicket(String value) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    public ScriptTicket {
        if (!isValid(value)) {
            throw new IllegalArgumentException("A script ticket is 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit, "
                    + "not ending with '.' and not a Windows device name (CON, NUL, COM1...); got '" + value
                    + "'. Issue tickets such as a UUID.");
        }
    }

    /** A new random ticket (a UUID), as the agent issues for ScriptService v1 and as a caller may issue for v2. */
    public static ScriptTicket newTicket() {
        return new ScriptTicket(UUID.randomUUID().toString());
    }

    /** True when the text is a ticket this agent accepts. */
    public static boolean isValid(String value) {
        return value != null && SAFE.matcher(value).matches() && !value.endsWith(".") && !WINDOWS_DEVICE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
