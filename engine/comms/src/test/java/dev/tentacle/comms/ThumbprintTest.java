package dev.tentacle.comms;

import static dev.tentacle.comms.TestCertificates.SERVER;
import static dev.tentacle.comms.TestCertificates.TENTACLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tentacle.comms.Thumbprint.Algorithm;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbprintTest {
    private static final String SHA1 = "0123456789ABCDEF0123456789ABCDEF01234567";
    private static final String SHA256 = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";

    @Test
    void parsesUppercaseHexOfBothLengths() {
        assertThat(Thumbprint.parse(SHA1).hex()).isEqualTo(SHA1);
        assertThat(Thumbprint.parse(SHA256).hex()).isEqualTo(SHA256);
    }

    @Test
    void parsesLowercaseAndMixedCaseIntoUppercase() {
        assertThat(Thumbprint.parse(SHA1.toLowerCase(Locale.ROOT)).hex()).isEqualTo(SHA1);
        assertThat(Thumbprint.parse("0123456789abcdefABCDEF0123456789abcdef01").hex())
                .isEqualTo("0123456789ABCDEFABCDEF0123456789ABCDEF01");
    }

    @Test
    void ignoresTheColonsAndSpacesThatCertificateViewersInsert() {
        String withColons = String.join(":", SHA1.split("(?<=\\G..)"));
        String withSpaces = String.join(" ", SHA256.toLowerCase(Locale.ROOT).split("(?<=\\G..)"));

        assertThat(withColons).startsWith("01:23:45");
        assertThat(Thumbprint.parse(withColons).hex()).isEqualTo(SHA1);
        assertThat(Thumbprint.parse(withSpaces).hex()).isEqualTo(SHA256);
        assertThat(Thumbprint.parse("  " + SHA1 + "\n").hex()).isEqualTo(SHA1);
    }

    static Stream<String> wrongLengths() {
        return Stream.of("", "0", SHA1.substring(1), SHA1 + "0", SHA256.substring(1), SHA256 + "0", SHA256 + SHA1);
    }

    @ParameterizedTest
    @MethodSource("wrongLengths")
    void rejectsAThumbprintOfTheWrongLengthWithAMessageNamingBothLengths(String text) {
        assertThatThrownBy(() -> Thumbprint.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40 (SHA-1)")
                .hasMessageContaining("64 (SHA-256)")
                .hasMessageContaining("hexadecimal");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "G123456789ABCDEF0123456789ABCDEF01234567",
            "0123456789ABCDEF0123456789ABCDEF0123456Z",
            "0123456789ABCDEF-123456789ABCDEF01234567",
            "0x23456789ABCDEF0123456789ABCDEF01234567",
            "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEÉ"})
    void rejectsNonHexCharactersWithAMessageNamingBothLengths(String text) {
        assertThatThrownBy(() -> Thumbprint.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40 (SHA-1) or 64 (SHA-256) hexadecimal characters");
    }

    @Test
    void rejectsAMissingThumbprintWithTheSameGuidance() {
        assertThatThrownBy(() -> Thumbprint.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40 (SHA-1) or 64 (SHA-256) hexadecimal characters");
    }

    @Test
    void theRejectionQuotesWhatWasEntered() {
        assertThatThrownBy(() -> Thumbprint.parse("not-a-thumbprint"))
                .hasMessageContaining("'NOT-A-THUMBPRINT'");
    }

    @Test
    void theConstructorAcceptsOnlyTheCanonicalUppercaseForm() {
        assertThat(new Thumbprint(SHA1).hex()).isEqualTo(SHA1);
        assertThatThrownBy(() -> new Thumbprint(SHA1.toLowerCase(Locale.ROOT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thumbprint(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAlgorithmFollowsTheLength() {
        assertThat(Thumbprint.parse(SHA1).algorithm()).isEqualTo(Algorithm.SHA1);
        assertThat(Thumbprint.parse(SHA256).algorithm()).isEqualTo(Algorithm.SHA256);
        assertThat(Algorithm.SHA1.hexLength()).isEqualTo(40);
        assertThat(Algorithm.SHA256.hexLength()).isEqualTo(64);
    }

    @Test
    void differentSpellingsOfOneThumbprintAreEqual() {
        assertThat(Thumbprint.parse(SHA1.toLowerCase(Locale.ROOT))).isEqualTo(Thumbprint.parse(SHA1))
                .hasSameHashCodeAs(Thumbprint.parse(SHA1));
    }

    @Test
    void printsAsItsHex() {
        assertThat(Thumbprint.parse(SHA1)).hasToString(SHA1);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aCertificatesOwnThumbprintMatchesIt(Algorithm algorithm) {
        Thumbprint thumbprint = Thumbprint.of(TENTACLE, algorithm);

        assertThat(thumbprint.algorithm()).isEqualTo(algorithm);
        assertThat(thumbprint.hex()).hasSize(algorithm.hexLength());
        assertThat(thumbprint.matches(TENTACLE)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void anotherCertificatesThumbprintDoesNotMatch(Algorithm algorithm) {
        assertThat(Thumbprint.of(SERVER, algorithm).matches(TENTACLE)).isFalse();
    }

    @Test
    void thumbprintsAreTheDigestsOfTheEncodedCertificate() throws Exception {
        HexFormat hex = HexFormat.of().withUpperCase();
        byte[] der = TENTACLE.getEncoded();

        assertThat(Thumbprint.sha1(TENTACLE).hex())
                .isEqualTo(hex.formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(der)));
        assertThat(Thumbprint.sha256(TENTACLE).hex())
                .isEqualTo(hex.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der)));
    }

    @Test
    void aPastedLowercaseThumbprintWithColonsStillMatches() {
        String pasted = String.join(":", Thumbprint.sha1(TENTACLE).hex().toLowerCase(Locale.ROOT).split("(?<=\\G..)"));

        assertThat(Thumbprint.parse(pasted).matches(TENTACLE)).isTrue();
    }

    @Test
    void isValidAcceptsWhatParseAccepts() {
        assertThat(Thumbprint.isValid(SHA1)).isTrue();
        assertThat(Thumbprint.isValid(SHA256.toLowerCase(Locale.ROOT))).isTrue();
        assertThat(Thumbprint.isValid("01:23 " + SHA1.substring(4))).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "0123", "0123456789ABCDEF0123456789ABCDEF0123456G"})
    void isValidRejectsWhatParseRejectsWithoutThrowing(String text) {
        assertThat(Thumbprint.isValid(text)).isFalse();
    }

    record Spelling(long seed, String canonical, String spelled) {
        @Override
        public String toString() {
            return "seed " + seed + ": '" + spelled + "'";
        }
    }

    /** Random thumbprints of both lengths, spelled with random case and random separators. */
    static Stream<Spelling> spellings() {
        return IntStream.range(0, 200).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int length = random.nextBoolean() ? 40 : 64;
            StringBuilder canonical = new StringBuilder();
            StringBuilder spelled = new StringBuilder(random.nextBoolean() ? " " : "");
            for (int i = 0; i < length; i++) {
                char c = "0123456789ABCDEF".charAt(random.nextInt(16));
                canonical.append(c);
                spelled.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
                switch (random.nextInt(4)) {
                    case 0 -> spelled.append(':');
                    case 1 -> spelled.append(' ');
                    default -> { }
                }
            }
            return new Spelling(seed, canonical.toString(), spelled.toString());
        });
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void everySpellingParsesToTheCanonicalForm(Spelling s) {
        assertThat(Thumbprint.isValid(s.spelled())).isTrue();
        assertThat(Thumbprint.parse(s.spelled()).hex()).isEqualTo(s.canonical());
        assertThat(Thumbprint.parse(Thumbprint.parse(s.spelled()).toString())).isEqualTo(Thumbprint.parse(s.spelled()));
    }
}
