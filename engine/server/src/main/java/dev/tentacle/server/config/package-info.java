/** An Octopus Server instance's configuration file, and the certificate it presents to Tentacles. */
package dev.tentacle.server.config;
