/** The forwarding loop: PENDING events to telemetry messages, FORWARDED once acknowledged. */
package dev.setpoint.relay.application;
