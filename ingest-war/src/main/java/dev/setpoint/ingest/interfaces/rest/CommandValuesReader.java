package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.ingest.application.InvalidCommandException;
import dev.setpoint.ingest.interfaces.rest.json.MetadataJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;

/**
 * Reads a Core Command {@code PUT} body ({@code {"setpoint":"24.5"}}) into {@link CommandValues};
 * whether the values fit the device's profile is the application's to check.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class CommandValuesReader extends JsonBodyReader<CommandValues> {

  /** With the configured {@code setpoint.ingest.limits.max-body-bytes}. */
  public CommandValuesReader() {}

  CommandValuesReader(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  boolean reads(Class<?> type) {
    return type == CommandValues.class;
  }

  /** The values, or a {@link BadRequestBodyException}. */
  CommandValues read(InputStream body) {
    return read(CommandValues.class, body);
  }

  @Override
  CommandValues read(Class<?> type, InputStream body) {
    try {
      return new CommandValues(MetadataJson.commandValues(json(body)));
    } catch (InvalidCommandException e) {
      throw new BadRequestBodyException(400, e.getMessage());
    }
  }
}
