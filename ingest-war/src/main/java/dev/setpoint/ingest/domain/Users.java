package dev.setpoint.ingest.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where the local issuer's users are kept, by user name. Every method throws {@link
 * StoreUnavailableException} when the store cannot be reached.
 */
public interface Users {

  /** The user of that name. */
  Optional<User> find(String username);

  /** Every stored user, by user name. */
  List<User> all();

  /**
   * Stores a new user durably before returning.
   *
   * @throws DuplicateNameException a user of that name exists
   */
  void add(User user);

  /** Replaces the stored user of the same name. */
  void update(User user);
}
