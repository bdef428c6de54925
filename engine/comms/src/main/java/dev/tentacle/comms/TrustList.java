package dev.tentacle.comms;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable list of trusted thumbprints. A certificate is trusted when any entry, SHA-1 or SHA-256, matches it.
 */
public record TrustList(Set<Thumbprint> thumbprints) {
    public TrustList {
        thumbprints = Set.copyOf(new LinkedHashSet<>(thumbprints));
    }

    public static TrustList of(Thumbprint... thumbprints) {
        return new TrustList(new LinkedHashSet<>(java.util.Arrays.asList(thumbprints)));
    }

    public static TrustList of(Collection<Thumbprint> thumbprints) {
        return new TrustList(new LinkedHashSet<>(thumbprints));
    }

    public static TrustList empty() {
        return new TrustList(Set.of());
    }

    public boolean trusts(X509Certificate certificate) {
        return matching(certificate).isPresent();
    }

    /** The entry that matches the certificate, if any. */
    public Optional<Thumbprint> matching(X509Certificate certificate) {
        return thumbprints.stream().filter(t -> t.matches(certificate)).findFirst();
    }

    public TrustList with(Thumbprint thumbprint) {
        var copy = new LinkedHashSet<>(thumbprints);
        copy.add(thumbprint);
        return new TrustList(copy);
    }

    public TrustList without(Thumbprint thumbprint) {
        var copy = new LinkedHashSet<>(thumbprints);
        copy.remove(thumbprint);
        return new TrustList(copy);
    }

    public boolean isEmpty() {
        return thumbprints.isEmpty();
    }

    /** Entries sorted for stable display in messages. */
    public List<String> describe() {
        return thumbprints.stream().map(Thumbprint::hex).sorted().toList();
    }
}
