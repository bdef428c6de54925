package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.desktop.wizard.WizardWindow;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The setup wizard's frame: a {@link WizardWindow} whose flow asks the {@link SetupWizardViewModel} for the page
 * after each one; one {@link WizardPage} per page.
 */
final class SetupWizardView {
    static final String TITLE = "Set up an Octopus Server";

    private final SetupWizardViewModel model;
    private final WizardWindow<Page> wizard;

    SetupWizardView(Window owner, SetupWizardViewModel model) {
        this.model = model;
        Map<Page, WizardPage> pages = new EnumMap<>(Page.class);
        pages.put(Page.INSTANCE, new InstancePage(model.instance()));
        pages.put(Page.DATABASE, new DatabasePage(model.database()));
        pages.put(Page.PORTS, new PortsPage(model.ports()));
        pages.put(Page.API_KEY, new AdministratorPage(model.administrator()));
        pages.put(Page.SERVICE, new ServicePage(model.service()));
        pages.put(Page.REVIEW, new ReviewPage(model));
        pages.put(Page.INSTALL, new InstallPage(model));
        wizard = new WizardWindow<>(owner, TITLE, pages, Page.INSTANCE, model::next, model::pages, model.install());
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
