package dev.setpoint.ingest.infrastructure.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Reads RSA keys from PEM files: a PKCS#8 private key ({@code BEGIN PRIVATE KEY}, what {@code
 * openssl genpkey} and {@code stack/OperatorSecrets.java} write) and an X.509 public key ({@code
 * BEGIN PUBLIC KEY}, what {@code mp.jwt.verify.publickey.location} reads).
 */
public final class PemKeys {
  private PemKeys() {}

  /**
   * The RSA private key in the file.
   *
   * @throws IllegalArgumentException the file is not readable or holds no PKCS#8 RSA key
   */
  public static RSAPrivateKey privateKey(Path file) {
    byte[] der = der(file, "PRIVATE KEY");
    try {
      return (RSAPrivateKey)
          KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(file + " holds no PKCS#8 RSA private key", e);
    }
  }

  /**
   * The RSA public key in the file.
   *
   * @throws IllegalArgumentException the file is not readable or holds no X.509 RSA public key
   */
  public static RSAPublicKey publicKey(Path file) {
    byte[] der = der(file, "PUBLIC KEY");
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(file + " holds no X.509 RSA public key", e);
    }
  }

  private static byte[] der(Path file, String label) {
    String pem;
    try {
      pem = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(file + " has no '" + begin + "' block");
    }
    String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is not valid PEM: " + e.getMessage(), e);
    }
  }
}
