package dev.tentacle.tentacle.cli;

import dev.tentacle.comms.CertificateThumbprints;
import dev.tentacle.tentacle.registration.RegisteredMachine;
import dev.tentacle.tentacle.registration.ServerIdentity;
import dev.tentacle.tentacle.registration.ServerTrust;
import java.io.PrintWriter;
import java.util.List;

/** How {@code register-with} and {@code deregister-from} show machines and the server's certificate. */
final class RegistrationViews {
    private RegistrationViews() {
    }

    /** A machine as the commands print it in JSON. */
    record MachineView(String id, String name, String communicationStyle, String uri, String thumbprint,
            List<String> environments, List<String> roles, List<String> tenants, String policyName) {

        static MachineView of(RegisteredMachine machine) {
            return machine == null ? null : new MachineView(machine.id(), machine.name(), machine.communicationStyle(),
                    machine.uri(), machine.thumbprint(), machine.environments(), machine.roles(), machine.tenants(),
                    machine.policyName());
        }
    }

    /** Both thumbprints of the server's certificate. */
    record ThumbprintsView(String sha1, String sha256) {

        static ThumbprintsView of(CertificateThumbprints thumbprints) {
            return new ThumbprintsView(thumbprints.sha1().hex(), thumbprints.sha256().hex());
        }
    }

    /**
     * The server's certificate in both forms and, when it was trusted on first use, how to check it: nothing vouched
     * for it but the server's own word.
     *
     * @param trustedNow true when the instance trusts the certificate from now on (registering), false when it was
     *     only used for this command (deregistering)
     */
    static void printServerCertificate(PrintWriter out, ServerIdentity server, String instance, boolean trustedNow) {
        CertificateThumbprints thumbprints = server.thumbprints();
        out.println("The Octopus Server's certificate:");
        out.println("  SHA-1   " + thumbprints.sha1());
        out.println("  SHA-256 " + thumbprints.sha256());
        if (server.trust() == ServerTrust.PINNED) {
            out.println("It is the certificate given with --server-thumbprint.");
            return;
        }
        if (!trustedNow) {
            out.println("It was trusted on first use. To check the server before the API key is sent to it, pass"
                    + " --server-thumbprint " + thumbprints.sha256() + " next time.");
            return;
        }
        out.println("It was trusted on first use: nothing but the server vouched for it. Check it now: on the Octopus"
                + " Server, run 'octopus-server show-thumbprint' and compare. If they differ, something in between"
                + " answered: remove the trust with 'tentacle configure --instance " + BaseCommand.shellQuoted(instance)
                + " --remove-trust " + thumbprints.sha256() + "' and revoke the API key. To check before anything is"
                + " sent, pass --server-thumbprint " + thumbprints.sha256() + " next time.");
    }

    static String restartHint(String instance) {
        String name = BaseCommand.shellQuoted(instance);
        return "Restart the Tentacle for the change to take effect: tentacle service --instance " + name
                + " --restart (or, in the foreground: tentacle run --instance " + name + ").";
    }
}
