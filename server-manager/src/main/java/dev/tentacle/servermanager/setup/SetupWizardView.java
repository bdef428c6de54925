package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * The setup wizard's frame: a ControlsFX {@link Wizard} whose flow asks the {@link SetupWizardViewModel} for the page
 * after each one; one {@link WizardPage} per page.
 */
final class SetupWizardView {
    static final String TITLE = "Set up an Octopus Server";

    private final SetupWizardViewModel model;
    private final Map<Page, WizardPage> pages = new EnumMap<>(Page.class);
    private final Wizard wizard;

    SetupWizardView(Window owner, SetupWizardViewModel model) {
        this.model = model;
        pages.put(Page.INSTANCE, new InstancePage(model.instance()));
        pages.put(Page.DATABASE, new DatabasePage(model.database()));
        pages.put(Page.PORTS, new PortsPage(model.ports()));
        pages.put(Page.API_KEY, new AdministratorPage(model.administrator()));
        pages.put(Page.SERVICE, new ServicePage(model.service()));
        pages.put(Page.REVIEW, new ReviewPage(model));
        pages.put(Page.INSTALL, new InstallPage(model));
        inheritFontSize(owner);

        wizard = new Wizard(owner, TITLE);
        wizard.setReadSettings(false);
        wizard.setFlow(new Wizard.Flow() {
            @Override
            public Optional<WizardPane> advance(WizardPane currentPage) {
                Optional<Page> next = currentPage == null ? Optional.of(Page.INSTANCE) : model.next(page(currentPage));
                next.ifPresent(p -> pages.get(p).showStep(p.ordinal() + 1, model.pages().size()));
                return next.map(pages::get);
            }

            @Override
            public boolean canAdvance(WizardPane currentPage) {
                return currentPage == null || model.next(page(currentPage)).isPresent();
            }
        });
        wizard.getDialog().setResizable(true);
        // The window's close button must not abandon a running installation: it asks it to stop and undo.
        wizard.getDialog().setOnCloseRequest(event -> {
            if (model.install().runningProperty().get()) {
                event.consume();
                model.install().cancel();
            }
        });
    }

    private Page page(WizardPane pane) {
        return pages.entrySet().stream().filter(entry -> entry.getValue() == pane).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("Not a page of this wizard: " + pane.getId()));
    }

    /** Text scales with the app: the owner's root font size (set by the user's text size) applies here too. */
    private void inheritFontSize(Window owner) {
        if (owner == null || owner.getScene() == null || owner.getScene().getRoot() == null) {
            return;
        }
        String style = owner.getScene().getRoot().getStyle();
        if (style != null && style.contains("-fx-font-size")) {
            pages.values().forEach(page -> page.setStyle(style));
        }
    }

    /** Shows the wizard and returns when it is closed; the API key is forgotten then. */
    Optional<ButtonType> showAndWait() {
        try {
            return wizard.showAndWait();
        } finally {
            model.install().forgetApiKey();
        }
    }
}
