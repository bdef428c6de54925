/**
 * Network test tools on loopback: a {@link dev.tentacle.testing.net.PortForwarder} that delays, pauses, kills and
 * refuses connections, a {@link dev.tentacle.testing.net.ConnectProxy}, misbehaving peers
 * ({@link dev.tentacle.testing.net.HttpInterferingServer}, {@link dev.tentacle.testing.net.SilentServer},
 * {@link dev.tentacle.testing.net.PlainHttpServer}), a {@link dev.tentacle.testing.net.RawClient} and
 * {@link dev.tentacle.testing.net.Ports}. Every server binds 127.0.0.1 on an ephemeral port, reaches only loopback
 * targets, runs on virtual threads, and stops every connection and thread on {@code close()}.
 */
package dev.tentacle.testing.net;
