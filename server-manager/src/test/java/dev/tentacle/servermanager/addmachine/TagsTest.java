package dev.tentacle.servermanager.addmachine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagsTest {
    @Test
    void splitsOnCommasAndDropsBlanks() {
        assertThat(Tags.parse(" web , api,, ")).containsExactly("web", "api");
        assertThat(Tags.parse("  ")).isEmpty();
        assertThat(Tags.parse(null)).isEmpty();
    }
}
