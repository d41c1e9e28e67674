/**
 * Types that cross a module boundary: the EdgeX API bodies ({@code edgex}), the telemetry message
 * between the relay and analytics ({@code telemetry}), the pure rules every writer applies ({@code
 * edgex.ValueTypes}, {@code edgex.CommandRules}), the simulated outdoor weather the relay reports
 * and the device agent's simulated rooms feel ({@code weather}), and the two layouts ingest and the
 * relay share in MongoDB: the edge buffer's stored event ({@code buffer}) and the latest commands
 * with the read-only view of command targets ingest publishes for the relay ({@code command}). Each
 * WAR's own documents live in that WAR.
 */
package dev.setpoint.contracts;
