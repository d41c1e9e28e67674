/**
 * The EdgeX v3 HTTP API: resources, the EdgeX error body for every failure, and the {@code
 * X-Correlation-ID} header on every response.
 */
package dev.setpoint.ingest.interfaces.rest;
