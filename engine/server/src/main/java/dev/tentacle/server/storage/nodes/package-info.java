/**
 * The server nodes that share this database: each records itself and when it was last seen, so the others can tell
 * a stopped node from a busy one and take over what it left unfinished.
 */
package dev.tentacle.server.storage.nodes;
