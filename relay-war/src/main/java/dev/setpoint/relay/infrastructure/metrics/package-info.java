/**
 * The relay's MicroProfile Metrics: backlog, oldest pending age, events forwarded, and commands
 * stored, refused or skipped.
 */
package dev.setpoint.relay.infrastructure.metrics;
