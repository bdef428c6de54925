/** Health check results: a history per machine, the latest result of each, and pruning of old results. */
package dev.tentacle.server.storage.health;
