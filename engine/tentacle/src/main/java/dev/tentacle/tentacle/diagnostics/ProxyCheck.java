package dev.tentacle.tentacle.diagnostics;

import dev.tentacle.comms.ProxySettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * A configured HTTP proxy accepts connections: its name resolves and its port answers. Whether it lets a tunnel
 * through to a server is the server port check's business, since that depends on the target.
 *
 * @param command the command that sets this proxy: {@code polling-proxy} or {@code proxy}
 */
record ProxyCheck(ProxySettings proxy, String command, Commands commands, Network network) {

    Verdict run() throws InterruptedException {
        String which = command.equals("polling-proxy") ? "polling proxy" : "proxy";
        String fix = "Set the proxy's host and port: " + commands.tentacle(command, "--proxyHost HOST --proxyPort PORT")
                + ", or stop using it: " + commands.tentacle(command, "--proxyEnable false") + ".";
        try (Socket _ = network.connectToProxy(proxy)) {
            return Verdict.passed("The " + which + " " + proxy + " accepts connections.");
        } catch (UnknownHostException e) {
            return Verdict.failed("The " + which + "'s host name " + proxy.host() + " does not resolve.", fix);
        } catch (TimeoutException e) {
            return Verdict.failed("Looking up the " + which + "'s host name " + proxy.host() + " did not finish within "
                    + network.timeout().toSeconds() + " s.", "Check this machine's DNS settings. " + fix);
        } catch (ConnectException e) {
            return Verdict.failed("Nothing accepted a connection at the " + which + " " + proxy.host() + ":" + proxy.port()
                    + " (connection refused).", "Is the proxy running on that port? " + fix);
        } catch (SocketTimeoutException e) {
            return Verdict.failed("The " + which + " " + proxy.host() + ":" + proxy.port() + " did not accept a"
                    + " connection within " + network.timeout().toSeconds() + " s.", "A firewall may drop the"
                    + " packets, or the address is wrong. " + fix);
        } catch (IOException e) {
            return Verdict.failed("Could not connect to the " + which + " " + proxy.host() + ":" + proxy.port() + ": "
                    + e.getMessage() + ".", fix);
        }
    }
}
