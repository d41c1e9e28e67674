package dev.setpoint.analytics.application.notify;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which webhook URLs may be called: http or https only, and never this service itself. A URL points
 * at this service when its host and port are those a request reached it by, or when its port is one
 * this server listens on and its host is this machine (a loopback or wildcard address, or an
 * address of one of its interfaces, directly or by name). Checked when a subscription is stored and
 * again before each attempt (a name may resolve elsewhere later); a host that cannot be resolved is
 * not refused here (its attempts fail until it can).
 */
public final class WebhookTargets {
  /** Looks host names up; the system's, or a test's. */
  public interface Resolver {
    List<InetAddress> addresses(String host) throws UnknownHostException;

    /** Whether an address is this machine's. */
    boolean isLocal(InetAddress address);
  }

  /** A host (lower case, IPv6 without brackets) and a port. */
  public record HostPort(String host, int port) {
    public HostPort {
      host = normal(host);
    }
  }

  /** The system's resolver and this machine's interfaces. */
  public static final Resolver SYSTEM =
      new Resolver() {
        @Override
        public List<InetAddress> addresses(String host) throws UnknownHostException {
          return List.of(InetAddress.getAllByName(host));
        }

        @Override
        public boolean isLocal(InetAddress address) {
          if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
          }
          try {
            return NetworkInterface.getByInetAddress(address) != null;
          } catch (SocketException e) {
            return false;
          }
        }
      };

  private final Set<Integer> ownPorts;
  private final Resolver resolver;

  /**
   * @param ownPorts the ports this server listens on (HTTP and HTTPS)
   */
  public WebhookTargets(Set<Integer> ownPorts, Resolver resolver) {
    this.ownPorts = Set.copyOf(ownPorts);
    this.resolver = resolver;
  }

  /**
   * Why {@code url} may not be a webhook, in words that follow the field's name; empty when it may.
   *
   * @param alsoSelf further host/port pairs that reach this service (the request's own)
   */
  public Optional<String> refusal(URI url, Collection<HostPort> alsoSelf) {
    if (url == null || !url.isAbsolute() || url.isOpaque()) {
      return Optional.of("must be an absolute http or https URL");
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("must be an http or https URL, not " + url.getScheme() + ":");
    }
    if (url.getHost() == null || url.getHost().isBlank()) {
      return Optional.of("must name a host");
    }
    HostPort target = new HostPort(url.getHost(), port(url));
    String self =
        "points at this service itself ("
            + url.getHost()
            + ":"
            + target.port()
            + "): a webhook must reach another receiver";
    if (alsoSelf.contains(target)) {
      return Optional.of(self);
    }
    if (!ownPorts.contains(target.port())) {
      return Optional.empty();
    }
    if (target.host().equals("localhost") || target.host().endsWith(".localhost")) {
      return Optional.of(self);
    }
    try {
      for (InetAddress a : resolver.addresses(target.host())) {
        if (resolver.isLocal(a)) {
          return Optional.of(self);
        }
      }
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The URL's port, or its scheme's default. */
  static int port(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  private static String normal(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
