package dev.tentacle.manager.wizard.install;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.Command;
import dev.tentacle.instances.service.CommandRunner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A firewall rule that lets the Octopus Server reach a listening Tentacle's port: the commands that add it, and those
 * that remove it again (for a rolled-back setup). Which firewall is asked depends on the OS and on the tools installed:
 * {@code ufw} (Ubuntu, Debian), else {@code firewall-cmd} (firewalld: Fedora, RHEL), or {@code netsh advfirewall}
 * (Windows). macOS's firewall filters by application, not by port, so there is no rule to add there.
 *
 * @param tool the firewall's name, for people
 * @param add the commands that add the rule, in order
 * @param remove the commands that remove it, in order
 */
public record FirewallRule(String tool, List<Command> add, List<Command> remove) {
    public FirewallRule {
        Objects.requireNonNull(tool, "tool");
        add = List.copyOf(add);
        remove = List.copyOf(remove);
        if (add.isEmpty()) {
            throw new IllegalArgumentException("A firewall rule needs the commands that add it.");
        }
    }

    /** The commands that add the rule, one per line, as a person would type them. */
    public String addScript() {
        return add.stream().map(Command::display).collect(Collectors.joining(System.lineSeparator()));
    }

    /**
     * What the wizard can do about the firewall on this machine.
     *
     * @param rule the rule for the port, when this OS has a port firewall the wizard knows
     * @param canRun true when the wizard may run the rule's commands itself: the manager runs elevated (root, or an
     *     administrator on Windows) and the tool is installed
     * @param explanation for people: what the rule does, who runs it, and what else may block the port
     */
    public record Advice(Optional<FirewallRule> rule, boolean canRun, String explanation) {
        public Advice {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(explanation, "explanation");
            if (canRun && rule.isEmpty()) {
                throw new IllegalArgumentException("Only a known rule can be run.");
            }
        }
    }

    /**
     * The advice for a listening port.
     *
     * @param instanceName names the Windows rule, so that each instance's rule can be found and removed
     * @param runner locates {@code ufw} and {@code firewall-cmd}
     * @param elevated whether the manager runs as root or as an administrator
     */
    public static Advice advise(OperatingSystem os, String instanceName, int port, CommandRunner runner,
            boolean elevated) {
        String elsewhere = " Firewalls between the Octopus Server and this machine (a cloud security group, a network"
                + " firewall) must allow TCP port " + port + " too; the wizard cannot change those.";
        Optional<FirewallRule> rule = switch (os) {
            case WINDOWS -> Optional.of(netsh(instanceName, port));
            case LINUX, OTHER_UNIX -> linux(port, runner);
            case MACOS -> Optional.empty();
        };
        if (rule.isEmpty()) {
            String why = os == OperatingSystem.MACOS
                    ? "macOS's firewall allows or blocks programs rather than ports: if it is on, it asks whether Java"
                            + " may accept connections the first time the Tentacle listens; allow it."
                    : "Neither ufw nor firewalld (firewall-cmd) is installed here, so the wizard does not know this"
                            + " machine's firewall. If it has one (nftables or iptables rules), allow incoming TCP"
                            + " connections to port " + port + " there.";
            return new Advice(Optional.empty(), false, why + elsewhere);
        }
        FirewallRule found = rule.get();
        String what = "The Octopus Server connects to this Tentacle on TCP port " + port + ", so " + found.tool()
                + " must allow incoming connections to it.";
        String who = elevated
                ? " The wizard runs as " + (os.isWindows() ? "an administrator" : "root") + ", so it can add the rule"
                        + " during the installation (and removes it again if the installation is rolled back)."
                : " Adding a rule needs " + (os.isWindows() ? "an administrator prompt" : "root (sudo)") + ", which this"
                        + " app does not have: run the command shown yourself" + (os.isWindows()
                                ? " in an administrator prompt." : ", or start the Tentacle Manager with sudo.");
        return new Advice(rule, elevated, what + who + elsewhere);
    }

    private static FirewallRule netsh(String instanceName, int port) {
        String name = "name=Octopus Tentacle (" + instanceName + ")";
        return new FirewallRule("Windows Defender Firewall",
                List.of(Command.windows("netsh", "advfirewall", "firewall", "add", "rule", name, "dir=in",
                        "action=allow", "protocol=TCP", "localport=" + port)),
                List.of(Command.windows("netsh", "advfirewall", "firewall", "delete", "rule", name)));
    }

    private static Optional<FirewallRule> linux(int port, CommandRunner runner) {
        String portSpec = port + "/tcp";
        if (runner.locate("ufw").isPresent()) {
            return Optional.of(new FirewallRule("ufw",
                    List.of(Command.posix("ufw", "allow", portSpec)),
                    List.of(Command.posix("ufw", "delete", "allow", portSpec))));
        }
        if (runner.locate("firewall-cmd").isPresent()) {
            return Optional.of(new FirewallRule("firewalld",
                    List.of(Command.posix("firewall-cmd", "--permanent", "--add-port=" + portSpec),
                            Command.posix("firewall-cmd", "--reload")),
                    List.of(Command.posix("firewall-cmd", "--permanent", "--remove-port=" + portSpec),
                            Command.posix("firewall-cmd", "--reload"))));
        }
        return Optional.empty();
    }
}
