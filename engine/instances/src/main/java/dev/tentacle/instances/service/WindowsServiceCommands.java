package dev.tentacle.instances.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code sc.exe} and {@code reg.exe} commands that install and control an instance's Windows service. They are
 * plain {@link Command}s, so they can be shown to a user ("the equivalent script") and checked on any OS.
 *
 * <p>The service's name and display name are both {@link ServiceName#displayName()}, e.g.
 * {@code OctopusDeploy Tentacle: Web01}. Its {@code binPath} is a Windows command line, the launcher always in quotes
 * (an unquoted path with spaces is the "unquoted service path" weakness):
 * {@code "C:\Program Files\Tentacle\tentacle.exe" run --instance "My Instance"}. On {@code sc.exe}'s own command
 * line that whole string is one argument, quoted again: {@code binPath= "\"C:\Program Files\...\" run ..."}.
 *
 * <p>Accounts: no user name means LocalSystem. A name without a domain gets {@code .\} (a local account), as
 * {@code sc.exe} requires. {@code NT AUTHORITY\LocalService}, {@code NT AUTHORITY\NetworkService} and managed service
 * accounts (ending in {@code $}) need no password; any other account does.
 */
public final class WindowsServiceCommands {
    /** Restart 5 s after each failure; forget failures after a day without one. */
    static final String FAILURE_ACTIONS = "restart/5000/restart/5000/restart/5000";
    static final String FAILURE_RESET_SECONDS = "86400";
    /** The hidden {@code run} option that hands the process to the service control manager. */
    public static final String SERVICE_OPTION = "--service";
    private static final int LONGEST_SERVICE_NAME = 256;
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("([A-Za-z]:\\\\|\\\\\\\\).+");
    private static final String SERVICES_KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\";
    private static final String SEPARATOR_CANDIDATES = "|~^#;!*";

    private final String sc;
    private final String reg;

    /**
     * @param sc the program name or path of {@code sc.exe}
     * @param reg the program name or path of {@code reg.exe}
     */
    public WindowsServiceCommands(String sc, String reg) {
        this.sc = sc;
        this.reg = reg;
    }

    /** The program name or path of {@code sc.exe} these commands run. */
    public String scProgram() {
        return sc;
    }

    public static WindowsServiceCommands standard() {
        return new WindowsServiceCommands("sc.exe", "reg.exe");
    }

    /**
     * The {@code binPath} value: the quoted launcher, then the arguments quoted by the C runtime's rules.
     *
     * @throws ServiceManagerException if the launcher is not an absolute Windows path
     */
    public static String binPath(ServiceDefinition definition) {
        String launcher = definition.launcher();
        if (!ABSOLUTE_PATH.matcher(launcher).matches() || launcher.indexOf('"') >= 0) {
            throw invalid(definition, "the launcher \"" + launcher + "\" is not an absolute Windows path",
                    "give the full path, such as C:\\Program Files\\Tentacle\\tentacle.exe");
        }
        // The program name is read up to the closing quote with no escapes, so it is quoted plainly.
        String arguments = CommandLineSyntax.WINDOWS.join(serviceArguments(definition.arguments()));
        return "\"" + launcher + "\"" + (arguments.isEmpty() ? "" : " " + arguments);
    }

    /**
     * The arguments Windows starts the launcher with: a {@code run} command gets {@code --service}, which makes it
     * speak the service control protocol; any other arguments (a wrapper's, say) are kept as they are.
     */
    public static List<String> serviceArguments(List<String> arguments) {
        if (arguments.isEmpty() || !arguments.getFirst().equals("run") || arguments.contains(SERVICE_OPTION)) {
            return arguments;
        }
        List<String> withService = new ArrayList<>(arguments);
        withService.add(SERVICE_OPTION);
        return List.copyOf(withService);
    }

    /** {@code sc.exe create NAME binPath= ... DisplayName= NAME start= auto [obj= USER password= ***]}. */
    public Command create(ServiceDefinition definition) {
        return createOrConfig("create", definition);
    }

    /** {@code sc.exe config ...}: the same settings as {@link #create} for a service that exists. */
    public Command config(ServiceDefinition definition) {
        return createOrConfig("config", definition);
    }

    private Command createOrConfig(String verb, ServiceDefinition definition) {
        Command.Builder command = Command.builder(CommandLineSyntax.WINDOWS, sc)
                .add(verb, serviceName(definition.service()), "binPath=", binPath(definition),
                        "DisplayName=", definition.displayName(), "start=", "auto");
        String account = account(definition);
        command.add("obj=", account);
        if (needsPassword(account)) {
            command.add("password=").addSecret(definition.password().orElseThrow(() -> invalid(definition,
                    "the account " + account + " needs a password",
                    "give the account's password, or use NT AUTHORITY\\LocalService, NT AUTHORITY\\NetworkService, "
                    + "a managed service account (name ending in $) or no user name (LocalSystem)")));
        }
        return command.build();
    }

    /** {@code sc.exe description NAME "..."}: the text the Services app shows. */
    public Command description(ServiceDefinition definition) {
        return Command.windows(sc, "description", serviceName(definition.service()), definition.description());
    }

    /** {@code sc.exe failure NAME reset= 86400 actions= restart/5000/...}: restart after a crash. */
    public Command failureActions(ServiceName service) {
        return Command.windows(sc, "failure", serviceName(service), "reset=", FAILURE_RESET_SECONDS,
                "actions=", FAILURE_ACTIONS);
    }

    /** {@code sc.exe failureflag NAME 1}: also apply the failure actions when the service exits with an error code. */
    public Command failureFlag(ServiceName service) {
        return Command.windows(sc, "failureflag", serviceName(service), "1");
    }

    /**
     * {@code reg.exe add HKLM\...\Services\NAME /v Environment /t REG_MULTI_SZ /d A=1|B=2 /s | /f}: the service's
     * extra environment variables, which the service control manager reads from that registry value.
     */
    public Command setEnvironment(ServiceDefinition definition) {
        Map<String, String> environment = definition.environment();
        if (environment.isEmpty()) {
            throw new IllegalArgumentException("The definition has no environment variables to set; remove the "
                    + "Environment value with clearEnvironment instead.");
        }
        List<String> entries = new ArrayList<>();
        environment.forEach((name, value) -> entries.add(name + "=" + value));
        String separator = separatorFor(definition, entries);
        return Command.windows(reg, "add", SERVICES_KEY + serviceName(definition.service()), "/v", "Environment",
                "/t", "REG_MULTI_SZ", "/d", String.join(separator, entries), "/s", separator, "/f");
    }

    /** {@code reg.exe delete HKLM\...\Services\NAME /v Environment /f}: fails harmlessly if there is none. */
    public Command clearEnvironment(ServiceName service) {
        return Command.windows(reg, "delete", SERVICES_KEY + serviceName(service), "/v", "Environment", "/f");
    }

    public Command start(ServiceName service) {
        return Command.windows(sc, "start", serviceName(service));
    }

    public Command stop(ServiceName service) {
        return Command.windows(sc, "stop", serviceName(service));
    }

    public Command delete(ServiceName service) {
        return Command.windows(sc, "delete", serviceName(service));
    }

    public Command query(ServiceName service) {
        return Command.windows(sc, "query", serviceName(service));
    }

    /** The service name, checked against Windows' rules. */
    public static String serviceName(ServiceName service) {
        String name = service.displayName();
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw new ServiceManagerException("The instance name \"" + service.instanceName() + "\" contains a slash "
                    + "or backslash, which Windows does not allow in a service name: choose another instance name.");
        }
        if (name.length() > LONGEST_SERVICE_NAME) {
            throw new ServiceManagerException("The service name \"" + name + "\" is " + name.length()
                    + " characters long and Windows allows at most " + LONGEST_SERVICE_NAME
                    + ": choose a shorter instance name.");
        }
        return name;
    }

    /** The {@code obj=} value: LocalSystem, or the account with a domain ({@code .\} for a local account). */
    static String account(ServiceDefinition definition) {
        String user = definition.userName().orElse("LocalSystem");
        if (user.equalsIgnoreCase("LocalSystem") || user.contains("\\") || user.contains("@")) {
            return user;
        }
        return ".\\" + user;
    }

    private static boolean needsPassword(String account) {
        String lower = account.toLowerCase(Locale.ROOT);
        return !(lower.equals("localsystem") || lower.equals("nt authority\\localservice")
                || lower.equals("nt authority\\networkservice") || lower.endsWith("$"));
    }

    private static String separatorFor(ServiceDefinition definition, List<String> entries) {
        for (char candidate : SEPARATOR_CANDIDATES.toCharArray()) {
            String separator = String.valueOf(candidate);
            if (entries.stream().noneMatch(entry -> entry.contains(separator))) {
                return separator;
            }
        }
        throw invalid(definition, "every separator reg.exe could use (" + SEPARATOR_CANDIDATES
                + ") appears in the environment variables", "remove one of those characters from the values");
    }

    private static ServiceManagerException invalid(ServiceDefinition definition, String problem, String remedy) {
        return new ServiceManagerException("Cannot install the Windows service of " + definition.service().describe()
                + ": " + problem + ". To fix it, " + remedy + ".");
    }
}
