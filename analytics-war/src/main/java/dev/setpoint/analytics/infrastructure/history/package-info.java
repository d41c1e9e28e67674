/**
 * The history read from InfluxDB with InfluxQL through influxdb-client-java's InfluxQL API (the
 * {@code /query} endpoint of InfluxDB 1.x, and the v1-compatible one of 2.x and 3.x).
 */
package dev.setpoint.analytics.infrastructure.history;
