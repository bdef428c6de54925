package dev.tentacle.comms.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.ErrorCode;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips of generated values through {@link RpcCodec}. Generation is seeded, so a failure reproduces; the
 * case's seed is in the test's display name.
 */
class RpcCodecRoundTripPropertyTest {

    record Leaf(String text, long number, boolean flag, Optional<String> maybe) {
    }

    record Tree(String name, List<Leaf> leaves, List<List<String>> grid, Map<String, Integer> counts, Optional<Tree> child,
            Instant at, Duration took, double ratio) {
    }

    interface TreeService {
        Tree plant(Tree tree, String label, long seed);
    }

    record Case(long seed, Tree tree, String label, String errorMessage) {
        @Override
        public String toString() {
            return "seed " + seed;
        }
    }

    private static final Method PLANT = ServiceContract.of(TreeService.class).method("plant").orElseThrow();
    private static final ErrorCode[] CODES = ErrorCode.values();

    static Stream<Case> cases() {
        return IntStream.range(0, 200).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            return new Case(seed, tree(random, 3), text(random), text(random));
        });
    }

    private static Tree tree(SplittableRandom random, int depth) {
        List<Leaf> leaves = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            leaves.add(new Leaf(nullable(random, text(random)), random.nextLong(), random.nextBoolean(),
                    random.nextBoolean() ? Optional.of(text(random)) : Optional.empty()));
        }
        List<List<String>> grid = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            List<String> row = new ArrayList<>();
            for (int j = random.nextInt(3); j > 0; j--) {
                row.add(text(random));
            }
            grid.add(row);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            counts.put(text(random), random.nextInt());
        }
        Optional<Tree> child = depth > 0 && random.nextBoolean() ? Optional.of(tree(random, depth - 1)) : Optional.empty();
        Instant at = Instant.ofEpochSecond(random.nextLong(-10_000_000_000L, 10_000_000_000L), random.nextInt(1_000_000_000));
        // Whole milliseconds: durations travel as decimal seconds and lose digits beyond a double's precision
        // (see RpcCodecTest.durationsKeepNanosecondPrecisionWhateverTheirLength).
        Duration took = Duration.ofMillis(random.nextLong(-1_000_000_000_000L, 1_000_000_000_000L));
        double ratio = random.nextBoolean() ? random.nextDouble() : random.nextDouble(-1e300, 1e300);
        return new Tree(nullable(random, text(random)), leaves, grid, counts, child, nullable(random, at), took, ratio);
    }

    private static <T> T nullable(SplittableRandom random, T value) {
        return random.nextInt(8) == 0 ? null : value;
    }

    /** Text mixing ASCII, JSON metacharacters, control characters, accented letters and characters outside the BMP. */
    private static String text(SplittableRandom random) {
        String[] pieces = {"a", "Z", "0", " ", "\"", "\\", "/", "{", "}", "[", "]", ":", ",", "\n", "\t", "\u0000", "\u001f",
            "é", "ß", "€", "\u2028", "日本", "🐙", "𝄞", "null", "true"};
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void argumentsArriveEqualToWhatWasSent(Case c) {
        RpcCodec codec = new RpcCodec();

        RpcCodec.Request request = codec.decodeRequest(
                codec.encodeRequest("TreeService", "plant", new Object[] {c.tree(), c.label(), c.seed()}).json());
        Object[] args = codec.readArguments(PLANT, request.args(), (index, length) -> {
            throw new AssertionError("no streams were sent");
        });

        assertThat(args).containsExactly(c.tree(), c.label(), c.seed());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void resultsArriveEqualToWhatWasReturned(Case c) {
        RpcCodec codec = new RpcCodec();

        Object result = codec.decodeResponse(codec.encodeResponse(c.tree()).json(), Tree.class, (index, length) -> {
            throw new AssertionError("no streams were sent");
        });

        assertThat(result).isEqualTo(c.tree());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void errorsArriveWithTheirCodeAndMessage(Case c) {
        RpcCodec codec = new RpcCodec();
        ErrorCode code = CODES[(int) (c.seed() % CODES.length)];

        var decoded = codec.decodeError(codec.encodeError(code, c.errorMessage()));

        assertThat(decoded.code()).isEqualTo(code);
        assertThat(decoded.getMessage()).isEqualTo(c.errorMessage());
    }
}
