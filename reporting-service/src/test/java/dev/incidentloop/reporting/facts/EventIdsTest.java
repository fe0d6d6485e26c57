package dev.incidentloop.reporting.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void keeps_each_id_once_through_growing_and_gives_them_all_back() {
        EventIds ids = new EventIds();
        Set<UUID> expected = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = i % 2 == 0 ? UUID.randomUUID()
                    : UUID.nameUUIDFromBytes(("event-" + i).getBytes(StandardCharsets.UTF_8));
            assertThat(ids.add(id)).isTrue();
            expected.add(id);
        }
        for (UUID id : expected) {
            assertThat(ids.add(id)).isFalse();
        }
        List<UUID> given = new ArrayList<>();
        ids.forEach(given::add);

        assertThat(ids.size()).isEqualTo(10_000);
        assertThat(given).hasSize(10_000).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void the_all_zero_id_is_an_id_like_any_other() {
        EventIds ids = new EventIds();
        UUID zero = new UUID(0, 0);

        assertThat(ids.add(zero)).isTrue();
        assertThat(ids.add(zero)).isFalse();
        assertThat(ids.add(new UUID(0, 1))).isTrue();
        List<UUID> given = new ArrayList<>();
        ids.forEach(given::add);

        assertThat(ids.size()).isEqualTo(2);
        assertThat(given).containsExactlyInAnyOrder(zero, new UUID(0, 1));
    }
}
