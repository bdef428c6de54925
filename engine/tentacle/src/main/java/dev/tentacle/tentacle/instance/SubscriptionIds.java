package dev.tentacle.tentacle.instance;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generates the subscription ids polling Tentacles poll as ({@code poll://ID/}): 20 lower-case letters and digits,
 * about 103 bits, so that ids chosen independently on many machines do not collide and cannot be guessed.
 */
public final class SubscriptionIds {
    /** Characters of a generated id. */
    public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Length of a generated id. */
    public static final int LENGTH = 20;

    private final RandomGenerator random;

    private SubscriptionIds(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Ids from a cryptographically strong generator. */
    public static SubscriptionIds secure() {
        return new SubscriptionIds(new SecureRandom());
    }

    /** Ids from the given generator, for tests that need repeatable ids. */
    public static SubscriptionIds from(RandomGenerator random) {
        return new SubscriptionIds(random);
    }

    public String next() {
        var id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
