package dev.setpoint.ingest.domain;

/** Deleting old events on an operator's request, without losing any that still has to travel. */
public interface EventRetention {

  /**
   * Deletes the events taken before the given time that are settled: forwarded (the broker has
   * them; whole batches of the log only) or set aside (they can never be forwarded). Events still
   * to forward are kept whatever their age, because the relay has not delivered them yet.
   *
   * @param originBeforeNanos events with an origin strictly before this are deleted
   * @return how many were deleted
   * @throws StoreUnavailableException when the store cannot be reached
   */
  long deleteSettledBefore(long originBeforeNanos);
}
