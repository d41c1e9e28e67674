package dev.setpoint.ingest.infrastructure.persistence.document;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * An enrolment code as ingest stores it in MongoDB collection {@value #COLLECTION}: only its hash,
 * which is the document id, so a device's trade is one lookup on the {@code _id} index and one
 * conditional update of the same document. Used, expired and revoked codes stay, as a record of
 * what enrolled whom.
 *
 * @param hash SHA-256 of the code, lower-case hex
 * @param id the code's public id
 * @param description the operator's note, or null
 * @param createdBy the operator who made it
 * @param createdAt when, milliseconds since the epoch
 * @param expiresAt when it stops working, milliseconds since the epoch
 * @param service the device service its devices must belong to, or null for any
 * @param profiles the device profiles its devices may have
 * @param devices the devices it names, empty for a batch code
 * @param remaining how many devices may still enrol with it
 * @param used the devices that enrolled with it
 * @param revokedAt when it was revoked, milliseconds since the epoch, or null
 */
@Entity(EnrolmentCodeDocument.COLLECTION)
public record EnrolmentCodeDocument(
    @Id String hash,
    @Column(EnrolmentCodeDocument.ID) String id,
    @Column("description") String description,
    @Column("createdBy") String createdBy,
    @Column("createdAt") long createdAt,
    @Column(EnrolmentCodeDocument.EXPIRES_AT) long expiresAt,
    @Column("service") String service,
    @Column("profiles") List<String> profiles,
    @Column("devices") List<String> devices,
    @Column(EnrolmentCodeDocument.REMAINING) int remaining,
    @Column(EnrolmentCodeDocument.USED) List<String> used,
    @Column(EnrolmentCodeDocument.REVOKED_AT) Long revokedAt) {

  /** The MongoDB collection of enrolment codes. */
  public static final String COLLECTION = "enrolmentcodes";

  /** Field names the conditional updates use. */
  public static final String ID = "id";

  public static final String EXPIRES_AT = "expiresAt";
  public static final String REMAINING = "remaining";
  public static final String USED = "used";
  public static final String REVOKED_AT = "revokedAt";
}
