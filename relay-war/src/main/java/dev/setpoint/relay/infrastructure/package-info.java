/** Adapters of the relay's ports to MongoDB and Kafka, and its health checks. */
package dev.setpoint.relay.infrastructure;
