package dev.setpoint.ingest.interfaces.rest;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.IntSupplier;

/**
 * What ingest's JSON request readers share: the body size limit ({@code
 * setpoint.ingest.limits.max-body-bytes}, read when first needed), strict UTF-8 and JSON ({@link
 * RequestBodies#json}), and the JAX-RS plumbing; each reader says which types it reads and how.
 *
 * @param <T> the request type read
 */
abstract class JsonBodyReader<T> implements MessageBodyReader<T> {
  private final IntSupplier maxBodyBytes;

  /** With the configured {@code setpoint.ingest.limits.max-body-bytes}. */
  JsonBodyReader() {
    this(RequestBodies.configuredMaxBytes());
  }

  /** With a fixed limit, for tests. */
  JsonBodyReader(int maxBodyBytes) {
    this(() -> maxBodyBytes);
  }

  private JsonBodyReader(IntSupplier maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Whether this reader reads bodies of {@code type}. */
  abstract boolean reads(Class<?> type);

  /** The body read as {@code type}, or a {@link BadRequestBodyException}. */
  abstract T read(Class<?> type, InputStream body);

  /** The body as JSON within the size limit, or a {@link BadRequestBodyException}. */
  final JsonValue json(InputStream body) {
    return RequestBodies.json(body, maxBodyBytes.getAsInt());
  }

  @Override
  public final boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return reads(type);
  }

  @Override
  public final T readFrom(
      Class<T> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream) {
    return read(type, entityStream);
  }
}
