/**
 * The machine registry: Tentacles the server knows, with their environments, roles, tenants and machine policy.
 */
package dev.tentacle.server.storage.machines;
