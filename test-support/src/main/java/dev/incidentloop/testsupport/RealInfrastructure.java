package dev.incidentloop.testsupport;

import dev.incidentloop.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka broker and one PostgreSQL server per test JVM, started on first use and stopped when the JVM exits,
 * so every test class and every cached Spring context of a module shares them. Where a Docker engine answers they
 * are Testcontainers; elsewhere (as on the CI machines) an embedded KRaft broker and an embedded PostgreSQL.
 */
public final class RealInfrastructure {

    private static Kafka kafka;
    private static Postgres postgres;

    private RealInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = dockerAvailable() ? Kafka.container() : Kafka.embedded();
        }
        return kafka.bootstrapServers();
    }

    /** A JDBC URL of a database of this name, created on first use. */
    public static synchronized String jdbcUrl(String database) {
        if (postgres == null) {
            postgres = dockerAvailable() ? Postgres.container() : Postgres.embedded();
        }
        return postgres.database(database);
    }

    public static String dbUser() {
        return "postgres";
    }

    public static String dbPassword() {
        return "postgres";
    }

    private static boolean dockerAvailable() {
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (Boolean.getBoolean("platform.test.embedded") || !dockerConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private record Kafka(String bootstrapServers) {

        static Kafka embedded() {
            var broker = new EmbeddedKafkaKraftBroker(1, Topics.PARTITIONS);
            broker.afterPropertiesSet();
            // Stopped after the Spring contexts are closed: stopping it in a JVM shutdown hook of its own races
            // with their Kafka clients, which then wait out their close timeouts against a broker that is gone.
            SpringApplication.getShutdownHandlers().add(broker::destroy);
            return new Kafka(broker.getBrokersAsString());
        }

        @SuppressWarnings("resource")
        static Kafka container() {
            var container = new KafkaContainer("apache/kafka:3.9.1");
            container.start();
            return new Kafka(container.getBootstrapServers());
        }
    }

    private static final class Postgres {
        private final String urlPrefix;
        private final Set<String> created = new HashSet<>();

        private Postgres(String urlPrefix) {
            this.urlPrefix = urlPrefix;
        }

        static Postgres embedded() {
            try {
                // stopped, and its temporary data removed, after the Spring contexts that use it are closed
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return new Postgres("jdbc:postgresql://localhost:" + pg.getPort() + "/");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        @SuppressWarnings("resource")
        static Postgres container() {
            var container = new PostgreSQLContainer<>("postgres:17").withUsername(dbUser()).withPassword(dbPassword());
            container.start();
            return new Postgres("jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/");
        }

        String database(String name) {
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain database name: " + name);
            }
            if (created.add(name)) {
                try (Connection c = DriverManager.getConnection(urlPrefix + "postgres", dbUser(), dbPassword());
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (!rs.next()) {
                        s.execute("create database " + name);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create database " + name, e);
                }
            }
            return urlPrefix + name;
        }
    }
}
