package dev.tentacle.comms.internal.connection;

/** Receives accepted polling subscriber connections (the polling queues). */
@FunctionalInterface
public interface SubscriberSink {
    SubscriberSink NONE = (subscription, connection) -> connection.close(new dev.tentacle.comms.CommsException(
            dev.tentacle.comms.ErrorCode.SERVICE_NOT_FOUND, "This endpoint does not accept polling subscribers."));

    void subscriberConnected(String subscriptionId, Connection connection);
}
