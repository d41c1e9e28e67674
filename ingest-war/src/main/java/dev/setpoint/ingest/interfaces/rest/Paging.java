package dev.setpoint.ingest.interfaces.rest;

/**
 * EdgeX's {@code offset} and {@code limit} query parameters, parsed here rather than by JAX-RS so
 * that a bad value is an EdgeX 400 naming it (JAX-RS answers 404 for an unparsable query param).
 *
 * @param offset items to skip, 0 or more
 * @param limit items to return; EdgeX's -1 ("all") means {@link #MAX_LIMIT}
 */
record Paging(int offset, int limit) {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 1000;

  static Paging of(String offset, String limit) {
    int o = parse(offset, "offset", 0);
    if (o < 0) {
      throw new BadRequestBodyException(400, "offset must be 0 or more, was " + o);
    }
    int l = parse(limit, "limit", DEFAULT_LIMIT);
    if (l == -1) {
      l = MAX_LIMIT;
    }
    if (l < 1 || l > MAX_LIMIT) {
      throw new BadRequestBodyException(
          400, "limit must be -1 (all) or between 1 and " + MAX_LIMIT + ", was " + l);
    }
    return new Paging(o, l);
  }

  private static int parse(String value, String name, int fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new BadRequestBodyException(400, name + " '" + value + "' is not an integer");
    }
  }
}
