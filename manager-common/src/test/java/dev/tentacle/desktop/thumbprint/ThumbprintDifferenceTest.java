package dev.tentacle.desktop.thumbprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.desktop.thumbprint.ThumbprintDifference.Run;
import org.junit.jupiter.api.Test;

class ThumbprintDifferenceTest {
    static final String SHA1 = "6E7D3A5F0C1B2A3948576A6B7C8D9E0F1A2B3C4D";

    @Test
    void equalThumbprintsMatchIgnoringCaseSpacesAndColons() {
        ThumbprintDifference same = ThumbprintDifference.of("6e:7d:3a:5f 0c1b2a3948576a6b7c8d9e0f1a2b3c4d", SHA1);

        assertThat(same.matches()).isTrue();
        assertThat(same.differing()).isEmpty();
        assertThat(same.expected()).containsExactly(new Run(SHA1, false, 0));
        assertThat(same.actual()).containsExactly(new Run(SHA1, false, 0));
        assertThat(same.markers()).isEmpty();
        assertThat(same.summary()).isEqualTo("The thumbprints match: all 40 characters are the same.");
    }

    @Test
    void marksEachDifferingCharacterInBothThumbprints() {
        String typed = "6E7D3A5F0C1B2A3948576A6B7C8D9E0F1A2B3C4E";
        String presented = "6E7D9A5F0C1B2A3948576A6B7C8D9E0F1A2B3C4D";

        ThumbprintDifference difference = ThumbprintDifference.of(typed, presented);

        assertThat(difference.matches()).isFalse();
        assertThat(difference.differing()).containsExactly(4, 39);
        assertThat(difference.expected()).containsExactly(new Run("6E7D", false, 0), new Run("3", true, 4),
                new Run("A5F0C1B2A3948576A6B7C8D9E0F1A2B3C4", false, 5), new Run("E", true, 39));
        assertThat(difference.actual()).containsExactly(new Run("6E7D", false, 0), new Run("9", true, 4),
                new Run("A5F0C1B2A3948576A6B7C8D9E0F1A2B3C4", false, 5), new Run("D", true, 39));
        assertThat(difference.markers()).isEqualTo("    ^" + " ".repeat(34) + "^");
        assertThat(difference.summary()).isEqualTo("2 of 40 characters differ (marked), the first at position 5.");
    }

    @Test
    void consecutiveDifferencesFormOneRun() {
        ThumbprintDifference difference = ThumbprintDifference.of("AAAABBBB", "AAAACCCC");

        assertThat(difference.expected()).containsExactly(new Run("AAAA", false, 0), new Run("BBBB", true, 4));
        assertThat(difference.differing()).containsExactly(4, 5, 6, 7);
    }

    @Test
    void theLongerOnesExtraCharactersDifferAndTheSummarySaysToCompareTheSameForm() {
        String sha256 = SHA1 + "0123456789ABCDEF01234567";

        ThumbprintDifference difference = ThumbprintDifference.of(SHA1, sha256);

        assertThat(difference.lengthsDiffer()).isTrue();
        assertThat(difference.length()).isEqualTo(64);
        assertThat(difference.expected()).containsExactly(new Run(SHA1, false, 0));
        assertThat(difference.actual()).containsExactly(new Run(SHA1, false, 0),
                new Run("0123456789ABCDEF01234567", true, 40));
        assertThat(difference.differing()).hasSize(24).startsWith(40).endsWith(63);
        assertThat(difference.summary()).startsWith("The thumbprints have different lengths (40 and 64 characters)")
                .contains("SHA-1 (40) with SHA-1").endsWith("24 of 64 characters differ.");
    }

    @Test
    void anEmptyOrMissingThumbprintDiffersEverywhere() {
        ThumbprintDifference difference = ThumbprintDifference.of(null, "ABCD");

        assertThat(difference.expected()).isEmpty();
        assertThat(difference.actual()).containsExactly(new Run("ABCD", true, 0));
        assertThat(difference.differing()).containsExactly(0, 1, 2, 3);
        assertThat(ThumbprintDifference.of("", "").matches()).isTrue();
    }

    @Test
    void normalizesWhatCertificateViewersInsert() {
        assertThat(ThumbprintDifference.normalize("\u200E6e 7d:3a\t5f\n")).isEqualTo("6E7D3A5F");
        assertThat(ThumbprintDifference.normalize(null)).isEmpty();
    }
}
