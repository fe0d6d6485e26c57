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
import java.util.stream.IntStream;

/**
 * Where the embedded platform keeps its data and which ports it listens on.
 *
 * @param dataDir      everything the platform stores: PostgreSQL's and Kafka's data, the services' logs
 * @param servicesDir  where the services' executable jars are
 * @param servicePorts each service's instances, by the port each listens on; every service runs at least one
 * @param extraArgs    further arguments per service, e.g. shorter escalation targets for a demo or a test
 */
public record PlatformConfig(
        Path dataDir,
        Path servicesDir,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        Map<Service, List<Integer>> servicePorts,
        Map<Service, List<String>> extraArgs) {

    /** The step between the default ports of a service's instances: incident-service on 8081, 8181, 8281... */
    static final int INSTANCE_STEP = 100;

    public PlatformConfig {
        servicePorts.forEach((service, ports) -> {
            if (ports.isEmpty()) {
                throw new IllegalArgumentException(service.artifact() + " needs at least one instance");
            }
        });
    }

    public static PlatformConfig defaults(Path dataDir, Path servicesDir) {
        return defaults(dataDir, servicesDir, 1);
    }

    /** The default ports, with {@code instances} processes of every service. */
    public static PlatformConfig defaults(Path dataDir, Path servicesDir, int instances) {
        Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, IntStream.range(0, instances).mapToObj(i -> service.defaultPort() + i * INSTANCE_STEP)
                    .toList());
        }
        return new PlatformConfig(dataDir, servicesDir, 19092, 19093, 15432, ports, Map.of());
    }

    /** Ports free at the time of the call, so that a test or benchmark runs beside a running platform. */
    public static PlatformConfig onFreePorts(Path dataDir, Path servicesDir, Map<Service, List<String>> extraArgs) {
        return onFreePorts(dataDir, servicesDir, extraArgs, 1);
    }

    /** As {@link #onFreePorts(Path, Path, Map)}, with {@code instances} processes of every service. */
    public static PlatformConfig onFreePorts(Path dataDir, Path servicesDir, Map<Service, List<String>> extraArgs,
                                             int instances) {
        Set<Integer> taken = new HashSet<>();
        Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, IntStream.range(0, instances).mapToObj(i -> freePort(taken)).toList());
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

    /** The port of the service's first instance. */
    int port(Service service) {
        return servicePorts.get(service).getFirst();
    }

    /** The ports of all the service's instances. */
    List<Integer> ports(Service service) {
        return servicePorts.get(service);
    }

    /** Every port the platform listens on, by what listens there. */
    Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", postgresPort);
        ports.put("Kafka", kafkaPort);
        ports.put("Kafka's controller", kafkaControllerPort);
        servicePorts.forEach((service, instances) -> {
            for (int i = 0; i < instances.size(); i++) {
                ports.put(instanceName(service, i), instances.get(i));
            }
        });
        return ports;
    }

    /** The service's name, numbered from its second instance on: incident-service, incident-service-2... */
    static String instanceName(Service service, int instance) {
        return instance == 0 ? service.artifact() : service.artifact() + "-" + (instance + 1);
    }

    List<String> extraArgs(Service service) {
        return extraArgs.getOrDefault(service, List.of());
    }
}
