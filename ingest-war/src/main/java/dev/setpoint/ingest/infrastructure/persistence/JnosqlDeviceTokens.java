package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.MongoException;
import dev.setpoint.ingest.domain.DeviceToken;
import dev.setpoint.ingest.domain.DeviceTokens;
import dev.setpoint.ingest.domain.StoreUnavailableException;
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
    call(() -> template.insert(DeviceTokenDocument.of(token)));
  }

  @Override
  public Optional<DeviceToken> find(String hash) {
    return call(
        () -> template.find(DeviceTokenDocument.class, hash).map(DeviceTokenDocument::toToken));
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
    return documents.stream()
        .map(DeviceTokenDocument::toToken)
        .filter(DeviceToken::active)
        .toList();
  }

  @Override
  public void update(DeviceToken token) {
    call(() -> template.update(DeviceTokenDocument.of(token)));
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
