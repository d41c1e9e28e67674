/**
 * Use cases of ingest: turning an EdgeX request into a validated, stored event, keeping metadata
 * and serving commands, and judging the rooms of stored events for the edge's own alerts. The
 * services take decoded records (the contracts' EdgeX types, the v1 records of {@code legacy}) and
 * never see a wire format: JSON and YAML are read in {@code interfaces}. The rules each aggregate
 * must meet are {@link dev.setpoint.ingest.application.ProfileRules}, {@link
 * dev.setpoint.ingest.application.DeviceServiceRules} and {@link
 * dev.setpoint.ingest.application.DeviceRules}.
 */
package dev.setpoint.ingest.application;
