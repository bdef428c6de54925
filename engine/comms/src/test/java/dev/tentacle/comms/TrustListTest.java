package dev.tentacle.comms;

import static dev.tentacle.comms.TestCertificates.SERVER;
import static dev.tentacle.comms.TestCertificates.TENTACLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustListTest {
    private static final Thumbprint TENTACLE_SHA1 = Thumbprint.sha1(TENTACLE);
    private static final Thumbprint TENTACLE_SHA256 = Thumbprint.sha256(TENTACLE);
    private static final Thumbprint SERVER_SHA1 = Thumbprint.sha1(SERVER);
    private static final Thumbprint SERVER_SHA256 = Thumbprint.sha256(SERVER);

    @Test
    void trustsACertificateListedByItsSha1Thumbprint() {
        TrustList list = TrustList.of(TENTACLE_SHA1);

        assertThat(list.trusts(TENTACLE)).isTrue();
        assertThat(list.matching(TENTACLE)).contains(TENTACLE_SHA1);
    }

    @Test
    void trustsACertificateListedByItsSha256Thumbprint() {
        TrustList list = TrustList.of(TENTACLE_SHA256);

        assertThat(list.trusts(TENTACLE)).isTrue();
        assertThat(list.matching(TENTACLE)).contains(TENTACLE_SHA256);
    }

    @Test
    void doesNotTrustACertificateThatNoEntryMatches() {
        TrustList list = TrustList.of(SERVER_SHA1, SERVER_SHA256);

        assertThat(list.trusts(TENTACLE)).isFalse();
        assertThat(list.matching(TENTACLE)).isEmpty();
    }

    @Test
    void findsTheMatchingEntryAmongOthers() {
        TrustList list = TrustList.of(List.of(SERVER_SHA256, TENTACLE_SHA1, Thumbprint.parse("AB".repeat(32))));

        assertThat(list.matching(TENTACLE)).contains(TENTACLE_SHA1);
        assertThat(list.matching(SERVER)).contains(SERVER_SHA256);
    }

    @Test
    void anEmptyListTrustsNobody() {
        assertThat(TrustList.empty().isEmpty()).isTrue();
        assertThat(TrustList.empty().trusts(TENTACLE)).isFalse();
        assertThat(TrustList.of().isEmpty()).isTrue();
    }

    @Test
    void withAddsAnEntryAndLeavesTheOriginalUnchanged() {
        TrustList original = TrustList.of(SERVER_SHA1);

        TrustList extended = original.with(TENTACLE_SHA256);

        assertThat(extended.thumbprints()).containsExactlyInAnyOrder(SERVER_SHA1, TENTACLE_SHA256);
        assertThat(extended.trusts(TENTACLE)).isTrue();
        assertThat(original.thumbprints()).containsExactly(SERVER_SHA1);
        assertThat(original.trusts(TENTACLE)).isFalse();
    }

    @Test
    void withAnEntryAlreadyPresentChangesNothing() {
        TrustList list = TrustList.of(SERVER_SHA1);

        assertThat(list.with(SERVER_SHA1)).isEqualTo(list);
        assertThat(list.with(Thumbprint.parse(SERVER_SHA1.hex().toLowerCase()))).isEqualTo(list);
    }

    @Test
    void withoutRemovesAnEntryAndLeavesTheOriginalUnchanged() {
        TrustList original = TrustList.of(SERVER_SHA1, TENTACLE_SHA1);

        TrustList reduced = original.without(TENTACLE_SHA1);

        assertThat(reduced.thumbprints()).containsExactly(SERVER_SHA1);
        assertThat(reduced.trusts(TENTACLE)).isFalse();
        assertThat(original.trusts(TENTACLE)).isTrue();
    }

    @Test
    void withoutRemovesOnlyTheGivenFormOfACertificate() {
        TrustList list = TrustList.of(TENTACLE_SHA1, TENTACLE_SHA256);

        TrustList reduced = list.without(TENTACLE_SHA1);

        assertThat(reduced.thumbprints()).containsExactly(TENTACLE_SHA256);
        assertThat(reduced.trusts(TENTACLE)).isTrue();
    }

    @Test
    void withoutAnAbsentEntryChangesNothing() {
        TrustList list = TrustList.of(SERVER_SHA1);

        assertThat(list.without(TENTACLE_SHA1)).isEqualTo(list);
        assertThat(TrustList.empty().without(TENTACLE_SHA1).isEmpty()).isTrue();
    }

    @Test
    void itsEntriesCannotBeModified() {
        TrustList list = TrustList.of(SERVER_SHA1);

        assertThatThrownBy(() -> list.thumbprints().add(TENTACLE_SHA1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.thumbprints().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(list.thumbprints()).containsExactly(SERVER_SHA1);
    }

    @Test
    void changingTheSetItWasBuiltFromDoesNotChangeIt() {
        Set<Thumbprint> source = new HashSet<>(Set.of(SERVER_SHA1));
        TrustList list = new TrustList(source);

        source.add(TENTACLE_SHA1);

        assertThat(list.thumbprints()).containsExactly(SERVER_SHA1);
        assertThat(list.trusts(TENTACLE)).isFalse();
    }

    @Test
    void changingTheCollectionItWasBuiltFromDoesNotChangeIt() {
        List<Thumbprint> source = new ArrayList<>(List.of(SERVER_SHA1));
        TrustList list = TrustList.of(source);

        source.add(TENTACLE_SHA1);

        assertThat(list.trusts(TENTACLE)).isFalse();
    }

    @Test
    void aCollectionWithDuplicateEntriesKeepsEachOnce() {
        TrustList list = TrustList.of(List.of(SERVER_SHA1, SERVER_SHA1, Thumbprint.parse(SERVER_SHA1.hex().toLowerCase())));

        assertThat(list.thumbprints()).containsExactly(SERVER_SHA1);
    }

    @Test
    void varargsWithDuplicateEntriesKeepsEachOnce() {
        TrustList list = TrustList.of(SERVER_SHA1, SERVER_SHA1);

        assertThat(list.thumbprints()).containsExactly(SERVER_SHA1);
    }

    @Test
    void listsWithTheSameEntriesAreEqual() {
        assertThat(TrustList.of(SERVER_SHA1, TENTACLE_SHA256)).isEqualTo(TrustList.of(List.of(TENTACLE_SHA256, SERVER_SHA1)));
    }

    @Test
    void describesItsEntriesSorted() {
        Thumbprint low = Thumbprint.parse("00".repeat(20));
        Thumbprint high = Thumbprint.parse("FF".repeat(32));
        Thumbprint middle = Thumbprint.parse("88".repeat(20));

        assertThat(TrustList.of(high, low, middle).describe()).containsExactly(low.hex(), middle.hex(), high.hex());
    }
}
