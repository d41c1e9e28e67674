package dev.setpoint.contracts.command;

/** Who set a stored command value. */
public enum CommandSource {
  /** A person, through Core Command's {@code PUT}. */
  OPERATOR,
  /** The cloud's setpoint recommender, stored by the relay. */
  RECOMMENDER
}
