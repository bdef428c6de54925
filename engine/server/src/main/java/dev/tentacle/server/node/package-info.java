/**
 * A running Octopus Server node: the process behind {@code octopus-server run}. It opens the storage, listens for
 * polling Tentacles, serves the API, runs queued tasks machine by machine, schedules health checks, and cooperates
 * with other nodes on the same database (high availability): each machine's part of a task is claimed by exactly one
 * node, the one connected to the machine when it polls.
 */
package dev.tentacle.server.node;
