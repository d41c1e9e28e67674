/**
 * Relay: the edge hub's store-and-forward link to the cloud. Packages by role: {@code application}
 * (the forwarding loop, the command intake), {@code domain} (ports), {@code infrastructure}
 * (MongoDB, Kafka, weather, health, metrics), and {@code config} (typed configuration, usable by
 * every layer).
 */
package dev.setpoint.relay;
