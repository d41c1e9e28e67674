package dev.setpoint.contracts.edgex;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One value a device reports or accepts, e.g. {@code temperature}.
 *
 * @param name unique within its profile; readings and commands refer to it
 * @param description optional
 * @param isHidden true when Core Command does not expose it as a command of its own
 * @param properties its value type, access and range
 */
public record DeviceResource(
    String name,
    String description,
    @JsonbProperty("isHidden") boolean isHidden,
    ResourceProperties properties) {}
