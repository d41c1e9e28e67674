/** The relay's MicroProfile Metrics: backlog, oldest pending age, events forwarded. */
package dev.setpoint.relay.infrastructure.metrics;
