package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.setpoint.ingest.domain.EnrolmentCode;
import dev.setpoint.ingest.domain.EnrolmentCodes;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.infrastructure.persistence.document.EnrolmentCodeDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enrolment codes as documents of {@link EnrolmentCodeDocument#COLLECTION}, read and written
 * through JNoSQL; taking and giving back a code's uses are single conditional updates on the
 * MongoDB collection ({@code updateOne} with the conditions in its filter), which the template
 * cannot express, so of two concurrent trades of a code's last use exactly one matches. Listing and
 * revoking by public id read the whole collection: codes are few, and made by people.
 */
@ApplicationScoped
public class JnosqlEnrolmentCodes implements EnrolmentCodes {
  private final Template template;
  private final MongoCollection<Document> collection;

  /**
   * @param template JNoSQL's template, for reads and inserts
   * @param client ingest's client, for the conditional updates
   */
  @Inject
  public JnosqlEnrolmentCodes(
      Template template,
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database) {
    this.template = template;
    this.collection = client.getDatabase(database).getCollection(EnrolmentCodeDocument.COLLECTION);
  }

  /** For CDI's proxy only. */
  protected JnosqlEnrolmentCodes() {
    this.template = null;
    this.collection = null;
  }

  @Override
  public void add(EnrolmentCode code) {
    call(() -> template.insert(document(code)));
  }

  @Override
  public Optional<EnrolmentCode> find(String hash) {
    return call(
        () -> template.find(EnrolmentCodeDocument.class, hash).map(JnosqlEnrolmentCodes::code));
  }

  @Override
  public Optional<EnrolmentCode> byId(String id) {
    List<EnrolmentCodeDocument> found =
        call(
            () ->
                template
                    .select(EnrolmentCodeDocument.class)
                    .where(EnrolmentCodeDocument.ID)
                    .eq(id)
                    .result());
    return found.stream().findFirst().map(JnosqlEnrolmentCodes::code);
  }

  @Override
  public List<EnrolmentCode> all() {
    List<EnrolmentCodeDocument> documents =
        call(() -> template.select(EnrolmentCodeDocument.class).result());
    return documents.stream()
        .map(JnosqlEnrolmentCodes::code)
        .sorted(Comparator.comparingLong(EnrolmentCode::createdAt).reversed())
        .toList();
  }

  @Override
  public boolean consume(String hash, List<String> devices, long nowMillis) {
    return call(
        () ->
            collection
                    .updateOne(
                        Filters.and(
                            Filters.eq("_id", hash),
                            Filters.eq(EnrolmentCodeDocument.REVOKED_AT, null),
                            Filters.gt(EnrolmentCodeDocument.EXPIRES_AT, nowMillis),
                            Filters.gte(EnrolmentCodeDocument.REMAINING, devices.size()),
                            Filters.nin(EnrolmentCodeDocument.USED, devices)),
                        Updates.combine(
                            Updates.inc(EnrolmentCodeDocument.REMAINING, -devices.size()),
                            Updates.pushEach(EnrolmentCodeDocument.USED, devices)))
                    .getModifiedCount()
                == 1);
  }

  @Override
  public void release(String hash, List<String> devices) {
    call(
        () ->
            collection.updateOne(
                Filters.eq("_id", hash),
                Updates.combine(
                    Updates.inc(EnrolmentCodeDocument.REMAINING, devices.size()),
                    Updates.pullAll(EnrolmentCodeDocument.USED, devices))));
  }

  @Override
  public boolean revoke(String id, long nowMillis) {
    return call(
        () ->
            collection
                    .updateOne(
                        Filters.and(
                            Filters.eq(EnrolmentCodeDocument.ID, id),
                            Filters.eq(EnrolmentCodeDocument.REVOKED_AT, null)),
                        Updates.set(EnrolmentCodeDocument.REVOKED_AT, nowMillis))
                    .getModifiedCount()
                == 1);
  }

  private static EnrolmentCodeDocument document(EnrolmentCode code) {
    return new EnrolmentCodeDocument(
        code.hash(),
        code.id(),
        code.description(),
        code.createdBy(),
        code.createdAt(),
        code.expiresAt(),
        code.service(),
        code.profiles(),
        code.devices(),
        code.remaining(),
        code.used(),
        code.revokedAt());
  }

  private static EnrolmentCode code(EnrolmentCodeDocument d) {
    return new EnrolmentCode(
        d.hash(),
        d.id(),
        d.description(),
        d.createdBy(),
        d.createdAt(),
        d.expiresAt(),
        d.service(),
        d.profiles() == null ? List.of() : d.profiles(),
        d.devices() == null ? List.of() : d.devices(),
        d.remaining(),
        d.used() == null ? List.of() : d.used(),
        d.revokedAt());
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof MongoException) {
          throw new StoreUnavailableException("the enrolment code store (MongoDB) failed", e);
        }
      }
      throw e;
    }
  }
}
