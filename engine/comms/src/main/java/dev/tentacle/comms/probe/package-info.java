/**
 * Probes of a peer that is not (yet) trusted, over plain blocking sockets, for diagnostics and for adding machines:
 * {@link dev.tentacle.comms.probe.TlsProbe} shakes hands in TLS accepting whatever certificate comes back,
 * {@link dev.tentacle.comms.probe.PreambleProbe} says who this side is in the comms preamble and reads the answer, and
 * {@link dev.tentacle.comms.probe.PlainTextProbe} asks a port that failed TLS whether it speaks plain text. The Tentacle's
 * diagnostics and registration and the server's listening-Tentacle probe share them; each words its own findings.
 */
package dev.tentacle.comms.probe;
