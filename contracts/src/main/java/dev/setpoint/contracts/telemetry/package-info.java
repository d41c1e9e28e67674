/**
 * The telemetry message the relay publishes to Kafka and analytics consumes, the command message
 * analytics sends back to the relay, their JSON codecs, and the topic and channel names both sides
 * use.
 */
package dev.setpoint.contracts.telemetry;
