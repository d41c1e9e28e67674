/**
 * Types that cross a module boundary: the EdgeX API bodies ({@code edgex}), the telemetry message
 * between the relay and analytics ({@code telemetry}), and the edge buffer's stored event ({@code
 * buffer}). Nothing else lives here.
 */
package dev.setpoint.contracts;
