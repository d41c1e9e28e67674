package dev.setpoint.contracts.enrolment;

/**
 * Where and how a device enrols at ingest: {@code POST} {@value #PATH} with the code in the {@value
 * #CODE_HEADER} header and the devices as a Core Metadata add-device batch (an array of {@code
 * AddDeviceRequest}) in the body. The answer is an {@link EnrolmentResponse} (201) for all of them,
 * or an EdgeX error for none of them.
 */
public final class Enrolment {
  /** The path of the trade, from the server's root. */
  public static final String PATH = "/api/enrolment";

  /** The request header that carries the enrolment code. */
  public static final String CODE_HEADER = "Setpoint-Enrolment-Code";

  /** Every enrolment code starts with this, so a leaked one is easy to recognise. */
  public static final String CODE_PREFIX = "spe_";

  private Enrolment() {}
}
