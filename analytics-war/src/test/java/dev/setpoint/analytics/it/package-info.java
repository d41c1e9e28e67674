/**
 * Integration tests: the built analytics WAR on Open Liberty against the real Kafka and InfluxDB.
 */
package dev.setpoint.analytics.it;
