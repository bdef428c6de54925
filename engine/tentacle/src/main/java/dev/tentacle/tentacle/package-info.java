/** The Tentacle agent: its services, its runtime and the tentacle command line. */
package dev.tentacle.tentacle;
