package dev.incidentloop.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers {@link ProblemAdvice}; Boot's own problem-details handler steps back when it is present. */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@Import(ProblemAdvice.class)
public class WebConfiguration {
}
