/**
 * Configuration files: {@link dev.tentacle.instances.config.ConfigurationStore} reads and writes any record type as
 * JSON, atomically, owner-only and with a backup; {@link dev.tentacle.instances.config.TentacleConfiguration} is what
 * a Tentacle instance's file holds.
 */
package dev.tentacle.instances.config;
