package org.disputeledger.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

class LogFormatTest {

    @Test
    void jsonMeansElasticCommonSchemaOnTheConsole() {
        assertThat(LogFormat.structuredFormat("json")).isEqualTo("ecs");
        assertThat(LogFormat.structuredFormat(" JSON ")).isEqualTo("ecs");
        assertThat(LogFormat.structuredFormat("ecs")).isEqualTo("ecs");
        assertThat(LogFormat.structuredFormat("logstash")).isEqualTo("logstash");
        assertThat(LogFormat.structuredFormat("gelf")).isEqualTo("gelf");
    }

    @Test
    void textOrNothingKeepsThePlainLog() {
        assertThat(LogFormat.structuredFormat(null)).isNull();
        assertThat(LogFormat.structuredFormat("")).isNull();
        assertThat(LogFormat.structuredFormat("text")).isNull();
    }

    @Test
    void anUnknownFormatStopsTheStartWithTheValuesAllowed() {
        assertThatThrownBy(() -> LogFormat.structuredFormat("xml"))
                .hasMessageContaining("LEDGER_LOG_FORMAT").hasMessageContaining("json");
    }

    @Test
    void theSwitchSetsSpringBootsStructuredConsoleFormat() {
        StandardEnvironment environment = environment(Map.of("LEDGER_LOG_FORMAT", "json"));
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");

        StandardEnvironment plain = environment(Map.of());
        new LogFormat().postProcessEnvironment(plain, new SpringApplication());
        assertThat(plain.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void thePropertySetDirectlyWins() {
        StandardEnvironment environment = environment(Map.of("LEDGER_LOG_FORMAT", "json",
                "logging.structured.format.console", "logstash"));
        new LogFormat().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    void springBootFindsTheSwitch() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                .load(org.springframework.boot.EnvironmentPostProcessor.class, null, (type, name, failure) -> {
                }))
                .anyMatch(LogFormat.class::isInstance);
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
