package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.ingest.application.InvalidEventException;
import dev.setpoint.ingest.interfaces.rest.json.EventJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;

/**
 * Reads an EdgeX {@code AddEventRequest} body with the JSON types EdgeX requires ({@link
 * EventJson}), rather than the JSON provider's lenient binding, so every malformed body gets an
 * EdgeX 400 that says what is wrong and an oversize body a 413, before anything is stored. The
 * checks against the device and its profile are the application's.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class EventRequestReader extends JsonBodyReader<AddEventRequest> {
  private static final String NOT_VALID = "request body is not a valid AddEventRequest: ";

  /** With the configured {@code setpoint.ingest.limits.max-body-bytes}. */
  public EventRequestReader() {}

  EventRequestReader(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  boolean reads(Class<?> type) {
    return type == AddEventRequest.class;
  }

  /** The request, or a {@link BadRequestBodyException} (400 naming the field, or 413). */
  AddEventRequest read(InputStream body) {
    return read(AddEventRequest.class, body);
  }

  @Override
  AddEventRequest read(Class<?> type, InputStream body) {
    try {
      return EventJson.read(json(body));
    } catch (BadRequestBodyException e) {
      throw e.status() == 400 ? new BadRequestBodyException(400, NOT_VALID + e.getMessage()) : e;
    } catch (InvalidEventException e) {
      throw new BadRequestBodyException(400, NOT_VALID + e.getMessage());
    }
  }
}
