package dev.setpoint.device.edge;

import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.AddDeviceResponse;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.device.buffer.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * First-start registration, idempotent: a device with a stored token is taken as registered and
 * costs nothing; the others are added through Core Metadata ({@code POST /api/v3/device}, in
 * batches of 100) with an operator's token, and the token in each 201 element is stored at once. A
 * 409 means the device exists already; without its token the agent cannot speak for it, so it stops
 * with a message, unless rotation is allowed, which issues a new token (the old one, if another
 * installation still has it, stops working). While ingest is unreachable or unavailable (a Pi that
 * boots before its hub), registration waits and tries again with backoff; only a refusal stops it.
 */
public final class Registration {
  private static final Logger LOG = Logger.getLogger(Registration.class.getName());
  static final int BATCH = 100;

  private final IngestClient ingest;
  private final TokenStore tokens;
  private final OperatorToken operator;
  private final boolean rotateOnConflict;
  private final Backoff backoff;

  /**
   * @param backoff the waits between attempts while ingest is unavailable
   */
  public Registration(
      IngestClient ingest,
      TokenStore tokens,
      OperatorToken operator,
      boolean rotateOnConflict,
      Backoff backoff) {
    this.ingest = ingest;
    this.tokens = tokens;
    this.operator = operator;
    this.rotateOnConflict = rotateOnConflict;
    this.backoff = backoff;
  }

  /**
   * Makes sure every device is registered and its token stored.
   *
   * @return how many devices were added or given a new token now
   */
  public int ensure(List<Device> devices) throws RegistrationException, InterruptedException {
    int missingAtStart = missing(devices).size();
    while (true) {
      // Devices registered by an earlier, interrupted attempt have their tokens stored already.
      List<Device> missing = missing(devices);
      if (missing.isEmpty()) {
        return missingAtStart;
      }
      try {
        attempt(missing);
        backoff.succeeded();
        List<Device> left = missing(devices);
        if (!left.isEmpty()) {
          throw new RegistrationException(
              "registration ended without a token for " + left.stream().map(Device::name).toList());
        }
        return missingAtStart;
      } catch (IngestUnavailableException e) {
        Duration wait = backoff.failed();
        LOG.warning(
            () ->
                missing.size()
                    + " device(s) not registered yet: "
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
    String operatorToken;
    try {
      operatorToken = operator.get();
    } catch (IngestUnavailableException e) {
      throw e;
    } catch (IOException e) {
      throw new RegistrationException(
          missing.size()
              + " device(s) have no token yet (first start), and no operator token could be had"
              + " to register them: "
              + e.getMessage(),
          e);
    }
    for (int from = 0; from < missing.size(); from += BATCH) {
      register(missing.subList(from, Math.min(missing.size(), from + BATCH)), operatorToken);
    }
  }

  private void register(List<Device> batch, String operatorToken)
      throws RegistrationException, IngestUnavailableException, InterruptedException {
    List<AddDeviceRequest> requests = new ArrayList<>(batch.size());
    for (Device device : batch) {
      requests.add(new AddDeviceRequest(ApiVersion.V3, null, device));
    }
    List<AddDeviceResponse> answers;
    try {
      answers = ingest.addDevices(requests, operatorToken);
    } catch (IngestUnavailableException e) {
      throw e;
    } catch (IOException e) {
      throw new RegistrationException("could not register devices: " + e.getMessage(), e);
    }
    Map<String, String> issued = new LinkedHashMap<>();
    List<String> conflicts = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      String name = batch.get(i).name();
      AddDeviceResponse answer = answers.get(i);
      if (answer.statusCode() == 201 && answer.token() != null) {
        issued.put(name, answer.token());
      } else if (answer.statusCode() == 409 || answer.statusCode() == 201) {
        // 201 without a token: stored, but the token could not be issued; issue one now.
        conflicts.add(name);
      } else {
        saveQuietly(issued);
        throw new RegistrationException(
            "registering device '"
                + name
                + "' answered "
                + answer.statusCode()
                + ": "
                + answer.message());
      }
    }
    save(issued);
    for (String name : conflicts) {
      if (!rotateOnConflict) {
        throw new RegistrationException(
            "device '"
                + name
                + "' is registered already, but this agent has no token for it in "
                + tokens.file()
                + ". Put its token there, or start once with --rotate-token to issue a new one"
                + " (the old one stops working), or delete the device first.");
      }
      try {
        tokens.put(name, ingest.issueToken(name, operatorToken));
        LOG.warning(() -> "device '" + name + "' existed already; issued it a new token");
      } catch (IngestUnavailableException e) {
        throw e;
      } catch (IOException e) {
        throw new RegistrationException("could not issue a token to " + name + ": " + e, e);
      }
    }
    LOG.info(() -> "registered " + issued.size() + " device(s), re-tokened " + conflicts.size());
  }

  private void save(Map<String, String> issued) throws RegistrationException {
    if (issued.isEmpty()) {
      return;
    }
    try {
      tokens.putAll(issued);
    } catch (IOException e) {
      throw new RegistrationException(
          "devices "
              + issued.keySet()
              + " were registered but their tokens could not be stored in "
              + tokens.file()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private void saveQuietly(Map<String, String> issued) {
    try {
      save(issued);
    } catch (RegistrationException e) {
      LOG.severe(e.getMessage());
    }
  }
}
