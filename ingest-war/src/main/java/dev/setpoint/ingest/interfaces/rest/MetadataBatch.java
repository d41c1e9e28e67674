package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.AddDeviceProfileRequest;
import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.AddDeviceServiceRequest;
import dev.setpoint.contracts.edgex.UpdateDeviceRequest;
import java.util.List;

/**
 * The body of one of EdgeX's batch posts, read and checked whole by {@link MetadataBatchReader}
 * before the resource method runs: every element met the JSON contract and its aggregate's rules.
 */
public sealed interface MetadataBatch<R> {
  /** The elements, in the order they were sent. */
  List<R> requests();

  /** {@code POST /api/v3/deviceprofile}. */
  record AddProfiles(List<AddDeviceProfileRequest> requests)
      implements MetadataBatch<AddDeviceProfileRequest> {}

  /** {@code POST /api/v3/deviceservice}. */
  record AddDeviceServices(List<AddDeviceServiceRequest> requests)
      implements MetadataBatch<AddDeviceServiceRequest> {}

  /** {@code POST /api/v3/device}. */
  record AddDevices(List<AddDeviceRequest> requests) implements MetadataBatch<AddDeviceRequest> {}

  /** {@code PATCH /api/v3/device}. */
  record UpdateDevices(List<UpdateDeviceRequest> requests)
      implements MetadataBatch<UpdateDeviceRequest> {}
}
