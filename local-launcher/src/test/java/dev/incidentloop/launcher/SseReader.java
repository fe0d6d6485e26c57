package dev.incidentloop.launcher;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads an SSE stream in the background, as a browser's EventSource would, and keeps its data lines. */
final class SseReader implements AutoCloseable {

    private final List<String> data = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile InputStream body;

    SseReader(String url, String authorization) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream")
                .header("Authorization", authorization)
                .build();
        reader = Thread.ofVirtual().start(() -> {
            try {
                HttpResponse<InputStream> response = HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring("data:".length()));
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        });
    }

    List<String> data() {
        return data;
    }

    @Override
    public void close() throws Exception {
        if (body != null) {
            body.close();
        }
        reader.interrupt();
    }
}
