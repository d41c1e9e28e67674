package dev.setpoint.analytics.domain.alert;

/**
 * Tells the subscribers of an alert what happened to it. Never blocks the caller on a receiver:
 * what must be sent is recorded first and sent (and retried) apart from the pipeline.
 */
public interface AlertNotifier {
  void notify(Alert alert, AlertEvent event);
}
