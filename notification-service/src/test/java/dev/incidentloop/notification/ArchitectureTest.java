package dev.incidentloop.notification;

import dev.incidentloop.testsupport.Boundaries;
import org.junit.jupiter.api.Test;

/**
 * notification-service's slices: what is known of each incident's route, the feeds and the webhooks, each with its
 * own storage and HTTP API; the on-call console and the configuration sit on top of them. The rules that decide which
 * feeds an event reaches, what an item says and how a delivery is signed need no infrastructure.
 */
class ArchitectureTest {

    private static final Boundaries SERVICE = Boundaries.of("dev.incidentloop.notification");

    @Test
    void no_package_depends_on_itself_through_another() {
        SERVICE.haveNoPackageCycles();
    }

    @Test
    void the_slices_use_neither_the_console_nor_the_configuration() {
        SERVICE.keepDomainApartFromAdapters(new String[] {"route", "feed", "webhook"},
                new String[] {"console", "config"});
    }

    @Test
    void the_feed_and_delivery_rules_use_no_spring_jdbc_or_kafka_client() {
        SERVICE.keepFreeOfInfrastructure("feed.Feeds", "feed.Summaries", "webhook.WebhookSigner");
    }
}
