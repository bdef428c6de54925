package dev.tentacle.servermanager.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Bad input and a failing install, in the real wizard: each is named on its page, and a failure leaves nothing. */
class SetupWizardErrorsUiTest extends SetupWizardUiTest {
    @Test
    void anUnusableHomeAndAPortInUseAreNamedAndAFailedInstallRollsBack(FxRobot fx) throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        fixture.systemctl().respond("enable", 1, "", "Failed to enable unit: Access denied");
        SetupRobot robot = open(fx);
        robot.type("nameField", "Broken");

        robot.paste("homeField", file.resolve("home").toString());
        assertThat(robot.visible("homeError")).isTrue();
        assertThat(robot.text("homeError")).contains("cannot be created", file + " is a file");
        assertThat(robot.nextEnabled()).isFalse();
        Path home = temp.resolve("homes/broken");
        robot.paste("homeField", home.toString());
        assertThat(robot.visible("homeError")).isFalse();
        robot.next();
        robot.nextFrom("database-page");

        freePorts(robot);
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            robot.type("commsPortField", Integer.toString(held.getLocalPort()));
            assertThat(robot.text("commsPortError")).contains("Port " + held.getLocalPort() + " is in use on this"
                    + " machine by this app itself (process " + ProcessHandle.current().pid());
            assertThat(robot.nextEnabled()).isFalse();
        }
        robot.type("commsPortField", Integer.toString(fixture.freePort()));
        robot.next();
        robot.nextFrom("api-key-page");
        robot.nextFrom("service-page");
        robot.nextFrom("review-page");

        robot.waitForPage("install-page");
        SetupRobot.waitUntil(() -> robot.text("headline").startsWith("The setup failed at"), 60);
        assertThat(robot.text("headline")).isEqualTo("The setup failed at: Install and start the service.");
        assertThat(robot.text("problem")).contains("Access denied");
        assertThat(robot.text("whatToDo")).contains("was undone", "Fix the problem above and try again");
        assertThat(robot.text("output")).contains("Undone: Delete the instance 'Broken' from the registry");
        assertThat(robot.visible("retryButton")).isTrue();
        assertThat(robot.visible("resultBox")).isFalse();
        assertThat(fixture.registry().find("Broken")).isEmpty();
        assertThat(home).doesNotExist();
    }
}
