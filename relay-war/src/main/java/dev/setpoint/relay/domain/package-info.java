/**
 * Ports of the relay, named for the domain (edge buffer, telemetry publisher, weather provider),
 * and the weather's domain types; adapters live in {@code infrastructure}.
 */
package dev.setpoint.relay.domain;
