/**
 * One Tentacle instance as the command line and the Tentacle Manager work with it: selecting it, creating it,
 * reading and changing its configuration, and the values a polling registration needs.
 */
package dev.tentacle.tentacle.instance;
