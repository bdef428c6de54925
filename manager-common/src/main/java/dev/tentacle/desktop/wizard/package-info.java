/**
 * What the setup wizards of both managers share: the page base ({@link dev.tentacle.desktop.wizard.WizardPage}) over a
 * ControlsFX wizard, field bindings ({@link dev.tentacle.desktop.wizard.Fields}), the "Show script" dialog
 * ({@link dev.tentacle.desktop.wizard.ScriptView}), the install steps ({@link dev.tentacle.desktop.wizard.InstallSteps},
 * shown by {@link dev.tentacle.desktop.wizard.InstallStepList}) and the stylesheet {@code wizard.css}.
 */
package dev.tentacle.desktop.wizard;
