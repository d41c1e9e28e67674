/**
 * The simulated outdoor weather of a site, one pure function that the relay attaches to telemetry
 * offline and the device agent's simulated rooms feel, so that both see the same weather.
 */
package dev.setpoint.contracts.weather;
