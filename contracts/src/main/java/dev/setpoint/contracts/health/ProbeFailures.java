package dev.setpoint.contracts.health;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One health check's failures, told two ways. Anyone may read {@code /health}, so the check's body
 * carries only a reason code that is the same for every failure of its kind ({@link #TIMEOUT},
 * {@link #UNREACHABLE}, {@link #FAILED}, or a code of the check's own): never exception text, host
 * names, addresses or file paths, which would map the installation for an anonymous caller. The
 * detail goes to the server's log, once each time it changes rather than at every probe (Kubernetes
 * probes every few seconds), and the recovery once when the check passes again.
 *
 * <p>A failure counts as the same while its reason and the class of its innermost cause stay the
 * same: drivers put changing figures (attempt counts, cluster states) into their messages.
 */
public final class ProbeFailures {
  /** The dependency did not answer in time. */
  public static final String TIMEOUT = "timeout";

  /** No connection: refused, no route, or the name did not resolve. */
  public static final String UNREACHABLE = "unreachable";

  /** Any other failure. */
  public static final String FAILED = "failed";

  /** The data key the reason goes under in a check's body. */
  public static final String KEY = "reason";

  private static final int MAX_DEPTH = 16;

  private final String check;
  private final Logger log;
  private final AtomicReference<String> logged = new AtomicReference<>();

  /**
   * @param check the health check's name, as in {@code /health}
   * @param log where the details go (the check's own logger)
   */
  public ProbeFailures(String check, Logger log) {
    this.check = Objects.requireNonNull(check, "check");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Logs {@code failure} if it differs from the last one logged and answers its reason code. */
  public String failed(Throwable failure) {
    String reason = reasonOf(failure);
    if (changedTo(reason + '|' + innermost(failure).getClass().getName())) {
      log.log(
          Level.WARNING,
          failure,
          () -> "health check " + check + " fails (" + reason + "): " + failure);
    }
    return reason;
  }

  /**
   * Logs a failure known as text only (a component's last error) if it differs from the last one
   * logged, and answers {@code reason}.
   */
  public String failed(String reason, String detail) {
    if (changedTo(reason + '|' + detail)) {
      log.warning(() -> "health check " + check + " fails (" + reason + "): " + detail);
    }
    return reason;
  }

  /** The check passed: logs the recovery once, if a failure was logged before. */
  public void passed() {
    if (logged.getAndSet(null) != null) {
      log.info(() -> "health check " + check + " passes again");
    }
  }

  private boolean changedTo(String key) {
    return !key.equals(logged.getAndSet(key));
  }

  /**
   * The reason code of {@code failure}: the first cause, from the outside in, that is a timeout or
   * a failure to connect decides; {@link #FAILED} when none is.
   */
  public static String reasonOf(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof SocketTimeoutException
          || t.getClass().getSimpleName().contains("Timeout")) {
        return TIMEOUT;
      }
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof PortUnreachableException
          || t.getClass().getSimpleName().startsWith("MongoSocket")) {
        return UNREACHABLE;
      }
    }
    return FAILED;
  }

  private static Throwable innermost(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t.getCause() != null && depth < MAX_DEPTH; depth++) {
      t = t.getCause();
    }
    return t;
  }
}
