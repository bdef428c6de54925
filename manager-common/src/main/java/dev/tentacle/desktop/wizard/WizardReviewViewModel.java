package dev.tentacle.desktop.wizard;

import dev.tentacle.instances.setup.CommandScript;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A setup wizard's review page without its screen: what will be set up, one {@link Row} a line, and the equivalent
 * commands ("Show script"), with their secrets masked unless the user asks to see them.
 *
 * @param <P> the setup's plan
 * @param <S> its script
 */
public abstract class WizardReviewViewModel<P, S extends CommandScript> {
    /** One line of the summary. */
    public record Row(String label, String value) {
    }

    private final Supplier<P> plan;
    private final boolean maskAgainOnRefresh;
    private final ObservableList<Row> summary = FXCollections.observableArrayList();
    private final BooleanProperty showSecrets = new SimpleBooleanProperty(this, "showSecrets", false);
    private final ReadOnlyStringWrapper script = new ReadOnlyStringWrapper(this, "script", "");
    private S current;

    /**
     * @param plan what the other pages describe
     * @param maskAgainOnRefresh whether {@link #refresh()} masks the secrets again
     */
    protected WizardReviewViewModel(Supplier<P> plan, boolean maskAgainOnRefresh) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.maskAgainOnRefresh = maskAgainOnRefresh;
        showSecrets.addListener((observable, before, after) -> renderScript());
    }

    /** The script of this plan. */
    protected abstract S script(P plan);

    /** The summary of this plan. */
    protected abstract List<Row> rows(P plan);

    /** Reads the other pages again; the wizard calls it when the review page is shown. */
    public void refresh() {
        P p = plan.get();
        current = script(p);
        if (maskAgainOnRefresh) {
            showSecrets.set(false);
        }
        summary.setAll(rows(p));
        renderScript();
    }

    private void renderScript() {
        script.set(current == null ? "" : current.render(showSecrets.get()));
    }

    /** The script of the last {@link #refresh()}; null before it. */
    protected S currentScript() {
        return current;
    }

    public ObservableList<Row> summary() {
        return summary;
    }

    /** Show the secrets in the script, so that it runs as it is. */
    public BooleanProperty showSecretsProperty() {
        return showSecrets;
    }

    public boolean scriptHasSecrets() {
        return current != null && current.hasSecrets();
    }

    /** The equivalent commands, one a line. */
    public ReadOnlyStringProperty scriptProperty() {
        return script.getReadOnlyProperty();
    }
}
