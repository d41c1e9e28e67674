/** Ports of the relay, named for the domain; adapters live in {@code infrastructure}. */
package dev.setpoint.relay.domain;
