package dev.tentacle.manager.wizard;

import dev.tentacle.instances.config.CommunicationStyle;
import dev.tentacle.instances.registry.HostEnvironment;
import dev.tentacle.instances.registry.InstanceRegistry;
import dev.tentacle.instances.service.ServiceManager;
import dev.tentacle.manager.ManagerContext;
import dev.tentacle.manager.wizard.install.FirewallRule;
import dev.tentacle.manager.wizard.install.ListeningPortCheck;
import dev.tentacle.manager.wizard.install.SetupInstaller;
import dev.tentacle.manager.wizard.install.SetupPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * The whole setup wizard without its screens: one ViewModel per page, the order of the pages (which branches on the
 * communication style), and the {@link SetupPlan} they describe together.
 *
 * <pre>
 * name → style → storage → proxy ─┬─ listening: port, server thumbprint, firewall ─┬→ review → install
 *                                 └─ polling: server and API key → registration ──┘
 * </pre>
 */
public final class SetupWizardViewModel {
    /** The pages, in the order they may appear. */
    public enum Page {
        NAME("Name the Tentacle"),
        STYLE("How the server and the Tentacle connect"),
        STORAGE("Where the Tentacle keeps its files"),
        PROXY("Proxy"),
        POLLING_SERVER("The Octopus Server"),
        REGISTRATION("Register this machine on the server"),
        LISTENING("Listening port and trusted server"),
        REVIEW("Review"),
        INSTALL("Install");

        private final String title;

        Page(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        /** The page's node id, e.g. "polling-server-page". */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-page";
        }
    }

    private final HostEnvironment environment;
    private final InstanceNameViewModel name;
    private final CommunicationStyleViewModel style;
    private final StorageViewModel storage;
    private final ProxyViewModel proxy;
    private final PollingServerViewModel pollingServer;
    private final RegistrationViewModel registration;
    private final ListeningViewModel listening;
    private final ReviewViewModel review;
    private final InstallViewModel install;

    public SetupWizardViewModel(ManagerContext context, WizardServices services) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(services, "services");
        environment = context.environment();
        InstanceRegistry registry = context.registry();
        ServiceManager serviceManager = context.serviceManager().get();
        name = new InstanceNameViewModel(registry);
        style = new CommunicationStyleViewModel();
        storage = new StorageViewModel(registry, environment.operatingSystem(), name.nameProperty());
        proxy = new ProxyViewModel(environment);
        pollingServer = new PollingServerViewModel(services.serverCheck(), context.background(), context.ui());
        registration = new RegistrationViewModel(services.hostName(), pollingServer.resultProperty());
        listening = new ListeningViewModel(new ListeningPortCheck(registry), name.nameProperty(),
                (instance, port) -> FirewallRule.advise(environment.operatingSystem(), instance, port,
                        services.commands(), services.elevated()));
        review = new ReviewViewModel(this::plan, environment, serviceManager);
        install = new InstallViewModel(new SetupInstaller(environment, serviceManager, services.commands(),
                services.registrar()), context.background(), context.ui());
    }

    /** The pages for the style chosen now. */
    public List<Page> pages() {
        List<Page> pages = new ArrayList<>(List.of(Page.NAME, Page.STYLE, Page.STORAGE, Page.PROXY));
        if (style.style() == CommunicationStyle.POLLING) {
            pages.addAll(List.of(Page.POLLING_SERVER, Page.REGISTRATION));
        } else {
            pages.add(Page.LISTENING);
        }
        pages.addAll(List.of(Page.REVIEW, Page.INSTALL));
        return pages;
    }

    /** The page after this one; empty after the last. */
    public Optional<Page> next(Page page) {
        List<Page> pages = pages();
        int index = pages.indexOf(page);
        return index < 0 || index + 1 >= pages.size() ? Optional.empty() : Optional.of(pages.get(index + 1));
    }

    /** Whether the user may go on from this page. */
    public BooleanBinding valid(Page page) {
        return switch (page) {
            case NAME -> name.validProperty();
            case STYLE -> Bindings.createBooleanBinding(() -> true);
            case STORAGE -> storage.validProperty();
            case PROXY -> proxy.validProperty();
            case POLLING_SERVER -> pollingServer.validProperty();
            case REGISTRATION -> registration.validProperty();
            case LISTENING -> listening.validProperty();
            case REVIEW -> install.runningProperty().not();
            case INSTALL -> Bindings.equal(InstallViewModel.State.SUCCEEDED, install.stateProperty());
        };
    }

    /**
     * What the pages describe.
     *
     * @throws IllegalStateException or IllegalArgumentException when a page is not valid yet
     */
    public SetupPlan plan() {
        CommunicationStyle chosen = style.style();
        Optional<SetupPlan.Listening> listeningPlan = chosen == CommunicationStyle.LISTENING
                ? Optional.of(new SetupPlan.Listening(listening.portNumber(), listening.thumbprint(),
                        listening.firewallRuleToAdd()))
                : Optional.empty();
        Optional<SetupPlan.Polling> pollingPlan = chosen == CommunicationStyle.POLLING
                ? Optional.of(new SetupPlan.Polling(pollingServer.pinnedConnection(),
                        registration.machineNameProperty().get(), registration.tags()))
                : Optional.empty();
        return new SetupPlan(name.name(), chosen, storage.homeDirectory(), storage.applicationDirectory(),
                proxy.proxy(), listeningPlan, pollingPlan, review.installServiceProperty().get());
    }

    /** Starts the installation of what the pages describe. */
    public void startInstall() {
        install.install(plan());
    }

    /** The instance, once installed. */
    public Optional<String> installedInstance() {
        return install.installedInstance();
    }

    public HostEnvironment environment() {
        return environment;
    }

    public InstanceNameViewModel name() {
        return name;
    }

    public CommunicationStyleViewModel style() {
        return style;
    }

    public StorageViewModel storage() {
        return storage;
    }

    public ProxyViewModel proxy() {
        return proxy;
    }

    public PollingServerViewModel pollingServer() {
        return pollingServer;
    }

    public RegistrationViewModel registration() {
        return registration;
    }

    public ListeningViewModel listening() {
        return listening;
    }

    public ReviewViewModel review() {
        return review;
    }

    public InstallViewModel install() {
        return install;
    }
}
