package dev.tentacle.server.admin;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.server.admin.PresentedTentacle.ServerTrust;
import dev.tentacle.server.admin.TentacleProbeException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Learns which certificate a listening Tentacle presents, without trusting it: the first step of adding a Tentacle,
 * after which the user compares the thumbprint with what the Tentacle's own manager shows.
 *
 * <p>It connects to {@code host:port}, shakes hands in TLS 1.2 or 1.3 presenting this server's certificate (as the
 * server does on every call) and accepting whatever certificate comes back, and records it. Then it sends the comms
 * preamble's identity line, {@code TENTACLE/1 CLIENT} (docs/protocol.md), only to learn from the answer whether the
 * Tentacle already trusts this server; nothing else is sent, and the connection is closed. Neither line carries
 * anything secret. Each failure is one {@link TentacleProbeException} naming the {@link Problem} and saying what to
 * do, told apart by exception type, never by message text.
 */
public final class ListeningTentacleProbe {
    /** How long each step (connect, TLS handshake, preamble answer) may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    static final String CLIENT_LINE = "TENTACLE/1 CLIENT";
    private static final String ACCEPTED = "TENTACLE/1 SERVER";
    private static final String REJECTED = "TENTACLE/1 REJECTED ";
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final int MAX_LINE = 1024;
    private static final int MAX_QUOTE = 100;

    private final CertificateIdentity server;
    private final Duration timeout;

    /**
     * @param server this server's certificate and key, presented in the handshake
     * @param timeout how long each step may take
     */
    public ListeningTentacleProbe(CertificateIdentity server, Duration timeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The probe timeout must be positive, was " + timeout);
        }
    }

    /**
     * Connects to the Tentacle and returns what it presented.
     *
     * @throws IllegalArgumentException when the host is blank or the port is not 1 to 65535
     * @throws TentacleProbeException when the Tentacle cannot be reached or does not answer as one
     */
    public PresentedTentacle probe(String host, int port) {
        String name = requireHost(host);
        requirePort(port);
        String target = target(name, port);
        List<InetAddress> addresses = resolve(name);
        Socket connected = connect(addresses, port, target);
        RecordingTrustManager recorder = new RecordingTrustManager();
        SSLSocket tls;
        try {
            tls = handshake(connected, name, port, recorder);
        } catch (SocketTimeoutException e) {
            throw new TentacleProbeException(Problem.TIMEOUT, target + " accepted the connection but did not complete"
                    + " a TLS handshake within " + seconds() + ". Something other than a Tentacle holds that port, or a"
                    + " device in the path holds the connection without answering. Check the Tentacle's port on its"
                    + " machine (Tentacle Manager, or tentacle show-configuration).", e);
        } catch (IOException e) {
            Optional<X509Certificate> presented = recorder.presented();
            if (presented.isPresent()) {
                // It showed its certificate, then refused this server's in the handshake (a stricter peer does).
                return result(name, port, presented.get(), "TLS", ServerTrust.NOT_TRUSTED);
            }
            throw notTls(name, port, target, e);
        }
        try {
            X509Certificate presented = recorder.presented().orElseThrow();
            CertificateThumbprints thumbprints = CertificateThumbprints.of(presented);
            if (thumbprints.equals(server.thumbprints())) {
                throw new TentacleProbeException(Problem.THIS_SERVER, target + " presented this Octopus Server's own"
                        + " certificate (" + thumbprints.sha1() + "): that is this server's polling port, not a"
                        + " Tentacle. A listening Tentacle listens on port 10933 unless it was set up otherwise; check"
                        + " its port on its machine (tentacle show-configuration).", null);
            }
            ServerTrust trust = preamble(tls, target);
            return result(name, port, presented, tls.getSession().getProtocol(), trust);
        } finally {
            closeQuietly(tls);
        }
    }

    private PresentedTentacle result(String host, int port, X509Certificate certificate, String protocol,
            ServerTrust trust) {
        return new PresentedTentacle(host, port, CertificateThumbprints.of(certificate), protocol, trust);
    }

    private static String requireHost(String host) {
        String name = host == null ? "" : host.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Give the Tentacle's host name or IP address.");
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '?' || c == '#' || c == '@')) {
            throw new IllegalArgumentException("'" + host.strip() + "' is not a host name or IP address; give only the"
                    + " name (such as web01.example.com) or the address (such as 10.0.0.5).");
        }
        return name;
    }

    private static void requirePort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port must be 1 to 65535, was " + port
                    + "; a listening Tentacle uses 10933 unless it was set up otherwise.");
        }
    }

    /** {@code host:port}, with an IPv6 address in brackets. */
    static String target(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private String seconds() {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new TentacleProbeException(Problem.UNKNOWN_HOST, "The host name '" + host + "' does not resolve"
                    + " (DNS), so the Tentacle cannot be reached. Check the spelling; try the Tentacle machine's IP"
                    + " address: if the address works and the name does not, DNS is the problem (fix it, or add the"
                    + " machine by its address).", e);
        }
    }

    private Socket connect(List<InetAddress> addresses, int port, String target) {
        List<String> tried = new ArrayList<>();
        IOException refused = null;
        IOException timedOut = null;
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
                if (e instanceof ConnectException) {
                    refused = e;
                    tried.add(address.getHostAddress() + ": refused");
                } else if (e instanceof SocketTimeoutException) {
                    timedOut = e;
                    tried.add(address.getHostAddress() + ": no answer within " + seconds());
                } else {
                    tried.add(address.getHostAddress() + ": " + describe(e));
                }
            }
        }
        String attempts = addresses.size() > 1 ? " (" + String.join("; ", tried) + ")" : "";
        if (refused != null) {
            throw new TentacleProbeException(Problem.REFUSED, "Nothing accepted the connection to " + target
                    + attempts + ": the connection was refused. Is the Tentacle running on that machine (Tentacle"
                    + " Manager, or tentacle service --status), and is " + port + " the port it listens on (tentacle"
                    + " show-configuration)? A firewall that rejects connections gives the same answer.", refused);
        }
        if (timedOut != null) {
            throw new TentacleProbeException(Problem.TIMEOUT, "Connecting to " + target + attempts + " got no answer"
                    + " within " + seconds() + ": a firewall is most likely dropping the packets, or the address is"
                    + " wrong. Open TCP port " + port + " from this server to the Tentacle machine, in its own firewall"
                    + " and in any between (in a cloud, its security group).", timedOut);
        }
        if (last instanceof NoRouteToHostException) {
            throw new TentacleProbeException(Problem.UNREACHABLE, "There is no route to " + target + attempts
                    + ". Check the address, and the network between this server and the Tentacle machine.", last);
        }
        throw new TentacleProbeException(Problem.UNREACHABLE, "Could not connect to " + target + attempts + ": "
                + describe(last) + ". Check the address, and the network between this server and the Tentacle"
                + " machine.", last);
    }

    private SSLSocket handshake(Socket connected, String host, int port, RecordingTrustManager recorder)
            throws IOException {
        SSLSocket socket;
        try {
            socket = (SSLSocket) context(recorder).getSocketFactory().createSocket(connected, host, port, true);
        } catch (GeneralSecurityException e) {
            closeQuietly(connected);
            throw new IllegalStateException("Could not set up TLS with this server's certificate: " + e.getMessage()
                    + ". Check the certificate (octopus-server show-thumbprint), or create a new one.", e);
        }
        try {
            socket.setEnabledProtocols(PROTOCOLS);
            socket.setUseClientMode(true);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.startHandshake();
            Certificate[] chain = socket.getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                throw new SSLException("The peer presented no X.509 certificate.");
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private SSLContext context(RecordingTrustManager recorder) throws GeneralSecurityException, IOException {
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry("server", server.privateKey(), password, new Certificate[] {server.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), new X509ExtendedTrustManager[] {recorder}, null);
        return context;
    }

    /** Why TLS failed before a certificate arrived: plain text on the port, or another handshake failure. */
    private TentacleProbeException notTls(String host, int port, String target, IOException e) {
        Optional<String> plain = plainTextAnswer(host, port);
        if (plain.isPresent() && plain.get().startsWith("HTTP/")) {
            return new TentacleProbeException(Problem.NOT_TLS, target + " does not speak TLS: it answered in plain"
                    + " text, '" + plain.get() + "'. An HTTP proxy, firewall or captive portal is answering in the"
                    + " Tentacle's place (the original Tentacle's \"unknown identity 'HTTP/1.0'\"), or a web server"
                    + " holds that port. Connect to the Tentacle directly, or have the device let this connection"
                    + " through; check that " + port + " is the Tentacle's port (tentacle show-configuration).", e);
        }
        if (plain.isPresent()) {
            return new TentacleProbeException(Problem.NOT_TLS, target + " does not speak TLS: it answered in plain"
                    + " text, '" + plain.get() + "'. Another service holds that port. Check the Tentacle's port on its"
                    + " machine (tentacle show-configuration).", e);
        }
        return new TentacleProbeException(Problem.TLS_HANDSHAKE_FAILED, "The TLS handshake with " + target
                + " failed (" + describe(e) + "). Is " + port + " the Tentacle's listening port (tentacle"
                + " show-configuration)? A Tentacle speaks TLS 1.2 or 1.3; a device in the path that intercepts or"
                + " offloads TLS is not supported: the connection must reach the Tentacle itself.", e);
    }

    /**
     * Sends a plain-text {@code HEAD} request on a new connection and returns the first line of the answer when it is
     * printable text; a TLS endpoint answers with a binary alert or nothing.
     */
    private Optional<String> plainTextAnswer(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) Math.min(timeout.toMillis(), 5000));
            socket.getOutputStream().write(("HEAD / HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] bytes = socket.getInputStream().readNBytes(MAX_QUOTE);
            int end = 0;
            while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
                int b = bytes[end] & 0xff;
                if (b < 0x20 || b > 0x7e) {
                    return Optional.empty();
                }
                end++;
            }
            return end == 0 ? Optional.empty() : Optional.of(new String(bytes, 0, end, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Says who this side is and reads whether the Tentacle accepts this server's certificate. */
    private ServerTrust preamble(SSLSocket tls, String target) {
        String line;
        try {
            tls.getOutputStream().write((CLIENT_LINE + "\r\n").getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            line = readLine(tls.getInputStream());
        } catch (SocketTimeoutException e) {
            throw new TentacleProbeException(Problem.NOT_A_TENTACLE, target + " completed a TLS handshake but did not"
                    + " answer the comms preamble within " + seconds() + ", as a Tentacle does at once. Another TLS"
                    + " service holds that port; check the Tentacle's port (tentacle show-configuration).", e);
        } catch (SSLException e) {
            return ServerTrust.NOT_TRUSTED; // an alert such as certificate_unknown: it refused this server
        } catch (IOException e) {
            return ServerTrust.NOT_TRUSTED; // reset: an older or stricter peer refusing this server's certificate
        }
        if (line == null) {
            return ServerTrust.NOT_TRUSTED; // a silent close is how a peer may refuse a client (docs/protocol.md)
        }
        if (line.equals(ACCEPTED)) {
            return ServerTrust.TRUSTED;
        }
        if (line.startsWith(REJECTED)) {
            return line.startsWith(REJECTED + "UNTRUSTED_PEER") ? ServerTrust.NOT_TRUSTED : ServerTrust.UNKNOWN;
        }
        throw new TentacleProbeException(Problem.NOT_A_TENTACLE, target + " speaks TLS but did not answer as a"
                + " Tentacle: to the comms preamble it answered '" + quote(line) + "'. A web server, or a proxy or load"
                + " balancer that terminates TLS, holds that port; a Tentacle must be reached directly. Check the"
                + " Tentacle's port on its machine (tentacle show-configuration).", null);
    }

    /** One line without its line end; null when the stream ends first. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() < MAX_LINE) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_QUOTE; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > MAX_QUOTE ? out + "..." : out.toString();
    }

    private static String describe(Throwable e) {
        Throwable innermost = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                innermost = t;
            }
        }
        String message = innermost.getMessage();
        return message == null || message.isBlank() ? innermost.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do with a connection being abandoned.
        }
    }

    /**
     * Accepts and remembers whatever certificate the Tentacle presents: it is compared by a person, not trusted here.
     * An {@link X509ExtendedTrustManager}, so that the JDK adds no host name check on top.
     */
    private static final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final AtomicReference<X509Certificate> presented = new AtomicReference<>();

        Optional<X509Certificate> presented() {
            return Optional.ofNullable(presented.get());
        }

        private void record(X509Certificate[] chain) throws java.security.cert.CertificateException {
            if (chain == null || chain.length == 0) {
                throw new java.security.cert.CertificateException("The peer presented no certificate.");
            }
            presented.set(chain[0]);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            record(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            record(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            record(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("This side is the TLS client.");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("This side is the TLS client.");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("This side is the TLS client.");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
