package dev.tentacle.comms.internal.rpc;

import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.internal.rpc.OutgoingCall;

/** Sends a call towards an endpoint: over a pooled connection, or into a polling queue. */
@FunctionalInterface
public interface CallRouter {
    void route(ServiceEndpoint endpoint, OutgoingCall call);
}
