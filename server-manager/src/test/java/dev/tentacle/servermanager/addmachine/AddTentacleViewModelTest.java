package dev.tentacle.servermanager.addmachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.TentacleProbeException.Problem;
import dev.tentacle.server.storage.Storage;
import dev.tentacle.server.storage.machines.Machine;
import dev.tentacle.server.storage.machines.MachineFilter;
import dev.tentacle.server.storage.machines.MachinePolicy;
import dev.tentacle.server.storage.machines.MachinePolicySettings;
import dev.tentacle.server.storage.machines.NewMachine;
import dev.tentacle.servermanager.ServerManagerContext;
import dev.tentacle.servermanager.addmachine.AddTentacleViewModel.Step;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import dev.tentacle.servermanager.testing.ServerManagerFixture.TestTentacle;
import dev.tentacle.testing.net.SilentServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The add screen's logic without JavaFX, against a real server instance and real listening Tentacles. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AddTentacleViewModelTest {
    @TempDir
    Path root;

    ServerManagerFixture fixture;
    ServerInstance server;
    Storage storage;
    AddTentacleViewModel model;
    AtomicInteger addedCalls = new AtomicInteger();

    @BeforeEach
    void setUp() {
        fixture = new ServerManagerFixture(root);
        server = fixture.createServer("Main");
        storage = fixture.storage(server);
        model = viewModel(fixture.directContext());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    AddTentacleViewModel viewModel(ServerManagerContext context) {
        AddTentacleViewModel created = new AddTentacleViewModel(context, server, fixture.storages(), Duration.ofSeconds(5));
        created.setOnAdded(addedCalls::incrementAndGet);
        created.load();
        return created;
    }

    void enter(TestTentacle tentacle) {
        model.form().hostProperty().set("127.0.0.1");
        model.form().portProperty().set(Integer.toString(tentacle.port()));
    }

    List<Machine> machines() {
        return storage.machines().list(MachineFilter.all());
    }

    @Test
    void addsATentacleOnceTheUserHasVerifiedItsThumbprint() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        enter(web01);
        model.form().nameProperty().set("web01");
        model.form().environmentsProperty().set("Production, Test");
        model.form().rolesProperty().set(" web ,api,");

        model.connect();

        assertThat(model.step()).isEqualTo(Step.VERIFYING);
        assertThat(model.presentedHeadingProperty().get())
                .isEqualTo("The Tentacle at 127.0.0.1:" + web01.port() + " presented this certificate");
        assertThat(model.presentedSha1Property().get()).isEqualTo(web01.identity().thumbprints().sha1().hex());
        assertThat(model.presentedSha256Property().get()).isEqualTo(web01.identity().thumbprints().sha256().hex());
        assertThat(model.expectedMatchProperty().get()).isEmpty();
        assertThat(model.trustNoteProperty().get()).startsWith("The Tentacle already trusts this Octopus Server");
        assertThat(machines()).isEmpty();

        model.confirm();

        assertThat(model.step()).isEqualTo(Step.ADDED);
        Machine saved = storage.machines().findByName("web01").orElseThrow();
        assertThat(saved.thumbprint()).isEqualTo(web01.identity().thumbprints().sha256());
        assertThat(saved.uri()).isEqualTo(URI.create("https://127.0.0.1:" + web01.port() + "/"));
        assertThat(saved.environments()).containsExactly("Production", "Test");
        assertThat(saved.roles()).containsExactly("api", "web");
        assertThat(saved.policyName()).isEqualTo(MachinePolicy.DEFAULT_POLICY_NAME);
        assertThat(model.addedProperty().get()).isEqualTo(saved);
        assertThat(addedCalls).hasValue(1);
        assertThat(model.outcomeProperty().get()).startsWith("Added 'web01' (" + saved.id() + ")");
        assertThat(model.trustAdviceProperty().get()).startsWith("The Tentacle already trusts this Octopus Server");
        assertThat(model.trustCommandsProperty().get()).isEmpty();
        assertThat(model.serverSha256Property().get()).isEqualTo(fixture.identity(server).thumbprints().sha256().hex());
        assertThat(model.equivalentCommandProperty().get()).isEqualTo("octopus-server machine add-listening --instance"
                + " Main --name web01 --url https://127.0.0.1:" + web01.port() + "/ --thumbprint "
                + saved.thumbprint().hex() + " --environment Production --environment Test --role api --role web"
                + " --policy 'Default Machine Policy'");
    }

    @Test
    void aTentacleThatDoesNotTrustThisServerYetGetsTheCommandThatMakesIt() {
        ServerInstance other = fixture.createServer("Other");
        TestTentacle web02 = fixture.listeningTentacle(other, "web02");
        enter(web02);

        model.connect();

        assertThat(model.step()).isEqualTo(Step.VERIFYING);
        assertThat(model.trustNoteProperty().get()).startsWith("The Tentacle does not trust this Octopus Server yet");

        model.confirm();

        String serverSha256 = fixture.identity(server).thumbprints().sha256().hex();
        assertThat(model.trustAdviceProperty().get()).startsWith("Calls to it fail until the Tentacle trusts this"
                + " Octopus Server.");
        assertThat(model.trustCommandsProperty().get()).isEqualTo("tentacle configure --trust " + serverSha256
                + "\ntentacle service --restart");
        assertThat(storage.machines().findByName("127.0.0.1")).isPresent();
    }

    @Test
    void aTypedThumbprintThatMatchesSaysSo() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        enter(web01);
        String sha1 = web01.identity().thumbprints().sha1().hex();
        model.form().expectedThumbprintProperty().set(sha1.toLowerCase().replaceAll("(..)(?!$)", "$1:"));

        model.connect();

        assertThat(model.step()).isEqualTo(Step.VERIFYING);
        assertThat(model.expectedMatchProperty().get()).isEqualTo("It matches the SHA-1 thumbprint you entered.");
    }

    @Test
    void aTentacleWhoseThumbprintDiffersFromTheTypedOneIsShownSideBySideAndNothingIsSaved() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        enter(web01);
        CertificateIdentity expected = CertificateGenerator.generate("the-real-web01");
        model.form().expectedThumbprintProperty().set(expected.thumbprints().sha256().hex());

        model.connect();

        assertThat(model.step()).isEqualTo(Step.MISMATCH);
        assertThat(model.mismatchExpectedProperty().get()).isEqualTo(expected.thumbprints().sha256().hex());
        assertThat(model.mismatchPresentedProperty().get()).isEqualTo(web01.identity().thumbprints().sha256().hex());
        assertThat(model.mismatchMessageProperty().get()).contains("is not the one you entered")
                .contains("nothing was saved").contains("tentacle show-thumbprint");
        assertThat(model.canConfirmProperty().get()).isFalse();

        model.confirm();

        assertThat(model.step()).isEqualTo(Step.MISMATCH);
        assertThat(machines()).isEmpty();
        assertThat(addedCalls).hasValue(0);
    }

    @Test
    void aSha1ThumbprintIsComparedWithThePresentedSha1() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        enter(web01);
        String wrong = CertificateGenerator.generate("x").thumbprints().sha1().hex();
        model.form().expectedThumbprintProperty().set(wrong);

        model.connect();

        assertThat(model.mismatchExpectedProperty().get()).isEqualTo(wrong);
        assertThat(model.mismatchPresentedProperty().get()).isEqualTo(web01.identity().thumbprints().sha1().hex());
    }

    @Test
    void decliningSavesNothing() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        enter(web01);
        model.connect();

        model.decline();

        assertThat(model.step()).isEqualTo(Step.DECLINED);
        assertThat(model.outcomeProperty().get()).startsWith("Not added: nothing was saved.");
        assertThat(machines()).isEmpty();
        assertThat(addedCalls).hasValue(0);
        model.confirm();
        assertThat(machines()).isEmpty();
    }

    @Test
    void anUnreachablePortIsAProblemThatSaysWhatToDo() {
        model.form().hostProperty().set("127.0.0.1");
        model.form().portProperty().set(Integer.toString(ServerManagerFixture.freePort()));

        model.connect();

        assertThat(model.step()).isEqualTo(Step.PROBLEM);
        assertThat(model.problemKindProperty().get()).isEqualTo(Problem.REFUSED);
        assertThat(model.problemTitleProperty().get()).isEqualTo("Nothing accepts connections there");
        assertThat(model.problemMessageProperty().get()).contains("connection was refused")
                .contains("Is the Tentacle running");
        assertThat(machines()).isEmpty();
    }

    @Test
    void anUnknownHostIsADnsProblem() {
        model.form().hostProperty().set("no-such-tentacle.invalid");

        model.connect();

        assertThat(model.problemKindProperty().get()).isEqualTo(Problem.UNKNOWN_HOST);
        assertThat(model.problemTitleProperty().get()).isEqualTo("The host name does not resolve (DNS)");
        assertThat(model.problemMessageProperty().get()).contains("'no-such-tentacle.invalid' does not resolve");
    }

    @Test
    void aPeerThatDoesNotAnswerTimesOut() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            model = new AddTentacleViewModel(fixture.directContext(), server, fixture.storages(), Duration.ofMillis(300));
            model.form().hostProperty().set("127.0.0.1");
            model.form().portProperty().set(Integer.toString(silent.port()));

            model.connect();

            assertThat(model.problemKindProperty().get()).isEqualTo(Problem.TIMEOUT);
            assertThat(model.problemTitleProperty().get()).isEqualTo("No answer in time: a firewall?");
        }
    }

    @Test
    void aCertificateThatIsAlreadyRegisteredIsRefused() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        fixture.addListening(server, web01);
        enter(web01);
        model.form().nameProperty().set("web01-again");

        model.connect();

        assertThat(model.step()).isEqualTo(Step.PROBLEM);
        assertThat(model.problemTitleProperty().get()).isEqualTo("A machine with that thumbprint already exists");
        assertThat(model.problemMessageProperty().get()).contains("'web01'").contains("nothing was saved");
        assertThat(machines()).extracting(Machine::name).containsExactly("web01");
    }

    @Test
    void aTakenNameIsRefusedBeforeConnecting() {
        storage.machines().add(NewMachine.listening("web01", URI.create("https://elsewhere:10933/"),
                CertificateGenerator.generate("elsewhere").thumbprints().sha256()));
        model.form().hostProperty().set("no-such-tentacle.invalid");
        model.form().nameProperty().set("WEB01");

        model.connect();

        assertThat(model.step()).isEqualTo(Step.PROBLEM);
        assertThat(model.problemTitleProperty().get()).isEqualTo("A machine named 'web01' already exists");
        assertThat(model.problemKindProperty().get()).isNull();
    }

    @Test
    void theNameDefaultsToTheHostAndAChosenPolicyIsUsed() {
        storage.machinePolicies().add(MachinePolicySettings.defaults("Quick checks"));
        model.load();
        assertThat(model.form().policies()).containsExactlyInAnyOrder(MachinePolicy.DEFAULT_POLICY_NAME, "Quick checks");
        assertThat(model.form().policyProperty().get()).isEqualTo(MachinePolicy.DEFAULT_POLICY_NAME);
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        model.form().hostProperty().set("https://127.0.0.1:" + web01.port() + "/");
        model.form().portProperty().set("");
        assertThat(model.form().portInHostProperty().get()).isTrue();
        assertThat(model.form().portProblemProperty().get()).isEmpty();
        model.form().policyProperty().set("Quick checks");

        model.connect();
        model.confirm();

        Machine saved = storage.machines().findByName("127.0.0.1").orElseThrow();
        assertThat(saved.policyName()).isEqualTo("Quick checks");
        assertThat(saved.uri().getPort()).isEqualTo(web01.port());
    }

    @Test
    void changingTheAddressAfterConnectingAsksToConnectAgain() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        enter(web01);
        model.connect();
        assertThat(model.step()).isEqualTo(Step.VERIFYING);

        model.form().nameProperty().set("renamed");
        assertThat(model.step()).isEqualTo(Step.VERIFYING);
        model.form().portProperty().set("10933");

        assertThat(model.step()).isEqualTo(Step.EDITING);
        assertThat(model.presentedProperty().get()).isNull();
        assertThat(model.presentedSha256Property().get()).isEmpty();
        model.confirm();
        assertThat(machines()).isEmpty();
    }

    @Test
    void addAnotherStartsAgainKeepingTheTags() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        enter(web01);
        model.form().rolesProperty().set("web");
        model.connect();
        model.confirm();

        model.addAnother();

        assertThat(model.step()).isEqualTo(Step.EDITING);
        assertThat(model.form().hostProperty().get()).isEmpty();
        assertThat(model.form().rolesProperty().get()).isEqualTo("web");
        assertThat(model.outcomeProperty().get()).isEmpty();
    }

    @Test
    void anAnswerThatArrivesAfterCancelIsIgnored() {
        TestTentacle web01 = fixture.listeningTentacle(server, "web01");
        List<Runnable> queued = new ArrayList<>();
        ServerManagerContext direct = fixture.directContext();
        model = viewModel(new ServerManagerContext(direct.environment(), direct.serviceManager(), direct.commsOptions(),
                queued::add, direct.ui()));
        enter(web01);

        model.connect();
        assertThat(model.step()).isEqualTo(Step.CONNECTING);
        model.cancelConnecting();
        assertThat(model.step()).isEqualTo(Step.EDITING);
        queued.forEach(Runnable::run);

        assertThat(model.step()).isEqualTo(Step.EDITING);
        assertThat(model.presentedProperty().get()).isNull();
    }

    @Test
    void badInputIsNamedAndCannotBeConnectedTo() {
        assertThat(model.form().hostProblemProperty().get()).isEqualTo("Enter the Tentacle machine's host name or IP address.");
        assertThat(model.canConnectProperty().get()).isFalse();

        model.form().hostProperty().set("web 01");
        assertThat(model.form().hostProblemProperty().get()).contains("is not a host name or IP address");
        model.form().hostProperty().set("http://web01:10933/");
        assertThat(model.form().hostProblemProperty().get()).startsWith("A listening Tentacle is reached at https://HOST:10933");
        model.form().hostProperty().set("web01");
        assertThat(model.form().hostProblemProperty().get()).isEmpty();

        model.form().portProperty().set("abc");
        assertThat(model.form().portProblemProperty().get()).isEqualTo("The port 'abc' is not a number; a listening Tentacle"
                + " uses 10933 unless it was set up otherwise.");
        model.form().portProperty().set("70000");
        assertThat(model.form().portProblemProperty().get()).isEqualTo("The port must be 1 to 65535, not 70000.");
        model.form().portProperty().set("");
        assertThat(model.form().portProblemProperty().get()).startsWith("Enter the port the Tentacle listens on");
        model.form().portProperty().set("10933");

        model.form().expectedThumbprintProperty().set("ABC123");
        assertThat(model.form().thumbprintProblemProperty().get()).startsWith("A thumbprint is 40 (SHA-1) or 64 (SHA-256)"
                + " hexadecimal characters; this one has 6.");
        model.form().expectedThumbprintProperty().set("Z".repeat(40));
        assertThat(model.form().thumbprintProblemProperty().get()).startsWith("A thumbprint is hexadecimal");
        model.form().expectedThumbprintProperty().set("");
        assertThat(model.form().thumbprintProblemProperty().get()).isEmpty();

        model.form().nameProperty().set("web\t01");
        assertThat(model.form().nameProblemProperty().get()).contains("control characters");
        model.form().nameProperty().set("x".repeat(201));
        assertThat(model.form().nameProblemProperty().get()).contains("at most 200 characters");
        model.form().nameProperty().set("web01");
        model.form().rolesProperty().set("web, a\tb");
        assertThat(model.form().rolesProblemProperty().get()).contains("role name").contains("control characters");
        model.form().rolesProperty().set("web");
        model.form().environmentsProperty().set("e".repeat(201));
        assertThat(model.form().environmentsProblemProperty().get()).contains("environment name");
        assertThat(model.canConnectProperty().get()).isFalse();

        model.connect();
        assertThat(model.step()).isEqualTo(Step.EDITING);

        model.form().environmentsProperty().set("Production");
        assertThat(model.canConnectProperty().get()).isTrue();
    }
}
