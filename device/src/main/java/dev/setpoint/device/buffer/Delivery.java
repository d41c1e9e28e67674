package dev.setpoint.device.buffer;

/**
 * What became of one attempt to post an event, by ingest's answer. The rules match what ingest
 * answers (ingest-war's {@code EventResource}): a refusal worth retrying is never a 400.
 *
 * <table>
 *   <caption>Status → delivery</caption>
 *   <tr><th>status</th><th>delivery</th><th>why</th></tr>
 *   <tr><td>200, 201</td><td>{@link #STORED}</td><td>stored</td></tr>
 *   <tr><td>409</td><td>{@link #DUPLICATE}</td><td>its id is stored: an earlier attempt got
 *       through</td></tr>
 *   <tr><td>429</td><td>{@link #RETRY}</td><td>the device posts above its rate; kept, resent after
 *       {@code Retry-After}</td></tr>
 *   <tr><td>507</td><td>{@link #RETRY}</td><td>the device's cap of unforwarded events at the hub
 *       is reached; kept, resent after {@code Retry-After}</td></tr>
 *   <tr><td>503 and other 5xx, 408</td><td>{@link #RETRY}</td><td>the hub cannot take it now;
 *       kept, resent after {@code Retry-After} if given, else the backoff</td></tr>
 *   <tr><td>401, 403</td><td>{@link #RETRY}</td><td>a token problem an operator fixes (rotation,
 *       re-registration); kept</td></tr>
 *   <tr><td>400</td><td>{@link #REJECTED}</td><td>the event itself is wrong (e.g. its origin lies
 *       outside the hub's window); dropped for good, logged</td></tr>
 *   <tr><td>other 4xx (404, 413, 423, …)</td><td>{@link #REJECTED}</td><td>refused for good (unknown
 *       or locked device, too large); dropped, logged</td></tr>
 * </table>
 */
public enum Delivery {
  /** Stored by ingest (201). */
  STORED,
  /** Ingest had it already (409 for its id): stored by an earlier attempt, so delivered. */
  DUPLICATE,
  /** Not stored, may succeed later: unreachable, 5xx (503, 507), 429, 408, or 401/403. */
  RETRY,
  /** Refused for good: 400 and the other 4xx. */
  REJECTED;

  /** The outcome of an HTTP status. */
  public static Delivery ofStatus(int status) {
    if (status == 201 || status == 200) {
      return STORED;
    }
    if (status == 409) {
      return DUPLICATE;
    }
    if (status >= 500 || status == 429 || status == 401 || status == 403 || status == 408) {
      return RETRY;
    }
    return REJECTED;
  }

  public boolean delivered() {
    return this == STORED || this == DUPLICATE;
  }
}
