/** Adapters of analytics' ports to Kafka and InfluxDB, and its health checks. */
package dev.setpoint.analytics.infrastructure;
