/**
 * The agent's side of ingest's EdgeX API: event posts, Core Command reads, device registration and
 * the devices' tokens, kept in a file only the agent can read.
 */
package dev.setpoint.device.edge;
