package dev.tentacle.tentacle.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tentacle.comms.ServiceEndpoint;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionIdsTest {

    @Test
    void idsAreTwentyLowerCaseLettersAndDigits() {
        SubscriptionIds ids = SubscriptionIds.secure();
        for (int i = 0; i < 200; i++) {
            String id = ids.next();
            assertThat(id).matches("[a-z0-9]{20}");
            assertThat(ServiceEndpoint.pollingUri(id).getHost()).isEqualTo(id);
        }
    }

    @Test
    void idsDoNotRepeat() {
        SubscriptionIds ids = SubscriptionIds.secure();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(ids.next());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aSeededGeneratorRepeatsItsIds() {
        assertThat(SubscriptionIds.from(new Random(7)).next()).isEqualTo(SubscriptionIds.from(new Random(7)).next());
    }

    @Test
    void everyCharacterOfTheAlphabetIsUsed() {
        SubscriptionIds ids = SubscriptionIds.from(new Random(1));
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.next().chars().forEach(c -> used.add((char) c));
        }
        assertThat(used).hasSize(SubscriptionIds.ALPHABET.length());
    }
}
