package dev.tentacle.manager.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.tentacle.instance.TentacleInstance;
import dev.tentacle.tentacle.registration.RegisteredMachine;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The real wizard sets up a polling Tentacle against a real Octopus Server API started in the test. */
class SetupWizardPollingUiTest extends WizardUiTest {
    TestOctopusServer server;
    WizardFixture fixture;

    @BeforeEach
    void startServer() {
        server = new TestOctopusServer(temp.resolve("server"));
        fixture = new WizardFixture(temp.resolve("machine"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Through the server and registration pages, to the end of the installation. */
    private WizardRobot install(FxRobot fx, boolean screenshots) {
        WizardRobot robot = open(fx, fixture);
        throughProxy(robot, "Db01", true);
        assertThat(robot.nextEnabled()).isFalse();
        robot.type("urlField", server.url());
        robot.paste("apiKeyField", server.apiKey);
        robot.clickOn("verifyButton");
        WizardRobot.waitUntil(() -> fx.lookup("#resultBox").query().isVisible(), 30);
        assertThat(robot.text("serverSha1")).isEqualTo(server.thumbprints().sha1().hex());
        assertThat(robot.text("serverSha256")).isEqualTo(server.thumbprints().sha256().hex());
        assertThat(robot.text("trustExplanation")).contains("compare " + server.thumbprints().sha1().hex());
        if (screenshots) {
            robot.screenshot(robot.window(SetupWizardView.TITLE), "wizard-polling-server");
        }
        robot.next();

        robot.waitForPage("registration-page");
        assertThat(robot.text("machineNameField")).isEqualTo(WizardFixture.HOST_NAME);
        robot.type("machineNameField", "db01");
        robot.type("environmentsField", "Production");
        robot.type("rolesField", "db");
        if (screenshots) {
            robot.screenshot(robot.window(SetupWizardView.TITLE), "wizard-registration");
        }
        robot.next();

        robot.waitForPage("review-page");
        robot.next();
        robot.waitForPage("install-page");
        WizardRobot.waitUntil(() -> robot.text("headline").equals("The Tentacle 'Db01' is set up."), 30);
        robot.clickButton("_Finish");
        WizardRobot.waitUntil(() -> fx.lookup("#sha1Field").tryQuery().isPresent(), 15);
        return robot;
    }

    @Test
    void aUserSetsUpAPollingTentacleAndConfirmsTheServer(FxRobot fx) throws Exception {
        WizardRobot robot = install(fx, true);

        JsonNode shown = SetupWizardListeningUiTest.showThumbprint(fixture, "Db01");
        assertThat(robot.text("sha1Field")).isEqualTo(shown.get("sha1").asText());
        assertThat(robot.text("sha256Field")).isEqualTo(shown.get("sha256").asText());
        assertThat(fx.lookup(".server-thumbprint").queryTextInputControl().getText())
                .isEqualTo(server.thumbprints().sha256().hex());
        robot.clickOn("confirm-server");
        assertThat(robot.text("message")).startsWith("Confirmed: the server at https://127.0.0.1:"
                + TestOctopusServer.POLLING_PORT + "/");
        robot.screenshot(robot.window("Check the thumbprints: Db01"), "thumbprint-verification-polling");
        robot.clickButton("Close");

        WizardRobot.waitUntil(() -> result.get() != null, 10);
        assertThat(result.get()).contains("Db01");
        RegisteredMachine machine = server.machines().getFirst();
        assertThat(machine.name()).isEqualTo("db01");
        assertThat(machine.environments()).containsExactly("Production");
        assertThat(machine.roles()).containsExactly("db");
        assertThat(machine.thumbprint()).isEqualTo(shown.get("sha256").asText());
    }

    @Test
    void thisIsNotMyServerRemovesTheTrustAfterAConfirmation(FxRobot fx) throws Exception {
        WizardRobot robot = install(fx, false);

        robot.clickOn("reject-server");
        WizardRobot.waitUntil(() -> fx.lookup("#reject-confirmation").tryQuery().isPresent(), 10);
        robot.clickButton("Stop trusting it");
        WizardRobot.waitUntil(() -> robot.text("message").startsWith("This Tentacle no longer trusts"), 15);

        var record = fixture.registry().get("Db01");
        TentacleConfiguration configuration = new TentacleInstance(record.name(), record.configFile()).configuration();
        assertThat(configuration.trustedServers()).isEmpty();
        assertThat(robot.text("message")).contains("its service was restarted");
        assertThat(fixture.systemctl.calls()).contains("restart tentacle-Db01.service");
        assertThat(fx.lookup((Label l) -> "Rejected: no longer trusted.".equals(l.getText())).tryQuery()).isPresent();
        robot.clickButton("Close");
    }
}
