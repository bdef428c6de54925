package dev.tentacle.servermanager.addmachine;

import java.util.Arrays;
import java.util.List;

/** Environment and role names typed in one field, separated by commas. */
final class Tags {
    private Tags() {
    }

    /** The names, stripped, blanks dropped; duplicates are left to the engine, which drops them ignoring case. */
    static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
