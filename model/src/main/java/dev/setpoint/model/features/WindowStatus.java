package dev.setpoint.model.features;

/** Whether a {@link SampleWindow} can feed the model. */
public enum WindowStatus {
  /** Full, no gaps, fresh. */
  READY,
  /** Fewer than six samples, or a gap between two of them. */
  INCOMPLETE,
  /** The newest sample is too old. */
  STALE
}
