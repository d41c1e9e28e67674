package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.AddDeviceProfileRequest;
import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.AddDeviceServiceRequest;
import dev.setpoint.contracts.edgex.UpdateDeviceRequest;
import dev.setpoint.ingest.application.DeviceRules;
import dev.setpoint.ingest.application.DeviceServiceRules;
import dev.setpoint.ingest.application.InvalidMetadataException;
import dev.setpoint.ingest.application.ProfileRules;
import dev.setpoint.ingest.interfaces.rest.json.MetadataJson;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads the body of a metadata batch post into its {@link MetadataBatch}: the size limit, strict
 * UTF-8 and JSON ({@link RequestBodies}), an array of 1 to {@value Batches#MAX_ELEMENTS} elements
 * ({@link Batches#elements}), and each element mapped ({@link MetadataJson}) and checked against
 * its aggregate's rules under its path ({@code [2].device.name is required}) before the next one is
 * read. Any refusal is a {@link BadRequestBodyException}, answered as an EdgeX error by {@link
 * BadRequestBodyExceptionMapper}; nothing reaches the application.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class MetadataBatchReader extends JsonBodyReader<MetadataBatch<?>> {
  /** How each batch's elements are read and checked. */
  private record Format<R>(
      String what,
      BiFunction<JsonValue, String, R> element,
      Function<List<R>, MetadataBatch<R>> batch) {

    MetadataBatch<R> read(JsonValue body) {
      return batch.apply(Batches.elements(body, what, element));
    }
  }

  private static final Map<Class<?>, Format<?>> FORMATS =
      Map.of(
          MetadataBatch.AddProfiles.class,
          new Format<AddDeviceProfileRequest>(
              "AddDeviceProfileRequest",
              (json, path) -> {
                AddDeviceProfileRequest request = MetadataJson.addProfileRequest(json, path);
                ProfileRules.check(request.profile(), path + ".profile");
                return request;
              },
              MetadataBatch.AddProfiles::new),
          MetadataBatch.AddDeviceServices.class,
          new Format<AddDeviceServiceRequest>(
              "AddDeviceServiceRequest",
              (json, path) -> {
                AddDeviceServiceRequest request = MetadataJson.addDeviceServiceRequest(json, path);
                DeviceServiceRules.check(request.service(), path + ".service");
                return request;
              },
              MetadataBatch.AddDeviceServices::new),
          MetadataBatch.AddDevices.class,
          new Format<AddDeviceRequest>(
              "AddDeviceRequest",
              (json, path) -> {
                AddDeviceRequest request = MetadataJson.addDeviceRequest(json, path);
                DeviceRules.check(request.device(), path + ".device");
                return request;
              },
              MetadataBatch.AddDevices::new),
          MetadataBatch.UpdateDevices.class,
          new Format<UpdateDeviceRequest>(
              "UpdateDeviceRequest",
              (json, path) -> {
                UpdateDeviceRequest request = MetadataJson.updateDeviceRequest(json, path);
                DeviceRules.update(request.device(), path + ".device");
                return request;
              },
              MetadataBatch.UpdateDevices::new));

  /** With the configured {@code setpoint.ingest.limits.max-body-bytes}. */
  public MetadataBatchReader() {}

  MetadataBatchReader(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  boolean reads(Class<?> type) {
    return FORMATS.containsKey(type);
  }

  /** The batch of that type, or a {@link BadRequestBodyException}. */
  @Override
  MetadataBatch<?> read(Class<?> type, InputStream body) {
    Format<?> format = FORMATS.get(type);
    if (format == null) {
      throw new IllegalArgumentException(type + " is not a metadata batch");
    }
    JsonValue json = json(body);
    try {
      return format.read(json);
    } catch (InvalidMetadataException e) {
      throw new BadRequestBodyException(400, e.getMessage());
    }
  }
}
