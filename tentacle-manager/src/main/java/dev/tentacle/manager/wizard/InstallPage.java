package dev.tentacle.manager.wizard;

import dev.tentacle.desktop.wizard.WizardInstallPage;
import dev.tentacle.manager.wizard.SetupWizardViewModel.Page;

/**
 * The view of {@link InstallViewModel}. Entering the page starts the installation. While it runs, Cancel asks it to
 * stop (and undo) instead of closing the wizard, and Previous is hidden; after a success only Finish remains.
 */
final class InstallPage extends WizardInstallPage {
    InstallPage(SetupWizardViewModel wizard) {
        super(Page.INSTALL.id(), Page.INSTALL.title(), wizard.valid(Page.INSTALL), wizard.install(),
                wizard::startInstall);
    }
}
