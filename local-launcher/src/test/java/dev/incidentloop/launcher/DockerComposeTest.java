package dev.incidentloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.kit.security.SecurityProperties;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this keeps it honest against the code: every
 * environment variable it sets is, by Spring's own relaxed binding, a configuration key the service declares, and
 * ports, databases and the broker address agree with the services' configuration.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");

    private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));

    @ParameterizedTest
    @EnumSource(value = Service.class, mode = EnumSource.Mode.EXCLUDE, names = "GATEWAY")
    void every_environment_variable_is_a_configuration_key_of_its_service(Service service) {
        List<String> known = knownKeys(service);
        Map<String, Object> environment = environment(service);
        // named as the real environment is, so that Spring applies its environment-variable mapping
        ConfigurationPropertySource source = ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)).iterator().next();

        for (Map.Entry<String, Object> variable : environment.entrySet()) {
            boolean bound = known.stream().anyMatch(key -> {
                var property = source.getConfigurationProperty(ConfigurationPropertyName.adapt(key, '.'));
                return property != null && Objects.equals(property.getValue(), variable.getValue());
            });
            assertThat(bound).as("%s of %s is not a configuration key of the service", variable.getKey(),
                    service.artifact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Service.class, mode = EnumSource.Mode.EXCLUDE, names = "GATEWAY")
    void port_health_check_database_and_broker_agree_with_the_service(Service service) throws IOException {
        Map<String, Object> definition = service(service);
        Map<String, Object> environment = environment(service);
        Map<String, Object> config = flatten(yaml(applicationYml(service)));
        String port = String.valueOf(config.get("server.port"));

        assertThat(String.valueOf(environment.get("SERVER_PORT"))).isEqualTo(port).isEqualTo(
                String.valueOf(service.defaultPort()));
        // only incident-service is on a fixed host port; the others scale (--scale) on free ones
        assertThat(strings(definition.get("ports"))).containsExactly(
                service == Service.INCIDENT ? port + ":" + port : port);
        assertThat(String.join(" ", strings(((Map<?, ?>) definition.get("healthcheck")).get("test"))))
                .contains("http://localhost:" + port + "/actuator/health");
        assertThat(((Map<?, ?>) ((Map<?, ?>) definition.get("build")).get("args")).get("SERVICE"))
                .isEqualTo(service.artifact());
        assertThat(ROOT.resolve(service.artifact()).resolve("pom.xml")).exists();

        assertThat(environment.get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + service.database());
        assertThat(Files.readString(ROOT.resolve("deploy/postgres-init.sql")))
                .contains("create database " + service.database() + ";");
        String advertised = (String) ((Map<?, ?>) service("kafka").get("environment"))
                .get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(advertised).isEqualTo("PLAINTEXT://" + environment.get("SPRING_KAFKA_BOOTSTRAPSERVERS"));
    }

    @Test
    void the_gateways_arguments_are_its_configuration_keys_and_its_port_and_broker_agree() throws IOException {
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve("intake-gateway/src/main/resources/application.properties"))) {
            defaults.load(reader);
        }
        List<String> known = new ArrayList<>(defaults.stringPropertyNames());
        known.addAll(knownKeys(Service.INCIDENT).stream().filter(k -> k.startsWith("platform.security.")).toList());
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String argument : strings(service(Service.GATEWAY).get("command"))) {
            assertThat(argument).startsWith("--").contains("=");
            arguments.put(argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
        }

        assertThat(known).containsAll(arguments.keySet());
        String port = arguments.get("micronaut.server.port");
        assertThat(port).isEqualTo(String.valueOf(Service.GATEWAY.defaultPort()));
        assertThat(strings(service(Service.GATEWAY).get("ports"))).containsExactly(port);
        assertThat(String.join(" ", strings(((Map<?, ?>) service(Service.GATEWAY).get("healthcheck")).get("test"))))
                .contains("http://localhost:" + port + "/actuator/health");
        String advertised = (String) ((Map<?, ?>) service("kafka").get("environment"))
                .get("KAFKA_ADVERTISED_LISTENERS");
        assertThat(advertised).isEqualTo("PLAINTEXT://" + arguments.get("gateway.kafka.bootstrap-servers"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_runs_exactly_the_services_and_their_infrastructure() {
        List<String> expected = new ArrayList<>(List.of("kafka", "postgres"));
        Arrays.stream(Service.values()).map(Service::artifact).forEach(expected::add);

        assertThat(((Map<String, ?>) compose.get("services")).keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void images_are_pinned_to_a_version() throws IOException {
        for (String infrastructure : List.of("kafka", "postgres")) {
            assertThat((String) service(infrastructure).get("image")).as(infrastructure)
                    .matches(".+:\\d+\\.\\d+(\\.\\d+)*");
        }
        List<String> from = Files.readAllLines(ROOT.resolve("Dockerfile")).stream().filter(l -> l.startsWith("FROM "))
                .toList();
        assertThat(from).hasSize(2).allSatisfy(line -> assertThat(line)
                .matches("FROM \\S+:\\d+\\.\\d+\\.\\d+\\S*( AS \\w+)?"));
    }

    @Test
    void the_images_build_from_the_sources_without_their_build_output() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:").contains(" AS build")
                .contains("./mvnw -B -q -DskipTests -pl \"$SERVICE\" -am package").contains("COPY --from=build");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("**/target", "data", ".git",
                "deploy/.env");
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafka_keeps_its_log_on_its_volume() {
        Map<String, Object> kafka = service("kafka");
        String logDirs = (String) ((Map<String, Object>) kafka.get("environment")).get("KAFKA_LOG_DIRS");
        String volume = strings(kafka.get("volumes")).stream().filter(v -> logDirs.startsWith(v.split(":")[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no volume holds " + logDirs));
        assertThat(((Map<String, Object>) compose.get("volumes"))).containsKey(volume.split(":")[0]);
    }

    @Test
    void every_process_has_a_memory_limit_its_heap_fits_in() throws IOException {
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(Files.readString(
                ROOT.resolve("Dockerfile")));
        assertThat(percentage.find()).isTrue();
        int percent = Integer.parseInt(percentage.group(1));
        assertThat(percent).isLessThanOrEqualTo(75);
        for (Service service : Service.values()) {
            long limit = megabytes(service(service).get("mem_limit"));
            // the heaps the embedded default gives them (docs/benchmarks.md): 128 MB, the gateway 48 MB
            long heap = limit * percent / 100;
            assertThat(heap).as(service.artifact()).isGreaterThanOrEqualTo(service == Service.GATEWAY ? 48 : 128);
        }
        assertThat(megabytes(service("kafka").get("mem_limit"))).isGreaterThan(512); // -Xmx512m and the page cache
        assertThat(megabytes(service("postgres").get("mem_limit"))).isPositive();
    }

    @Test
    void secrets_with_dollar_signs_survive_the_env_file() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("deploy/.env.example")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).matches("[A-Z_0-9]+='[^']*'"));
        List<String> defined = lines.stream().map(l -> l.substring(0, l.indexOf('='))).toList();
        Matcher variables = Pattern.compile("\\$\\{([A-Z_0-9]+)(:?[-?][^}]*)?}").matcher(
                Files.readString(ROOT.resolve("docker-compose.yml")));
        while (variables.find()) {
            assertThat(defined).as("%s is set in deploy/.env.example", variables.group(1)).contains(variables.group(1));
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ADMIN_PASSWORD_HASH='{bcrypt}$2"));
    }

    @Test
    void docker_compose_renders_the_model_where_a_docker_cli_with_compose_exists() throws Exception {
        Path docker = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d, "docker"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(docker != null && succeeds(docker.toString(), "compose", "version"),
                "no Docker CLI with Compose here: the checks of the YAML above stand in");
        Process config = new ProcessBuilder(docker.toString(), "compose", "--env-file", "deploy/.env.example", "config",
                "--quiet").directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes());
        assertThat(config.waitFor()).as(output).isZero();
    }

    private static boolean succeeds(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor() == 0;
    }

    private static long megabytes(Object limit) {
        String value = String.valueOf(limit).toLowerCase();
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 'g' -> amount * 1024;
            case 'm' -> amount;
            default -> throw new AssertionError("a memory limit in m or g: " + limit);
        };
    }

    /**
     * The service's declared keys, with the fields of the configured users and API keys spelled out, and Spring's own
     * choice of profiles.
     */
    private static List<String> knownKeys(Service service) {
        List<String> keys = new ArrayList<>(flatten(yaml(applicationYml(service))).keySet());
        keys.add("spring.profiles.active");
        for (int i = 0; i < 5; i++) {
            for (RecordComponent field : SecurityProperties.User.class.getRecordComponents()) {
                keys.add("platform.security.users[" + i + "]." + kebab(field.getName()));
            }
            for (RecordComponent field : SecurityProperties.ApiKey.class.getRecordComponents()) {
                keys.add("platform.security.api-keys[" + i + "]." + kebab(field.getName()));
            }
        }
        return keys;
    }

    private static String kebab(String camel) {
        Matcher m = Pattern.compile("([a-z0-9])([A-Z])").matcher(camel);
        return m.replaceAll("$1-$2").toLowerCase();
    }

    private static Path applicationYml(Service service) {
        return ROOT.resolve(service.artifact()).resolve("src/main/resources/application.yml");
    }

    private Map<String, Object> service(Service service) {
        return service(service.artifact());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(Service service) {
        Map<String, Object> environment = new LinkedHashMap<>();
        ((Map<String, Object>) service(service).get("environment"))
                .forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> yaml(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                flatten((Map<String, Object>) child).forEach((k, v) -> flat.put(key + "." + k, v));
            } else {
                flat.put(key, value);
            }
        });
        return flat;
    }
}
