/**
 * The Octopus Server setup wizard ({@link dev.tentacle.servermanager.setup.ServerSetupWizard}): a ControlsFX wizard
 * whose pages are FXML views over ViewModels that run without JavaFX, on the shared wizard base of
 * {@link dev.tentacle.desktop.wizard}; what it installs is {@link dev.tentacle.server.admin.ServerSetup}. See
 * docs/server-manager-setup.md.
 */
package dev.tentacle.servermanager.setup;
