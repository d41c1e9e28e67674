package dev.setpoint.device.edge;

import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.enrolment.EnrolmentResponse;
import dev.setpoint.device.buffer.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * First-start enrolment, idempotent: a device with a stored token is taken as registered and costs
 * nothing; the others are enrolled with the operator's one-time {@link EnrolmentCode} ({@code POST
 * /api/enrolment}, in batches of 100), which ingest trades for each device's own token, stored at
 * once. Once every device has its token, the code's file is deleted; a restart with stored tokens
 * needs no code. The agent never holds an operator credential.
 *
 * <p>While ingest is unreachable or unavailable (a Pi that boots before its hub), enrolment waits
 * and tries again with backoff; a refusal (the code unknown, expired, used or revoked, a device the
 * code does not allow, a name taken) stops it with ingest's reason.
 */
public final class Registration {
  private static final Logger LOG = Logger.getLogger(Registration.class.getName());
  static final int BATCH = 100;

  private final IngestClient ingest;
  private final TokenStore tokens;
  private final EnrolmentCode code;
  private final Backoff backoff;

  /**
   * @param backoff the waits between attempts while ingest is unavailable
   */
  public Registration(IngestClient ingest, TokenStore tokens, EnrolmentCode code, Backoff backoff) {
    this.ingest = ingest;
    this.tokens = tokens;
    this.code = code;
    this.backoff = backoff;
  }

  /**
   * Makes sure every device is enrolled and its token stored.
   *
   * @return how many devices were enrolled now
   */
  public int ensure(List<Device> devices) throws RegistrationException, InterruptedException {
    int missingAtStart = missing(devices).size();
    if (missingAtStart == 0) {
      return 0;
    }
    while (true) {
      // Devices enrolled by an earlier, interrupted attempt have their tokens stored already.
      List<Device> missing = missing(devices);
      if (missing.isEmpty()) {
        code.used();
        return missingAtStart;
      }
      try {
        attempt(missing);
        backoff.succeeded();
        List<Device> left = missing(devices);
        if (!left.isEmpty()) {
          throw new RegistrationException(
              "enrolment ended without a token for " + left.stream().map(Device::name).toList());
        }
        code.used();
        return missingAtStart;
      } catch (IngestUnavailableException e) {
        Duration wait = backoff.failed();
        LOG.warning(
            () ->
                missing.size()
                    + " device(s) not enrolled yet: "
                    + e.getMessage()
                    + "; trying again in "
                    + wait.toMillis()
                    + " ms");
        Thread.sleep(wait);
      }
    }
  }

  private List<Device> missing(List<Device> devices) {
    return devices.stream().filter(d -> tokens.get(d.name()).isEmpty()).toList();
  }

  private void attempt(List<Device> missing)
      throws RegistrationException, IngestUnavailableException, InterruptedException {
    String enrolmentCode;
    try {
      enrolmentCode = code.read();
    } catch (IOException e) {
      throw new RegistrationException(
          missing.size()
              + " device(s) have no token yet (first start), and no enrolment code to enrol them: "
              + e.getMessage(),
          e);
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      enrol(missing.subList(from, Math.min(missing.size(), from + BATCH)), enrolmentCode);
    }
  }

  private void enrol(List<Device> batch, String enrolmentCode)
      throws RegistrationException, IngestUnavailableException, InterruptedException {
    List<AddDeviceRequest> requests = new ArrayList<>(batch.size());
    for (Device device : batch) {
      requests.add(new AddDeviceRequest(ApiVersion.V3, null, device));
    }
    List<EnrolmentResponse.EnrolledDevice> answers;
    try {
      answers = ingest.enrol(enrolmentCode, requests);
    } catch (IngestUnavailableException e) {
      throw e;
    } catch (EnrolmentRefusedException e) {
      throw new RegistrationException(refusal(batch, e), e);
    } catch (IOException e) {
      throw new RegistrationException("could not enrol devices: " + e.getMessage(), e);
    }
    Map<String, String> issued = new LinkedHashMap<>();
    int rotated = 0;
    for (int i = 0; i < batch.size(); i++) {
      EnrolmentResponse.EnrolledDevice answer = answers.get(i);
      String name = batch.get(i).name();
      if (!name.equals(answer.deviceName()) || answer.token() == null) {
        throw new RegistrationException(
            "the enrolment answer does not match the request at device '" + name + "'");
      }
      issued.put(name, answer.token());
      if (answer.rotated()) {
        rotated++;
      }
    }
    try {
      tokens.putAll(issued);
    } catch (IOException e) {
      throw new RegistrationException(
          "devices "
              + issued.keySet()
              + " were enrolled but their tokens could not be stored in "
              + tokens.file()
              + ": "
              + e.getMessage()
              + ". An operator makes a new code naming them, which gives them new tokens.",
          e);
    }
    int renewed = rotated;
    LOG.info(
        () ->
            "enrolled "
                + issued.size()
                + " device(s)"
                + (renewed == 0 ? "" : ", " + renewed + " of them existing ones with a new token"));
  }

  private static String refusal(List<Device> batch, EnrolmentRefusedException e) {
    String what =
        "ingest refused to enrol "
            + (batch.size() == 1
                ? "device '" + batch.getFirst().name() + "'"
                : batch.size() + " devices")
            + " ("
            + e.status()
            + "): "
            + e.getMessage();
    return switch (e.status()) {
      case 401 ->
          what
              + ". If an earlier attempt timed out, its devices may be enrolled already: an"
              + " operator makes a new code naming them, which gives them new tokens.";
      case 409 ->
          what
              + ". The device exists but this agent has no token for it: an operator makes a code"
              + " naming it (./setpoint device enrol <name> ...), which gives it a new token.";
      default -> what;
    };
  }
}
