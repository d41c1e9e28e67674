/**
 * Outdoor weather adapters: OpenWeatherMap (MicroProfile Rest Client with Fault Tolerance, cached
 * per site), the simulated provider for offline use, the choice between them, and the table of
 * weather categories.
 */
package dev.setpoint.relay.infrastructure.weather;
