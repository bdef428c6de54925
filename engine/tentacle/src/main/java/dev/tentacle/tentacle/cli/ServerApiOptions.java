package dev.tentacle.tentacle.cli;

import dev.tentacle.comms.Thumbprint;
import dev.tentacle.tentacle.registration.RegistrationException;
import dev.tentacle.tentacle.registration.RegistrationFailure;
import dev.tentacle.tentacle.registration.ServerApiAddress;
import dev.tentacle.tentacle.registration.ServerConnection;
import picocli.CommandLine.Option;

/** {@code --server}, {@code --apiKey} and {@code --server-thumbprint}: how {@code register-with} and {@code deregister-from} reach the server. */
public final class ServerApiOptions {
    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "The Octopus Server's address, such as https://octopus.example.com:8443/.")
    String server;

    @Option(names = "--apiKey", paramLabel = "KEY",
            description = "An API key of the Octopus Server (octopus-server create-api-key). Note that it is visible to"
                    + " other users of this machine in the process list while the command runs.")
    String apiKey;

    @Option(names = "--username", paramLabel = "NAME",
            description = "Not supported by this Octopus Server, which takes API keys only: use --apiKey.")
    String username;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Not supported by this Octopus Server, which takes API keys only: use --apiKey.")
    String password;

    @Option(names = "--server-thumbprint", paramLabel = "THUMBPRINT",
            description = "The Octopus Server certificate's thumbprint (octopus-server show-thumbprint). The server must"
                    + " present exactly this certificate. Without it, the certificate the server reports as its own is"
                    + " trusted on first use, and its thumbprint printed for you to check.")
    String serverThumbprint;

    /**
     * The connection the options describe.
     *
     * @throws RegistrationException for {@code --username}/{@code --password}, which this server does not take
     * @throws IllegalArgumentException for a malformed address or thumbprint, or a missing API key
     */
    ServerConnection connection() {
        if (username != null || password != null) {
            throw new RegistrationException(RegistrationFailure.CREDENTIALS_NOT_SUPPORTED, "This Octopus Server accepts"
                    + " API keys only, not a user name and password. Create a key on the server with: octopus-server"
                    + " create-api-key --name NAME, then pass it with --apiKey instead of --username and --password.");
        }
        Thumbprint pinned = serverThumbprint == null ? null : Thumbprints.parse("--server-thumbprint", serverThumbprint);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("Give the Octopus Server's API key with --apiKey KEY; create one on the"
                    + " server with: octopus-server create-api-key --name NAME");
        }
        return new ServerConnection(ServerApiAddress.parse(server), apiKey, pinned);
    }
}
