package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import dev.setpoint.ingest.domain.DeviceToken;
import dev.setpoint.ingest.domain.DeviceTokens;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.infrastructure.persistence.document.DeviceTokenDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Device tokens as documents of {@link DeviceTokenDocument#COLLECTION}. The lookup a request needs
 * goes by {@code _id}; listing a device's tokens (issuing and revoking, operator actions) reads the
 * few documents of that device.
 */
@ApplicationScoped
public class JnosqlDeviceTokens implements DeviceTokens {
  private final Template template;

  @Inject
  public JnosqlDeviceTokens(Template template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlDeviceTokens() {
    this.template = null;
  }

  @Override
  public void add(DeviceToken token) {
    call(() -> template.insert(document(token)));
  }

  @Override
  public Optional<DeviceToken> find(String hash) {
    return call(
        () -> template.find(DeviceTokenDocument.class, hash).map(JnosqlDeviceTokens::token));
  }

  @Override
  public List<DeviceToken> active(String deviceName) {
    List<DeviceTokenDocument> documents =
        call(
            () ->
                template
                    .select(DeviceTokenDocument.class)
                    .where("deviceName")
                    .eq(deviceName)
                    .result());
    return documents.stream().map(JnosqlDeviceTokens::token).filter(DeviceToken::active).toList();
  }

  @Override
  public void update(DeviceToken token) {
    call(() -> template.update(document(token)));
  }

  private static DeviceTokenDocument document(DeviceToken token) {
    return new DeviceTokenDocument(
        token.hash(), token.deviceName(), token.createdAt(), token.revokedAt());
  }

  private static DeviceToken token(DeviceTokenDocument document) {
    return new DeviceToken(
        document.hash(), document.deviceName(), document.createdAt(), document.revokedAt());
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof MongoException) {
          throw new StoreUnavailableException("the token store (MongoDB) failed", e);
        }
      }
      throw e;
    }
  }
}
