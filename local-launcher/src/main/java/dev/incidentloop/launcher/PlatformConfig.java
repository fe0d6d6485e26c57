package dev.incidentloop.launcher;

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
record PlatformConfig(
        Path dataDir,
        Path servicesDir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        Map<Service, Integer> servicePorts,
        Map<Service, List<String>> extraArgs) {

    static PlatformConfig defaults(Path dataDir, Path servicesDir) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new PlatformConfig(dataDir, servicesDir, 19092, 19093, 15432, ports, Map.of());
    }

    int port(Service service) {
        return servicePorts.get(service);
    }

    List<String> extraArgs(Service service) {
        return extraArgs.getOrDefault(service, List.of());
    }
}
