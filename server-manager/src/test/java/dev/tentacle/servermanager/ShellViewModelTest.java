package dev.tentacle.servermanager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.server.admin.ServerInstance;
import dev.tentacle.server.admin.ServerInstanceSetup;
import dev.tentacle.servermanager.testing.ServerManagerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance list and the choice between the welcome screen and the main window, without JavaFX running. */
class ShellViewModelTest {
    @TempDir
    Path temp;

    ServerManagerFixture fixture;
    ShellViewModel shell;

    @BeforeEach
    void setUp() {
        fixture = new ServerManagerFixture(temp);
        shell = new ShellViewModel(fixture.directContext(), new Appearance());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void theWelcomeScreenShowsOnceTheRegistryIsKnownToBeEmpty() {
        assertThat(shell.showWelcomeProperty().get()).isFalse();

        shell.refreshInstances();

        assertThat(shell.showWelcomeProperty().get()).isTrue();
        assertThat(shell.showMainProperty().get()).isFalse();
        assertThat(shell.selectedProperty().get()).isNull();
        assertThat(shell.registryDescription()).contains(fixture.registryDirectory().toString());
    }

    @Test
    void listsTheInstancesAndSelectsTheFirst() {
        ServerInstance beta = fixture.createServer("Beta");
        ServerInstance alpha = fixture.createServer("Alpha");

        shell.refreshInstances();

        assertThat(shell.instances()).extracting(ServerInstance::name).containsExactly("Alpha", "Beta");
        assertThat(shell.selectedProperty().get()).isEqualTo(alpha);
        assertThat(shell.showMainProperty().get()).isTrue();
        assertThat(shell.showWelcomeProperty().get()).isFalse();
        shell.selectedProperty().set(beta);
        shell.refreshInstances();
        assertThat(shell.selectedProperty().get()).isEqualTo(beta);
    }

    @Test
    void instancesTheCommandLineAddsAndRemovesAppearAndGoOnTheNextPoll() {
        shell.refreshInstances();

        ServerInstance main = new ServerInstanceSetup(fixture.registry()).create("Main", temp.resolve("homes/Main"),
                null).instance();
        shell.pollInstances();

        assertThat(shell.instances()).containsExactly(main);
        assertThat(shell.selectedProperty().get()).isEqualTo(main);

        fixture.registry().delete("Main");
        shell.pollInstances();

        assertThat(shell.instances()).isEmpty();
        assertThat(shell.selectedProperty().get()).isNull();
        assertThat(shell.showWelcomeProperty().get()).isTrue();
    }

    @Test
    void anInstanceTheWizardCreatedIsSelected() {
        fixture.createServer("Alpha");
        shell.refreshInstances();
        fixture.createServer("Zulu");

        shell.refreshInstancesAndSelect("zulu");

        assertThat(shell.selectedProperty().get().name()).isEqualTo("Zulu");
    }

    @Test
    void anUnreadableRegistryIsReportedWithWhatToDo() throws Exception {
        Files.createDirectories(fixture.registry().indexFile().getParent());
        Files.writeString(fixture.registry().indexFile(), "{ broken");

        shell.refreshInstances();

        assertThat(shell.lastFailure().title()).isEqualTo("Could not read the instance registry");
        assertThat(shell.lastFailure().message()).contains(fixture.registry().indexFile().toString());
        assertThat(shell.lastFailure().isUnexpected()).isFalse();
        assertThat(shell.loadedProperty().get()).isTrue();
    }

    @Test
    void aboutSaysWhereInstancesAreAndTheKeys() {
        assertThat(shell.about()).startsWith("Octopus Server Manager ")
                .contains(fixture.registryDirectory().toString(), "Ctrl+N", "F5");
    }
}
