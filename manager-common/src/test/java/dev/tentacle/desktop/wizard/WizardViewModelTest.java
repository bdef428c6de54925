package dev.tentacle.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.setup.SetupOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class WizardViewModelTest {
    static final class Wizard extends WizardViewModel<String> {
        final WizardInstallViewModelTest.Model install = new WizardInstallViewModelTest.Model((plan, progress) ->
                plan.isEmpty() ? new SetupOutcome.RolledBack<>("Create", "No name.", false, List.of(),
                        WizardInstallViewModelTest.UNDONE) : new SetupOutcome.Installed<>(plan));
        String plan = "Web01";

        @Override
        public String plan() {
            return plan;
        }

        @Override
        public WizardInstallViewModelTest.Model install() {
            return install;
        }
    }

    @Test
    void theInstallPageInstallsWhatThePagesDescribe() {
        Wizard wizard = new Wizard();
        assertThat(wizard.reviewValid().get()).isTrue();
        assertThat(wizard.installValid().get()).isFalse();

        wizard.plan = "";
        wizard.startInstall();
        assertThat(wizard.installedInstance()).isEmpty();
        assertThat(wizard.installValid().get()).isFalse();

        wizard.plan = "Web01";
        wizard.startInstall();
        assertThat(wizard.installedInstance()).contains("Web01");
        assertThat(wizard.installValid().get()).isTrue();
    }
}
