/**
 * The Tentacle setup wizard ({@link dev.tentacle.manager.wizard.SetupWizard}): a ControlsFX wizard whose pages are
 * FXML views over ViewModels that run without JavaFX; what it installs lives in
 * {@link dev.tentacle.manager.wizard.install}. See docs/tentacle-manager-wizard.md.
 */
package dev.tentacle.manager.wizard;
