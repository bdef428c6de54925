package dev.tentacle.server.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Names of the server nodes the command line and the Server Manager start. A node name is 1 to 100 letters, digits, '.', '_' or '-',
 * starting with a letter or digit (see {@link dev.tentacle.server.node.NodeSettings}); {@code run} defaults to the
 * host name made to fit, {@code health-check} and {@code run-script} use {@code HOST-cli-PID}.
 */
public final class NodeNames {
    public static final int LONGEST = 100;
    public static final String FALLBACK = "octopus-server";
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern LEADING = Pattern.compile("^[^A-Za-z0-9]+");

    private NodeNames() {
    }

    /** This machine's host name, made to fit. */
    public static String forThisHost() {
        return fit(hostName());
    }

    /** The name of a node a command runs for itself: {@code HOST-cli-PID}, the host part shortened to fit. */
    public static String forCommand(long pid) {
        return forProcess("cli", pid);
    }

    /**
     * The name of a node a program runs for itself: {@code HOST-ROLE-PID} (the Server Manager's is
     * {@code HOST-manager-PID}), the host part shortened to fit.
     */
    public static String forProcess(String role, long pid) {
        String suffix = "-" + fit(role) + "-" + pid;
        String host = forThisHost();
        return host.substring(0, Math.min(host.length(), LONGEST - suffix.length())) + suffix;
    }

    /** Any text made into a node name: other characters become '-', leading punctuation goes, at most 100. */
    public static String fit(String text) {
        String name = LEADING.matcher(NOT_ALLOWED.matcher(text == null ? "" : text.strip()).replaceAll("-"))
                .replaceAll("");
        if (name.length() > LONGEST) {
            name = name.substring(0, LONGEST);
        }
        return name.isEmpty() ? FALLBACK : name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            return FALLBACK;
        }
    }
}
