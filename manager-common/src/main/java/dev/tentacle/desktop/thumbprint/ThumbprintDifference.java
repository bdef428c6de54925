package dev.tentacle.desktop.thumbprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Two thumbprints compared character by character, position by position, as {@link ThumbprintDiff} shows them: one
 * above the other, the characters that differ highlighted. Thumbprints are compared as written by a person, so spaces,
 * colons and case do not count (certificate viewers insert them); a thumbprint is a hash of fixed length, so a
 * character at one position is compared with the character at the same position of the other, and the part of the
 * longer one beyond the shorter one's end differs.
 *
 * @param expected the first thumbprint (normally the one the user expects), in runs of matching and differing characters
 * @param actual the second (normally the one a machine presented), in runs likewise
 * @param differing the positions (from 0) where the two differ, including the longer one's extra characters
 */
public record ThumbprintDifference(List<Run> expected, List<Run> actual, List<Integer> differing) {

    /**
     * Consecutive characters that all match, or all differ.
     *
     * @param start the position of the first character, from 0
     */
    public record Run(String text, boolean differs, int start) {
        public Run {
            Objects.requireNonNull(text, "text");
        }
    }

    public ThumbprintDifference {
        expected = List.copyOf(expected);
        actual = List.copyOf(actual);
        differing = List.copyOf(differing);
    }

    /** Compares two thumbprints as typed or shown; either may be empty. */
    public static ThumbprintDifference of(String expected, String actual) {
        String left = normalize(expected);
        String right = normalize(actual);
        int length = Math.max(left.length(), right.length());
        List<Integer> differing = IntStream.range(0, length)
                .filter(i -> i >= left.length() || i >= right.length() || left.charAt(i) != right.charAt(i))
                .boxed().toList();
        return new ThumbprintDifference(runs(left, right), runs(right, left), differing);
    }

    /** Upper case, without the spaces, colons and invisible marks that certificate viewers add. */
    public static String normalize(String thumbprint) {
        return thumbprint == null ? ""
                : thumbprint.replaceAll("[\\s:\\u200E\\u200F\\uFEFF]", "").toUpperCase(Locale.ROOT);
    }

    private static List<Run> runs(String text, String other) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            boolean differs = differsAt(text, other, start);
            int end = start + 1;
            while (end < text.length() && differsAt(text, other, end) == differs) {
                end++;
            }
            runs.add(new Run(text.substring(start, end), differs, start));
            start = end;
        }
        return runs;
    }

    private static boolean differsAt(String text, String other, int i) {
        return i >= other.length() || text.charAt(i) != other.charAt(i);
    }

    /** True when both are the same thumbprint, ignoring spaces, colons and case. */
    public boolean matches() {
        return differing.isEmpty();
    }

    /** The number of characters of the longer thumbprint. */
    public int length() {
        return Math.max(lengthOf(expected), lengthOf(actual));
    }

    /** The thumbprints have different lengths: one is SHA-1 (40) and the other SHA-256 (64), or one is cut short. */
    public boolean lengthsDiffer() {
        return lengthOf(expected) != lengthOf(actual);
    }

    /** {@code ^} under each position that differs, spaces elsewhere: a marker line that needs no colour to read. */
    public String markers() {
        StringBuilder line = new StringBuilder(" ".repeat(length()));
        differing.forEach(i -> line.setCharAt(i, '^'));
        return line.toString().stripTrailing();
    }

    /** One sentence for a person: whether they match, and if not how many characters differ and where. */
    public String summary() {
        if (matches()) {
            return "The thumbprints match: all " + length() + " characters are the same.";
        }
        if (lengthsDiffer()) {
            return "The thumbprints have different lengths (" + lengthOf(expected) + " and " + lengthOf(actual)
                    + " characters): compare the same form, SHA-1 (40) with SHA-1 or SHA-256 (64) with SHA-256. "
                    + differing.size() + " of " + length() + " characters differ.";
        }
        return differing.size() + " of " + length() + " characters differ (marked), the first at position "
                + (differing.getFirst() + 1) + ".";
    }

    private static int lengthOf(List<Run> runs) {
        return runs.stream().mapToInt(run -> run.text().length()).sum();
    }
}
