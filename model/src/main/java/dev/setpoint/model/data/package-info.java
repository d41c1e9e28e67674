/**
 * Datasets in one CSV format ({@link dev.setpoint.model.data.ClimateCsv}): from the simulator
 * ({@link dev.setpoint.model.data.SimulatedDataset}) and from InfluxDB over InfluxQL ({@link
 * dev.setpoint.model.data.InfluxExporter}). Offline tooling: needs the optional JSON dependency.
 */
package dev.setpoint.model.data;
