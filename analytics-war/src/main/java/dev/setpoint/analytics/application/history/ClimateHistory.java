package dev.setpoint.analytics.application.history;

import dev.setpoint.analytics.domain.history.ClimateSample;
import dev.setpoint.analytics.domain.history.Recommendation;
import java.util.List;

/**
 * A series as the history API answers it.
 *
 * @param device the device, or null for a whole site
 * @param site the site asked for, or null
 * @param from first instant, milliseconds since the epoch
 * @param to last instant, milliseconds since the epoch
 * @param interval the downsampling bucket in InfluxQL's notation ({@code 5m}); null for raw points
 * @param resolution the stored copy the samples were read from: {@code raw}, or the roll-up {@code
 *     1m} or {@code 1h} (older ranges than the raw retention only the roll-ups still hold)
 * @param samples oldest first
 * @param latest the newest value of each field over the samples (time = the newest sample's)
 * @param recommendation the device's latest recommendation; null when none exists (yet)
 */
public record ClimateHistory(
    String device,
    String site,
    long from,
    long to,
    String interval,
    String resolution,
    List<ClimateSample> samples,
    ClimateSample latest,
    Recommendation recommendation) {}
