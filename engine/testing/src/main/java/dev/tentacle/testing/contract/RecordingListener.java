package dev.tentacle.testing.contract;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.ErrorCode;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Records comms events so tests can assert on them. */
public final class RecordingListener implements CommsListener {
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger welcomePages = new AtomicInteger();
    private final ConcurrentLinkedQueue<CommsException> rejections = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CommsException> reconnectReasons = new ConcurrentLinkedQueue<>();
    private final AtomicInteger subscriberConnects = new AtomicInteger();

    @Override
    public void connectionAccepted(SocketAddress remote, CertificateThumbprints peer, String identity) {
        accepted.incrementAndGet();
    }

    @Override
    public void connectionRejected(SocketAddress remote, CommsException reason) {
        rejections.add(reason);
    }

    @Override
    public void welcomePageServed(SocketAddress remote) {
        welcomePages.incrementAndGet();
    }

    @Override
    public void subscriberConnected(String subscriptionId, SocketAddress remote) {
        subscriberConnects.incrementAndGet();
    }

    @Override
    public void pollingReconnectScheduled(String subscriptionId, CommsException reason, Duration delay) {
        reconnectReasons.add(reason);
    }

    public int accepted() {
        return accepted.get();
    }

    public int welcomePages() {
        return welcomePages.get();
    }

    public int subscriberConnects() {
        return subscriberConnects.get();
    }

    public List<CommsException> rejections() {
        return List.copyOf(rejections);
    }

    public List<ErrorCode> rejectionCodes() {
        return rejections.stream().map(CommsException::code).toList();
    }

    public List<CommsException> reconnectReasons() {
        return List.copyOf(reconnectReasons);
    }

    public List<ErrorCode> reconnectCodes() {
        return reconnectReasons.stream().map(CommsException::code).toList();
    }
}
