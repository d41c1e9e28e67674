/**
 * Climate and recommendation points written to InfluxDB with influxdb-client-java's blocking write
 * API (the reads are {@code history}'s), and the wiring of the application's telemetry recorder to
 * it (retry pauses, the recommender hook).
 */
package dev.setpoint.analytics.infrastructure.timeseries;
