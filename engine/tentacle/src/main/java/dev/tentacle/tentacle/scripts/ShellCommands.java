package dev.tentacle.tentacle.scripts;

import dev.tentacle.contracts.scripts.ScriptSyntax;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line that runs a script file, and the bytes the script body is saved as, per {@link ScriptSyntax}. */
final class ShellCommands {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ShellCommands() {
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * @throws UnsupportedOperationException when the syntax cannot run on this operating system
     */
    static List<String> command(ScriptSyntax syntax, Path scriptFile, List<String> arguments, boolean windows) {
        List<String> command = new ArrayList<>();
        String file = scriptFile.toAbsolutePath().toString();
        switch (syntax) {
            case BASH -> command.addAll(List.of("bash", file));
            case POWERSHELL -> command.addAll(List.of(windows ? "powershell.exe" : "pwsh", "-NoProfile", "-NonInteractive",
                    "-ExecutionPolicy", "Unrestricted", "-File", file));
            case CMD -> {
                if (!windows) {
                    throw new UnsupportedOperationException("CMD scripts run only on Windows agents; this agent runs "
                            + System.getProperty("os.name") + ". Send the script as BASH (or POWERSHELL, if pwsh is installed).");
                }
                command.addAll(List.of("cmd.exe", "/D", "/C", file));
            }
        }
        command.addAll(arguments);
        return command;
    }

    /**
     * The script body as saved: Bash needs LF line ends (a CR breaks every command); Windows PowerShell reads UTF-8
     * correctly only with a byte order mark; cmd expects CRLF.
     */
    static byte[] scriptBytes(ScriptSyntax syntax, String body) {
        return switch (syntax) {
            case BASH -> body.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
            case POWERSHELL -> {
                byte[] text = body.getBytes(StandardCharsets.UTF_8);
                byte[] withBom = new byte[UTF8_BOM.length + text.length];
                System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
                System.arraycopy(text, 0, withBom, UTF8_BOM.length, text.length);
                yield withBom;
            }
            case CMD -> body.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        };
    }
}
