package dev.tentacle.manager.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tentacle.instances.config.TentacleConfiguration;
import dev.tentacle.tentacle.cli.CliContext;
import dev.tentacle.tentacle.cli.TentacleCli;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The real wizard, headless: a user sets up a listening Tentacle from the first page to the thumbprint screen, mostly
 * with the keyboard, in a temporary registry with a fake systemctl. Saves screenshots for the docs.
 */
class SetupWizardListeningUiTest extends WizardUiTest {
    @Test
    void aUserSetsUpAListeningTentacle(FxRobot fx) throws Exception {
        var fixture = new WizardFixture(temp);
        int port = SetupWizardViewModelTest.freePort();
        WizardRobot robot = open(fx, fixture);

        assertThat(robot.text("nameField")).isEqualTo("Tentacle");
        robot.type("nameField", "Web01");
        fx.type(KeyCode.ENTER); // Next is the default button

        robot.waitForPage("style-page");
        robot.screenshot(robot.window(SetupWizardView.TITLE), "wizard-communication-style");
        fx.type(KeyCode.ENTER);

        robot.waitForPage("storage-page");
        assertThat(robot.text("homeField")).isEqualTo(fixture.registry().defaultHomeDirectory("Web01").toString());
        robot.next();

        robot.waitForPage("proxy-page");
        robot.next();

        robot.waitForPage("listening-page");
        assertThat(robot.nextEnabled()).isFalse();
        robot.type("portField", Integer.toString(port));
        robot.paste("thumbprintField", SetupWizardViewModelTest.SERVER_THUMBPRINT);
        assertThat(robot.text("firewallExplanation")).contains("Neither ufw nor firewalld");
        robot.screenshot(robot.window(SetupWizardView.TITLE), "wizard-listening");
        robot.next();

        robot.waitForPage("review-page");
        assertThat(robot.wizardButton(javafx.scene.control.ButtonBar.ButtonData.NEXT_FORWARD).getText())
                .isEqualTo("_Install");
        robot.screenshot(robot.window(SetupWizardView.TITLE), "wizard-review");
        robot.clickOn("showScriptButton");
        String script = fx.lookup("#scriptText").queryAs(TextArea.class).getText();
        assertThat(script.lines()).containsExactly(
                "tentacle create-instance --instance Web01 --home " + fixture.registry().defaultHomeDirectory("Web01"),
                "tentacle new-certificate --instance Web01 --if-blank",
                "tentacle configure --instance Web01 --port " + port + " --trust "
                        + SetupWizardViewModelTest.SERVER_THUMBPRINT,
                "tentacle service --instance Web01 --install");
        robot.screenshot(robot.window("The equivalent tentacle commands"), "wizard-show-script");
        robot.clickButton("Close");
        robot.next();

        robot.waitForPage("install-page");
        WizardRobot.waitUntil(() -> robot.text("headline").equals("The Tentacle 'Web01' is set up."), 30);
        assertThat(robot.text("output")).contains("Installed the service 'OctopusDeploy Tentacle: Web01'");
        robot.screenshot(robot.window(SetupWizardView.TITLE), "wizard-install-progress");
        robot.clickButton("_Finish");

        WizardRobot.waitUntil(() -> fx.lookup("#sha1Field").tryQuery().isPresent(), 15);
        JsonNode shown = showThumbprint(fixture, "Web01");
        assertThat(robot.text("sha1Field")).isEqualTo(shown.get("sha1").asText());
        assertThat(robot.text("sha256Field")).isEqualTo(shown.get("sha256").asText());
        assertThat(fx.lookup("#pollingBox").query().isVisible()).isFalse();
        robot.screenshot(robot.window("Check the thumbprints: Web01"), "thumbprint-verification-listening");
        robot.clickButton("Close");

        WizardRobot.waitUntil(() -> result.get() != null, 10);
        assertThat(result.get()).contains("Web01");
        var record = fixture.registry().get("Web01");
        TentacleConfiguration configuration = new TentacleInstance(record.name(), record.configFile()).configuration();
        assertThat(configuration.listenPort()).isEqualTo(port);
        assertThat(Files.exists(fixture.unitFile("Web01"))).isTrue();
    }

    /** What {@code tentacle show-thumbprint --format json} prints for the instance. */
    static JsonNode showThumbprint(WizardFixture fixture, String instance) throws Exception {
        var out = new StringWriter();
        int exitCode = TentacleCli.execute(new String[] {"show-thumbprint", "--instance", instance, "--format", "json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()), CliContext.of(fixture.environment()));
        assertThat(exitCode).isZero();
        return new ObjectMapper().readTree(out.toString());
    }
}
