/**
 * The EdgeX v3 HTTP API: resources, the request readers that turn a body into a checked request
 * record before a resource method runs ({@code MetadataBatchReader}, {@code EventRequestReader},
 * {@code CommandValuesReader}; the mapping itself is in {@code json}), the EdgeX error body for
 * every failure, and the {@code X-Correlation-ID} header on every response.
 */
package dev.setpoint.ingest.interfaces.rest;
