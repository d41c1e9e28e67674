/**
 * Analytics: the cloud side. Packages by role: {@code application} (recording telemetry), {@code
 * domain} (ports), {@code infrastructure} (Kafka, InfluxDB, health).
 */
package dev.setpoint.analytics;
