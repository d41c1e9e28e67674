package dev.setpoint.contracts.enrolment;

import java.util.List;

/**
 * The answer to an enrolment: every device of the request, registered (or, where the code named an
 * existing device, given a new token), each with its bearer token. The tokens are in this answer
 * only; the device keeps them.
 *
 * @param apiVersion always {@code v3}
 * @param statusCode 201
 * @param devices one entry per device of the request, in its order
 */
public record EnrolmentResponse(String apiVersion, int statusCode, List<EnrolledDevice> devices) {

  /**
   * One enrolled device.
   *
   * @param deviceName its name
   * @param id its Core Metadata id
   * @param token its bearer token for {@code Authorization: Bearer}
   * @param rotated true when the device existed and this token replaced its earlier one
   */
  public record EnrolledDevice(String deviceName, String id, String token, boolean rotated) {

    /** Never prints the token, so it cannot end up in a log by accident. */
    @Override
    public String toString() {
      return "EnrolledDevice[deviceName="
          + deviceName
          + ", id="
          + id
          + ", rotated="
          + rotated
          + "]";
    }
  }
}
