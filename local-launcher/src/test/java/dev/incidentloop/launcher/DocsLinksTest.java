package dev.incidentloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and docs/ keep to what a clone holds: every relative link leads to a file (and, with an anchor, to a
 * heading of it), and every path they name in code quotes that starts with a module or docs/ exists.
 */
class DocsLinksTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern QUOTED_PATH = Pattern.compile("`((?:shared-events|service-kit|test-support|"
            + "incident-service|escalation-service|notification-service|reporting-service|intake-gateway|"
            + "local-launcher|benchmark|docs)/[^`\\s]+)`");

    @Test
    void every_relative_link_and_anchor_exists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // http:, https:, mailto:
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + ": " + target);
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void every_path_named_in_code_quotes_exists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = QUOTED_PATH.matcher(Files.readString(page));
            while (m.find()) {
                String path = m.group(1);
                if (!path.contains("...") && !path.contains("{") && !Files.exists(ROOT.resolve(path))) {
                    missing.add(ROOT.relativize(page) + ": " + path);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertThat(pages).hasSizeGreaterThan(5);
        return pages;
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) throws IOException {
        try (Stream<String> lines = Files.lines(page)) {
            return lines.filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", ""))
                    .map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                    .collect(Collectors.toSet());
        }
    }
}
