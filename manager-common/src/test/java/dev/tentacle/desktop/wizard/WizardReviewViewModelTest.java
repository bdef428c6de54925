package dev.tentacle.desktop.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.instances.registry.OperatingSystem;
import dev.tentacle.instances.service.Command;
import dev.tentacle.instances.service.CommandLineSyntax;
import dev.tentacle.instances.setup.CommandScript;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WizardReviewViewModelTest {
    static final class Script extends CommandScript {
        Script(String name, String secret) {
            super(List.of(Command.builder(CommandLineSyntax.POSIX, "tentacle").add("create-instance", "--instance",
                    name).add("--apiKey").addSecret(secret).build()));
        }
    }

    static final class Model extends WizardReviewViewModel<String, Script> {
        Model(AtomicReference<String> plan, boolean maskAgainOnRefresh) {
            super(plan::get, maskAgainOnRefresh);
        }

        @Override
        protected Script script(String plan) {
            return new Script(plan, "SECRET");
        }

        @Override
        protected List<Row> rows(String plan) {
            return List.of(new Row("Instance", plan));
        }
    }

    @Test
    void refreshReadsThePlanAgain() {
        AtomicReference<String> plan = new AtomicReference<>("Web01");
        Model model = new Model(plan, false);
        assertThat(model.scriptProperty().get()).isEmpty();
        assertThat(model.scriptHasSecrets()).isFalse();

        model.refresh();
        plan.set("Web02");
        model.refresh();

        assertThat(model.summary()).containsExactly(new WizardReviewViewModel.Row("Instance", "Web02"));
        assertThat(model.scriptProperty().get()).contains("Web02").contains("********").doesNotContain("SECRET");
        assertThat(model.scriptHasSecrets()).isTrue();
        assertThat(model.currentScript().commands()).hasSize(1);
    }

    @Test
    void secretsShowOnlyWhenAskedFor() {
        Model keeps = new Model(new AtomicReference<>("Web01"), false);
        Model masksAgain = new Model(new AtomicReference<>("Web01"), true);
        for (Model model : List.of(keeps, masksAgain)) {
            model.refresh();
            model.showSecretsProperty().set(true);
            assertThat(model.scriptProperty().get()).contains("SECRET");
            model.refresh();
        }

        assertThat(keeps.scriptProperty().get()).contains("SECRET");
        assertThat(masksAgain.showSecretsProperty().get()).isFalse();
        assertThat(masksAgain.scriptProperty().get()).doesNotContain("SECRET");
        assertThat(OperatingSystem.LINUX.isWindows()).isFalse();
    }
}
