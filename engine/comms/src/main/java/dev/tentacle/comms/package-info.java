/** Mutual-TLS comms: the public API. Netty types stay in {@code internal} packages. */
package dev.tentacle.comms;
