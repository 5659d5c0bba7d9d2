package org.disputeledger.api.operations;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The switch for JSON logs: {@code LEDGER_LOG_FORMAT=json} (or {@code ecs}) writes the console log as one Elastic
 * Common Schema JSON object per line, {@code logstash} and {@code gelf} the other formats Spring Boot's structured
 * logging knows; {@code text} or nothing keeps the plain console log. It runs before the logging system starts and
 * only sets {@code logging.structured.format.console}, so that property, when set directly, wins.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String VARIABLE = "LEDGER_LOG_FORMAT";
    static final String PROPERTY = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = structuredFormat(environment.getProperty(VARIABLE));
        if (format != null && !environment.containsProperty(PROPERTY)) {
            environment.getPropertySources()
                    .addLast(new MapPropertySource("ledgerLogFormat", Map.of(PROPERTY, format)));
        }
    }

    /** The structured format Spring Boot should write for a value of the switch; null for plain text. */
    static String structuredFormat(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "text", "plain" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            case "gelf" -> "gelf";
            default -> throw new IllegalArgumentException(VARIABLE + " must be text, json, ecs, logstash or gelf, not '"
                    + value + "'");
        };
    }
}
