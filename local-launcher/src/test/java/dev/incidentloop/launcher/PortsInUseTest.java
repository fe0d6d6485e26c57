package dev.incidentloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsInUseTest {

    @TempDir
    Path data;

    @Test
    void a_platform_whose_ports_are_taken_names_them_and_starts_nothing() throws Exception {
        PlatformConfig free = PlatformConfig.onFreePorts(data, data.resolve("services"), Map.of());
        try (ServerSocket database = new ServerSocket(free.postgresPort());
             ServerSocket incidents = new ServerSocket(free.port(Service.INCIDENT))) {
            PlatformConfig config = new PlatformConfig(data, free.servicesDir(), free.kafkaPort(),
                    free.kafkaControllerPort(), database.getLocalPort(), free.servicePorts(), Map.of());

            assertThatThrownBy(() -> LocalPlatform.start(config))
                    .isInstanceOf(LocalPlatform.PortsInUse.class)
                    .hasMessageContaining(database.getLocalPort() + " (PostgreSQL)")
                    .hasMessageContaining(incidents.getLocalPort() + " (" + Service.INCIDENT.artifact() + ")")
                    .hasMessageNotContaining("(Kafka)");
        }
        try (var files = Files.list(data)) {
            assertThat(files).isEmpty();
        }
    }
}
