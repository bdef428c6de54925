package dev.tentacle.manager.wizard;

import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
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
        setHeaderText(page.title());
        FontIcon icon = new FontIcon(iconLiteral);
        icon.getStyleClass().add("page-icon");
        setGraphic(icon);
        setId(page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-page");
        getStyleClass().add("setup-wizard-page");
        getStylesheets().add(Objects.requireNonNull(WizardPage.class.getResource(STYLESHEET)).toExternalForm());
    }

    Page page() {
        return page;
    }

    @Override
    public void onEnteringPage(Wizard wizard) {
        wizard.invalidProperty().bind(Bindings.not(valid));
        entering(wizard);
        nextButton().ifPresent(next -> next.setDefaultButton(true));
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
    java.util.Optional<Button> button(ButtonData data) {
        return getButtonTypes().stream().filter(type -> type.getButtonData() == data).findFirst()
                .map(this::lookupButton).filter(Button.class::isInstance).map(Button.class::cast);
    }

    java.util.Optional<Button> nextButton() {
        return button(ButtonData.NEXT_FORWARD).or(() -> button(ButtonData.FINISH));
    }

    /** For tests: the button types the wizard gave this page. */
    java.util.List<ButtonType> buttonTypes() {
        return java.util.List.copyOf(getButtonTypes());
    }
}
