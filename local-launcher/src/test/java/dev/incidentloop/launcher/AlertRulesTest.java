package dev.incidentloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules shipped in deploy/prometheus load in Prometheus's own checker, and each fires on the series that
 * should raise it and not before (promtool's rule unit tests in alerts-test.yml). promtool is Debian's prometheus
 * package, which ./platform test installs.
 */
class AlertRulesTest {

    private static final Path RULES = Path.of("..", "deploy", "prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Test
    void the_rules_load_and_fire_as_their_tests_expect() throws Exception {
        assertThat(PROMTOOL).as("promtool (Debian's prometheus), which ./platform test installs").isExecutable();

        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS: 5 rules found");
        assertThat(promtool("test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(concat(args)).directory(RULES.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<String> concat(String... args) {
        var command = new java.util.ArrayList<String>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
