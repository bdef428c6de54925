package dev.tentacle.desktop.wizard;

import dev.tentacle.desktop.fx.Fxml;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One page of a setup wizard (the Tentacle's or the Octopus Server's): its FXML (named after the class, loaded with
 * the page itself as the controller), a header with its title, its place in the flow and an icon, and the ViewModel's
 * validity, which enables Next. Subclasses bind their controls in their constructor, after this one has loaded the
 * FXML, and override the hooks {@link #entering}, {@link #exiting} and {@link #firstFocus}.
 *
 * <p>Keyboard: Next (or Finish) is the default button, so Enter goes on, from a focused radio button or check box too;
 * the wizard's buttons get mnemonics (_Next, _Back, _Finish).
 */
public abstract class WizardPage extends WizardPane {
    /** The stylesheet every page and the script dialog use; sizes in em, colours from the theme. */
    public static final String STYLESHEET = "wizard.css";

    private final ObservableBooleanValue valid;
    private final Label stepLabel = new Label();
    private final ScrollPane scroll;

    /**
     * @param id the page's node id, which tests look it up by, e.g. "database-page"
     * @param title the page's title, shown in its header and read by screen readers
     * @param iconLiteral an Ikonli Material Design 2 icon, e.g. "mdi2d-database-outline"
     * @param valid whether the user may go on from this page
     */
    protected WizardPage(String id, String title, String iconLiteral, ObservableBooleanValue valid) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(iconLiteral, "iconLiteral");
        this.valid = Objects.requireNonNull(valid, "valid");
        Parent content = Fxml.load(this);
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        setContent(scroll);
        // An own header: ControlsFX's stylesheet would replace a graphic set on the pane with its own image.
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().addAll("title-3", "wizard-title");
        stepLabel.getStyleClass().add("text-muted");
        FontIcon icon = new FontIcon(iconLiteral);
        icon.getStyleClass().addAll("page-icon", "accent");
        // Twice the title's size, so that it scales with the text (an em size in CSS would compound on itself).
        titleLabel.fontProperty().addListener((observable, before, font) ->
                icon.setIconSize((int) Math.round(font.getSize() * 2)));
        icon.setIconSize((int) Math.round(titleLabel.getFont().getSize() * 2));
        BorderPane header = new BorderPane(new VBox(titleLabel, stepLabel));
        header.setRight(icon);
        BorderPane.setAlignment(icon, Pos.CENTER_RIGHT);
        header.setMinHeight(Region.USE_PREF_SIZE);
        header.getStyleClass().add("wizard-header");
        setHeader(header);
        setAccessibleText(title);
        setId(id);
        getStyleClass().add("setup-wizard-page");
        getStylesheets().add(stylesheet());
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

    /** The URL of {@link #STYLESHEET}, for dialogs the pages open. */
    public static String stylesheet() {
        return Objects.requireNonNull(WizardPage.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
    }

    /**
     * Scrolls the page, when it is taller than the window, so that the node is in view: a result that appeared below
     * the fold, or a control about to be used.
     */
    public void reveal(Node node) {
        Node content = scroll.getContent();
        if (node == null || node.getScene() == null || content.getScene() != node.getScene()) {
            return;
        }
        scroll.layout();
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double scrollable = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (scrollable <= 0) {
            return;
        }
        double top = scroll.getVvalue() * scrollable;
        double viewport = scroll.getViewportBounds().getHeight();
        double target = bounds.getMinY() < top ? bounds.getMinY()
                : bounds.getMaxY() > top + viewport ? bounds.getMaxY() - viewport : top;
        scroll.setVvalue(Math.max(0, Math.min(1, target / scrollable)));
    }

    /** Shows where this page is in the flow, such as "Step 3 of 7". */
    public void showStep(int number, int of) {
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
    protected void entering(Wizard wizard) {
    }

    /** What the page does when the user leaves it. */
    protected void exiting(Wizard wizard) {
    }

    /** The control that gets the keyboard focus when the page is shown; null for none. */
    protected abstract Node firstFocus();

    /** This page's button with the given role (Previous, Next, Finish, Cancel), once the wizard has added it. */
    protected Optional<Button> button(ButtonData data) {
        return getButtonTypes().stream().filter(type -> type.getButtonData() == data).findFirst()
                .map(this::lookupButton).filter(Button.class::isInstance).map(Button.class::cast);
    }

    /** Next, or Finish on the last page. */
    protected Optional<Button> nextButton() {
        return button(ButtonData.NEXT_FORWARD).or(() -> button(ButtonData.FINISH));
    }
}
