package dev.incidentloop.reporting.report;

import java.util.List;

/**
 * Holt's linear exponential smoothing (double exponential smoothing): a level and a trend, each updated by its own
 * smoothing factor, forecast one step ahead as level + trend.
 *
 * <p>Start: level = y1, trend = y2 - y1. For t = 2..n: level_t = alpha * y_t + (1 - alpha) * (level_{t-1} +
 * trend_{t-1}); trend_t = beta * (level_t - level_{t-1}) + (1 - beta) * trend_{t-1}. The factors are chosen from
 * 0.1, 0.2, .. 0.9 each, as the pair with the least sum of squared one-step-ahead errors over the series (the
 * smallest alpha, then beta, on a tie). A forecast below zero is given as zero: volumes are counts.
 */
public final class HoltForecast {

    /** The forecast of the value after the series, and how it was made. */
    public record Forecast(double value, double alpha, double beta, double sumOfSquaredErrors) {
    }

    private HoltForecast() {
    }

    /** Fits the factors to the series (at least two values) and forecasts the next value. */
    public static Forecast fit(List<? extends Number> series) {
        Forecast best = null;
        for (int a = 1; a <= 9; a++) {
            for (int b = 1; b <= 9; b++) {
                Forecast candidate = of(series, a / 10.0, b / 10.0);
                if (best == null || candidate.sumOfSquaredErrors() < best.sumOfSquaredErrors() - 1e-9) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** Forecasts the next value with the given factors. */
    public static Forecast of(List<? extends Number> series, double alpha, double beta) {
        if (series.size() < 2) {
            throw new IllegalArgumentException("Holt's method needs at least two values, got " + series.size());
        }
        double level = series.get(0).doubleValue();
        double trend = series.get(1).doubleValue() - level;
        double sse = 0;
        for (int t = 1; t < series.size(); t++) {
            double y = series.get(t).doubleValue();
            double error = y - (level + trend);
            sse += error * error;
            double previousLevel = level;
            level = alpha * y + (1 - alpha) * (level + trend);
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
        }
        return new Forecast(Math.max(0, level + trend), alpha, beta, sse);
    }
}
