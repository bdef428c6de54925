/**
 * What the setup wizard does, without any screen: the {@link dev.tentacle.manager.wizard.install.SetupPlan} the pages
 * fill in, the equivalent {@code tentacle} commands ({@link dev.tentacle.manager.wizard.install.SetupScript}), and the
 * installation with its rollback ({@link dev.tentacle.manager.wizard.install.SetupInstaller}); plus the checks the
 * pages run on what the user types (ports, directories, the firewall).
 */
package dev.tentacle.manager.wizard.install;
