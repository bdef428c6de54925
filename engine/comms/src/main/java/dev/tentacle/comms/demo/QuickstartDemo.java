package dev.tentacle.comms.demo;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.DataStream;
import dev.tentacle.comms.Idempotent;
import dev.tentacle.comms.ServiceEndpoint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.CertificateGenerator;
import dev.tentacle.comms.certificates.CertificateIdentity;
import dev.tentacle.comms.certificates.Pkcs12Store;
import dev.tentacle.comms.retry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The quickstart: an "Octopus Server" side and a "Tentacle" side on this machine, each with its own new
 * certificate, trusting each other by thumbprint, talking first in listening mode and then in polling mode.
 * Prints what an operator would want to see: thumbprints, ports, the welcome-page address, calls and a streamed
 * transfer with its checksum.
 */
public final class QuickstartDemo {
    /** The service the demo Tentacle hosts. */
    public interface HelloService {
        record Greeting(String from, String text) {
        }

        record Received(long bytes, String sha256) {
        }

        @Idempotent
        Greeting hello(Greeting greeting);

        Received receive(DataStream data);
    }

    static final class HelloServiceImpl implements HelloService {
        private final String name;

        HelloServiceImpl(String name) {
            this.name = name;
        }

        @Override
        public Greeting hello(Greeting greeting) {
            return new Greeting(name, "Hello " + greeting.from() + ", you said: " + greeting.text());
        }

        @Override
        public Received receive(DataStream data) {
            try (InputStream in = data.open()) {
                return digest(in);
            } catch (IOException e) {
                throw new CommsException(dev.tentacle.comms.ErrorCode.SERVICE_FAILED, "Reading the upload failed: " + e.getMessage());
            }
        }
    }

    private final PrintStream out;
    private final boolean wait;

    QuickstartDemo(PrintStream out, boolean wait) {
        this.out = out;
        this.wait = wait;
    }

    /** {@code --wait} pauses with the listening Tentacle up, so its welcome page can be opened in a browser. */
    public static void main(String[] args) throws Exception {
        boolean wait = java.util.Arrays.asList(args).contains("--wait");
        new QuickstartDemo(System.out, wait).run(Files.createTempDirectory("tentacle-quickstart"));
    }

    void run(Path home) throws Exception {
        out.println("Tentacle for the JVM: comms quickstart");
        out.println("Home for this run: " + home);
        CertificateIdentity server = CertificateGenerator.generate("Octopus Portal");
        CertificateIdentity tentacle = CertificateGenerator.generate("Octopus Tentacle");
        Pkcs12Store.save(server, home.resolve("server.pfx"), new char[0]);
        Pkcs12Store.save(tentacle, home.resolve("tentacle.pfx"), new char[0]);
        out.println("Server certificate:   " + server.thumbprints());
        out.println("Tentacle certificate: " + tentacle.thumbprints());
        CommsOptions options = CommsOptions.builder().pollingReconnect(Duration.ofMillis(200), Duration.ofSeconds(2)).build();

        listening(server, tentacle, options);
        polling(server, tentacle, options);
        out.println();
        out.println("Both modes work. Next: run the tests with ./mvnw -B verify");
    }

    private void listening(CertificateIdentity server, CertificateIdentity tentacle, CommsOptions options) throws Exception {
        out.println();
        out.println("== Listening mode: the Tentacle listens, the server connects");
        try (CommsRuntime tentacleSide = CommsRuntime.builder(tentacle).options(options)
                .trust(TrustList.of(server.thumbprints().sha1()))
                .service(HelloService.class, new HelloServiceImpl("listening Tentacle")).build();
             CommsRuntime serverSide = CommsRuntime.builder(server).options(options).build()) {
            int port = tentacleSide.listen(freeOrDefault(ServiceEndpoint.DEFAULT_LISTENING_PORT), "Tentacle listening endpoint");
            out.println("Tentacle listens on port " + port + " and trusts the server with thumbprint " + server.thumbprints().sha1()
                    + " (TLS: " + tentacleSide.tlsImplementation() + ")");
            ServiceEndpoint endpoint = ServiceEndpoint.listening("localhost", port, tentacle.thumbprints().sha256());
            exercise(serverSide.client(endpoint, HelloService.class, RetryPolicy.defaults()));
            if (wait) {
                out.println("Open https://localhost:" + port + "/ in a browser to see the Tentacle's welcome page. Press Enter to go on.");
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
            } else {
                out.println("(Run bin/quickstart --wait to pause here and open https://localhost:" + port + "/ in a browser.)");
            }
        }
    }

    private void polling(CertificateIdentity server, CertificateIdentity tentacle, CommsOptions options) throws Exception {
        out.println();
        out.println("== Polling mode: the server listens, the Tentacle connects out and collects work");
        try (CommsRuntime serverSide = CommsRuntime.builder(server).options(options)
                .trust(TrustList.of(tentacle.thumbprints().sha256())).build();
             CommsRuntime tentacleSide = CommsRuntime.builder(tentacle).options(options)
                     .service(HelloService.class, new HelloServiceImpl("polling Tentacle")).build()) {
            int port = serverSide.listen(freeOrDefault(ServiceEndpoint.DEFAULT_POLLING_PORT), "Octopus Server polling endpoint");
            out.println("Server listens for polling Tentacles on port " + port);
            tentacleSide.poll("quickstart", ServiceEndpoint.listening("localhost", port, server.thumbprints().sha256()));
            out.println("Tentacle polls https://localhost:" + port + "/ as poll://quickstart/ with "
                    + options.pollingConnectionCount() + " connections");
            ServiceEndpoint endpoint = ServiceEndpoint.polling("quickstart", tentacle.thumbprints().sha1());
            exercise(serverSide.client(endpoint, HelloService.class, RetryPolicy.defaults()));
        }
    }

    private void exercise(HelloService hello) throws Exception {
        long start = System.nanoTime();
        HelloService.Greeting reply = hello.hello(new HelloService.Greeting("Octopus Server", "are you there?"));
        out.printf("Call answered in %.1f ms: %s: %s%n", (System.nanoTime() - start) / 1e6, reply.from(), reply.text());
        long size = 256L * 1024 * 1024;
        start = System.nanoTime();
        HelloService.Received received = hello.receive(DataStream.of(size, () -> new ZeroInputStream(size)));
        double seconds = (System.nanoTime() - start) / 1e9;
        String expected = digest(new ZeroInputStream(size)).sha256();
        out.printf("Streamed %d MiB in %.2f s (%.0f MiB/s); SHA-256 %s %s%n", size >> 20, seconds, (size >> 20) / seconds,
                received.sha256().substring(0, 16) + "...", received.sha256().equals(expected) ? "matches" : "DOES NOT MATCH");
        if (!received.sha256().equals(expected) || received.bytes() != size) {
            throw new IllegalStateException("The streamed data arrived damaged: " + received);
        }
    }

    private static InetSocketAddress freeOrDefault(int preferred) {
        try (var socket = new java.net.ServerSocket(preferred, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress("127.0.0.1", preferred);
        } catch (IOException inUse) {
            return new InetSocketAddress("127.0.0.1", 0);
        }
    }

    static HelloService.Received digest(InputStream in) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, n);
                total += n;
            }
            return new HelloService.Received(total, HexFormat.of().formatHex(sha256.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Zeros of a given length, generated on the fly. */
    private static final class ZeroInputStream extends InputStream {
        private long remaining;

        ZeroInputStream(long length) {
            this.remaining = length;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
