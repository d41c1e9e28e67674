package dev.setpoint.contracts.edgex;

/**
 * Body of {@code POST /api/v3/event/{service}/{profile}/{device}/{source}}.
 *
 * @param apiVersion always {@code v3}
 * @param requestId optional client-chosen id echoed in the response
 * @param event the event to store
 */
public record AddEventRequest(String apiVersion, String requestId, Event event) {}
