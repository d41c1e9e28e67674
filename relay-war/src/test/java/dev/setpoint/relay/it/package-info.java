/** Integration tests: the built relay WAR on Open Liberty against the real MongoDB and Kafka. */
package dev.setpoint.relay.it;
