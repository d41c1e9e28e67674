package dev.setpoint.ingest.infrastructure.persistence.document;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * A stored EdgeX v1 value descriptor (the legacy API's typed, ranged value name); its name is the
 * document id, so names stay unique.
 *
 * @param name value name, e.g. {@code temperature}
 * @param id the id answered when it was created (a UUID)
 * @param min smallest valid value, or {@code null}
 * @param max largest valid value, or {@code null}
 * @param defaultValue default value as text, or {@code null}
 * @param valueType the EdgeX v3 value type the v1 type code maps to
 * @param uomLabel unit label
 * @param formatting printf-style format
 * @param labels free labels
 * @param description free text
 */
@Entity("valuedescriptors")
public record LegacyValueDescriptorDocument(
    @Id String name,
    @Column("id") String id,
    @Column("min") Double min,
    @Column("max") Double max,
    @Column("defaultValue") String defaultValue,
    @Column("valueType") String valueType,
    @Column("uomLabel") String uomLabel,
    @Column("formatting") String formatting,
    @Column("labels") List<String> labels,
    @Column("description") String description) {}
