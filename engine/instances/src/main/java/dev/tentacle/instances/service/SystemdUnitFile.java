package dev.tentacle.instances.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the systemd unit for a {@link ServiceDefinition}:
 *
 * <pre>
 * [Unit]
 * Description=OctopusDeploy Tentacle: Web01
 * After=network-online.target
 * Wants=network-online.target
 *
 * [Service]
 * Type=simple
 * User=octopus
 * ExecStart=/opt/tentacle/bin/tentacle run --instance Web01
 * Restart=always
 * RestartSec=5s
 * SuccessExitStatus=143
 *
 * [Install]
 * WantedBy=multi-user.target
 * </pre>
 *
 * <p>Quoting follows systemd.service(5) and systemd.unit(5): in every value {@code %} starts a specifier, so it is
 * written {@code %%}. In {@code ExecStart=} an argument with anything but safe characters goes in double quotes with
 * C escapes ({@code \\}, {@code \"}), and {@code $} is written {@code $$} because systemd expands variables in
 * arguments. {@code Environment=} assignments are always quoted the same way ({@code $} is not expanded there).
 * {@code WorkingDirectory=} and {@code Description=} take the rest of the line as it is. systemd refuses an
 * executable path with a quote or backslash, and joins a line that ends with a backslash to the next, so both are
 * rejected with a clear message. {@code SuccessExitStatus=143} because a JVM stopped by {@code SIGTERM} exits with
 * 143 after running its shutdown hooks, which is a clean stop.
 */
public final class SystemdUnitFile {
    private static final Pattern BARE_ARGUMENT = Pattern.compile("[A-Za-z0-9_@+=:,./-]+");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@-]*\\$?");

    private SystemdUnitFile() {
    }

    /**
     * The unit file's text.
     *
     * @throws ServiceManagerException if the definition cannot be expressed as a systemd unit
     */
    public static String render(ServiceDefinition definition) {
        List<String> lines = new ArrayList<>();
        lines.add("# The OS service of " + definition.service().describe() + ", written by `"
                + definition.kind().commandName() + " service --install`.");
        lines.add("# Installing the service again overwrites this file; change the instance, not this file.");
        lines.add("# " + definition.description());
        lines.add("[Unit]");
        lines.add(setting(definition, "Description", escapeSpecifiers(definition.displayName())));
        lines.add("After=network-online.target");
        lines.add("Wants=network-online.target");
        lines.add("");
        lines.add("[Service]");
        lines.add("Type=simple");
        definition.userName().ifPresent(user -> lines.add(setting(definition, "User", checkedUser(definition, user))));
        definition.workingDirectory().ifPresent(dir -> lines.add(setting(definition, "WorkingDirectory",
                escapeSpecifiers(checkedAbsolute(definition, "working directory", dir)))));
        definition.environment().forEach((name, value) -> lines.add(setting(definition, "Environment",
                quote(name + "=" + value))));
        lines.add(setting(definition, "ExecStart", execStart(definition)));
        lines.add("Restart=always");
        lines.add("RestartSec=5s");
        lines.add("SuccessExitStatus=143");
        lines.add("");
        lines.add("[Install]");
        lines.add("WantedBy=multi-user.target");
        return String.join("\n", lines) + "\n";
    }

    private static String execStart(ServiceDefinition definition) {
        String launcher = checkedAbsolute(definition, "launcher", definition.launcher());
        for (char c : new char[] {'"', '\'', '\\'}) {
            if (launcher.indexOf(c) >= 0) {
                throw invalid(definition, "the launcher path " + launcher + " contains " + c
                        + ", which systemd does not accept in the path of the program it starts",
                        "install the launcher in a directory whose path has no quotes or backslashes");
            }
        }
        List<String> words = new ArrayList<>();
        // The executable is not subject to variable expansion, only to specifiers.
        words.add(BARE_ARGUMENT.matcher(launcher).matches() ? launcher : quote(launcher));
        for (String argument : definition.arguments()) {
            words.add(BARE_ARGUMENT.matcher(argument).matches() ? argument : quote(argument).replace("$", "$$"));
        }
        return String.join(" ", words);
    }

    /** Double quotes with C escapes for {@code \} and {@code "}, and {@code %%} for {@code %}. */
    private static String quote(String value) {
        return "\"" + escapeSpecifiers(value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    private static String escapeSpecifiers(String value) {
        return value.replace("%", "%%");
    }

    private static String setting(ServiceDefinition definition, String key, String value) {
        if (value.endsWith("\\")) {
            throw invalid(definition, key + "=" + value + " ends with a backslash, which systemd would join to the "
                    + "next line", "remove the trailing backslash");
        }
        return key + "=" + value;
    }

    private static String checkedUser(ServiceDefinition definition, String user) {
        if (!USER_NAME.matcher(user).matches()) {
            throw invalid(definition, "\"" + user + "\" is not a Linux user name systemd accepts",
                    "give an existing account's name (letters, digits, '_', '-', '.', '@'), such as octopus, "
                    + "or leave --username out to run the service as root");
        }
        return user;
    }

    private static String checkedAbsolute(ServiceDefinition definition, String what, String path) {
        if (!path.startsWith("/")) {
            throw invalid(definition, "the " + what + " \"" + path + "\" is not an absolute path",
                    "give the full path, starting with /");
        }
        return path;
    }

    private static ServiceManagerException invalid(ServiceDefinition definition, String problem, String remedy) {
        return new ServiceManagerException("Cannot write a systemd unit for " + definition.service().describe() + ": "
                + problem + ". To fix it, " + remedy + ".");
    }
}
