package dev.setpoint.ingest.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where device tokens are kept, by hash. Every method throws {@link StoreUnavailableException} when
 * the store cannot be reached.
 */
public interface DeviceTokens {

  /** Stores a newly issued token durably before returning. */
  void add(DeviceToken token);

  /** The token with this hash, active or revoked. */
  Optional<DeviceToken> find(String hash);

  /** The device's tokens that are not revoked. */
  List<DeviceToken> active(String deviceName);

  /** Stores the token's new state (its revocation). */
  void update(DeviceToken token);
}
