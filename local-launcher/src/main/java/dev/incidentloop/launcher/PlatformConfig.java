package dev.incidentloop.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    /** Every port free at the time of the call, so that a test or benchmark runs beside a running platform. */
    public static PlatformConfig onFreePorts(Path dataDir, Path servicesDir, Map<Service, List<String>> extraArgs)
            throws IOException {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        return new PlatformConfig(dataDir, servicesDir, freePort(), freePort(), freePort(), ports, extraArgs);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port(Service service) {
        return servicePorts.get(service);
    }

    List<String> extraArgs(Service service) {
        return extraArgs.getOrDefault(service, List.of());
    }
}
