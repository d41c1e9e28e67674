/**
 * Relay: the edge hub's store-and-forward link to the cloud, and the way back for the cloud's
 * commands. Packages by role: {@code application} (the forwarding loop, the command intake), {@code
 * domain} (ports), {@code infrastructure} (MongoDB, Kafka, the weather service, health, metrics),
 * and {@code config} (typed configuration, usable by every layer).
 */
package dev.setpoint.relay;
