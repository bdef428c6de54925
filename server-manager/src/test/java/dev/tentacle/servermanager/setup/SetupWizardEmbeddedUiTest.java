package dev.tentacle.servermanager.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.service.ServiceName;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The real wizard, headless: a user sets up a server with the embedded database, mostly with the keyboard, sees the
 * equivalent script, installs, and copies the API key shown once. Saves the review page's screenshot for the docs.
 */
class SetupWizardEmbeddedUiTest extends SetupWizardUiTest {
    @Test
    void aUserSetsUpAServerWithTheEmbeddedDatabase(FxRobot fx) throws Exception {
        SetupRobot robot = open(fx);
        assertThat(robot.text("nameField")).isEqualTo("OctopusServer");
        robot.type("nameField", "Main");
        assertThat(robot.text("homeField")).isEqualTo(fixture.registry().defaultHomeDirectory("Main").toString());
        fx.type(KeyCode.ENTER); // Next is the default button

        robot.waitForPage("database-page");
        assertThat(robot.text("embeddedExplanation")).contains(fixture.registry().defaultHomeDirectory("Main")
                .resolve("Database").toString());
        robot.next();

        freePorts(robot);
        int webPort = Integer.parseInt(robot.text("webPortField"));
        String commsPort = robot.text("commsPortField");
        robot.next();
        robot.nextFrom("api-key-page");
        robot.waitForPage("service-page");
        assertThat(robot.node("installServiceBox", javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        robot.next();

        robot.waitForPage("review-page");
        assertThat(robot.wizardButton(ButtonData.NEXT_FORWARD).getText()).isEqualTo("_Install");
        robot.screenshot("server-manager-setup-review.png");
        robot.clickOn("showScriptButton");
        String script = fx.lookup("#scriptText").queryAs(TextArea.class).getText();
        Path home = fixture.registry().defaultHomeDirectory("Main");
        assertThat(script.lines()).containsExactly(
                "octopus-server create-instance --instance Main --home " + home,
                "octopus-server new-certificate --instance Main",
                "octopus-server configure --instance Main --webListenPrefixes https://localhost:" + webPort + "/"
                        + " --commsListenPort " + commsPort,
                "octopus-server create-api-key --instance Main --name Administrator",
                "octopus-server service --instance Main --install --start");
        assertThat(fx.lookup("#showSecretsBox").query().isVisible()).isFalse();
        robot.clickButton("Close");
        robot.next();

        robot.waitForPage("install-page");
        SetupRobot.waitUntil(() -> robot.text("headline").equals("The Octopus Server 'Main' is set up."), 60);
        String key = robot.text("apiKeyField");
        assertThat(key).startsWith("API-");
        assertThat(robot.text("output")).contains("Installed the service").doesNotContain(key);
        robot.clickOn("copyApiKeyButton");
        fx.interact(() -> assertThat(javafx.scene.input.Clipboard.getSystemClipboard().getString()).isEqualTo(key));
        robot.clickButton("_Finish");

        SetupRobot.waitUntil(() -> created.get() != null, 10);
        assertThat(created.get()).isEqualTo("Main");
        ServerInstance instance = new ServerInstance("Main", fixture.registry().get("Main").configFile());
        ServerConfiguration configuration = instance.configuration();
        assertThat(configuration.storage().kind()).isEqualTo(DatabaseKind.H2);
        assertThat(configuration.webListen().port()).isEqualTo(webPort);
        try (Storage storage = instance.openStorage()) {
            assertThat(storage.apiKeys().verify(key)).isPresent();
        }
        assertThat(Files.exists(fixture.services().unitFile(ServiceName.octopusServer("Main")))).isTrue();
        assertThat(fixture.systemctl().changes()).contains("start " + fixture.unitName("Main"));
    }
}
