package dev.tentacle.servermanager.addmachine;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.desktop.fx.Actions;
import dev.tentacle.desktop.fx.BackgroundJob;
import dev.tentacle.desktop.fx.Failure;
import dev.tentacle.server.admin.ListeningTentacleProbe;
import dev.tentacle.server.admin.ListeningTentacleRegistration;
import dev.tentacle.server.admin.PresentedTentacle;
import dev.tentacle.server.admin.PresentedTentacle.ServerTrust;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.TentacleProbeException;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachinePolicy;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.ServerStorages;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Adding a listening Tentacle after the user has verified its certificate.
 *
 * <ol>
 *   <li>The user enters the host and port, optionally the thumbprint they expect, and the machine's name,
 *       environments, roles and policy.</li>
 *   <li><b>Connect</b>: the server connects to the Tentacle with its own certificate and learns the certificate the
 *       Tentacle presents, trusting nothing ({@link ListeningTentacleProbe}).</li>
 *   <li>The screen shows that certificate's thumbprints (SHA-1 and SHA-256) for the user to compare with what the
 *       Tentacle's manager shows. A thumbprint the user typed that differs is shown side by side with it (nothing can be
 *       saved then); a certificate already registered as another machine is refused.</li>
 *   <li><b>Yes, add it</b> saves the machine with the presented certificate's SHA-256 thumbprint, the path
 *       {@code octopus-server machine add-listening} takes ({@link ListeningTentacleRegistration}); <b>No</b> saves
 *       nothing.</li>
 *   <li>Once added, the screen says whether the Tentacle trusts this server already, and if not, the command that
 *       makes it, with this server's thumbprint.</li>
 * </ol>
 */
public final class AddTentacleViewModel {
    /** Where the screen is. */
    public enum Step {
        /** Entering the address and the machine's details. */
        EDITING,
        /** Connecting to the Tentacle. */
        CONNECTING,
        /** Showing the presented certificate; waiting for the user's verdict. */
        VERIFYING,
        /** The presented certificate is not the one the user typed. Nothing can be saved. */
        MISMATCH,
        /** Connecting failed, or the Tentacle cannot be added; the problem says why and what to do. */
        PROBLEM,
        /** Saving the machine. */
        SAVING,
        /** Saved. */
        ADDED,
        /** The user said the certificate is not their Tentacle's. Nothing was saved. */
        DECLINED
    }

    private static final Set<Step> INPUT_LOCKED = Set.of(Step.CONNECTING, Step.SAVING, Step.ADDED);

    private final ServerManagerContext context;
    private final ServerInstance instance;
    private final ServerStorages storages;
    private final Duration probeTimeout;
    private final Actions actions;

    private final TentacleFormViewModel form;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.EDITING);
    private final ReadOnlyObjectWrapper<PresentedTentacle> presented = new ReadOnlyObjectWrapper<>(this, "presented");
    private final ReadOnlyStringWrapper presentedHeading = new ReadOnlyStringWrapper(this, "presentedHeading", "");
    private final ReadOnlyStringWrapper presentedSha1 = new ReadOnlyStringWrapper(this, "presentedSha1", "");
    private final ReadOnlyStringWrapper presentedSha256 = new ReadOnlyStringWrapper(this, "presentedSha256", "");
    private final ReadOnlyStringWrapper expectedMatch = new ReadOnlyStringWrapper(this, "expectedMatch", "");
    private final ReadOnlyStringWrapper trustNote = new ReadOnlyStringWrapper(this, "trustNote", "");
    private final ReadOnlyStringWrapper mismatchExpected = new ReadOnlyStringWrapper(this, "mismatchExpected", "");
    private final ReadOnlyStringWrapper mismatchPresented = new ReadOnlyStringWrapper(this, "mismatchPresented", "");
    private final ReadOnlyStringWrapper mismatchMessage = new ReadOnlyStringWrapper(this, "mismatchMessage", "");
    private final ReadOnlyStringWrapper problemTitle = new ReadOnlyStringWrapper(this, "problemTitle", "");
    private final ReadOnlyStringWrapper problemMessage = new ReadOnlyStringWrapper(this, "problemMessage", "");
    private final ReadOnlyObjectWrapper<TentacleProbeException.Problem> problemKind =
            new ReadOnlyObjectWrapper<>(this, "problemKind");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper trustAdvice = new ReadOnlyStringWrapper(this, "trustAdvice", "");
    private final ReadOnlyStringWrapper trustCommands = new ReadOnlyStringWrapper(this, "trustCommands", "");
    private final ReadOnlyStringWrapper serverSha1 = new ReadOnlyStringWrapper(this, "serverSha1", "");
    private final ReadOnlyStringWrapper serverSha256 = new ReadOnlyStringWrapper(this, "serverSha256", "");
    private final ReadOnlyStringWrapper equivalentCommand = new ReadOnlyStringWrapper(this, "equivalentCommand", "");
    private final ReadOnlyObjectWrapper<Machine> added = new ReadOnlyObjectWrapper<>(this, "added");

    private final BooleanBinding inputLocked = Bindings.createBooleanBinding(() -> INPUT_LOCKED.contains(step.get()), step);
    private final BooleanBinding canConnect;
    private final BooleanBinding canConfirm;

    private Runnable onAdded = () -> { };
    private CertificateThumbprints serverThumbprints;
    private BackgroundJob<ProbeOutcome> connecting;
    private long generation;

    public AddTentacleViewModel(ServerManagerContext context, ServerInstance instance, ServerStorages storages) {
        this(context, instance, storages, ListeningTentacleProbe.DEFAULT_TIMEOUT);
    }

    /** @param probeTimeout how long each step of connecting may take; tests shorten it */
    AddTentacleViewModel(ServerManagerContext context, ServerInstance instance, ServerStorages storages,
            Duration probeTimeout) {
        this.context = Objects.requireNonNull(context, "context");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.storages = Objects.requireNonNull(storages, "storages");
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
        this.actions = new Actions(context.background(), context.ui());
        this.form = new TentacleFormViewModel(this::addressChanged, this::detailsChanged);
        this.canConnect = form.validProperty().and(inputLocked.not());
        this.canConfirm = Bindings.createBooleanBinding(() -> step.get() == Step.VERIFYING
                && form.detailsValidProperty().get(), step, form.detailsValidProperty());
    }

    /** Loads the machine policies to choose from, the default one chosen. */
    public void load() {
        actions.read(() -> {
            Storage storage = storages.storage(instance);
            return new Policies(storage.machinePolicies().list().stream().map(MachinePolicy::name).toList(),
                    storage.machinePolicies().defaultPolicy().name());
        }, loaded -> form.offerPolicies(loaded.names(), loaded.defaultName()), failure -> actions.report(Failure.of("Could not read the machine policies of '" + instance.name() + "'",
                failure)));
    }

    private record Policies(List<String> names, String defaultName) {
    }

    // ---- validation

    private void addressChanged() {
        if (step.get() != Step.EDITING && !INPUT_LOCKED.contains(step.get())) {
            backToEditing();
        }
    }

    private void detailsChanged() {
        if (step.get() == Step.PROBLEM || step.get() == Step.DECLINED || step.get() == Step.MISMATCH) {
            backToEditing();
        }
    }

    // ---- connecting

    /** Connects to the Tentacle and shows what it presented; does nothing while the input is not valid. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        TentacleAddress address = form.address();
        String machineName = form.machineName();
        long run = ++generation;
        clearResults();
        step.set(Step.CONNECTING);
        connecting = BackgroundJob.start(context.background(), context.ui(), progress -> {
            progress.step("Connecting to " + address.target());
            Storage storage = storages.storage(instance);
            Optional<Machine> taken = storage.machines().findByName(machineName);
            if (taken.isPresent()) {
                return new ProbeOutcome.NameTaken(taken.get());
            }
            CertificateIdentity identity = instance.certificates().load(instance.configuration());
            PresentedTentacle found;
            try {
                found = new ListeningTentacleProbe(identity, probeTimeout).probe(address.host(), address.port());
            } catch (TentacleProbeException e) {
                return new ProbeOutcome.Unreachable(e);
            }
            return new ProbeOutcome.Reached(found, ListeningTentacleRegistration.registeredWith(storage,
                    found.thumbprints()), identity.thumbprints());
        }, result -> {
            if (run == generation) {
                show(result);
            }
        }, failure -> {
            if (run == generation) {
                step.set(Step.EDITING);
                actions.report(Failure.of("Could not connect to the Tentacle at " + address.target(), failure));
            }
        });
    }

    /** Stops waiting for the Tentacle: its answer, if it still comes, is ignored. */
    public void cancelConnecting() {
        if (step.get() != Step.CONNECTING) {
            return;
        }
        generation++;
        if (connecting != null) {
            connecting.cancel();
        }
        step.set(Step.EDITING);
    }

    private void show(ProbeOutcome result) {
        switch (result) {
            case ProbeOutcome.NameTaken(Machine existing) -> problem(null, "A machine named '" + existing.name()
                    + "' already exists", "Machine names are unique (ignoring case): give this Tentacle another name,"
                    + " or remove the machine '" + existing.name() + "' (" + existing.uri() + ") first. Nothing was"
                    + " connected to or saved.");
            case ProbeOutcome.Unreachable(TentacleProbeException failure) -> problem(failure.problem(),
                    title(failure.problem()), failure.getMessage());
            case ProbeOutcome.Reached(PresentedTentacle found, Optional<Machine> registered, CertificateThumbprints server) -> {
                serverThumbprints = server;
                presented.set(found);
                presentedHeading.set("The Tentacle at " + found.target() + " presented this certificate");
                presentedSha1.set(found.thumbprints().sha1().hex());
                presentedSha256.set(found.thumbprints().sha256().hex());
                if (registered.isPresent()) {
                    problem(null, "A machine with that thumbprint already exists",
                            ListeningTentacleRegistration.alreadyRegistered(registered.get()));
                    return;
                }
                Optional<Thumbprint> expected = form.expected();
                if (expected.isPresent() && !found.thumbprints().matches(expected.get())) {
                    mismatch(found, expected.get());
                    return;
                }
                expectedMatch.set(expected.map(t -> "It matches the " + form(t) + " thumbprint you entered.").orElse(""));
                trustNote.set(switch (found.serverTrust()) {
                    case TRUSTED -> "The Tentacle already trusts this Octopus Server: health checks and scripts will"
                            + " work as soon as it is added.";
                    case NOT_TRUSTED -> "The Tentacle does not trust this Octopus Server yet, as is usual for a new"
                            + " one. Once it is added, this screen gives the command that makes it trust this server.";
                    case UNKNOWN -> "The Tentacle refused the connection for a reason other than trust (it may be"
                            + " shutting down), so whether it trusts this server is not known.";
                });
                step.set(Step.VERIFYING);
            }
        }
    }

    private void mismatch(PresentedTentacle found, Thumbprint expected) {
        Thumbprint sameForm = expected.algorithm() == Thumbprint.Algorithm.SHA1 ? found.thumbprints().sha1()
                : found.thumbprints().sha256();
        mismatchExpected.set(expected.hex());
        mismatchPresented.set(sameForm.hex());
        mismatchMessage.set("The Tentacle at " + found.target() + " presented a certificate whose " + form(expected)
                + " thumbprint is not the one you entered, so it cannot be added; nothing was saved. Check the"
                + " thumbprint again on the Tentacle machine (Tentacle Manager, or tentacle show-thumbprint). If you"
                + " copied it correctly, something else answers at " + found.target() + ": another machine at that"
                + " address, another Tentacle instance on that port, or a device in the path that terminates TLS.");
        step.set(Step.MISMATCH);
    }

    private static String form(Thumbprint thumbprint) {
        return thumbprint.algorithm() == Thumbprint.Algorithm.SHA1 ? "SHA-1" : "SHA-256";
    }

    private void problem(TentacleProbeException.Problem kind, String title, String message) {
        problemKind.set(kind);
        problemTitle.set(title);
        problemMessage.set(message);
        step.set(Step.PROBLEM);
    }

    /** A heading for each kind of failure; the message says what was seen and what to do. */
    static String title(TentacleProbeException.Problem problem) {
        return switch (problem) {
            case UNKNOWN_HOST -> "The host name does not resolve (DNS)";
            case REFUSED -> "Nothing accepts connections there";
            case UNREACHABLE -> "The Tentacle machine cannot be reached";
            case TIMEOUT -> "No answer in time: a firewall?";
            case NOT_TLS -> "Not TLS: a proxy or another service answered";
            case TLS_HANDSHAKE_FAILED -> "The TLS handshake failed";
            case NOT_A_TENTACLE -> "It is not a Tentacle";
            case THIS_SERVER -> "That is this Octopus Server, not a Tentacle";
        };
    }

    // ---- the verdict

    /** The user recognises the certificate: save the machine with it. */
    public void confirm() {
        if (!canConfirm.get()) {
            return;
        }
        PresentedTentacle found = presented.get();
        NewMachine machine = form.machine(ListeningTentacleRegistration.address(found.host(), found.port()),
                found.thumbprints().sha256());
        step.set(Step.SAVING);
        actions.run("Adding " + machine.name(), "Could not add the Tentacle '" + machine.name() + "'",
                progress -> ListeningTentacleRegistration.addVerified(storages.storage(instance), machine,
                        found.thumbprints()),
                saved -> {
                    added.set(saved);
                    describeAdded(saved, machine, found);
                    step.set(Step.ADDED);
                    onAdded.run();
                }, () -> step.set(Step.VERIFYING));
    }

    private void describeAdded(Machine saved, NewMachine machine, PresentedTentacle found) {
        outcome.set("Added '" + saved.name() + "' (" + saved.id() + ") at " + saved.uri() + ", trusted by its"
                + " SHA-256 thumbprint " + saved.thumbprint() + ".");
        serverSha1.set(serverThumbprints.sha1().hex());
        serverSha256.set(serverThumbprints.sha256().hex());
        if (found.serverTrust() == ServerTrust.TRUSTED) {
            trustAdvice.set("The Tentacle already trusts this Octopus Server: health checks and scripts work now.");
            trustCommands.set("");
        } else {
            trustAdvice.set("Calls to it fail until the Tentacle trusts this Octopus Server. On the Tentacle machine,"
                    + " give it this server's thumbprint and restart it (add --instance NAME when its instance is not"
                    + " the default one):");
            trustCommands.set("tentacle configure --trust " + serverThumbprints.sha256().hex() + "\n"
                    + "tentacle service --restart");
        }
        equivalentCommand.set(EquivalentCommand.addListening(instance.name(), machine));
    }

    /** The user does not recognise the certificate: nothing is saved. */
    public void decline() {
        if (step.get() != Step.VERIFYING) {
            return;
        }
        PresentedTentacle found = presented.get();
        outcome.set("Not added: nothing was saved. The Tentacle at " + found.target() + " presented a certificate"
                + " you did not recognise. Check the address; on the Tentacle machine, compare its thumbprint again"
                + " (Tentacle Manager, or tentacle show-thumbprint). Something else may answer at that address, or a"
                + " device in the path may terminate TLS.");
        step.set(Step.DECLINED);
    }

    /** After adding one: start again for the next Tentacle, keeping environments, roles and policy. */
    public void addAnother() {
        if (step.get() != Step.ADDED) {
            return;
        }
        step.set(Step.EDITING);
        clearResults();
        form.clearForNext();
    }

    private void backToEditing() {
        clearResults();
        step.set(Step.EDITING);
    }

    private void clearResults() {
        presented.set(null);
        Arrays.asList(presentedHeading, presentedSha1, presentedSha256, expectedMatch, trustNote, mismatchExpected,
                mismatchPresented, mismatchMessage, problemTitle, problemMessage, outcome, trustAdvice, trustCommands,
                serverSha1, serverSha256, equivalentCommand).forEach(p -> p.set(""));
        problemKind.set(null);
        added.set(null);
    }

    // ---- for the view

    /** Runs after a machine was added, on the UI thread. */
    public void setOnAdded(Runnable action) {
        this.onAdded = Objects.requireNonNull(action, "action");
    }

    public Actions actions() {
        return actions;
    }

    public String title() {
        return "Add a listening Tentacle to " + instance.name();
    }

    /** The fields the user fills in. */
    public TentacleFormViewModel form() {
        return form;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public Step step() {
        return step.get();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }

    /** True while the inputs cannot change: connecting, saving, or added. */
    public BooleanBinding inputLockedProperty() {
        return inputLocked;
    }

    public ReadOnlyObjectProperty<PresentedTentacle> presentedProperty() {
        return presented.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty presentedHeadingProperty() {
        return presentedHeading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty presentedSha1Property() {
        return presentedSha1.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty presentedSha256Property() {
        return presentedSha256.getReadOnlyProperty();
    }

    /** That the presented certificate matches the thumbprint the user typed; empty when none was typed. */
    public ReadOnlyStringProperty expectedMatchProperty() {
        return expectedMatch.getReadOnlyProperty();
    }

    /** Whether the Tentacle trusts this server already, while verifying. */
    public ReadOnlyStringProperty trustNoteProperty() {
        return trustNote.getReadOnlyProperty();
    }

    /** The thumbprint the user typed, for the side-by-side comparison. */
    public ReadOnlyStringProperty mismatchExpectedProperty() {
        return mismatchExpected.getReadOnlyProperty();
    }

    /** The presented thumbprint in the form the user typed (SHA-1 or SHA-256), for the side-by-side comparison. */
    public ReadOnlyStringProperty mismatchPresentedProperty() {
        return mismatchPresented.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mismatchMessageProperty() {
        return mismatchMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemTitleProperty() {
        return problemTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemMessageProperty() {
        return problemMessage.getReadOnlyProperty();
    }

    /** The kind of connection failure shown; null for other problems (a taken name, a registered certificate). */
    public ReadOnlyObjectProperty<TentacleProbeException.Problem> problemKindProperty() {
        return problemKind.getReadOnlyProperty();
    }

    /** What was done: added (with the machine's id and thumbprint), or declined (nothing saved). */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Once added: whether the Tentacle trusts this server, and if not what to do. */
    public ReadOnlyStringProperty trustAdviceProperty() {
        return trustAdvice.getReadOnlyProperty();
    }

    /** Once added, when the Tentacle does not trust this server yet: the commands to run on the Tentacle machine. */
    public ReadOnlyStringProperty trustCommandsProperty() {
        return trustCommands.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverSha1Property() {
        return serverSha1.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverSha256Property() {
        return serverSha256.getReadOnlyProperty();
    }

    /** Once added: the {@code octopus-server machine add-listening} command that does the same. */
    public ReadOnlyStringProperty equivalentCommandProperty() {
        return equivalentCommand.getReadOnlyProperty();
    }

    /** The machine saved; null until then. */
    public ReadOnlyObjectProperty<Machine> addedProperty() {
        return added.getReadOnlyProperty();
    }
}
