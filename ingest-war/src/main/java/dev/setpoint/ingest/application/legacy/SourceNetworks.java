package dev.setpoint.ingest.application.legacy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of CIDR networks, e.g. {@code 127.0.0.1/32,10.20.0.0/16,::1/128}. The v1 API cannot
 * authenticate its clients, so when it is enabled it answers only to these networks.
 */
public final class SourceNetworks {
  // Literal addresses only: a host name here would make every request wait for DNS.
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final List<Network> networks;

  private SourceNetworks(List<Network> networks) {
    this.networks = List.copyOf(networks);
  }

  /**
   * Parses a comma-separated list of CIDR networks; a bare address means that address alone.
   *
   * @throws IllegalArgumentException naming the entry that is not a network
   */
  public static SourceNetworks parse(String list) {
    List<Network> parsed = new ArrayList<>();
    if (list != null) {
      for (String entry : list.split(",")) {
        String cidr = entry.trim();
        if (!cidr.isEmpty()) {
          parsed.add(network(cidr));
        }
      }
    }
    return new SourceNetworks(parsed);
  }

  /** Whether the address lies in one of the networks; {@code false} for text not an address. */
  public boolean contains(String address) {
    if (address == null || !LITERAL.matcher(address).matches()) {
      return false;
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    for (Network network : networks) {
      if (network.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return networks.isEmpty();
  }

  @Override
  public String toString() {
    return networks.stream().map(Network::text).toList().toString();
  }

  private static Network network(String cidr) {
    int slash = cidr.indexOf('/');
    String host = slash < 0 ? cidr : cidr.substring(0, slash);
    if (!LITERAL.matcher(host).matches()) {
      throw new IllegalArgumentException("'" + cidr + "' is not a CIDR network");
    }
    byte[] address;
    try {
      address = InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + cidr + "' is not a CIDR network", e);
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length", e);
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bits);
      }
    }
    return new Network(cidr, address, prefix);
  }

  private record Network(String text, byte[] address, int prefix) {
    boolean contains(byte[] candidate) {
      if (candidate.length != address.length) {
        return false;
      }
      int bits = address.length * 8;
      BigInteger mask =
          BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
      BigInteger a = new BigInteger(1, address).and(mask);
      BigInteger b = new BigInteger(1, candidate).and(mask);
      return a.equals(b);
    }
  }
}
