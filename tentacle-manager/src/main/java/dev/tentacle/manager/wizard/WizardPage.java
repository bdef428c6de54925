package dev.tentacle.manager.wizard;

import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ScrollPane;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One page of the setup wizard: its FXML (named after the class), with the page itself as the controller, and the
 * ViewModel that says whether the user may go on. Subclasses bind their controls in their constructor, after this
 * one has loaded the FXML.
 */
abstract class WizardPage extends WizardPane {
    static final String STYLESHEET = "wizard.css";

    private final Page page;
    private final ObservableBooleanValue valid;
    private final Label stepLabel = new Label();

    WizardPage(Page page, ObservableBooleanValue valid, String iconLiteral) {
        this.page = Objects.requireNonNull(page, "page");
        this.valid = Objects.requireNonNull(valid, "valid");
        FXMLLoader loader = new FXMLLoader(getClass().getResource(getClass().getSimpleName() + ".fxml"));
        loader.setController(this);
        Parent content;
        try {
            content = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the wizard page " + getClass().getSimpleName(), e);
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        setContent(scroll);
        // An own header: ControlsFX's stylesheet would replace a graphic set on the pane with its own image.
        Label title = new Label(page.title());
        title.getStyleClass().addAll("title-3", "wizard-title");
        stepLabel.getStyleClass().add("text-muted");
        FontIcon icon = new FontIcon(iconLiteral);
        icon.getStyleClass().addAll("page-icon", "accent");
        // Twice the title's size, so that it scales with the text (an em size in CSS would compound on itself).
        title.fontProperty().addListener((observable, before, font) ->
                icon.setIconSize((int) Math.round(font.getSize() * 2)));
        icon.setIconSize((int) Math.round(title.getFont().getSize() * 2));
        BorderPane header = new BorderPane(new VBox(title, stepLabel));
        header.setRight(icon);
        BorderPane.setAlignment(icon, Pos.CENTER_RIGHT);
        header.setMinHeight(Region.USE_PREF_SIZE);
        header.getStyleClass().add("wizard-header");
        setHeader(header);
        setAccessibleText(page.title());
        setId(page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-page");
        getStyleClass().add("setup-wizard-page");
        getStylesheets().add(Objects.requireNonNull(WizardPage.class.getResource(STYLESHEET)).toExternalForm());
        // Enter goes on from a focused choice too (a radio button or check box would otherwise keep it).
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.getTarget() instanceof ButtonBase choice
                    && (choice instanceof RadioButton || choice instanceof CheckBox)) {
                nextButton().filter(next -> !next.isDisabled()).ifPresent(next -> {
                    event.consume();
                    next.fire();
                });
            }
        });
    }

    Page page() {
        return page;
    }

    /** Shows where this page is in the flow, such as "Step 3 of 7". */
    void showStep(int number, int of) {
        stepLabel.setText("Step " + number + " of " + of);
    }

    @Override
    public void onEnteringPage(Wizard wizard) {
        wizard.invalidProperty().bind(Bindings.not(valid));
        nextButton().ifPresent(next -> next.setDefaultButton(true));
        button(ButtonData.NEXT_FORWARD).ifPresent(next -> next.setText("_Next"));
        button(ButtonData.BACK_PREVIOUS).ifPresent(previous -> previous.setText("_Back"));
        button(ButtonData.FINISH).ifPresent(finish -> finish.setText("_Finish"));
        entering(wizard);
        Node first = firstFocus();
        if (first != null) {
            Platform.runLater(first::requestFocus);
        }
    }

    @Override
    public void onExitingPage(Wizard wizard) {
        wizard.invalidProperty().unbind();
        exiting(wizard);
    }

    /** What the page does when it is shown: refresh from the ViewModel, start work. */
    void entering(Wizard wizard) {
    }

    void exiting(Wizard wizard) {
    }

    /** The control that gets the keyboard focus when the page is shown. */
    abstract Node firstFocus();

    /** This page's button with the given role (Previous, Next, Finish, Cancel), once the wizard has added it. */
    Optional<Button> button(ButtonData data) {
        return getButtonTypes().stream().filter(type -> type.getButtonData() == data).findFirst()
                .map(this::lookupButton).filter(Button.class::isInstance).map(Button.class::cast);
    }

    Optional<Button> nextButton() {
        return button(ButtonData.NEXT_FORWARD).or(() -> button(ButtonData.FINISH));
    }
}
