package dev.setpoint.analytics.domain.notify;

import java.util.List;

/**
 * A page of transmissions.
 *
 * @param transmissions this page's, newest first
 * @param total how many match the query on all pages
 */
public record TransmissionPage(List<Transmission> transmissions, int total) {
  public TransmissionPage {
    transmissions = List.copyOf(transmissions);
  }
}
