package org.citygrid.assets.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 17-digit component identifier of GB/T 47678.5-2026 and the census states. */
class ComponentIdTests {

    @Test
    void anIdentifierIsCountyThenClassThenSerial() {
        var id = new ComponentId("11010101001000042");

        assertThat(id.county()).isEqualTo("110101");
        assertThat(id.classCode()).isEqualTo("01001");
        assertThat(id.serial()).isEqualTo("000042");
        assertThat(ComponentId.of("110101", "01001", 42)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101010100100004", "110101010010000421", "1101010100100004x", "11010101001 00042",
            "110101-01001-0042"})
    void anythingButSeventeenDigitsIsRefused(String text) {
        assertThat(ComponentId.problem(text)).isEqualTo("assets.id.shape");
        assertThatThrownBy(() -> new ComponentId(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serialNumberZeroIsNotAComponent() {
        assertThat(ComponentId.problem("11010101001000000")).isEqualTo("assets.id.serial");
        assertThat(ComponentId.isWellFormed("11010101001000001")).isTrue();
    }

    @Test
    void statesAreReadByCodeOrByTheirChineseLabel() {
        assertThat(ComponentState.parse("INTACT")).contains(ComponentState.INTACT);
        assertThat(ComponentState.parse(" damaged ")).contains(ComponentState.DAMAGED);
        assertThat(ComponentState.parse("丢失")).contains(ComponentState.MISSING);
        assertThat(ComponentState.parse("占用")).contains(ComponentState.OCCUPIED);
        assertThat(ComponentState.parse("broken")).isEmpty();
        assertThat(ComponentState.INTACT.label()).isEqualTo("完好");
    }
}
