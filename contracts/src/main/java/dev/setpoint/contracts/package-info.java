/**
 * Types that cross a module boundary: the EdgeX API bodies ({@code edgex}), the telemetry message
 * between the relay and analytics ({@code telemetry}), the edge buffer's stored event ({@code
 * buffer}), and documents only ingest stores but JNoSQL must find in the EAR ({@code ingest}).
 * Nothing else lives here.
 */
package dev.setpoint.contracts;
