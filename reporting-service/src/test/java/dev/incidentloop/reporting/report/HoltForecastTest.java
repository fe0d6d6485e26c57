package dev.incidentloop.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN.md section 2, KPI rule "trend and forecast of incident volume": Holt's method, checked by hand. */
class HoltForecastTest {

    @Test
    void one_run_of_the_method_worked_by_hand() {
        // level 10, trend 4; t=2: predicted 14, level .5*14 + .5*14 = 14, trend .5*4 + .5*4 = 4;
        // t=3: predicted 18 (error -3), level .5*15 + .5*18 = 16.5, trend .5*2.5 + .5*4 = 3.25; next 19.75
        var forecast = HoltForecast.of(List.of(10, 14, 15), 0.5, 0.5);

        assertThat(forecast.value()).isCloseTo(19.75, within(1e-12));
        assertThat(forecast.sumOfSquaredErrors()).isCloseTo(9.0, within(1e-12));
    }

    @Test
    void a_straight_line_is_continued_exactly_whatever_the_factors() {
        var forecast = HoltForecast.fit(List.of(3, 5, 7, 9, 11, 13));

        assertThat(forecast.value()).isCloseTo(15.0, within(1e-9));
        assertThat(forecast.sumOfSquaredErrors()).isCloseTo(0.0, within(1e-9));
        assertThat(forecast.alpha()).isEqualTo(0.1); // every pair fits exactly; the first one is kept
        assertThat(forecast.beta()).isEqualTo(0.1);
    }

    @Test
    void the_fit_picks_the_factors_with_the_least_error() {
        List<Integer> series = List.of(12, 15, 11, 18, 20, 17, 25, 24, 30, 27, 33, 35);

        var fitted = HoltForecast.fit(series);

        for (int a = 1; a <= 9; a++) {
            for (int b = 1; b <= 9; b++) {
                assertThat(fitted.sumOfSquaredErrors())
                        .isLessThanOrEqualTo(HoltForecast.of(series, a / 10.0, b / 10.0).sumOfSquaredErrors());
            }
        }
        assertThat(fitted.value()).isBetween(33.0, 42.0);
    }

    @Test
    void a_falling_volume_is_never_forecast_below_zero() {
        assertThat(HoltForecast.of(List.of(9, 5, 1), 0.5, 0.5).value()).isZero();
    }

    @Test
    void one_value_is_not_enough() {
        assertThatThrownBy(() -> HoltForecast.of(List.of(4), 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
