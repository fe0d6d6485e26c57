package dev.incidentloop.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.Chromium;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The monthly report page in a real headless Chromium (Debian's chromium and chromium-driver, see {@link Chromium}):
 * the page loads with an analyst's credentials, its chart script runs, and the chart and the figures show what the events say.
 */
@ServiceIntegrationTest
class ReportPageIT {

    private static Chromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void the_report_page_shows_the_figures_and_draws_the_trend_with_its_forecast() {
        // May 2024: 3 incidents; June 2024: 6, of which 4 acknowledged
        List<Instant> reports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reports.add(Instant.parse("2024-05-10T09:00:00Z").plus(Duration.ofDays(i)));
        }
        for (int i = 0; i < 6; i++) {
            reports.add(Instant.parse("2024-06-03T09:00:00Z").plus(Duration.ofDays(i)));
        }
        for (int i = 0; i < reports.size(); i++) {
            publish(reports.get(i), i >= 3 && i < 7);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get()
                .uri("/kpi/summary?period=month&date=2024-06-01")
                .headers(h -> h.setBasicAuth(TestUsers.ANALYST, TestUsers.password(TestUsers.ANALYST)))
                .exchange().expectBody().jsonPath("$.total").isEqualTo(6).jsonPath("$.acknowledged").isEqualTo(4));
        double forecast = Math.round(HoltForecast.fit(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 6)).value() * 10)
                / 10.0;

        browser.get("http://" + TestUsers.ANALYST + ":" + TestUsers.password(TestUsers.ANALYST) + "@127.0.0.1:"
                + port + "/reports/monthly.html?month=2024-06");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b ->
                "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-chart")));

        assertThat(browser.getTitle()).isEqualTo("Service report 2024-06");
        assertThat(browser.findElement(By.cssSelector("td[data-kpi=total]")).getText()).isEqualTo("6");
        assertThat(browser.findElement(By.cssSelector("td[data-kpi=timeToAcknowledge]")).getText())
                .isEqualTo("10m 00s / 10m 00s / 10m 00s");
        assertThat(browser.findElement(By.cssSelector("td[data-month='2024-05']")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.cssSelector("td[data-month='2024-07']")).getText())
                .isEqualTo(Double.toString(forecast));
        var canvas = browser.findElement(By.cssSelector("#trend-chart canvas"));
        assertThat(canvas.getSize().getWidth()).isGreaterThan(300);
        assertThat(canvas.getSize().getHeight()).isGreaterThan(100);
        // what uPlot drew: twelve months of volume, then the forecast joined to the last month
        Object drawn = browser.executeScript("return [window.trendChart.data[1], window.trendChart.data[2]];");
        assertThat(String.valueOf(drawn)).isEqualTo("[[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 6, null], "
                + "[null, null, null, null, null, null, null, null, null, null, null, 6, " + number(forecast) + "]]");
        Object errors = browser.executeScript("return window.trendChart.series.map(s => s.label).join(',');");
        assertThat(errors).isEqualTo("month,incidents,forecast");
    }

    /** As the browser's script engine hands numbers back to Java: whole numbers without a fraction. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private void publish(Instant at, boolean acknowledged) {
        UUID id = UUID.randomUUID();
        List<IncidentEvent> events = new ArrayList<>(List.of(
                new IncidentReported(id, "Conveyor stopped", null, Category.EMERGENCY, "li.wei", "http", at),
                new IncidentClassified(id, Category.EMERGENCY,
                        new Classification.Emergency(dev.incidentloop.events.EmergencyKind.EQUIPMENT_FAILURE),
                        Priority.P2, "li.wei", at)));
        if (acknowledged) {
            events.add(new IncidentAcknowledged(id, "zhang.min", at.plusSeconds(600)));
        }
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            IncidentEvent event = events.get(i);
            records.add(codec.encode(new EventEnvelope(UUID.randomUUID(), "/test", event.occurredAt(), i, event)));
        }
        KafkaProbe.sendAll(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), id.toString(),
                records);
    }
}
