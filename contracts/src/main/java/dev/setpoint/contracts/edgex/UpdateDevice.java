package dev.setpoint.contracts.edgex;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * The fields {@code PATCH /api/v3/device} may change; {@code null} leaves a field as it is.
 *
 * @param name the device to change (required)
 * @param description new description
 * @param adminState lock or unlock
 * @param operatingState new operating state
 * @param labels new labels (replace the old ones)
 * @param location new location
 */
public record UpdateDevice(
    String name,
    String description,
    AdminState adminState,
    OperatingState operatingState,
    List<String> labels,
    JsonValue location) {}
