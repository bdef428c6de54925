package dev.tentacle.tentacle.resilience;

import dev.tentacle.comms.CommsListener;
import dev.tentacle.comms.CommsOptions;
import dev.tentacle.comms.CommsRuntime;
import dev.tentacle.comms.Thumbprint;
import dev.tentacle.comms.TrustList;
import dev.tentacle.comms.certificates.Pkcs12Store;
import dev.tentacle.tentacle.agent.TentacleServices;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A listening agent in its own JVM, so a test can kill it as an operating system would (SIGKILL) and start it
 * again. Arguments: home directory, PKCS#12 file of its certificate, port, trusted server thumbprint.
 */
public final class AgentProcessMain {
    private AgentProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        var identity = Pkcs12Store.load(Path.of(args[1]), new char[0]);
        int port = Integer.parseInt(args[2]);
        TentacleServices services = TentacleServices.forHome(home);
        CommsRuntime.Builder builder = CommsRuntime.builder(identity).options(CommsOptions.defaults()).listener(CommsListener.NONE)
                .trust(TrustList.of(Thumbprint.parse(args[3])));
        services.registerOn(builder);
        CommsRuntime runtime = builder.build();
        runtime.listen(new InetSocketAddress("127.0.0.1", port), "Tentacle listening endpoint");
        System.out.println("agent listening on " + port);
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
