/**
 * What the WARs' MicroProfile Health checks may say to anyone: {@code /health} is public (probes
 * carry no credentials), so a failing check answers a short reason code and logs the detail.
 */
package dev.setpoint.contracts.health;
