package dev.setpoint.model.data;

import dev.setpoint.model.features.ClimateSample;

/**
 * One line of the climate CSV: a sample of a device at a site.
 *
 * @param device the device (InfluxDB tag {@code device})
 * @param site the site (tag {@code site}), empty when unknown
 * @param sample the values
 * @param controllablePowerKw the room's power a setpoint can change at the sample's time: cooling
 *     (compressors, indoor fans, economiser) plus what the server fans draw above idle, kW; NaN
 *     when not known (the simulator knows it; telemetry carries the cooling's metered power since
 *     issue 17, which `export` does not write yet)
 */
public record ClimateRow(
    String device, String site, ClimateSample sample, double controllablePowerKw) {

  /** A row without a power reading. */
  public ClimateRow(String device, String site, ClimateSample sample) {
    this(device, site, sample, Double.NaN);
  }
}
