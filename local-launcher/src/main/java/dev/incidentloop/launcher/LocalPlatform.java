package dev.incidentloop.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: PostgreSQL and a KRaft Kafka broker in this JVM, the four services and the intake gateway
 * as child processes, all data under one folder. {@code main} runs it until Ctrl-C; tests start and stop it as an object.
 * Each service runs as one process, or as several ({@code --instances=N}) sharing its database and consumer group.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(3);

    private final PlatformConfig config;
    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final Map<Service, List<ServiceProcess>> services;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private LocalPlatform(PlatformConfig config, Postgres postgres, KafkaBroker kafka,
                          Map<Service, List<ServiceProcess>> services) {
        this.config = config;
        this.postgres = postgres;
        this.kafka = kafka;
        this.services = services;
    }

    public static LocalPlatform start(PlatformConfig config) throws Exception {
        requireFreePorts(config);
        Path data = config.dataDir().toAbsolutePath();
        List<String> databases = Arrays.stream(Service.values()).filter(Service::spring).map(Service::database)
                .toList();
        Instant t0 = Instant.now();
        Postgres postgres = Postgres.start(data.resolve("postgres"), config.postgresPort(), databases);
        log.info("PostgreSQL up on port {} after {} ms", config.postgresPort(), since(t0));
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(data.resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        log.info("Kafka (KRaft) up on {} after {} ms", kafka.bootstrapServers(), since(t0));

        List<String> accounts = DemoAccounts.serviceArguments();
        Map<Service, List<ServiceProcess>> processes = new EnumMap<>(Service.class);
        LocalPlatform platform = new LocalPlatform(config, postgres, kafka, processes);
        try {
            for (Service service : Service.values()) {
                List<String> args = new ArrayList<>(service.spring() ? List.of(
                        "--spring.datasource.url=" + postgres.jdbcUrl(service.database()),
                        "--spring.datasource.username=" + Postgres.USER,
                        "--spring.datasource.password=" + Postgres.PASSWORD,
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers())
                        : List.of("--gateway.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
                args.addAll(accounts);
                args.addAll(consoleWiring(config, service));
                args.addAll(config.extraArgs(service));
                Path jar = config.servicesDir().resolve(service.artifact() + ".jar");
                List<ServiceProcess> instances = new ArrayList<>();
                processes.put(service, instances);
                List<Integer> ports = config.ports(service);
                for (int i = 0; i < ports.size(); i++) {
                    instances.add(ServiceProcess.start(service, PlatformConfig.instanceName(service, i), jar,
                            ports.get(i), args, data.resolve("logs")));
                }
            }
            for (List<ServiceProcess> instances : processes.values()) {
                for (ServiceProcess process : instances) {
                    process.awaitHealthy(HEALTH_TIMEOUT);
                }
            }
        } catch (Exception e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The API key the embedded default configures for a monitoring system (role reporter). */
    public static String demoApiKey() {
        return DemoAccounts.API_KEY;
    }

    /** The URL of the service's first instance. */
    public String url(Service service) {
        return "http://localhost:" + config.port(service);
    }

    /** The URLs of all the service's instances, the first first. */
    public List<String> urls(Service service) {
        return config.ports(service).stream().map(port -> "http://localhost:" + port).toList();
    }

    /** How long each service's first instance took from process start to healthy. */
    public Map<Service, Duration> startTimes() {
        Map<Service, Duration> startTimes = new EnumMap<>(Service.class);
        services.forEach((service, instances) -> startTimes.put(service, instances.getFirst().startTime()));
        return startTimes;
    }

    /** The process id of each service's first instance. */
    public Map<Service, Long> servicePids() {
        Map<Service, Long> pids = new EnumMap<>(Service.class);
        services.forEach((service, instances) -> pids.put(service, instances.getFirst().pid()));
        return pids;
    }

    /** The process id of the PostgreSQL server (its own processes are its children). */
    public long postgresPid() throws IOException {
        return postgres.pid();
    }

    /** Resident memory of each service's first instance in kB. */
    public Map<Service, Long> residentKb() {
        Map<Service, Long> rss = new EnumMap<>(Service.class);
        services.forEach((service, instances) -> rss.put(service, instances.getFirst().residentKb()));
        return rss;
    }

    @Override
    public void close() throws Exception {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        // services first, all at once; then what they depend on
        services.values().forEach(instances -> instances.forEach(ServiceProcess::requestStop));
        for (List<ServiceProcess> instances : services.values()) {
            for (ServiceProcess process : instances) {
                process.awaitStopped();
            }
        }
        kafka.close();
        postgres.close();
        log.info("Platform stopped");
    }

    private static long since(Instant t0) {
        return Duration.between(t0, Instant.now()).toMillis();
    }

    /**
     * The on-call console of notification-service calls incident-service from the browser: it is told where, and
     * incident-service lets its origin in.
     */
    private static List<String> consoleWiring(PlatformConfig config, Service service) {
        return switch (service) {
            case INCIDENT -> List.of("--platform.security.cors-allowed-origins=" + config.ports(Service.NOTIFICATION)
                    .stream().map(console -> "http://localhost:" + console + ",http://127.0.0.1:" + console)
                    .collect(Collectors.joining(",")));
            case NOTIFICATION -> List.of("--notification.console.incident-api=http://localhost:"
                    + config.port(Service.INCIDENT));
            default -> List.of();
        };
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(option(args, "--data=", System.getenv().getOrDefault("PLATFORM_DATA_DIR", "data")));
        Path services = Path.of(option(args, "--services=", "local-launcher/target/services"));
        int instances = instances(option(args, "--instances=", "1"));
        LocalPlatform platform;
        try {
            platform = start(PlatformConfig.defaults(data, services, instances));
        } catch (PortsInUse taken) {
            System.err.println(taken.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            try {
                platform.close();
            } catch (Exception e) {
                log.error("Stopping failed", e);
            }
            stop.countDown();
        }, "platform-stop"));
        printBanner(platform, data);
        stop.await();
    }

    /**
     * Fails before anything starts when a port is taken. Started on a port another platform holds, PostgreSQL would
     * fail to bind while the launcher, finding a server that answers there, took the other one for its own; Kafka
     * would fail with a bind error deep in its log.
     */
    private static void requireFreePorts(PlatformConfig config) {
        List<String> taken = config.ports().entrySet().stream().filter(port -> !free(port.getValue()))
                .map(port -> port.getValue() + " (" + port.getKey() + ")").toList();
        if (!taken.isEmpty()) {
            throw new PortsInUse("Ports in use: " + String.join(", ", taken)
                    + ". Is another platform running? Stop it first.");
        }
    }

    /** Thrown by {@link #start} when a port the platform needs is taken; nothing has been started then. */
    static final class PortsInUse extends IllegalStateException {

        PortsInUse(String message) {
            super(message);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static int instances(String value) {
        try {
            int instances = Integer.parseInt(value);
            if (instances >= 1 && instances <= 9) {
                return instances;
            }
        } catch (NumberFormatException notANumber) {
            // told below
        }
        System.err.println("--instances must be a number from 1 to 9, not " + value);
        System.exit(2);
        return 0;
    }

    private static String option(String[] args, String prefix, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(fallback);
    }

    private static void printBanner(LocalPlatform platform, Path data) {
        StringBuilder out = new StringBuilder("\nincident-loop is running (Ctrl-C stops it; data in ")
                .append(data.toAbsolutePath()).append(")\n\n");
        for (Service service : Service.values()) {
            for (ServiceProcess process : platform.services.get(service)) {
                out.append(String.format("  %-21s http://localhost:%d   started in %.1f s, log: %s%n", process.name(),
                        process.port(), process.startTime().toMillis() / 1000.0, process.log()));
            }
        }
        out.append(String.format("  %-21s %s%n", "on-call console", platform.url(Service.NOTIFICATION) + "/console"));
        out.append(String.format("  %-21s %s%n", "kafka", platform.kafkaBootstrapServers()));
        out.append(String.format("  %-21s %s%n%n", "postgresql",
                platform.postgres.jdbcUrl("<service>_service") + " (user postgres)"));
        out.append("Demo accounts (HTTP Basic):\n");
        for (DemoAccounts.Account user : DemoAccounts.USERS) {
            out.append(String.format("  %-10s password %-15s role %s%n", user.name(), user.password(), user.role()));
        }
        out.append("Demo API key (header X-API-Key, role REPORTER): ").append(DemoAccounts.API_KEY).append('\n');
        System.out.println(out);
    }
}
