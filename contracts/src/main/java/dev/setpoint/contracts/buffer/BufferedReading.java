package dev.setpoint.contracts.buffer;

import jakarta.nosql.Column;
import jakarta.nosql.Embeddable;

/**
 * A reading as stored inside its event.
 *
 * @param id reading id
 * @param origin nanoseconds since the epoch
 * @param resourceName device resource read
 * @param valueType EdgeX value type as declared by the client
 * @param value the value as text, exactly as received
 * @param units optional units
 */
@Embeddable
public record BufferedReading(
    @Column("id") String id,
    @Column("origin") long origin,
    @Column("resourceName") String resourceName,
    @Column("valueType") String valueType,
    @Column("value") String value,
    @Column("units") String units) {}
