package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.setpoint.ingest.domain.EnrolmentCode;
import dev.setpoint.ingest.domain.EnrolmentCodes;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enrolment codes in MongoDB collection {@value #COLLECTION}, one document per code whose {@code
 * _id} is the code's SHA-256 (never the code): a device's trade is one lookup on the {@code _id}
 * index and one conditional update of the same document. Taking a code's uses is a single {@code
 * updateOne} whose filter holds every condition (not revoked, not expired, enough uses left, none
 * of the devices used it before), so of two concurrent trades of its last use exactly one matches,
 * on one server or many. Used, expired and revoked codes stay, as a record of what enrolled whom.
 *
 * <p>Written and read with the driver rather than JNoSQL's template: the template stores an empty
 * list as an empty document ({@code "used": {}}), on which {@code $push} fails, and a code's lists
 * start empty. Listing and revoking by public id scan the collection: codes are few and made by
 * people.
 */
@ApplicationScoped
public class MongoEnrolmentCodes implements EnrolmentCodes {
  /** The MongoDB collection of enrolment codes. */
  public static final String COLLECTION = "enrolmentcodes";

  private static final String ID = "id";
  private static final String DESCRIPTION = "description";
  private static final String CREATED_BY = "createdBy";
  private static final String CREATED_AT = "createdAt";
  private static final String EXPIRES_AT = "expiresAt";
  private static final String SERVICE = "service";
  private static final String PROFILES = "profiles";
  private static final String DEVICES = "devices";
  private static final String REMAINING = "remaining";
  private static final String USED = "used";
  private static final String REVOKED_AT = "revokedAt";

  private final MongoCollection<Document> collection;

  @Inject
  public MongoEnrolmentCodes(
      MongoClient client, @ConfigProperty(name = "jnosql.document.database") String database) {
    this(client.getDatabase(database).getCollection(COLLECTION));
  }

  MongoEnrolmentCodes(MongoCollection<Document> collection) {
    this.collection = collection;
  }

  /** For CDI's proxy only. */
  protected MongoEnrolmentCodes() {
    this.collection = null;
  }

  @Override
  public void add(EnrolmentCode code) {
    call(() -> collection.insertOne(document(code)));
  }

  @Override
  public Optional<EnrolmentCode> find(String hash) {
    return call(
        () ->
            Optional.ofNullable(collection.find(Filters.eq("_id", hash)).first())
                .map(MongoEnrolmentCodes::code));
  }

  @Override
  public Optional<EnrolmentCode> byId(String id) {
    return call(
        () ->
            Optional.ofNullable(collection.find(Filters.eq(ID, id)).first())
                .map(MongoEnrolmentCodes::code));
  }

  @Override
  public List<EnrolmentCode> all() {
    return call(
        () ->
            collection
                .find()
                .sort(Sorts.descending(CREATED_AT))
                .map(MongoEnrolmentCodes::code)
                .into(new ArrayList<>()));
  }

  @Override
  public boolean consume(String hash, List<String> devices, long nowMillis) {
    return call(
        () ->
            collection
                    .updateOne(
                        Filters.and(
                            Filters.eq("_id", hash),
                            Filters.eq(REVOKED_AT, null),
                            Filters.gt(EXPIRES_AT, nowMillis),
                            Filters.gte(REMAINING, devices.size()),
                            Filters.nin(USED, devices)),
                        Updates.combine(
                            Updates.inc(REMAINING, -devices.size()),
                            Updates.pushEach(USED, devices)))
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
                    Updates.inc(REMAINING, devices.size()), Updates.pullAll(USED, devices))));
  }

  @Override
  public boolean revoke(String id, long nowMillis) {
    return call(
        () ->
            collection
                    .updateOne(
                        Filters.and(Filters.eq(ID, id), Filters.eq(REVOKED_AT, null)),
                        Updates.set(REVOKED_AT, nowMillis))
                    .getModifiedCount()
                == 1);
  }

  private static Document document(EnrolmentCode code) {
    return new Document("_id", code.hash())
        .append(ID, code.id())
        .append(DESCRIPTION, code.description())
        .append(CREATED_BY, code.createdBy())
        .append(CREATED_AT, code.createdAt())
        .append(EXPIRES_AT, code.expiresAt())
        .append(SERVICE, code.service())
        .append(PROFILES, code.profiles())
        .append(DEVICES, code.devices())
        .append(REMAINING, code.remaining())
        .append(USED, code.used())
        .append(REVOKED_AT, code.revokedAt());
  }

  private static EnrolmentCode code(Document d) {
    Number revokedAt = d.get(REVOKED_AT, Number.class);
    return new EnrolmentCode(
        d.getString("_id"),
        d.getString(ID),
        d.getString(DESCRIPTION),
        d.getString(CREATED_BY),
        d.get(CREATED_AT, Number.class).longValue(),
        d.get(EXPIRES_AT, Number.class).longValue(),
        d.getString(SERVICE),
        d.getList(PROFILES, String.class, List.of()),
        d.getList(DEVICES, String.class, List.of()),
        d.get(REMAINING, Number.class).intValue(),
        d.getList(USED, String.class, List.of()),
        revokedAt == null ? null : revokedAt.longValue());
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
