package dev.tentacle.servermanager.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.config.ServerConfiguration;
import dev.tentacle.server.storage.DatabaseKind;
import dev.tentacle.server.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The real wizard against a real PostgreSQL that asks for passwords: Test connection names an unknown host and a
 * wrong password, and the user may go on only after a test that worked; the server then keeps its data there. Saves
 * the database page's screenshot for the docs.
 */
class SetupWizardPostgresUiTest extends SetupWizardUiTest {
    @TempDir
    static Path shared;
    static SetupPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = SetupPostgres.start(shared.resolve("pg"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void aUserSetsUpAServerOnPostgresAfterTestConnectionNamedEachMistake(FxRobot fx) throws Exception {
        String name = postgres.newUserAndDatabase("s3cret");
        SetupRobot robot = open(fx);
        robot.type("nameField", "Pg");
        robot.next();

        robot.waitForPage("database-page");
        robot.clickOn("postgresChoice");
        assertThat(robot.nextEnabled()).isFalse();
        robot.paste("hostField", "no-such-database-host.invalid");
        robot.paste("portField", Integer.toString(postgres.port()));
        robot.paste("databaseField", name);
        robot.paste("userField", name);
        robot.type("passwordField", "wrong");
        robot.clickOn("testButton");
        robot.waitForText("testResult", "does not resolve", 20);
        assertThat(robot.text("testResult")).contains("no-such-database-host.invalid", "Check its spelling");
        assertThat(robot.nextEnabled()).isFalse();

        robot.paste("hostField", "localhost");
        robot.clickOn("testButton");
        robot.waitForText("testResult", "rejected the login", 20);
        assertThat(robot.text("testResult")).contains("user '" + name + "'", "Check the user name and the password")
                .doesNotContain("wrong");
        assertThat(robot.nextEnabled()).isFalse();

        robot.type("passwordField", "s3cret");
        assertThat(robot.visible("testResult")).as("a test of other settings no longer counts").isFalse();
        robot.clickOn("testButton");
        robot.waitForText("testResult", "Connected to", 20);
        assertThat(robot.nextEnabled()).isTrue();
        robot.screenshot("server-manager-setup-database.png");
        robot.next();

        freePorts(robot);
        robot.clickOn("allAddressesBox");
        robot.next();
        robot.nextFrom("api-key-page");
        robot.waitForPage("service-page");
        robot.clickOn("installServiceBox");
        robot.next();
        robot.waitForPage("review-page");
        robot.next();

        robot.waitForPage("install-page");
        robot.waitForText("headline", "The Octopus Server 'Pg' is set up.", 60);
        String key = robot.text("apiKeyField");
        assertThat(robot.text("output")).contains("The PostgreSQL database is ready").doesNotContain("s3cret");
        robot.clickButton("_Finish");

        SetupRobot.waitUntil(() -> created.get() != null, 10);
        ServerInstance instance = new ServerInstance("Pg", fixture.registry().get("Pg").configFile());
        ServerConfiguration configuration = instance.configuration();
        assertThat(configuration.storage().kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(configuration.storageConnectionString()).isEqualTo("jdbc:postgresql://localhost:"
                + postgres.port() + "/" + name + "?user=" + name + "&password=s3cret");
        assertThat(configuration.webListen().bindAddress()).isNull();
        try (Storage storage = instance.openStorage()) {
            assertThat(storage.apiKeys().verify(key)).hasValueSatisfying(k ->
                    assertThat(k.name()).isEqualTo("Administrator"));
        }
        assertThat(fixture.systemctl().changes()).noneMatch(call -> call.contains(fixture.unitName("Pg")));
    }
}
