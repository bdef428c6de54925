package dev.tentacle.desktop.wizard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * A setup wizard's frame: a ControlsFX {@link Wizard} whose flow asks the wizard's ViewModel for the page after each
 * one, one {@link WizardPage} per page. Its text scales with the owner's, and its close button does not abandon a
 * running installation: it asks it to stop and undo.
 *
 * @param <P> the wizard's pages, such as an enum of them
 */
public final class WizardWindow<P> {
    private final Map<P, WizardPage> pages;
    private final Wizard wizard;

    /**
     * @param title the window's title
     * @param pages each page's view; the first one the wizard shows is {@code first}
     * @param next the page after this one, empty after the last, as the ViewModel decides
     * @param flow the pages of the current flow, in order, for "Step 2 of 7"
     * @param install the install page's ViewModel, which the close button cancels while it runs
     */
    public WizardWindow(Window owner, String title, Map<P, ? extends WizardPage> pages, P first,
            Function<P, Optional<P>> next, Supplier<List<P>> flow, WizardInstallViewModel<?, ?> install) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(install, "install");
        this.pages = new LinkedHashMap<>(pages);
        inheritFontSize(owner);

        wizard = new Wizard(owner, title);
        wizard.setReadSettings(false);
        wizard.setFlow(new Wizard.Flow() {
            @Override
            public Optional<WizardPane> advance(WizardPane currentPage) {
                Optional<P> following = currentPage == null ? Optional.of(first) : next.apply(page(currentPage));
                following.ifPresent(page -> WizardWindow.this.pages.get(page).showStep(flow.get().indexOf(page) + 1,
                        flow.get().size()));
                return following.map(WizardWindow.this.pages::get);
            }

            @Override
            public boolean canAdvance(WizardPane currentPage) {
                return currentPage == null || next.apply(page(currentPage)).isPresent();
            }
        });
        wizard.getDialog().setResizable(true);
        // The window's close button must not abandon a running installation: it asks it to stop and undo.
        wizard.getDialog().setOnCloseRequest(event -> {
            if (install.runningProperty().get()) {
                event.consume();
                install.cancel();
            }
        });
    }

    private P page(WizardPane pane) {
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

    /** Shows the wizard and returns when it is closed. */
    public Optional<ButtonType> showAndWait() {
        return wizard.showAndWait();
    }
}
