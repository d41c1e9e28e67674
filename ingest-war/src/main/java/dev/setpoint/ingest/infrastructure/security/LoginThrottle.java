package dev.setpoint.ingest.infrastructure.security;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing at the local issuer, per client address and per user name, with delays
 * that grow rather than a lockout a stranger could trigger.
 *
 * <p>Each address and each user name has a count of failed attempts. The first {@code freeFailures}
 * cost nothing; after that every failure starts a pause that doubles from {@code baseDelay} up to
 * its cap, and attempts during the pause are refused (429 with {@code Retry-After}) before any
 * password is hashed. An attempt counts as failed when it starts and is taken back when it
 * succeeds, so parallel requests cannot slip past a pause.
 *
 * <p>The two counts differ in whom they stop. The address's pause stops that address only. The user
 * name's pause (its cap is short, {@code maxUserDelay}) stops addresses that have never logged in
 * as that user; an address that has ({@code rememberSuccess}) is held by its own count alone. So a
 * flood against the operator's name from many addresses slows every guess at that name, yet the
 * operator on their usual address with the right password still gets in, and one who comes from a
 * new address waits at most {@code maxUserDelay}. A success clears its address's count and marks
 * the address as one the user logged in from.
 *
 * <p>Each of the three tables (addresses, user names, known address-user pairs) holds at most
 * {@code maxTracked} entries; when full, the least recently used one goes, never all of them. An
 * entry is forgotten {@code forgetAfter} after its last failure (well beyond the longest pause).
 */
public final class LoginThrottle {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final Settings settings;
  private final Ticker ticker;
  private final Lru<Failures> addresses;
  private final Lru<Failures> users;
  private final Lru<Long> knownPairs;

  /**
   * How the throttle counts.
   *
   * @param freeFailures failures of one address, or of one user name, before pauses start
   * @param baseDelay the first pause; each further failure doubles it
   * @param maxAddressDelay the longest pause of one address
   * @param maxUserDelay the longest pause of one user name (for addresses it does not know)
   * @param forgetAfter how long after its last failure a count is forgotten
   * @param rememberSuccess how long an address stays known to a user after a successful login
   * @param maxTracked the most entries of each table
   */
  public record Settings(
      int freeFailures,
      Duration baseDelay,
      Duration maxAddressDelay,
      Duration maxUserDelay,
      Duration forgetAfter,
      Duration rememberSuccess,
      int maxTracked) {
    public Settings {
      if (freeFailures < 0 || maxTracked < 1) {
        throw new IllegalArgumentException(
            "free failures must not be negative and at least one entry must be tracked");
      }
      for (Duration d :
          new Duration[] {baseDelay, maxAddressDelay, maxUserDelay, forgetAfter, rememberSuccess}) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("the throttle's durations must be positive");
        }
      }
    }
  }

  /**
   * @param ticker the time pauses are measured with ({@link Ticker#systemTicker()} in the server)
   */
  public LoginThrottle(Settings settings, Ticker ticker) {
    this.settings = settings;
    this.ticker = ticker;
    this.addresses = new Lru<>(settings.maxTracked());
    this.users = new Lru<>(settings.maxTracked());
    this.knownPairs = new Lru<>(settings.maxTracked());
  }

  /**
   * Starts an attempt of {@code user} from {@code address}.
   *
   * @return 0 if it may go ahead (it is counted as failed until {@link #succeeded}), else the
   *     seconds it must wait
   */
  public long attempt(String user, String address) {
    long now = ticker.read();
    synchronized (this) {
      Failures byAddress = current(addresses.get(address), now);
      Failures byUser = current(users.get(user), now);
      long wait = byAddress.waitNanos(now);
      if (!knows(user, address, now)) {
        wait = Math.max(wait, byUser.waitNanos(now));
      }
      if (wait > 0) {
        return Math.max(1, (wait + SECOND - 1) / SECOND);
      }
      addresses.put(address, byAddress.failed(now, settings, settings.maxAddressDelay()));
      users.put(user, byUser.failed(now, settings, settings.maxUserDelay()));
      return 0;
    }
  }

  /**
   * Takes back the failure {@link #attempt} counted: the password was right. Clears the address's
   * count and remembers that the user logged in from it.
   */
  public void succeeded(String user, String address) {
    long now = ticker.read();
    synchronized (this) {
      addresses.remove(address);
      Failures byUser = users.get(user);
      if (byUser != null && byUser.count() > 0) {
        users.put(user, byUser.undone(settings));
      }
      knownPairs.put(pair(user, address), now + settings.rememberSuccess().toNanos());
    }
  }

  /**
   * Takes back the failure {@link #attempt} counted for an attempt that was not judged (the
   * password checks were busy): both counts go down by one, nothing else changes.
   */
  public void notJudged(String user, String address) {
    synchronized (this) {
      Failures byAddress = addresses.get(address);
      if (byAddress != null && byAddress.count() > 0) {
        addresses.put(address, byAddress.undone(settings));
      }
      Failures byUser = users.get(user);
      if (byUser != null && byUser.count() > 0) {
        users.put(user, byUser.undone(settings));
      }
    }
  }

  private boolean knows(String user, String address, long now) {
    Long until = knownPairs.get(pair(user, address));
    return until != null && until - now > 0;
  }

  private Failures current(Failures failures, long now) {
    if (failures == null || now - failures.last() >= settings.forgetAfter().toNanos()) {
      return Failures.NONE;
    }
    return failures;
  }

  private static String pair(String user, String address) {
    return user + '\n' + address;
  }

  /** How many addresses, user names and known pairs are tracked; for tests. */
  synchronized int[] tracked() {
    return new int[] {addresses.size(), users.size(), knownPairs.size()};
  }

  /**
   * @param count failures counted
   * @param last the ticker's time of the last one
   * @param pausedUntil the ticker's time the pause ends, or {@code last} when there is none
   */
  private record Failures(int count, long last, long pausedUntil) {
    static final Failures NONE = new Failures(0, Long.MIN_VALUE, Long.MIN_VALUE);

    long waitNanos(long now) {
      return count == 0 ? 0 : Math.max(0, pausedUntil - now);
    }

    Failures failed(long now, Settings settings, Duration cap) {
      int next = count + 1;
      int over = next - settings.freeFailures();
      if (over <= 0) {
        return new Failures(next, now, now);
      }
      // base * 2^(over-1), capped; shifted only as far as it cannot overflow
      int doublings = Math.min(over - 1, 30);
      long base = settings.baseDelay().toNanos();
      long pause =
          base > (cap.toNanos() >> doublings)
              ? cap.toNanos()
              : Math.min(cap.toNanos(), base << doublings);
      return new Failures(next, now, now + pause);
    }

    /** One failure fewer; no pause once within the free failures (else the pause stands). */
    Failures undone(Settings settings) {
      int fewer = count - 1;
      return new Failures(fewer, last, fewer <= settings.freeFailures() ? last : pausedUntil);
    }
  }

  /** A map of at most {@code max} entries that drops its least recently used one when full. */
  private static final class Lru<V> extends LinkedHashMap<String, V> {
    private final int max;

    Lru(int max) {
      super(16, 0.75f, true);
      this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
      return size() > max;
    }
  }
}
