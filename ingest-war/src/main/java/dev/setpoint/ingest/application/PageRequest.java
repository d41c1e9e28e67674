package dev.setpoint.ingest.application;

/**
 * The {@code offset} and {@code limit} query parameters of an EdgeX list read, checked as EdgeX
 * checks them: offset 0 to 2^31-1, default 0; limit -1 to the maximum result count, default 20,
 * where -1 means "up to the maximum". A limit above the maximum is refused with 413 (the configured
 * cap, {@code setpoint.ingest.limits.max-result-count}), anything else that is not an integer in
 * range with 400.
 *
 * @param offset how many matches to skip, newest first
 * @param limit how many to return at most
 */
public record PageRequest(int offset, int limit) {
  static final int DEFAULT_LIMIT = 20;

  /**
   * Parses the raw query parameters ({@code null} or blank when absent).
   *
   * @throws InvalidQueryException offset or limit is not an integer in range
   * @throws ResultLimitExceededException limit is above {@code maxResultCount}
   */
  public static PageRequest parse(String offset, String limit, int maxResultCount) {
    long skip = integer("offset", offset, 0);
    if (skip < 0 || skip > Integer.MAX_VALUE) {
      throw new InvalidQueryException(
          "query parameter offset must be between 0 and "
              + Integer.MAX_VALUE
              + ", was "
              + offset.trim());
    }
    long take = integer("limit", limit, Math.min(DEFAULT_LIMIT, maxResultCount));
    if (take < -1) {
      throw new InvalidQueryException(
          "query parameter limit must be -1 (as many as allowed) or more, was " + limit.trim());
    }
    if (take > maxResultCount) {
      throw new ResultLimitExceededException(
          "query parameter limit "
              + take
              + " exceeds the maximum result count "
              + maxResultCount
              + "; page with offset, or use limit=-1 for the maximum");
    }
    return new PageRequest((int) skip, take == -1 ? maxResultCount : (int) take);
  }

  private static long integer(String name, String text, long absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidQueryException(
          "query parameter " + name + " must be an integer, was '" + text + "'");
    }
  }
}
