package dev.tentacle.comms;

import dev.tentacle.comms.certificates.CertificateGenerator;
import java.security.cert.X509Certificate;

/** Two unrelated self-signed certificates, generated once per test run (EC keys, so it takes milliseconds). */
final class TestCertificates {
    static final X509Certificate TENTACLE = CertificateGenerator.generate("Octopus Tentacle").certificate();
    static final X509Certificate SERVER = CertificateGenerator.generate("Octopus Server").certificate();

    private TestCertificates() {
    }
}
