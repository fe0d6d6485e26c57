package dev.incidentloop.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the embedded platform keeps its data and which ports it listens on.
 *
 * @param dataDir     everything the platform stores: PostgreSQL's and Kafka's data, the services' logs
 * @param servicesDir where the services' executable jars are
 * @param extraArgs   further arguments per service, e.g. shorter escalation targets for a demo or a test
 */
public record PlatformConfig(
        Path dataDir,
        Path servicesDir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        Map<Service, Integer> servicePorts,
        Map<Service, List<String>> extraArgs) {

    public static PlatformConfig defaults(Path dataDir, Path servicesDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new PlatformConfig(dataDir, servicesDir, 19092, 19093, 15432, ports, Map.of());
    }

    /** Ports free at the time of the call, so that a test or benchmark runs beside a running platform. */
    public static PlatformConfig onFreePorts(Path dataDir, Path servicesDir, Map<Service, List<String>> extraArgs) {
        Set<Integer> taken = new HashSet<>();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort(taken));
        }
        return new PlatformConfig(dataDir, servicesDir, freePort(taken), freePort(taken), freePort(taken), ports,
                extraArgs);
    }

    /**
     * A port below Linux's ephemeral range (32768 and up) that nothing listens on. A port the system hands out as
     * "free" is from that range, where any outgoing connection may take it before the service binds it.
     */
    private static int freePort(Set<Integer> taken) {
        var random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                taken.add(port);
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IllegalStateException("no free port found between 20000 and 32000");
    }

    int port(Service service) {
        return servicePorts.get(service);
    }

    /** Every port the platform listens on, by what listens there. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgresPort);
        ports.put("Kafka", kafkaPort);
        ports.put("Kafka's controller", kafkaControllerPort);
        servicePorts.forEach((service, port) -> ports.put(service.artifact(), port));
        return ports;
    }

    List<String> extraArgs(Service service) {
        return extraArgs.getOrDefault(service, List.of());
    }
}
