package dev.tentacle.servermanager.setup;

import dev.tentacle.desktop.wizard.WizardReviewPage;
import dev.tentacle.servermanager.setup.SetupWizardViewModel.Page;

/** The view of {@link ReviewViewModel}; its Next button reads "Install". */
final class ReviewPage extends WizardReviewPage {
    static final String SCRIPT_TITLE = "The equivalent octopus-server commands";

    ReviewPage(SetupWizardViewModel wizard) {
        super(Page.REVIEW.id(), Page.REVIEW.title(), wizard.valid(Page.REVIEW), wizard.review(), SCRIPT_TITLE,
                "Set up the same Octopus Server from a command line",
                "These octopus-server commands set up the same server, in the same order (see docs/cli.md). Run them"
                        + " as the same user as this app, which decides the instance registry; service --install"
                        + " needs root or an administrator. create-api-key prints a new key of its own.",
                "Show the database _password");
    }
}
