/**
 * Server tasks (health checks and scripts on one or many machines), their per-machine targets, cancellation, and task
 * logs streamed into the database line by line.
 */
package dev.tentacle.server.storage.tasks;
