package dev.setpoint.model.data;

import dev.setpoint.model.features.ClimateSample;

/**
 * One line of the climate CSV: a sample of a device at a site.
 *
 * @param device the device (InfluxDB tag {@code device})
 * @param site the site (tag {@code site}), empty when unknown
 * @param sample the values
 */
public record ClimateRow(String device, String site, ClimateSample sample) {}
