package dev.incidentloop.benchmark;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * Reports incidents over HTTP at a fixed rate and times each from just before its request is sent until its item
 * arrives on an open SSE feed, as an on-call person would see it.
 */
final class FeedLatency {

    record Result(int rate, long seconds, int sent, int failed, int received, double p50Ms, double p95Ms,
                  double p99Ms, double maxMs, List<Slice> slices) {
    }

    /**
     * The reports sent in one stretch of the window, from {@code fromSecond}: how the latency moves while the
     * freshly started services settle.
     */
    record Slice(long fromSecond, long received, double p99Ms, double maxMs) {
    }

    private static final int SLICE_SECONDS = 10;

    private static final Pattern TITLE = Pattern.compile("New incident: bench-latency (\\S+) (\\d+) ");

    private FeedLatency() {
    }

    /** Runs the phase; {@code cpu} is started when the measured window begins. */
    static Result run(String incidentUrl, String feedUrl, String apiKey, String feedUser, String feedPassword,
                      String run, int rate, Duration duration, Duration warmup, CpuUse cpu) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        int perSlice = rate * SLICE_SECONDS;
        List<Histogram> slices = IntStream.range(0, (int) Math.ceilDiv(duration.toSeconds(), SLICE_SECONDS))
                .mapToObj(i -> new Histogram(TimeUnit.MINUTES.toMicros(5), 3)).toList();
        AtomicInteger received = new AtomicInteger();
        int warmupCount = (int) (rate * warmup.toSeconds());
        String basic = "Basic " + Base64.getEncoder().encodeToString((feedUser + ":" + feedPassword)
                .getBytes(StandardCharsets.UTF_8));

        var feed = http.send(HttpRequest.newBuilder(URI.create(feedUrl))
                .header("Accept", "text/event-stream").header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = feed.body();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    long now = System.nanoTime();
                    Matcher m = TITLE.matcher(line);
                    if (line.startsWith("data:") && m.find() && m.group(1).equals(run)) {
                        int n = Integer.parseInt(m.group(2));
                        Long sent = sentAt.remove(n);
                        if (sent != null && n >= warmupCount) {
                            long micros = Math.max(1, (now - sent) / 1_000);
                            latencies.recordValue(micros);
                            slices.get(Math.min((n - warmupCount) / perSlice, slices.size() - 1))
                                    .recordValue(micros);
                            received.incrementAndGet();
                        }
                    }
                }
            } catch (Exception closed) {
                // the phase is over
            }
        });

        AtomicInteger failed = new AtomicInteger();
        if (warmupCount > 0) {
            // the services' code is compiled while they work: the first seconds are not what a running platform
            // shows, so they are sent but not counted, and the measurement starts once all of them have arrived
            pace(http, incidentUrl, apiKey, run, rate, 0, warmupCount, sentAt, new AtomicInteger(),
                    new Progress("feed warm-up", warmupCount));
            awaitEmpty(sentAt, Duration.ofSeconds(60));
            sentAt.clear();
        }
        int total = (int) (rate * duration.toSeconds());
        cpu.start();
        int sent = pace(http, incidentUrl, apiKey, run, rate, warmupCount, total, sentAt, failed,
                new Progress("feed latency", total));
        awaitEmpty(sentAt, Duration.ofSeconds(30));
        body.close();
        reader.interrupt();
        return new Result(rate, duration.toSeconds(), sent, failed.get(), received.get(),
                latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(95) / 1000.0,
                latencies.getValueAtPercentile(99) / 1000.0, latencies.getMaxValue() / 1000.0,
                IntStream.range(0, slices.size()).mapToObj(i -> new Slice((long) i * SLICE_SECONDS,
                        slices.get(i).getTotalCount(), slices.get(i).getValueAtPercentile(99) / 1000.0,
                        slices.get(i).getMaxValue() / 1000.0)).toList());
    }

    /** Sends {@code count} reports numbered from {@code first} at the rate; returns how many were sent. */
    private static int pace(HttpClient http, String incidentUrl, String apiKey, String run, int rate, int first,
                            int count, Map<Integer, Long> sentAt, AtomicInteger failed, Progress progress)
            throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        pacer.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= count) {
                return;
            }
            int n = first + i;
            String json = "{\"title\":\"bench-latency " + run + " " + n + " \",\"category\":\"it-service\","
                    + "\"impact\":3,\"urgency\":3}";
            var request = HttpRequest.newBuilder(URI.create(incidentUrl + "/incidents"))
                    .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            sentAt.put(n, System.nanoTime());
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 201) {
                    failed.incrementAndGet();
                    sentAt.remove(n);
                }
            });
            progress.report(i + 1L);
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < count) {
            Thread.sleep(50);
        }
        pacer.shutdownNow();
        return Math.min(sent.get(), count);
    }

    /** Waits until every report sent has been seen on the feed (or failed), at most {@code atMost}. */
    private static void awaitEmpty(Map<Integer, Long> sentAt, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
