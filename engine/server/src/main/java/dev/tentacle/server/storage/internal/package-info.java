/**
 * JDBC plumbing shared by the repositories: the connection scope they run in and helpers for columns and SQL states.
 * Not for use outside {@code dev.tentacle.server.storage}.
 */
package dev.tentacle.server.storage.internal;
