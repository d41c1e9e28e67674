package dev.setpoint.ingest.domain;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items this page, at most the limit asked for
 * @param totalCount how many exist in all
 */
public record Page<T>(List<T> items, long totalCount) {
  /** Copies the list so the page cannot change. */
  public Page {
    items = List.copyOf(items);
  }
}
