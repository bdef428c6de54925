package dev.tentacle.contracts.scripts;

/**
 * The language of a script body, which decides the shell that runs it:
 * <ul>
 *   <li>{@link #BASH}: {@code bash script.sh ARGS} (Linux and macOS; Windows only if bash is on the PATH).</li>
 *   <li>{@link #POWERSHELL}: {@code powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Unrestricted -File
 *       script.ps1 ARGS} on Windows, the same with {@code pwsh} elsewhere.</li>
 *   <li>{@link #CMD}: {@code cmd.exe /D /C script.cmd ARGS}, Windows only.</li>
 * </ul>
 */
public enum ScriptSyntax {
    BASH("script.sh"),
    POWERSHELL("script.ps1"),
    CMD("script.cmd");

    private final String scriptFileName;

    ScriptSyntax(String scriptFileName) {
        this.scriptFileName = scriptFileName;
    }

    /** The name the script body is saved under in the script's workspace. */
    public String scriptFileName() {
        return scriptFileName;
    }
}
