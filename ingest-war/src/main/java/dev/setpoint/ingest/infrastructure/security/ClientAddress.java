package dev.setpoint.ingest.infrastructure.security;

import dev.setpoint.ingest.application.legacy.SourceNetworks;
import java.util.regex.Pattern;

/**
 * The address a login is counted against. It is the TCP peer's, unless the peer is one of the
 * configured trusted proxies ({@code setpoint.ingest.security.local-issuer.trusted-proxies}, empty
 * by default): then it is the nearest address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy, read from the right, since a client can write anything to the left of what its own
 * proxy appended. Without trusted proxies the header is ignored, so a client cannot pick a fresh
 * address for every guess.
 */
public final class ClientAddress {
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final SourceNetworks trustedProxies;

  /**
   * @param trustedProxies comma-separated addresses or CIDR networks of reverse proxies; blank for
   *     none
   */
  public ClientAddress(String trustedProxies) {
    this.trustedProxies = SourceNetworks.parse(trustedProxies == null ? "" : trustedProxies);
  }

  /**
   * @param peer the TCP peer's address
   * @param forwardedFor the {@code X-Forwarded-For} header, or null
   */
  public String of(String peer, String forwardedFor) {
    if (trustedProxies.isEmpty() || forwardedFor == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String nearest = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!LITERAL.matcher(hop).matches()) {
        return nearest; // garbage: trust no further than the last proxy
      }
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
      nearest = hop;
    }
    return nearest;
  }
}
