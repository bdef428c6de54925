package dev.tentacle.instances.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "2m30s, PT2M30S", "1h, PT1H", "1d, PT24H", "500ms, PT0.5S", "PT2M30S, PT2M30S",
        "pt10m, PT10M", " 1H5M , PT1H5M"})
    void readsTheUsualForms(String text, String expected) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "10", "m5", "5 m", "1.5h", "P", "-5s"})
    void refusesOtherTextNamingTheForms(String text) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a duration")
                .hasMessageContaining("2m30s");
    }
}
