package dev.tentacle.comms.certificates;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the self-signed certificate an instance presents. Peers pin it by thumbprint, so it carries no chain
 * and lives long (100 years, as the original Tentacle's certificates do): replacing it means re-trusting it on
 * every peer.
 *
 * <p>Keys come from the JDK's providers; Bouncy Castle only builds and signs the certificate structure, so nothing
 * is registered as a global security provider.
 */
public final class CertificateGenerator {
    /** Key algorithm of a generated certificate. */
    public enum KeyType {
        /** ECDSA on NIST P-256, signed with SHA256withECDSA: small, fast handshakes. The default. */
        EC_P256("EC", "SHA256withECDSA"),
        /** RSA 3072, signed with SHA256withRSA: for peers or policies that require RSA. */
        RSA_3072("RSA", "SHA256withRSA");

        private final String keyAlgorithm;
        private final String signatureAlgorithm;

        KeyType(String keyAlgorithm, String signatureAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
            this.signatureAlgorithm = signatureAlgorithm;
        }

        public String signatureAlgorithm() {
            return signatureAlgorithm;
        }
    }

    /** How long before "now" a new certificate becomes valid, so that a peer whose clock lags still accepts it. */
    static final long BACKDATE_DAYS = 1;
    static final long VALIDITY_YEARS = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateGenerator() {
    }

    /** A new EC P-256 identity with the given subject common name, such as "Octopus Tentacle". */
    public static CertificateIdentity generate(String commonName) {
        return generate(commonName, KeyType.EC_P256);
    }

    /** A new identity of the given key type with the given subject common name. */
    public static CertificateIdentity generate(String commonName, KeyType keyType) {
        Objects.requireNonNull(keyType, "keyType");
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("A certificate needs a subject name, such as \"Octopus Tentacle\"; got '"
                    + commonName + "'.");
        }
        try {
            KeyPair keys = newKeyPair(keyType);
            X509Certificate certificate = selfSign(commonName.strip(), keys, keyType);
            return new CertificateIdentity(certificate, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("This Java runtime could not generate a " + keyType
                    + " certificate: " + e.getMessage() + ". Check that it is a full JDK 25 with the SunEC and SunRsaSign providers.", e);
        }
    }

    private static KeyPair newKeyPair(KeyType keyType) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType.keyAlgorithm);
        switch (keyType) {
            case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            case RSA_3072 -> generator.initialize(3072, RANDOM);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSign(String commonName, KeyPair keys, KeyType keyType)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notBefore = now.minus(BACKDATE_DAYS, ChronoUnit.DAYS);
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        // 128 random bits plus one: positive, non-zero, and within the 20-octet limit of RFC 5280.
        BigInteger serial = new BigInteger(128, RANDOM).add(BigInteger.ONE);

        var extensions = new JcaX509ExtensionUtils();
        int keyUsage = KeyUsage.digitalSignature | (keyType == KeyType.RSA_3072 ? KeyUsage.keyEncipherment : 0);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject, serial, Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));

        var signer = new JcaContentSignerBuilder(keyType.signatureAlgorithm).build(keys.getPrivate());
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        certificate.verify(keys.getPublic());
        return certificate;
    }
}
