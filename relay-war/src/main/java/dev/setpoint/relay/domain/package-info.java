/**
 * Ports of the relay, named for the domain (edge buffer, telemetry publisher, weather provider,
 * command store and command targets, the edge outbox and its publisher, the LAN receiver of the
 * edge's alerts and the record of what it was told), and the weather's and sites' domain types;
 * adapters live in {@code infrastructure}.
 */
package dev.setpoint.relay.domain;
