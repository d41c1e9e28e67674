package dev.setpoint.device.buffer;

/** What became of one attempt to post an event. */
public enum Delivery {
  /** Stored by ingest (201). */
  STORED,
  /** Ingest had it already (409 for its id): stored by an earlier attempt, so delivered. */
  DUPLICATE,
  /** Not stored, may succeed later: unreachable, 5xx, 429, or a token problem (401/403). */
  RETRY,
  /** Refused for good (other 4xx, e.g. 400 invalid, 404 unknown device, 423 locked). */
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
