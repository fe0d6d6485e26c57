package dev.incidentloop.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionRejected;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SummariesTest {

    private static final UUID INCIDENT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-08T09:00:00Z");

    @Test
    void an_answer_the_reporter_gave_names_them() {
        assertThat(Summaries.of(new ResolutionConfirmed(INCIDENT, 4, null, "li.wei", null, NOW)))
                .hasValue("Resolution confirmed by li.wei, satisfaction 4/5");
    }

    @Test
    void an_answer_a_responder_recorded_for_the_reporter_names_both() {
        assertThat(Summaries.of(new ResolutionConfirmed(INCIDENT, 5, "by phone", "zhang.min", "li.wei", NOW)))
                .hasValue("Resolution confirmed by zhang.min for li.wei, satisfaction 5/5");
        assertThat(Summaries.of(new ResolutionRejected(INCIDENT, "still slow", "zhang.min", "li.wei", NOW)))
                .hasValue("Resolution rejected by zhang.min for li.wei: still slow");
    }
}
