/**
 * The {@code octopus-server} command line: one small class per command, each parsing its options and calling the
 * instance registry, the server configuration, the storage or a server node. {@link dev.tentacle.server.cli.OctopusServerCli}
 * is the entry point; {@link dev.tentacle.server.cli.ServerCliContext} is what tests replace (the service manager,
 * and how a server started by {@code run} is stopped). {@code health-check} and {@code run-script} queue a task and
 * follow it ({@link dev.tentacle.server.admin.TaskExecution}), running it on a server node of their own when none is running.
 */
package dev.tentacle.server.cli;
