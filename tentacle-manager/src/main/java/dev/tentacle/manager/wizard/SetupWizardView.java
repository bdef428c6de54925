package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.WizardPage;
import dev.tentacle.desktop.wizard.WizardWindow;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The setup wizard's frame: a {@link WizardWindow} whose flow asks the {@link SetupWizardViewModel} for the page after
 * each one, so that it branches on the communication style; one {@link WizardPage} per page.
 */
final class SetupWizardView {
    static final String TITLE = "Set up a Tentacle";

    private final WizardWindow<Page> wizard;

    SetupWizardView(Window owner, SetupWizardViewModel model) {
        Map<Page, WizardPage> pages = new EnumMap<>(Page.class);
        pages.put(Page.NAME, new InstanceNamePage(model.name()));
        pages.put(Page.STYLE, new CommunicationStylePage(model.style()));
        pages.put(Page.STORAGE, new StoragePage(model.storage()));
        pages.put(Page.PROXY, new ProxyPage(model.proxy(), model.style()::style));
        pages.put(Page.POLLING_SERVER, new PollingServerPage(model.pollingServer()));
        pages.put(Page.REGISTRATION, new RegistrationPage(model.registration()));
        pages.put(Page.LISTENING, new ListeningPage(model.listening()));
        pages.put(Page.REVIEW, new ReviewPage(model));
        pages.put(Page.INSTALL, new InstallPage(model));
        wizard = new WizardWindow<>(owner, TITLE, pages, Page.NAME, model::next, model::pages, model.install());
    }

    /** Shows the wizard and returns when it is closed. */
    Optional<ButtonType> showAndWait() {
        return wizard.showAndWait();
    }
}
