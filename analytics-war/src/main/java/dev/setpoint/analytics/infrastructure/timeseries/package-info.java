/**
 * InfluxDB through influxdb-client-java (the v2 write API, InfluxQL for reads), and the wiring of
 * the application's telemetry recorder to it (retry pauses, the recommender hook).
 */
package dev.setpoint.analytics.infrastructure.timeseries;
