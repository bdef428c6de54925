package dev.tentacle.desktop.wizard;

import dev.tentacle.desktop.wizard.WizardInstallViewModel.State;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;

/**
 * The view of a {@link WizardInstallViewModel}, the last page of a setup wizard. Entering the page starts the
 * installation. While it runs, Cancel asks it to stop (and undo) instead of closing the wizard, and Back is hidden;
 * after a success only Finish remains. The app's FXML beside its subclass holds the controls named here ({@code
 * headline}, {@code progressBar}, {@code stepList}, {@code problem}, {@code whatToDo}, {@code retryButton},
 * {@code copyOutputButton}, {@code outputLabel}, {@code output}) and whatever the subclass shows after a success.
 */
public abstract class WizardInstallPage extends WizardPage {
    private static final String ROLE = "wizard.role";

    private final WizardInstallViewModel<?, ?> model;
    private final Runnable startInstall;
    @FXML
    private Label headline;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private VBox stepList;
    @FXML
    private Label problem;
    @FXML
    private Label whatToDo;
    @FXML
    private Button retryButton;
    @FXML
    private Button copyOutputButton;
    @FXML
    private Label outputLabel;
    @FXML
    private TextArea output;

    /**
     * @param model the page's ViewModel
     * @param startInstall installs what the wizard's pages describe, on entering the page and on Try again
     */
    protected WizardInstallPage(String id, String title, ObservableBooleanValue valid,
            WizardInstallViewModel<?, ?> model, Runnable startInstall) {
        super(id, title, "mdi2p-package-down", valid);
        this.model = Objects.requireNonNull(model, "model");
        this.startInstall = Objects.requireNonNull(startInstall, "startInstall");
        headline.textProperty().bind(model.headlineProperty());
        Fields.showWhen(progressBar, model.runningProperty());
        progressBar.setProgress(ProgressIndicator.INDETERMINATE_PROGRESS);
        InstallStepList.show(stepList, model.steps());
        Fields.showError(problem, model.problemProperty());
        whatToDo.textProperty().bind(model.whatToDoProperty());
        Fields.showWhen(whatToDo, Bindings.isNotEmpty(model.whatToDoProperty()));
        Fields.showWhen(retryButton, Bindings.equal(State.ROLLED_BACK, model.stateProperty()));
        retryButton.setOnAction(event -> startInstall.run());
        copyOutputButton.setOnAction(event -> Fields.copyToClipboard(output.getText()));
        outputLabel.setLabelFor(output);
        outputLabel.setMnemonicParsing(true);
        model.output().addListener((ListChangeListener<String>) change -> {
            output.setText(String.join(System.lineSeparator(), model.output()));
            output.positionCaret(output.getLength());
        });
        // Filters on the page run before the wizard's own filters on its buttons, so they can keep it open.
        addEventFilter(ActionEvent.ACTION, event -> {
            if (!(event.getTarget() instanceof Button button)) {
                return;
            }
            ButtonData role = button.getProperties().get(ROLE) instanceof ButtonData data ? data : null;
            if (role == ButtonData.CANCEL_CLOSE && model.runningProperty().get()) {
                event.consume();
                model.cancel();
            } else if (role == ButtonData.BACK_PREVIOUS && (model.runningProperty().get()
                    || model.state() == State.SUCCEEDED)) {
                event.consume();
            }
        });
    }

    @Override
    protected void entering(Wizard controlsWizard) {
        for (ButtonData role : new ButtonData[] {ButtonData.CANCEL_CLOSE, ButtonData.BACK_PREVIOUS, ButtonData.FINISH}) {
            button(role).ifPresent(button -> button.getProperties().put(ROLE, role));
        }
        button(ButtonData.BACK_PREVIOUS).ifPresent(previous -> Fields.showWhen(previous,
                Bindings.equal(State.ROLLED_BACK, model.stateProperty())));
        button(ButtonData.CANCEL_CLOSE).ifPresent(cancel -> {
            Fields.showWhen(cancel, Bindings.notEqual(State.SUCCEEDED, model.stateProperty()));
            cancel.textProperty().bind(Bindings.when(model.runningProperty()).then("Cancel").otherwise("Close"));
            cancel.disableProperty().bind(model.cancelRequestedProperty().and(model.runningProperty()));
        });
        if (model.state() != State.RUNNING && model.state() != State.SUCCEEDED) {
            startInstall.run();
        }
        Platform.runLater(output::requestFocus);
    }

    @Override
    protected Node firstFocus() {
        return null;
    }
}
