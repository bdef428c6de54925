package dev.tentacle.servermanager.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.registry.InstanceRecord;
import dev.tentacle.instances.service.ServiceStatus;
import dev.tentacle.server.admin.ServerDatabase;
import dev.tentacle.server.admin.ServerInstanceRemoval;
import dev.tentacle.server.config.ServerConfiguration;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delete confirmation names what goes and what stays, and says whether the database is kept. */
class DeleteServerViewModelTest {
    static final Path HOME = Path.of("/srv/octopus/Main");
    static final InstanceRecord RECORD = new InstanceRecord("Main", HOME.resolve("OctopusServer.config.json"));

    static ServerInstanceRemoval.Plan plan(ServerConfiguration configuration, ServiceStatus status, boolean supported,
            Optional<String> databaseKeptBecause) {
        return new ServerInstanceRemoval.Plan(RECORD, status, supported, supported ? "systemd units"
                : "systemd is not running on this machine", Optional.of(configuration), Optional.empty(),
                Optional.of(ServerDatabase.of(configuration.storage())), Optional.empty(), databaseKeptBecause);
    }

    @Test
    void anEmbeddedDatabaseIsKeptUnlessTheBoxIsTicked() {
        var confirmation = new DeleteServerViewModel(plan(ServerConfiguration.defaults(HOME), ServiceStatus.running(),
                true, Optional.empty()));

        assertThat(confirmation.title()).isEqualTo("Delete the Octopus Server instance 'Main'?");
        assertThat(confirmation.removed()).containsExactly(
                "Its OS service 'OctopusDeploy: Main', which is running: it is stopped first.",
                "Its entry in the instance registry: neither this app nor the octopus-server command line will know it.",
                "Its configuration file /srv/octopus/Main/OctopusServer.config.json.");
        assertThat(confirmation.kept()).containsExactly(
                "Its embedded H2 database /srv/octopus/Main/Database/octopus.mv.db.",
                "Its home directory /srv/octopus/Main, with the certificate the Tentacles trust and the logs.");
        assertThat(confirmation.databaseVerdict()).isEqualTo("The database is kept.");
        assertThat(confirmation.canDeleteDatabase()).isTrue();
        assertThat(confirmation.deleteDatabaseLabel())
                .isEqualTo("Also delete the embedded H2 database (/srv/octopus/Main/Database/octopus.mv.db)");

        confirmation.deleteDatabaseProperty().set(true);

        assertThat(confirmation.removed()).last().asString().startsWith(
                "Its embedded H2 database /srv/octopus/Main/Database/octopus.mv.db, with every machine");
        assertThat(confirmation.kept()).noneMatch(line -> line.contains("H2"));
        assertThat(confirmation.databaseVerdict()).isEqualTo("The database is deleted with the instance.");
        assertThat(confirmation.equivalentCommands()).isEqualTo(String.join(System.lineSeparator(),
                "octopus-server service --instance Main --stop --uninstall",
                "octopus-server delete-instance --instance Main",
                "rm -f /srv/octopus/Main/OctopusServer.config.json /srv/octopus/Main/OctopusServer.config.json.bak"
                        + " /srv/octopus/Main/OctopusServer.config.json.lock"
                        + " /srv/octopus/Main/Database/octopus.mv.db /srv/octopus/Main/Database/octopus.trace.db"
                        + " /srv/octopus/Main/Database/octopus.lock.db /srv/octopus/Main/Database/octopus.h2.db"));
    }

    @Test
    void aPostgresqlDatabaseIsNeverDroppedAndSaysSo() {
        ServerConfiguration configuration = ServerConfiguration.defaults(HOME)
                .withStorageConnectionString("jdbc:postgresql://db.example:5432/octopus?user=octo&password=secret");
        var confirmation = new DeleteServerViewModel(plan(configuration, ServiceStatus.notInstalled(), true,
                Optional.of("it is a PostgreSQL database, which is never dropped here")));

        assertThat(confirmation.canDeleteDatabase()).isFalse();
        assertThat(confirmation.databaseVerdict()).isEqualTo("The PostgreSQL database is kept: it is never dropped.");
        assertThat(confirmation.kept()).first().asString().isEqualTo("Its PostgreSQL database 'octopus' on"
                + " db.example:5432 as user 'octo': a PostgreSQL database is never dropped here. Drop it yourself when"
                + " nothing needs it any more.");
        assertThat(String.join(" ", confirmation.kept())).doesNotContain("secret");
        assertThat(confirmation.removed()).noneMatch(line -> line.contains("OS service"));
        assertThat(confirmation.databaseKeptBecause()).isEqualTo("The database cannot be deleted here: it is a"
                + " PostgreSQL database, which is never dropped here.");
        assertThat(confirmation.equivalentCommands()).doesNotContain("--uninstall", "secret");
    }

    @Test
    void withoutAServiceManagerTheServiceIsNamedAsKept() {
        var confirmation = new DeleteServerViewModel(plan(ServerConfiguration.defaults(HOME),
                ServiceStatus.unknown("systemd is not running"), false, Optional.empty()));

        assertThat(confirmation.kept()).first().asString()
                .isEqualTo("Its OS service, if any: systemd is not running on this machine");
        assertThat(confirmation.removed()).noneMatch(line -> line.contains("OS service"));
    }

    @Test
    void anH2DatabaseOutsideTheHomeIsKeptWithTheReason() {
        ServerConfiguration configuration = ServerConfiguration.defaults(HOME)
                .withStorageConnectionString("h2:/var/lib/octopus");
        var confirmation = new DeleteServerViewModel(plan(configuration, ServiceStatus.notInstalled(), true,
                Optional.of("it lies outside the home directory /srv/octopus/Main")));

        assertThat(confirmation.kept()).first().asString().isEqualTo("Its embedded H2 database"
                + " /var/lib/octopus/octopus.mv.db: it lies outside the home directory /srv/octopus/Main.");
        assertThat(confirmation.databaseVerdict()).isEqualTo("The database is kept.");
    }
}
