package dev.incidentloop.benchmark;

import dev.incidentloop.launcher.LocalPlatform;
import dev.incidentloop.launcher.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processor time each part of the platform used over a phase, from {@code /proc} (Linux): the four services, the
 * PostgreSQL server (every process of it, including those that ended during the phase) and this JVM, which runs the
 * broker beside the benchmark's own clients. Set against the phase's wall time and the machine's cores, it tells how
 * busy the machine was, and so how much a latency figure owes to waiting for a core.
 */
final class CpuUse {

    /** Clock ticks per second in {@code /proc/<pid>/stat}: Linux counts them in USER_HZ, which is 100. */
    private static final double TICKS_PER_SECOND = 100;
    static final String POSTGRES = "PostgreSQL";
    static final String BROKER_AND_BENCHMARK = "broker and benchmark";

    /**
     * What the processes used over {@code wallSeconds}: processor seconds by part, the services first, then
     * PostgreSQL, then this JVM.
     */
    record Share(double wallSeconds, int cores, Map<String, Double> cpuSeconds) {

        double totalCpuSeconds() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The share of the machine's processor time the platform and the benchmark used. */
        double busy() {
            return totalCpuSeconds() / (wallSeconds * cores);
        }
    }

    private final LocalPlatform platform;
    private final long postgresPid;
    private Map<String, Long> startTicks;
    private long startNanos;

    CpuUse(LocalPlatform platform) throws IOException {
        this.platform = platform;
        this.postgresPid = platform.postgresPid();
    }

    void start() {
        startNanos = System.nanoTime();
        startTicks = ticks();
    }

    Share stop() {
        Map<String, Long> end = ticks();
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> seconds = new LinkedHashMap<>();
        end.forEach((part, ticks) -> seconds.put(part, (ticks - startTicks.getOrDefault(part, 0L))
                / TICKS_PER_SECOND));
        return new Share(wall, Runtime.getRuntime().availableProcessors(), seconds);
    }

    private Map<String, Long> ticks() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        platform.servicePids().forEach((service, pid) -> ticks.put(service.artifact(), ownTicks(pid)));
        ticks.put(POSTGRES, postgresTicks(postgresPid));
        ticks.put(BROKER_AND_BENCHMARK, ownTicks(ProcessHandle.current().pid()));
        return ticks;
    }

    /**
     * The server process with its children's time: those that ended are counted in its own figures once it has
     * reaped them, those still running are read one by one.
     */
    private static long postgresTicks(long postmaster) {
        long[] server = stat(postmaster);
        long sum = server[0] + server[1] + server[2] + server[3];
        for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
            sum += ownTicks(child.pid());
        }
        return sum;
    }

    static long ownTicks(long pid) {
        long[] s = stat(pid);
        return s[0] + s[1];
    }

    /** utime, stime, cutime and cstime of the process; zeros for one that has ended. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name, in parentheses, may hold spaces: the fields are counted after it (field 3 first)
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException gone) {
            return new long[4];
        }
    }
}
