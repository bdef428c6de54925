package dev.tentacle.manager.instances;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.manager.testing.ManagerFixture;
import dev.tentacle.tentacle.instance.InstanceRemoval;
import dev.tentacle.tentacle.instance.TentacleInstance;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteInstanceViewModelTest {
    @TempDir
    Path temp;

    ManagerFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ManagerFixture(temp);
    }

    DeleteInstanceViewModel confirmation(String name) {
        return new DeleteInstanceViewModel(new InstanceRemoval(fixture.registry(), fixture.services()).plan(name));
    }

    @Test
    void namesTheEntryAndTheRunningServiceAndKeepsTheFilesUntilTicked() {
        TentacleInstance web = fixture.listening("Web01", 10933);
        fixture.installService(web);
        Path home = temp.resolve("homes/Web01");

        var confirmation = confirmation("Web01");

        assertThat(confirmation.title()).isEqualTo("Delete the Tentacle instance 'Web01'?");
        assertThat(confirmation.removed()).containsExactly(
                "Its entry in the instance registry: neither this app nor the tentacle command line will know it.",
                "Its OS service 'OctopusDeploy Tentacle: Web01', which is running: it is stopped first.");
        assertThat(confirmation.kept()).containsExactly("Its home directory " + home
                + " with the certificate, logs and work.");
        assertThat(confirmation.deleteFilesLabel()).isEqualTo("Also delete the home directory's files (" + home + ")");
        assertThat(confirmation.canDeleteFiles()).isTrue();
        assertThat(confirmation.equivalentCommands()).isEqualTo("tentacle service --instance Web01 --stop --uninstall"
                + System.lineSeparator() + "tentacle delete-instance --instance Web01");

        confirmation.deleteFilesProperty().set(true);

        assertThat(confirmation.removed()).last().isEqualTo("The files in " + home + ".");
        assertThat(confirmation.kept()).isEmpty();
        assertThat(confirmation.equivalentCommands()).endsWith("rm -rf " + home);
    }

    @Test
    void withoutAServiceOnlyTheEntryGoes() {
        fixture.listening("Web01", 10933);

        var confirmation = confirmation("Web01");

        assertThat(confirmation.removed()).hasSize(1);
        assertThat(confirmation.equivalentCommands()).isEqualTo("tentacle delete-instance --instance Web01");
    }

    @Test
    void filesSharedWithAnotherInstanceCannotBeTicked() {
        new dev.tentacle.tentacle.instance.InstanceSetup(fixture.registry()).create("Outer", temp.resolve("shared"), null);
        new dev.tentacle.tentacle.instance.InstanceSetup(fixture.registry()).create("Inner", temp.resolve("shared/in"),
                null);

        var confirmation = confirmation("Outer");

        assertThat(confirmation.canDeleteFiles()).isFalse();
        assertThat(confirmation.filesKeptBecause()).startsWith("The files cannot be deleted here:")
                .contains("the instance 'Inner'");
    }
}
