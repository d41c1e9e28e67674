package dev.setpoint.ingest.domain;

import java.util.List;
import java.util.Optional;

/**
 * Where enrolment codes are kept, by hash. Every method throws {@link StoreUnavailableException}
 * when the store cannot be reached.
 */
public interface EnrolmentCodes {

  /** Stores a new code durably before returning. */
  void add(EnrolmentCode code);

  /** The code with this hash, in any state. */
  Optional<EnrolmentCode> find(String hash);

  /** The code with this public id, in any state. */
  Optional<EnrolmentCode> byId(String id);

  /** Every code, newest first. */
  List<EnrolmentCode> all();

  /**
   * Takes {@code devices.size()} uses of the code in one atomic step, if at {@code nowMillis} it is
   * neither revoked nor expired, has that many uses left, and none of the devices used it before;
   * of two concurrent calls that cannot both be served, exactly one succeeds.
   *
   * @return whether the uses were taken
   */
  boolean consume(String hash, List<String> devices, long nowMillis);

  /** Gives back uses taken by {@link #consume} for a request that then failed. */
  void release(String hash, List<String> devices);

  /**
   * Marks the code revoked at {@code nowMillis}, unless it is already.
   *
   * @return whether it was revoked now
   */
  boolean revoke(String id, long nowMillis);
}
