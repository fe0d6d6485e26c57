package dev.incidentloop.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 load of prepared requests over a fixed number of keep-alive connections, each sending its next request
 * when the last one is answered (what {@code hey -c N} does). Plain sockets, so that the client costs as little
 * processor time as possible beside the servers it measures.
 */
final class HttpLoad {

    /** @param statuses how many responses had each status */
    record Result(int requests, double seconds, Map<Integer, Integer> statuses) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        boolean allSucceeded() {
            return statuses.keySet().stream().allMatch(status -> status >= 200 && status < 300);
        }
    }

    private HttpLoad() {
    }

    /** A POST of a JSON body, as its wire bytes. */
    static byte[] post(String host, int port, String path, byte[] json) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + json.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(json, 0, request, headBytes.length, json.length);
        return request;
    }

    static Result run(String host, int port, List<byte[]> requests, int connections) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Map<Integer, Integer>> statuses = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        long t0 = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Map<Integer, Integer> mine = new TreeMap<>();
            statuses.add(mine);
            threads.add(Thread.ofPlatform().name("http-load-" + c).start(() -> {
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        out.write(requests.get(i));
                        out.flush();
                        mine.merge(readResponse(in), 1, Integer::sum);
                    }
                } catch (IOException e) {
                    synchronized (failure) {
                        failure[0] = new UncheckedIOException("HTTP load to " + host + ":" + port + " failed", e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failure[0] != null) {
            throw failure[0];
        }
        Map<Integer, Integer> all = new TreeMap<>();
        statuses.forEach(m -> m.forEach((status, count) -> all.merge(status, count, Integer::sum)));
        return new Result(requests.size(), seconds, all);
    }

    /** Reads one response whole (Content-Length or chunked body) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else {
            skip(in, length);
        }
        return code;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }
}
