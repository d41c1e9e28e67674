package dev.setpoint.analytics.domain.notify;

import java.util.List;

/**
 * Where transmissions are kept, durably: one is saved before it is first sent and after each
 * attempt, so a restart sends again what was still open. Reads and writes throw {@link
 * dev.setpoint.analytics.domain.room.ControlStoreUnavailableException} when the store does not
 * answer.
 */
public interface TransmissionStore {
  /** Stores a transmission's state; the one with the highest revision is its state. */
  void save(Transmission transmission);

  /** Every transmission still to be sent ({@code PENDING} or {@code RESENDING}). */
  List<Transmission> open();

  /** The transmissions the query asks for, newest first. */
  TransmissionPage find(TransmissionQuery query);
}
