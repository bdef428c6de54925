/**
 * Administering an Octopus Server instance from Java: the API that the {@code octopus-server} command line and the
 * Octopus Server Manager share, so that neither copies the other's logic.
 */
package dev.tentacle.server.admin;
