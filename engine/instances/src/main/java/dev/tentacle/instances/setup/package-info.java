/**
 * What the Tentacle's and the Octopus Server's step-by-step setups share: how a setup ended
 * ({@link dev.tentacle.instances.setup.SetupOutcome}: installed, or rolled back with each undo action), how it reports
 * its progress ({@link dev.tentacle.instances.setup.SetupProgress}), and the undo machinery: running an undo action
 * ({@link dev.tentacle.instances.setup.Rollback}) and removing exactly the files a setup created
 * ({@link dev.tentacle.instances.setup.CreatedFiles}).
 */
package dev.tentacle.instances.setup;
