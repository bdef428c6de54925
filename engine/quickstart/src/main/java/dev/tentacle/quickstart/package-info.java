/**
 * The quickstart ({@code bin/quickstart}): an Octopus Server on embedded H2 and two Tentacles, one listening and one
 * polling, set up on this machine with the real {@code octopus-server} and {@code tentacle} command lines, each run
 * as a process of its own, exactly as a person would type them. It registers both Tentacles, checks their health,
 * runs a script on both, prints what happened, and leaves everything in place with the commands to look around.
 */
package dev.tentacle.quickstart;
