/**
 * The site's LAN webhook, told of the edge's critical room alerts while the cloud cannot be
 * reached, through the JDK's HTTP client.
 */
package dev.setpoint.relay.infrastructure.webhook;
