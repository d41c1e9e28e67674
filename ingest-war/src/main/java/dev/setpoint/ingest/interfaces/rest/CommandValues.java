package dev.setpoint.ingest.interfaces.rest;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a Core Command {@code PUT}, read by {@link CommandValuesReader}: resource name to
 * value, each value as text. On the wire it is that JSON object itself.
 */
@Schema(
    type = SchemaType.OBJECT,
    description = "resource name to value, e.g. {\"setpoint\":\"24.5\"}",
    additionalProperties = String.class)
public record CommandValues(Map<String, String> values) {}
