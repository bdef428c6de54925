/**
 * Named instances of the Tentacle and the Octopus Server: where the registry lives
 * ({@link dev.tentacle.instances.registry.InstanceLocations}), which instances exist
 * ({@link dev.tentacle.instances.registry.InstanceRegistry}) and what their names may be.
 */
package dev.tentacle.instances.registry;
