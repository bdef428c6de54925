/**
 * The welcome screen both managers show while there is no instance: what it says
 * ({@link dev.tentacle.desktop.welcome.WelcomeText}) and the base of its view
 * ({@link dev.tentacle.desktop.welcome.WelcomeScreen}).
 */
package dev.tentacle.desktop.welcome;
