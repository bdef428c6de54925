package dev.tentacle.comms.internal.tls;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TLS alerts and BoringSSL failure reasons found in a failure's cause chain.
 *
 * <p>Neither engine exposes an alert as a type or a field, but both report it in a fixed, documented form, which is
 * what this record reads (nothing else of a message is interpreted):
 * <ul>
 *   <li>the JDK (25) starts every {@code SSLException} message with the alert in parentheses, {@code
 *       "(certificate_unknown) ..."}, and a received alert reads {@code "Received fatal alert: certificate_unknown"};</li>
 *   <li>Netty's OpenSSL engine carries BoringSSL's error string {@code "error:10000416:SSL
 *       routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_UNKNOWN"}, whose reason is {@code SSLV3_ALERT_*} or
 *       {@code TLSV1_ALERT_*} for a received alert, and for instance {@code UNSUPPORTED_PROTOCOL} for a local
 *       failure.</li>
 * </ul>
 *
 * @param receivedAlerts descriptions of alerts the peer sent, lower case as in RFC 8446 ({@code protocol_version})
 * @param sentAlerts descriptions of alerts this side's JDK engine sent
 * @param boringSslReasons BoringSSL reason codes ({@code UNSUPPORTED_PROTOCOL})
 */
record TlsDiagnosis(Set<String> receivedAlerts, Set<String> sentAlerts, Set<String> boringSslReasons) {
    private static final Pattern JDK_ALERT = Pattern.compile("^\\(([a-z_0-9]+)\\) ");
    private static final Pattern JDK_RECEIVED = Pattern.compile("Received fatal alert: ([a-z_0-9]+)");
    private static final Pattern BORINGSSL_REASON = Pattern.compile("error:[0-9a-fA-F]+:SSL routines:[A-Za-z_]+:([A-Z_0-9]+)");
    private static final Pattern BORINGSSL_ALERT = Pattern.compile("(?:SSLV3|TLSV1)_ALERT_([A-Z_0-9]+)");

    static final Set<String> CERTIFICATE_REJECTED = Set.of("bad_certificate", "certificate_unknown",
            "unsupported_certificate", "certificate_revoked", "certificate_expired", "certificate_required",
            "access_denied");

    TlsDiagnosis {
        receivedAlerts = Set.copyOf(receivedAlerts);
        sentAlerts = Set.copyOf(sentAlerts);
        boringSslReasons = Set.copyOf(boringSslReasons);
    }

    static TlsDiagnosis of(Throwable failure) {
        Set<String> received = new LinkedHashSet<>();
        Set<String> sent = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            Matcher receivedAlert = JDK_RECEIVED.matcher(message);
            boolean jdkReceived = receivedAlert.find();
            if (jdkReceived) {
                received.add(receivedAlert.group(1));
            }
            Matcher jdkAlert = JDK_ALERT.matcher(message);
            if (jdkAlert.find() && !jdkReceived) {
                sent.add(jdkAlert.group(1));
            }
            Matcher reason = BORINGSSL_REASON.matcher(message);
            while (reason.find()) {
                reasons.add(reason.group(1));
                Matcher alert = BORINGSSL_ALERT.matcher(reason.group(1));
                if (alert.matches()) {
                    received.add(alert.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return new TlsDiagnosis(received, sent, reasons);
    }

    /** The peer sent an alert saying it does not accept this side's certificate. */
    boolean peerRejectedCertificate() {
        return receivedAlerts.stream().anyMatch(CERTIFICATE_REJECTED::contains);
    }

    /** The peer sent internal_error, which is how BoringSSL reports a certificate its trust manager refused. */
    boolean peerReportedInternalError() {
        return receivedAlerts.contains("internal_error");
    }

    /** The two sides share no protocol version, whichever side noticed. */
    boolean versionMismatch() {
        return receivedAlerts.contains("protocol_version") || sentAlerts.contains("protocol_version")
                || boringSslReasons.contains("UNSUPPORTED_PROTOCOL");
    }
}
