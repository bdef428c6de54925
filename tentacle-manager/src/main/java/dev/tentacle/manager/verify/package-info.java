/**
 * The thumbprint verification screen: a Tentacle's certificate thumbprints to compare with the Octopus Server's
 * view, and the server thumbprint a polling Tentacle learned, to confirm or reject
 * ({@link dev.tentacle.manager.verify.ThumbprintVerification}).
 */
package dev.tentacle.manager.verify;
