package dev.tentacle.benchmarks.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one command's runs, in milliseconds, and the statistics the report shows. */
final class Samples {
    private final List<Double> millis = new ArrayList<>();

    void add(double value) {
        millis.add(value);
    }

    int size() {
        return millis.size();
    }

    List<Double> values() {
        return List.copyOf(millis);
    }

    double median() {
        return percentile(50);
    }

    /**
     * The value at this percentile, interpolating between neighbours (the median of an even count is the mean of
     * the middle two).
     *
     * @throws IllegalStateException when there are no samples
     */
    double percentile(double percent) {
        if (millis.isEmpty()) {
            throw new IllegalStateException("No samples");
        }
        var sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double rank = percent / 100.0 * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (rank - below);
    }

    double min() {
        return percentile(0);
    }

    /**
     * The median of the per-round ratios {@code this[i] / floor[i]}: runs of one round are taken back to back, so
     * their ratio cancels out most of what the machine's load does to both.
     */
    double medianRatioTo(Samples floor) {
        if (floor.size() != size()) {
            throw new IllegalArgumentException("Both commands need the same number of runs");
        }
        var ratios = new Samples();
        for (int i = 0; i < size(); i++) {
            ratios.add(millis.get(i) / floor.millis.get(i));
        }
        return ratios.median();
    }
}
