/**
 * Datasets in one CSV format ({@link dev.setpoint.model.data.ClimateCsv}, Apache Commons CSV): from
 * the simulator ({@link dev.setpoint.model.data.SimulatedDataset}) and from InfluxDB over InfluxQL
 * ({@link dev.setpoint.model.data.InfluxExporter}, influxdb-client-java). Offline tooling: needs
 * the optional commons-csv and influxdb-client-java dependencies.
 */
package dev.setpoint.model.data;
