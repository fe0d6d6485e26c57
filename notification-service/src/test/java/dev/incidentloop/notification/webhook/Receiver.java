package dev.incidentloop.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** A real HTTP receiver for webhook tests: answers with the statuses it is given and records every request. */
final class Receiver implements AutoCloseable {

    record Request(Instant at, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> scripted = new ConcurrentLinkedQueue<>();
    private final IntSupplier otherwise;
    private final Duration delay;
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();

    /** Answers the scripted statuses in turn, then {@code otherwise}, each after {@code delay}. */
    Receiver(List<Integer> script, IntSupplier otherwise, Duration delay) throws IOException {
        this.scripted.addAll(script);
        this.otherwise = otherwise;
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
            Integer status = scripted.poll();
            int answer = status != null ? status : otherwise.getAsInt();
            // a slow receiver answers later, without holding a thread meanwhile
            answers.schedule(() -> {
                try {
                    exchange.sendResponseHeaders(answer, -1);
                } catch (IOException e) {
                    // the sender gave up waiting (its timeout): nothing to answer
                } finally {
                    exchange.close();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        });
        server.start();
    }

    static Receiver answering(int... statuses) throws IOException {
        List<Integer> script = java.util.Arrays.stream(statuses).boxed().toList();
        return new Receiver(script, () -> statuses[statuses.length - 1], Duration.ZERO);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
        answers.shutdownNow();
    }
}
