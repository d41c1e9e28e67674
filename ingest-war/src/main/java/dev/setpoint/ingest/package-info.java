/**
 * Ingest: the edge hub's EdgeX-compatible API. Packages by role: {@code interfaces.rest} (HTTP),
 * {@code application} (validation and use cases), {@code domain} (ports), {@code infrastructure}
 * (MongoDB adapters, the local operator issuer, health checks).
 */
package dev.setpoint.ingest;
