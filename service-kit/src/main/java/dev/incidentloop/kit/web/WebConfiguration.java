package dev.incidentloop.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Registers {@link ProblemAdvice} (Boot's own problem-details handler steps back) and enum parameters by wire name. */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@Import(ProblemAdvice.class)
public class WebConfiguration {

    @Bean
    WebFluxConfigurer wireNameParameters() {
        return new WebFluxConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverterFactory(new WireNames());
            }
        };
    }
}
