/**
 * Relay: the edge hub's store-and-forward link to the cloud. Packages by role: {@code application}
 * (the forwarding loop), {@code domain} (ports), {@code infrastructure} (MongoDB, Kafka, health).
 */
package dev.setpoint.relay;
