package dev.setpoint.contracts.edgex;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * A named group of resources read or written together through Core Command, e.g. {@code climate}
 * reading temperature and humidity at once.
 *
 * @param name unique within its profile and distinct from its resources' names
 * @param isHidden true when Core Command does not expose it
 * @param readWrite whether the command reads, writes, or both
 * @param resourceOperations the resources, at least one
 */
public record DeviceCommand(
    String name,
    @JsonbProperty("isHidden") boolean isHidden,
    ReadWrite readWrite,
    List<ResourceOperation> resourceOperations) {}
