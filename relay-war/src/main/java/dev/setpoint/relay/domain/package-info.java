/**
 * Ports of the relay, named for the domain (edge buffer, telemetry publisher, weather provider,
 * command store and command targets, the edge outbox and its publisher), and the weather's and
 * sites' domain types; adapters live in {@code infrastructure}.
 */
package dev.setpoint.relay.domain;
