package dev.tentacle.instances.service;

import dev.tentacle.instances.ApplicationKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything needed to install one instance as an OS service. Paths are strings in the syntax of the machine the
 * service runs on ({@code /opt/tentacle/bin/tentacle} or {@code C:\Program Files\Tentacle\tentacle.exe}), so that
 * commands for one OS can be generated and checked on another. Build one with {@link #builder}.
 *
 * @param service the product and instance
 * @param launcher absolute path of the program the OS starts; on Windows it must speak the service control
 *     protocol (see {@link WindowsServiceManager})
 * @param arguments the launcher's arguments, by default {@code run --instance NAME}
 * @param userName the account the service runs as; empty for the OS default (root on Linux, LocalSystem on Windows)
 * @param password the Windows account's password; never used on Linux and never printed
 * @param workingDirectory the directory the service starts in; empty for the OS default
 * @param description a sentence for people, shown by Windows' Services app and written as a comment into the
 *     systemd unit
 * @param environment extra environment variables for the service, sorted by name
 */
public record ServiceDefinition(
        ServiceName service,
        String launcher,
        List<String> arguments,
        Optional<String> userName,
        Optional<String> password,
        Optional<String> workingDirectory,
        String description,
        SortedMap<String, String> environment) {

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ServiceDefinition {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(environment, "environment");
        if (launcher.isBlank()) {
            throw new IllegalArgumentException("The service launcher path is empty: give the full path of the installed "
                    + service.kind().commandName() + " launcher.");
        }
        TextRules.requireSingleLine("launcher path", launcher);
        arguments = List.copyOf(arguments);
        for (String argument : arguments) {
            TextRules.requireSingleLine("service argument \"" + argument + "\"", argument);
        }
        userName.ifPresent(name -> {
            if (name.isBlank()) {
                throw new IllegalArgumentException("The service user name is empty: give an account name, or leave "
                        + "--username out to run the service as the OS default account.");
            }
            TextRules.requireSingleLine("user name", name);
        });
        password.ifPresent(p -> TextRules.requireSingleLine("password", p));
        workingDirectory.ifPresent(dir -> {
            if (dir.isBlank()) {
                throw new IllegalArgumentException("The working directory is empty: give a full path or leave it out.");
            }
            TextRules.requireSingleLine("working directory", dir);
        });
        TextRules.requireSingleLine("description", description);
        environment = copyEnvironment(environment);
    }

    private static SortedMap<String, String> copyEnvironment(Map<String, String> environment) {
        TreeMap<String, String> copy = new TreeMap<>();
        environment.forEach((name, value) -> {
            Objects.requireNonNull(name, "environment variable name");
            Objects.requireNonNull(value, () -> "value of environment variable " + name);
            if (!ENVIRONMENT_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("\"" + name + "\" is not a valid environment variable name: use "
                        + "letters, digits and underscores, not starting with a digit.");
            }
            TextRules.requireSingleLine("value of environment variable " + name, value);
            copy.put(name, value);
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Starts a definition with the defaults: arguments {@code run --instance NAME}, a generated description. */
    public static Builder builder(ServiceName service, String launcher) {
        return new Builder(service, launcher);
    }

    /** Starts a definition for a launcher on this machine. */
    public static Builder builder(ServiceName service, Path launcher) {
        return new Builder(service, launcher.toAbsolutePath().toString());
    }

    /** The arguments that run an instance in the foreground, as its service does: {@code run --instance NAME}. */
    public static List<String> runArguments(String instanceName) {
        return List.of("run", "--instance", instanceName);
    }

    public ApplicationKind kind() {
        return service.kind();
    }

    public String instanceName() {
        return service.instanceName();
    }

    /** The service's display name, e.g. {@code OctopusDeploy Tentacle: Web01}. */
    public String displayName() {
        return service.displayName();
    }

    public Builder toBuilder() {
        Builder builder = new Builder(service, launcher).arguments(arguments).description(description)
                .environment(environment);
        userName.ifPresent(builder::userName);
        password.ifPresent(builder::password);
        workingDirectory.ifPresent(builder::workingDirectory);
        return builder;
    }

    @Override
    public String toString() {
        // Never print the password.
        return "ServiceDefinition[" + service.displayName() + ", launcher=" + launcher + ", arguments=" + arguments
                + ", userName=" + userName.orElse("(OS default)") + ", password=" + (password.isPresent() ? "***" : "none")
                + ", workingDirectory=" + workingDirectory.orElse("(OS default)") + ", environment="
                + environment.keySet() + "]";
    }

    /** Builds a {@link ServiceDefinition}; every setter returns the builder. */
    public static final class Builder {
        private final ServiceName service;
        private final String launcher;
        private List<String> arguments;
        private String userName;
        private String password;
        private String workingDirectory;
        private String description;
        private final TreeMap<String, String> environment = new TreeMap<>();

        private Builder(ServiceName service, String launcher) {
            this.service = Objects.requireNonNull(service, "service");
            this.launcher = launcher;
            this.arguments = runArguments(service.instanceName());
            this.description = defaultDescription(service);
        }

        private static String defaultDescription(ServiceName service) {
            return switch (service.kind()) {
                case TENTACLE -> "Octopus Deploy Tentacle agent for instance \"" + service.instanceName()
                        + "\": runs the deployments and scripts an Octopus Server sends it.";
                case SERVER -> "Octopus Server instance \"" + service.instanceName()
                        + "\": manages Tentacles and runs their health checks and scripts.";
            };
        }

        public Builder arguments(List<String> newArguments) {
            this.arguments = new ArrayList<>(newArguments);
            return this;
        }

        /** The account to run as; null or empty for the OS default. */
        public Builder userName(String newUserName) {
            this.userName = newUserName == null || newUserName.isEmpty() ? null : newUserName;
            return this;
        }

        /** The Windows account's password; null for none. */
        public Builder password(String newPassword) {
            this.password = newPassword;
            return this;
        }

        public Builder workingDirectory(String newWorkingDirectory) {
            this.workingDirectory = newWorkingDirectory;
            return this;
        }

        public Builder workingDirectory(Path newWorkingDirectory) {
            return workingDirectory(newWorkingDirectory.toAbsolutePath().toString());
        }

        public Builder description(String newDescription) {
            this.description = newDescription;
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder environmentVariable(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public ServiceDefinition build() {
            return new ServiceDefinition(service, launcher, arguments, Optional.ofNullable(userName),
                    Optional.ofNullable(password), Optional.ofNullable(workingDirectory), description, environment);
        }
    }
}
