/**
 * The telemetry message the relay publishes to Kafka and analytics consumes, its JSON codec, and
 * the topic and channel names both sides use.
 */
package dev.setpoint.contracts.telemetry;
