package dev.tentacle.manager.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import javafx.scene.control.ButtonBar.ButtonData;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Bad input in the real wizard shows the specific error, and a failed or cancelled install is undone on screen. */
class SetupWizardErrorsUiTest extends WizardUiTest {

    @Test
    void aPortInUseIsNamed(FxRobot fx) throws Exception {
        var fixture = new WizardFixture(temp);
        WizardRobot robot = open(fx, fixture);
        throughProxy(robot, "Web01", false);
        robot.paste("thumbprintField", SetupWizardViewModelTest.SERVER_THUMBPRINT);

        try (var taken = new ServerSocket(0)) {
            robot.type("portField", Integer.toString(taken.getLocalPort()));

            assertThat(robot.text("portError")).startsWith("Port " + taken.getLocalPort()
                    + " is in use by another program on this machine");
            assertThat(fx.lookup("#portError").query().isVisible()).isTrue();
            assertThat(robot.nextEnabled()).isFalse();
        }
        robot.type("portField", Integer.toString(SetupWizardViewModelTest.freePort()));
        assertThat(fx.lookup("#portError").query().isVisible()).isFalse();
        assertThat(robot.nextEnabled()).isTrue();
    }

    @Test
    void aMalformedThumbprintIsNamed(FxRobot fx) throws Exception {
        var fixture = new WizardFixture(temp);
        WizardRobot robot = open(fx, fixture);
        throughProxy(robot, "Web01", false);
        robot.type("portField", Integer.toString(SetupWizardViewModelTest.freePort()));

        robot.type("thumbprintField", "12:34:56:ZZ");

        assertThat(robot.text("thumbprintError")).startsWith("This is not a thumbprint:")
                .contains("40 (SHA-1) or 64 (SHA-256) hexadecimal characters");
        assertThat(robot.nextEnabled()).isFalse();
    }

    @Test
    void aWrongApiKeyIsNamed(FxRobot fx) {
        try (var server = new TestOctopusServer(temp.resolve("server"))) {
            WizardRobot robot = open(fx, new WizardFixture(temp.resolve("machine")));
            throughProxy(robot, "Db01", true);
            robot.type("urlField", server.url());
            robot.type("apiKeyField", "API-NOTTHEKEYNOTTHEKEYNOTTHEKEY");

            robot.clickOn("verifyButton");

            WizardRobot.waitUntil(() -> robot.text("checkError").contains("[API_KEY_REJECTED]"), 30);
            assertThat(robot.text("checkError")).contains("refused the API key");
            assertThat(robot.nextEnabled()).isFalse();
        }
    }

    @Test
    void anUnreachableServerIsNamed(FxRobot fx) throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        WizardRobot robot = open(fx, new WizardFixture(temp));
        throughProxy(robot, "Db01", true);
        robot.type("urlField", "https://127.0.0.1:" + closed + "/");
        robot.type("apiKeyField", "API-ANYANYANYANYANYANYANY");

        robot.clickOn("verifyButton");

        WizardRobot.waitUntil(() -> robot.text("checkError").contains("[CONNECTION_REFUSED]"), 30);
        assertThat(robot.text("checkError")).contains("Nothing accepted the connection to 127.0.0.1:" + closed);
        assertThat(robot.nextEnabled()).isFalse();
    }

    @Test
    void aFailedInstallIsUndoneAndCanBeTriedAgain(FxRobot fx) throws Exception {
        var fixture = new WizardFixture(temp);
        fixture.systemctl.respond("start", 1, "", "Job for tentacle-Web01.service failed because the control process"
                + " exited with error code.\n");
        WizardRobot robot = open(fx, fixture);
        throughProxy(robot, "Web01", false);
        robot.type("portField", Integer.toString(SetupWizardViewModelTest.freePort()));
        robot.paste("thumbprintField", SetupWizardViewModelTest.SERVER_THUMBPRINT);
        robot.next();
        robot.waitForPage("review-page");
        robot.next();

        robot.waitForPage("install-page");
        WizardRobot.waitUntil(() -> robot.text("headline").startsWith("The setup failed at"), 30);
        assertThat(robot.text("headline")).isEqualTo("The setup failed at: Install and start the service.");
        assertThat(robot.text("problem")).contains("Job for tentacle-Web01.service failed");
        assertThat(robot.text("whatToDo")).contains("Everything the setup had done was undone");
        assertThat(robot.text("output")).contains("Undone: Delete the instance 'Web01' from the registry.");
        assertThat(fixture.registry().list()).isEmpty();
        assertThat(robot.wizardButton(ButtonData.BACK_PREVIOUS).isVisible()).isTrue();
        robot.screenshot(robot.window(SetupWizardView.TITLE), "wizard-install-rolled-back");

        fixture.systemctl.respond("start", 0, "", "");
        robot.clickOn("retryButton");

        WizardRobot.waitUntil(() -> robot.text("headline").equals("The Tentacle 'Web01' is set up."), 30);
        assertThat(fixture.registry().find("Web01")).isPresent();
    }

    @Test
    void cancelStopsTheInstallAndUndoesIt(FxRobot fx) throws Exception {
        var fixture = new WizardFixture(temp);
        fixture.systemctl.delay("daemon-reload", 3);
        WizardRobot robot = open(fx, fixture);
        throughProxy(robot, "Web01", false);
        robot.type("portField", Integer.toString(SetupWizardViewModelTest.freePort()));
        robot.paste("thumbprintField", SetupWizardViewModelTest.SERVER_THUMBPRINT);
        robot.next();
        robot.waitForPage("review-page");
        robot.next();
        robot.waitForPage("install-page");
        WizardRobot.waitUntil(() -> robot.text("output").contains("» Install and start the service"), 30);

        fx.clickOn(robot.wizardButton(ButtonData.CANCEL_CLOSE));

        WizardRobot.waitUntil(() -> robot.text("headline").equals("The setup was cancelled."), 30);
        assertThat(robot.text("whatToDo")).contains("cancelled and undone");
        assertThat(fixture.registry().list()).isEmpty();
        assertThat(fixture.unitFile("Web01")).doesNotExist();

        fx.clickOn(robot.wizardButton(ButtonData.CANCEL_CLOSE));
        WizardRobot.waitUntil(() -> result.get() != null, 10);
        assertThat(result.get()).isEmpty();
    }
}
