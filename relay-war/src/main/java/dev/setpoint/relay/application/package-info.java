/**
 * The relay's use cases: the forwarding loop (PENDING events to telemetry messages with their site
 * and outdoor weather, FORWARDED once acknowledged), the retention of forwarded events, the backlog
 * figures, and the intake of commands from the cloud.
 */
package dev.setpoint.relay.application;
