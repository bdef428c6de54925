package dev.tentacle.manager.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.config.ProxyConfiguration;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.tentacle.instance.InstanceSetup;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each page says about bad input, without JavaFX running. */
class PageValidationTest {
    @TempDir
    Path temp;

    WizardFixture fixture;
    SetupWizardViewModel wizard;

    @BeforeEach
    void setUp() {
        fixture = new WizardFixture(temp);
        wizard = new SetupWizardViewModel(fixture.directContext(), fixture.services());
    }

    @Test
    void theDefaultNameIsTentacleUnlessTaken() {
        assertThat(wizard.name().name()).isEqualTo("Tentacle");
        assertThat(wizard.name().validProperty().get()).isTrue();

        new InstanceSetup(fixture.registry()).create("Tentacle", null, null);
        var again = new SetupWizardViewModel(fixture.directContext(), fixture.services());

        assertThat(again.name().name()).isEqualTo("Tentacle2");
    }

    @Test
    void aTakenOrInvalidNameIsRefused() {
        new InstanceSetup(fixture.registry()).create("Web01", null, null);

        wizard.name().nameProperty().set("web01");
        assertThat(wizard.name().errorProperty().get()).contains("named 'Web01' exists already", "(names ignore case)");

        wizard.name().nameProperty().set("web/01");
        assertThat(wizard.name().errorProperty().get()).contains("is not a valid instance name");

        wizard.name().nameProperty().set("CON");
        assertThat(wizard.name().errorProperty().get()).contains("Windows reserves CON");
    }

    @Test
    void theHomeFollowsTheNameUntilTheUserChangesIt() {
        wizard.name().nameProperty().set("Web01");
        Path defaultHome = fixture.registry().defaultHomeDirectory("Web01");
        assertThat(wizard.storage().homeProperty().get()).isEqualTo(defaultHome.toString());
        assertThat(wizard.storage().applicationsProperty().get()).isEqualTo(defaultHome.resolve("Applications").toString());

        wizard.storage().homeProperty().set(temp.resolve("mine").toString());
        wizard.name().nameProperty().set("Web02");

        assertThat(wizard.storage().homeProperty().get()).isEqualTo(temp.resolve("mine").toString());
        assertThat(wizard.storage().applicationsProperty().get()).isEqualTo(temp.resolve("mine/Applications").toString());
    }

    @Test
    void directoriesMustBeFullWritablePaths() throws Exception {
        wizard.storage().homeProperty().set("relative/home");
        assertThat(wizard.storage().homeErrorProperty().get()).contains("must be a full path");

        Path file = Files.writeString(temp.resolve("a-file"), "x");
        wizard.storage().homeProperty().set(file.toString());
        assertThat(wizard.storage().homeErrorProperty().get()).contains("is a file, not a directory");

        wizard.storage().homeProperty().set(file.resolve("below").toString());
        assertThat(wizard.storage().homeErrorProperty().get()).contains("cannot be created", "is a file");

        wizard.storage().applicationsProperty().set("");
        assertThat(wizard.storage().applicationsErrorProperty().get()).contains("Give the application directory");

        wizard.storage().homeProperty().set(temp.resolve("new/home").toString());
        wizard.storage().applicationsProperty().set(temp.resolve("new/apps").toString());
        assertThat(wizard.storage().validProperty().get()).isTrue();
    }

    @Test
    void aHomeThatHoldsAnotherTentaclesConfigurationIsRefused() {
        Path home = temp.resolve("old");
        TentacleConfiguration.store().write(home.resolve("Tentacle.config.json"), TentacleConfiguration.defaults(home));

        wizard.storage().homeProperty().set(home.toString());

        assertThat(wizard.storage().homeErrorProperty().get()).contains("already holds a Tentacle's configuration",
                "tentacle create-instance --instance NAME --config");
    }

    @Test
    void aPortInUseIsNamed() throws Exception {
        try (var taken = new ServerSocket(0)) {
            wizard.listening().portProperty().set(Integer.toString(taken.getLocalPort()));

            assertThat(wizard.listening().portErrorProperty().get()).startsWith("Port " + taken.getLocalPort()
                    + " is in use by another program on this machine");
        }
        wizard.listening().portProperty().set("70000");
        assertThat(wizard.listening().portErrorProperty().get()).contains("is not a port");
        wizard.listening().portProperty().set("");
        assertThat(wizard.listening().portErrorProperty().get()).contains("the usual one is 10933");
    }

    @Test
    void anotherInstancesPortIsRefused() throws Exception {
        int port = SetupWizardViewModelTest.freePort();
        var other = new InstanceSetup(fixture.registry()).create("Other", null, null).instance();
        other.update(c -> c.withListenPort(port));

        wizard.listening().portProperty().set(Integer.toString(port));

        assertThat(wizard.listening().portErrorProperty().get()).contains("The Tentacle instance 'Other' is set to listen"
                + " on port " + port);
    }

    @Test
    void aThumbprintMayHaveSpacesAndColonsButNotTheWrongLength() {
        wizard.listening().serverThumbprintProperty().set("");
        assertThat(wizard.listening().thumbprintErrorProperty().get()).contains("Paste the thumbprint");

        wizard.listening().serverThumbprintProperty().set("12:34:56");
        assertThat(wizard.listening().thumbprintErrorProperty().get()).startsWith("This is not a thumbprint:")
                .contains("40 (SHA-1) or 64 (SHA-256) hexadecimal characters");

        String sha1 = SetupWizardViewModelTest.SERVER_THUMBPRINT;
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < sha1.length(); i += 2) {
            spaced.append(i == 0 ? "" : i % 4 == 0 ? " " : ":").append(sha1, i, i + 2);
        }
        wizard.listening().serverThumbprintProperty().set(spaced.toString().toLowerCase(java.util.Locale.ROOT));
        assertThat(wizard.listening().thumbprintErrorProperty().get()).isEmpty();
        assertThat(wizard.listening().thumbprint().hex()).isEqualTo(sha1);
    }

    @Test
    void theSystemProxyComesFromTheEnvironment() {
        fixture.variables.put("https_proxy", "http://svc:p%40ss@proxy.example.com:3128/");
        var withProxy = new SetupWizardViewModel(fixture.directContext(), fixture.services());

        withProxy.proxy().modeProperty().set(ProxyViewModel.Mode.SYSTEM);

        assertThat(withProxy.proxy().validProperty().get()).isTrue();
        assertThat(withProxy.proxy().proxy()).isEqualTo(new ProxyConfiguration(true, "proxy.example.com", 3128, "svc",
                "p@ss"));
        assertThat(withProxy.proxy().systemProxyDescription()).isEqualTo("http://svc:***@proxy.example.com:3128 (from"
                + " https_proxy)");

        wizard.proxy().modeProperty().set(ProxyViewModel.Mode.SYSTEM);
        assertThat(wizard.proxy().errorProperty().get()).contains("No system proxy is set");
    }

    @Test
    void aCustomProxyNeedsAHostAndPort() {
        wizard.proxy().modeProperty().set(ProxyViewModel.Mode.CUSTOM);
        assertThat(wizard.proxy().errorProperty().get()).contains("host name or IP address");

        wizard.proxy().hostProperty().set("http://proxy:3128");
        assertThat(wizard.proxy().errorProperty().get()).contains("is not a host name");

        wizard.proxy().hostProperty().set("proxy");
        wizard.proxy().portProperty().set("x");
        assertThat(wizard.proxy().errorProperty().get()).contains("'x' is not a port");

        wizard.proxy().portProperty().set("3128");
        wizard.proxy().passwordProperty().set("secret");
        assertThat(wizard.proxy().errorProperty().get()).contains("needs a user name too");

        wizard.proxy().usernameProperty().set("svc");
        assertThat(wizard.proxy().validProperty().get()).isTrue();
    }

    @Test
    void servicesThatCannotBeInstalledAreExplainedAndLeftOut() {
        fixture.variables.remove("TENTACLE_LAUNCHER");
        var withoutLauncher = new SetupWizardViewModel(fixture.directContext(), fixture.services());

        assertThat(withoutLauncher.review().serviceAvailable()).isFalse();
        assertThat(withoutLauncher.review().installServiceProperty().get()).isFalse();
        assertThat(withoutLauncher.review().serviceNoteProperty().get()).contains("TENTACLE_LAUNCHER is not set",
                "bin/tentacle-manager");
    }
}
