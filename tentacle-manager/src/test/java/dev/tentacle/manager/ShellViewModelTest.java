package dev.tentacle.manager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.fx.Appearance;
import dev.tentacle.manager.instances.MainWindowViewModel;
import dev.tentacle.manager.testing.ManagerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
    @TempDir
    Path temp;

    @Test
    void showsNeitherScreenUntilTheRegistryWasReadThenTheWelcomeScreenWhenItIsEmpty() {
        var fixture = new ManagerFixture(temp);
        var main = new MainWindowViewModel(fixture.directContext(), directory -> { });
        var shell = new ShellViewModel(main, new Appearance());

        assertThat(shell.showWelcomeProperty().get()).isFalse();
        assertThat(shell.showMainProperty().get()).isFalse();

        main.refreshInstances();
        assertThat(shell.showWelcomeProperty().get()).isTrue();
        assertThat(shell.showMainProperty().get()).isFalse();

        fixture.listening("Web01", 10933);
        main.refreshInstances();
        assertThat(shell.showWelcomeProperty().get()).isFalse();
        assertThat(shell.showMainProperty().get()).isTrue();
    }
}
