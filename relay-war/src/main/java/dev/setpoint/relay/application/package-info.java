/**
 * The relay's use cases: the forwarding loop and its rounds (PENDING events to telemetry messages
 * with their site and outdoor weather, FORWARDED once acknowledged), the retention of the edge
 * buffer, the backlog monitor, the intake of the cloud's commands, the edge outbox's forwarding
 * loop with the state of the link to the cloud it observes, and the LAN delivery of the edge's
 * critical alerts while that link is down. Adapters call them; they take their settings from {@code
 * dev.setpoint.relay.config}.
 */
package dev.setpoint.relay.application;
