package dev.tentacle.manager.wizard.install;

import static dev.tentacle.instances.setup.CommandScript.quoted;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.instances.ApplicationKind;
import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.instances.config.TrustedServer;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceLocations;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.Command;
import dev.tentacle.instances.service.CommandResult;
import dev.tentacle.instances.service.CommandRunner;
import dev.tentacle.instances.service.ServiceDefinition;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.instances.setup.CreatedFiles;
import dev.tentacle.instances.setup.Rollback;
import dev.tentacle.instances.setup.SetupOutcome;
import dev.tentacle.instances.setup.SetupOutcome.RollbackAction;
import dev.tentacle.instances.setup.SetupProgress;
import dev.tentacle.tentacle.instance.InstanceRemoval;
import dev.tentacle.tentacle.instance.InstanceSetup;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.instance.TentacleServiceDefinition;
import dev.tentacle.tentacle.registration.Deregistration;
import dev.tentacle.tentacle.registration.Registration;
import dev.tentacle.tentacle.registration.RegistrationSettings;
import dev.tentacle.tentacle.registration.TentacleRegistrar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Sets up the Tentacle a {@link SetupPlan} describes, one step at a time, with the engine's own APIs, the same steps
 * and in the same order as the {@link SetupScript}'s commands: create the instance, generate its certificate,
 * configure it, set the proxy, register with the server (polling), add the firewall rule, install and start the
 * service. Each step reports its progress and what it did; the user may cancel between steps.
 *
 * <p>When a step fails or the user cancels, what was done is undone in reverse order: the service is uninstalled, the
 * firewall rule removed, the machine removed from the server, the instance deleted from the registry as
 * {@code tentacle delete-instance} does, and the files the setup created removed (a home directory that existed before
 * keeps what it held). The outcome then says what failed and what to do.
 */
public final class SetupInstaller {
    /** What a rolled-back Tentacle setup says when everything was undone. */
    public static final SetupOutcome.Undone UNDONE = new SetupOutcome.Undone(
            "The setup was cancelled and undone: nothing of it is left on this machine or on the server. Try again to"
                    + " start over, go back to change the settings, or close the wizard.",
            "Everything the setup had done was undone: nothing of it is left on this machine or on the server. Fix the"
                    + " problem above and try again, or go back to change the settings.");

    private final HostEnvironment environment;
    private final ServiceManager services;
    private final CommandRunner commands;
    private final TentacleRegistrar registrar;

    /**
     * @param environment decides the registry, and holds {@code TENTACLE_LAUNCHER} for the service
     * @param services installs the service
     * @param commands runs the firewall commands
     * @param registrar registers the machine on the server, and removes it again
     */
    public SetupInstaller(HostEnvironment environment, ServiceManager services, CommandRunner commands,
            TentacleRegistrar registrar) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.services = Objects.requireNonNull(services, "services");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
    }

    /** The steps {@link #install} runs for this plan, by the titles it reports them with. */
    public static List<String> steps(SetupPlan plan) {
        List<String> steps = new ArrayList<>();
        steps.add(Step.CREATE.title(plan));
        steps.add(Step.CERTIFICATE.title(plan));
        steps.add(Step.CONFIGURE.title(plan));
        if (plan.proxy().enabled()) {
            steps.add(Step.PROXY.title(plan));
        }
        if (plan.polling().isPresent()) {
            steps.add(Step.REGISTER.title(plan));
        }
        if (plan.listening().flatMap(SetupPlan.Listening::firewallRule).isPresent()) {
            steps.add(Step.FIREWALL.title(plan));
        }
        if (plan.installService()) {
            steps.add(Step.SERVICE.title(plan));
        }
        return steps;
    }

    private enum Step {
        CREATE, CERTIFICATE, CONFIGURE, PROXY, REGISTER, FIREWALL, SERVICE;

        String title(SetupPlan plan) {
            return switch (this) {
                case CREATE -> "Create the instance '" + plan.instanceName() + "'";
                case CERTIFICATE -> "Generate its certificate";
                case CONFIGURE -> plan.style() == CommunicationStyle.LISTENING
                        ? "Listen on port " + plan.listening().orElseThrow().port() + " and trust the Octopus Server"
                        : "Configure polling (no listening port)";
                case PROXY -> "Use the proxy " + plan.proxy().host() + ":" + plan.proxy().port();
                case REGISTER -> "Register with the Octopus Server";
                case FIREWALL -> "Open port " + plan.listening().orElseThrow().port() + " in the firewall";
                case SERVICE -> "Install and start the service";
            };
        }
    }

    /**
     * Sets up the plan, or undoes what was done.
     *
     * @return {@link SetupOutcome.Installed}, or {@link SetupOutcome.RolledBack} saying what failed and what to do
     */
    public SetupOutcome<InstalledTentacle> install(SetupPlan plan, SetupProgress progress) {
        Objects.requireNonNull(plan, "plan");
        Run run = new Run(plan, progress);
        Step current = Step.CREATE;
        try {
            current = Step.CREATE;
            run.begin(current);
            run.create();
            current = Step.CERTIFICATE;
            run.begin(current);
            CertificateThumbprints thumbprints = run.certificate();
            current = Step.CONFIGURE;
            run.begin(current);
            run.configure();
            if (plan.proxy().enabled()) {
                current = Step.PROXY;
                run.begin(current);
                run.proxy();
            }
            Optional<Registration> registration = Optional.empty();
            if (plan.polling().isPresent()) {
                current = Step.REGISTER;
                run.begin(current);
                registration = Optional.of(run.register());
            }
            Optional<FirewallRule> rule = plan.listening().flatMap(SetupPlan.Listening::firewallRule);
            if (rule.isPresent()) {
                current = Step.FIREWALL;
                run.begin(current);
                run.firewall(rule.get());
            }
            List<String> notes = new ArrayList<>();
            if (plan.installService()) {
                current = Step.SERVICE;
                run.begin(current);
                run.service();
            } else {
                notes.add("The OS service was not installed. Run the Tentacle in the foreground with: tentacle run"
                        + " --instance " + quoted(plan.instanceName()) + ", or install the service later with:"
                        + " tentacle service --instance " + quoted(plan.instanceName()) + " --install");
            }
            if (run.cancelled()) {
                throw new CancellationException();
            }
            return new SetupOutcome.Installed<>(new InstalledTentacle(run.instance, thumbprints, registration, notes));
        } catch (RuntimeException e) {
            return Rollback.after(e, current.title(plan), progress, run::rollback, UNDONE);
        }
    }

    /** One installation: what it has done so far, so that exactly that can be undone. */
    private final class Run {
        private final SetupPlan plan;
        private final SetupProgress progress;
        private final InstanceRegistry registry;
        private TentacleInstance instance;
        private boolean registered;
        private CreatedFiles createdFiles;
        private Registration registration;
        private boolean firewallRuleAdded;
        private boolean serviceInstalled;

        Run(SetupPlan plan, SetupProgress progress) {
            this.plan = plan;
            this.progress = progress;
            this.registry = new InstanceRegistry(InstanceLocations.resolve(environment), ApplicationKind.TENTACLE);
        }

        boolean cancelled() {
            return progress.isCancelled();
        }

        void begin(Step step) {
            progress.begin(step.title(plan));
        }

        void create() {
            Path home = plan.homeDirectory();
            createdFiles = CreatedFiles.before(home, registry.indexFile());
            InstanceSetup.Created created = new InstanceSetup(registry).create(plan.instanceName(), home, null);
            instance = created.instance();
            registered = created.outcome() != InstanceSetup.Outcome.ALREADY_REGISTERED;
            if (created.outcome() != InstanceSetup.Outcome.CREATED) {
                throw new IllegalStateException("The instance '" + plan.instanceName() + "' or its configuration file "
                        + instance.configFile() + " already existed, so the wizard would not be setting up a new"
                        + " Tentacle. Choose another name or home directory.");
            }
            progress.output("Created the Tentacle instance '" + instance.name() + "'.");
            progress.output("  Configuration file: " + instance.configFile());
            progress.output("  Home directory:     " + home);
        }

        CertificateThumbprints certificate() {
            TentacleConfiguration saved = instance.update(c -> instance.certificates().newCertificate(c, true));
            CertificateThumbprints thumbprints = instance.identity(saved).thumbprints();
            progress.output("Generated a certificate in " + saved.certificate().file() + ".");
            progress.output("The thumbprint of this Tentacle is: " + thumbprints.sha1() + " (SHA-256: "
                    + thumbprints.sha256() + ")");
            return thumbprints;
        }

        void configure() {
            List<String> changes = new ArrayList<>();
            instance.update(c -> {
                changes.clear();
                TentacleConfiguration result = c.withApplicationDirectory(plan.applicationDirectory());
                changes.add("Application directory: " + plan.applicationDirectory());
                if (plan.listening().isPresent()) {
                    SetupPlan.Listening listening = plan.listening().get();
                    result = result.withListenPort(listening.port()).withNoListen(false)
                            .withTrustedServer(TrustedServer.listening(listening.serverThumbprint()));
                    changes.add("Listening port: " + listening.port());
                    changes.add("Trusts " + listening.serverThumbprint() + " (listening)");
                } else {
                    result = result.withNoListen(true);
                    changes.add("Does not listen (polling only)");
                }
                return result;
            });
            changes.forEach(progress::output);
            progress.output("Saved " + instance.configFile() + ".");
        }

        void proxy() {
            TentacleConfiguration saved = instance.update(c -> {
                TentacleConfiguration result = c.withProxy(plan.proxy());
                return plan.style() == CommunicationStyle.POLLING ? result.withPollingProxy(plan.proxy()) : result;
            });
            if (plan.style() == CommunicationStyle.POLLING) {
                progress.output("Polling proxy: " + saved.pollingProxy() + ".");
            }
            progress.output("Proxy: " + saved.proxy() + ".");
        }

        Registration register() {
            SetupPlan.Polling polling = plan.polling().orElseThrow();
            var settings = new RegistrationSettings(polling.server(), polling.machineName(), CommunicationStyle.POLLING,
                    polling.tags(), null, null, null, null, false);
            registration = registrar.register(instance, settings);
            var machine = registration.machine();
            progress.output("Registered on the Octopus Server " + registration.server().address() + " as the machine '"
                    + machine.name() + "' (" + machine.id() + ").");
            progress.output("  Polling:      " + registration.trustedServer().address() + " as " + machine.uri());
            progress.output("  Environments: " + list(machine.environments()));
            progress.output("  Roles:        " + list(machine.roles()));
            progress.output("  Policy:       " + machine.policyName());
            progress.output("The instance trusts the server's certificate " + registration.server().thumbprints().sha256()
                    + " and polls it.");
            return registration;
        }

        void firewall(FirewallRule rule) {
            for (Command command : rule.add()) {
                CommandResult result = commands.run(command);
                progress.output("$ " + command.display());
                if (!result.output().equals("(no output)")) {
                    result.output().lines().forEach(progress::output);
                }
                if (!result.succeeded()) {
                    throw new IllegalStateException("The firewall rule could not be added: " + result.describeFailure()
                            + System.lineSeparator() + "Add it by hand, or leave the firewall option off.");
                }
                firewallRuleAdded = true;
            }
        }

        void service() {
            ServiceDefinition definition = TentacleServiceDefinition.of(instance, registry.locations(),
                    TentacleServiceDefinition.launcher(environment), false, null, null);
            serviceInstalled = true; // a failed install may have left a unit behind; uninstalling it is harmless
            services.install(definition);
            progress.output("Installed the service '" + definition.displayName() + "' to run " + definition.launcher()
                    + " " + String.join(" ", definition.arguments()) + ", enabled it at boot and started it.");
        }

        List<RollbackAction> rollback() {
            List<RollbackAction> actions = new ArrayList<>();
            String name = plan.instanceName();
            if (serviceInstalled) {
                actions.add(Rollback.undo("Uninstall the service", () -> services.uninstall(instance.serviceName())
                        ? "Stopped and removed the service '" + instance.serviceName().displayName() + "'."
                        : "The service was not installed.",
                        "tentacle service --instance " + quoted(name) + " --stop --uninstall"));
            }
            if (firewallRuleAdded) {
                FirewallRule rule = plan.listening().orElseThrow().firewallRule().orElseThrow();
                actions.add(Rollback.undo("Remove the firewall rule", () -> {
                    for (Command command : rule.remove()) {
                        CommandResult result = commands.run(command);
                        if (!result.succeeded()) {
                            throw new IllegalStateException(result.describeFailure());
                        }
                    }
                    return "Removed the " + rule.tool() + " rule.";
                }, rule.remove().stream().map(Command::display).collect(Collectors.joining(" && "))));
            }
            if (registration != null) {
                var machine = registration.machine();
                actions.add(Rollback.undo("Remove the machine '" + machine.name() + "' from the Octopus Server", () -> {
                    Deregistration removed = registrar.deregister(instance, plan.polling().orElseThrow().server(), false);
                    return removed.removed().isEmpty() ? "It was no longer registered."
                            : "Removed " + removed.removed().stream().map(m -> "'" + m.name() + "' (" + m.id() + ")")
                                    .collect(Collectors.joining(", ")) + " from " + removed.server().address() + ".";
                }, "on the Octopus Server: octopus-server machine remove --name " + quoted(machine.name())));
            }
            if (registered) {
                actions.add(Rollback.undo("Delete the instance '" + name + "' from the registry", () -> {
                    InstanceRemoval.Removed removed = new InstanceRemoval(registry, services).delete(name);
                    return "Deleted it from the registry." + (removed.notes().isEmpty() ? ""
                            : " " + String.join(" ", removed.notes()));
                }, "tentacle delete-instance --instance " + quoted(name)));
            }
            if (createdFiles != null && createdFiles.removable()) {
                actions.add(Rollback.undo("Remove the files the setup created", () -> createdFiles.remove(""),
                        createdFiles.manualCommand()));
            }
            Rollback.report(actions, progress);
            return actions;
        }

    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
