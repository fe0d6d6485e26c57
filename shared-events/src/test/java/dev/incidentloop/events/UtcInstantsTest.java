package dev.incidentloop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {

    private final ObjectMapper mapper = EventCodec.defaultMapper();

    @Test
    void the_strict_form_reads_as_the_jdk_reads_it_at_every_precision() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    List.of(0, 1, 120_000_000, 123_456_000, 123_456_789).get(i % 5));
            String text = instant.toString();
            assertThat(UtcInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(UtcInstants.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
    }

    @Test
    void other_forms_are_left_to_the_general_reader() {
        for (String text : List.of("2023-02-29T10:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T08:21:00+08:00",
                "2026-03-02 08:21:00Z", "2026-03-02T08:21:00.Z", "+12026-03-02T08:21:00Z", "2026-3-02T08:21:00Z",
                "2026-03-02T08:21:00.1234567890Z")) {
            assertThat(UtcInstants.parse(text)).as(text).isNull();
        }
    }

    @Test
    void the_mapper_reads_both_and_rejects_what_jackson_rejects() throws Exception {
        assertThat(mapper.readValue("\"2026-03-02T08:21:00.5Z\"", Instant.class))
                .isEqualTo(Instant.parse("2026-03-02T08:21:00.5Z"));
        assertThat(mapper.readValue("\"2026-03-02T08:21:00+08:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-03-02T00:21:00Z"));
        assertThat(mapper.readValue("1772439660", Instant.class)).isEqualTo(Instant.ofEpochSecond(1772439660));
        assertThatThrownBy(() -> mapper.readValue("\"2023-02-29T10:00:00Z\"", Instant.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
    }
}
