package dev.incidentloop.benchmark;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.Topics;
import dev.incidentloop.launcher.LocalPlatform;
import dev.incidentloop.launcher.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * Alerts over HTTP, Alertmanager and the intake gateway side by side on this machine: the same alerts (a share of
 * them repeats), in requests of 1 and of 50 alerts, over the same number of keep-alive connections. Alertmanager
 * takes them into memory ({@code POST /api/v2/alerts}); the gateway answers each request once the broker has its
 * records ({@code POST /alertmanager/{key}}, Alertmanager's own webhook shape), and is timed a second time until
 * incident-service has committed the last of them (every incident opened, every repeat counted).
 */
final class HttpIntakePhase {

    /** One batch size: alerts per second each way; NaN where Alertmanager is not installed. */
    record Side(int batch, int alerts, int distinctAlerts, double alertmanagerPerSecond, double gatewayPerSecond,
                double gatewayToIncidentsPerSecond, Map<Integer, Integer> gatewayStatuses,
                double alertmanagerCpuSeconds, CpuUse.Share gatewayCpu) {

        double ratio() {
            return gatewayPerSecond / alertmanagerPerSecond;
        }

        double toIncidentsRatio() {
            return gatewayToIncidentsPerSecond / alertmanagerPerSecond;
        }
    }

    record Result(boolean alertmanagerMeasured, List<Side> sides, long gatewayRssMegabytes) {
    }

    private static final int[] BATCHES = {1, 50};

    private HttpIntakePhase() {
    }

    static Result run(LocalPlatform platform, Path home, String run, int alerts, double repeatShare, int connections,
                      CpuUse cpu) throws Exception {
        String key = createIntegration(platform, run);
        URI gateway = URI.create(platform.url(Service.GATEWAY));
        Optional<AlertmanagerPeer> alertmanager = AlertmanagerPeer.start(home);
        if (alertmanager.isEmpty()) {
            System.out.println("   Alertmanager column skipped: " + AlertmanagerPeer.BINARY + " is not installed "
                    + "(apt-get install prometheus-alertmanager)");
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.kafkaBootstrapServers()))) {
            // both warmed with alerts of their own, so that neither is timed compiling or allocating its first maps
            int warmup = Math.max(100, alerts / 10);
            for (int batch : BATCHES) {
                var warm = alerts(run + "-warm" + batch, warmup, repeatShare);
                if (alertmanager.isPresent()) {
                    load(alertmanager.get().port(), "/api/v2/alerts", warm, batch, true, connections);
                }
                load(gateway.getPort(), "/alertmanager/" + key, warm, batch, false, connections);
            }
            IntakeStorm.awaitCaughtUp(admin, IntakeStorm.GROUP, Topics.INTAKE.name());

            List<Side> sides = new ArrayList<>();
            for (int batch : BATCHES) {
                List<String> sequence = alerts(run + "-b" + batch, alerts, repeatShare);
                double amRate = Double.NaN;
                double amCpu = Double.NaN;
                if (alertmanager.isPresent()) {
                    long ticks = CpuUse.ownTicks(alertmanager.get().pid());
                    var am = load(alertmanager.get().port(), "/api/v2/alerts", sequence, batch, true,
                            connections);
                    amCpu = (CpuUse.ownTicks(alertmanager.get().pid()) - ticks) / 100.0;
                    require(am, "alertmanager");
                    amRate = alerts / am.seconds();
                }
                cpu.start();
                long t0 = System.nanoTime();
                var gw = load(gateway.getPort(), "/alertmanager/" + key, sequence, batch, false, connections);
                double answered = (System.nanoTime() - t0) / 1e9;
                IntakeStorm.awaitCaughtUp(admin, IntakeStorm.GROUP, Topics.INTAKE.name());
                double applied = (System.nanoTime() - t0) / 1e9;
                var gatewayCpu = cpu.stop();
                require(gw, "intake-gateway");
                sides.add(new Side(batch, alerts, (int) sequence.stream().distinct().count(), amRate,
                        alerts / answered, alerts / applied, gw.statuses(), amCpu, gatewayCpu));
            }
            return new Result(alertmanager.isPresent(), sides,
                    platform.residentKb().get(Service.GATEWAY) / 1024);
        } finally {
            if (alertmanager.isPresent()) {
                alertmanager.get().close();
            }
        }
    }

    private static void require(HttpLoad.Result result, String target) {
        if (!result.allSucceeded()) {
            throw new IllegalStateException(target + " refused requests: statuses " + result.statuses());
        }
    }

    /** The alerts of a storm, by name: a new one every so often, else a repeat of one raised before. */
    static List<String> alerts(String prefix, int count, double repeatShare) {
        int distinct = Math.max(1, (int) Math.round(count * (1 - repeatShare)));
        int every = Math.max(1, count / distinct);
        var random = new SplittableRandom(42);
        List<String> sequence = new ArrayList<>(count);
        int raised = 0;
        for (int i = 0; i < count; i++) {
            int alert = (i % every == 0 && raised < distinct) ? raised++ : random.nextInt(Math.max(raised, 1));
            sequence.add(prefix + "-" + alert);
        }
        return sequence;
    }

    private static HttpLoad.Result load(int port, String path, List<String> sequence, int batch,
                                        boolean alertmanagerApi, int connections) throws InterruptedException {
        List<byte[]> requests = new ArrayList<>(sequence.size() / batch + 1);
        String startsAt = Instant.now().toString();
        for (int from = 0; from < sequence.size(); from += batch) {
            List<String> chunk = sequence.subList(from, Math.min(sequence.size(), from + batch));
            String body = alertmanagerApi ? postableAlerts(chunk, startsAt) : webhook(chunk, startsAt);
            requests.add(HttpLoad.post("127.0.0.1", port, path, body.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpLoad.run("127.0.0.1", port, requests, connections);
    }

    /** What Prometheus posts to Alertmanager. */
    private static String postableAlerts(List<String> names, String startsAt) {
        StringBuilder body = new StringBuilder("[");
        for (String name : names) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"labels\":").append(labels(name)).append(",\"annotations\":").append(annotations(name))
                    .append(",\"generatorURL\":\"http://bench/").append(name).append("\",\"startsAt\":\"")
                    .append(startsAt).append("\"}");
        }
        return body.append(']').toString();
    }

    /** What Alertmanager posts to a webhook receiver, for the same alerts. */
    private static String webhook(List<String> names, String startsAt) {
        StringBuilder body = new StringBuilder("{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"platform\","
                + "\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},\"externalURL\":\"http://bench\","
                + "\"alerts\":[");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"status\":\"firing\",\"labels\":").append(labels(name)).append(",\"annotations\":")
                    .append(annotations(name)).append(",\"generatorURL\":\"http://bench/").append(name)
                    .append("\",\"startsAt\":\"").append(startsAt).append("\",\"fingerprint\":\"")
                    .append(fingerprint(name)).append("\"}");
        }
        return body.append("]}").toString();
    }

    /** 16 hex digits per alert, as Alertmanager's fingerprints are. */
    private static String fingerprint(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
                .substring(0, 16);
    }

    private static String labels(String name) {
        return "{\"alertname\":\"BenchAlert\",\"alert\":\"" + name + "\",\"severity\":\"warning\"}";
    }

    private static String annotations(String name) {
        return "{\"summary\":\"bench alert " + name + "\",\"description\":\"disk usage above 95% on the database "
                + "volume\"}";
    }

    private static String createIntegration(LocalPlatform platform, String run) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.url(Service.GATEWAY) + "/integrations"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-" + run
                        + "\",\"category\":\"it-service\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("integration not created: " + response.statusCode() + " "
                    + response.body());
        }
        return EventCodec.defaultMapper().readTree(response.body()).get("key").asText();
    }
}
