package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.AddDeviceProfileRequest;
import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.AddDeviceServiceRequest;
import dev.setpoint.contracts.edgex.UpdateDeviceRequest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of one of EdgeX's batch posts, read and checked whole by {@link MetadataBatchReader}
 * before the resource method runs: every element met the JSON contract and its aggregate's rules.
 * On the wire each is a plain JSON array of its elements; the {@code @Schema} annotations say so to
 * the OpenAPI document, which would otherwise describe the record's {@code requests} field.
 */
public sealed interface MetadataBatch<R> {
  /** The elements, in the order they were sent. */
  List<R> requests();

  /** {@code POST /api/v3/deviceprofile}. */
  @Schema(type = SchemaType.ARRAY, implementation = AddDeviceProfileRequest.class)
  record AddProfiles(List<AddDeviceProfileRequest> requests)
      implements MetadataBatch<AddDeviceProfileRequest> {}

  /** {@code POST /api/v3/deviceservice}. */
  @Schema(type = SchemaType.ARRAY, implementation = AddDeviceServiceRequest.class)
  record AddDeviceServices(List<AddDeviceServiceRequest> requests)
      implements MetadataBatch<AddDeviceServiceRequest> {}

  /** {@code POST /api/v3/device}. */
  @Schema(type = SchemaType.ARRAY, implementation = AddDeviceRequest.class)
  record AddDevices(List<AddDeviceRequest> requests) implements MetadataBatch<AddDeviceRequest> {}

  /** {@code PATCH /api/v3/device}. */
  @Schema(type = SchemaType.ARRAY, implementation = UpdateDeviceRequest.class)
  record UpdateDevices(List<UpdateDeviceRequest> requests)
      implements MetadataBatch<UpdateDeviceRequest> {}
}
