/**
 * The {@code octopus-server} command line: one small class per command, each parsing its options and calling the
 * instance registry, the server configuration or the storage. {@link dev.tentacle.server.cli.OctopusServerCli} is
 * the entry point.
 */
package dev.tentacle.server.cli;
