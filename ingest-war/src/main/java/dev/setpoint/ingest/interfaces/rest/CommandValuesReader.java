package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.ingest.application.InvalidCommandException;
import dev.setpoint.ingest.interfaces.rest.json.MetadataJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.IntSupplier;

/**
 * Reads a Core Command {@code PUT} body ({@code {"setpoint":"24.5"}}) into {@link CommandValues};
 * whether the values fit the device's profile is the application's to check.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class CommandValuesReader implements MessageBodyReader<CommandValues> {
  private final IntSupplier maxBodyBytes;

  /** With the configured {@code setpoint.ingest.limits.max-body-bytes}. */
  public CommandValuesReader() {
    this(RequestBodies.configuredMaxBytes());
  }

  CommandValuesReader(int maxBodyBytes) {
    this(() -> maxBodyBytes);
  }

  private CommandValuesReader(IntSupplier maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == CommandValues.class;
  }

  @Override
  public CommandValues readFrom(
      Class<CommandValues> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream) {
    return read(entityStream);
  }

  /** The values, or a {@link BadRequestBodyException}. */
  CommandValues read(InputStream body) {
    try {
      return new CommandValues(
          MetadataJson.commandValues(RequestBodies.json(body, maxBodyBytes.getAsInt())));
    } catch (InvalidCommandException e) {
      throw new BadRequestBodyException(400, e.getMessage());
    }
  }
}
