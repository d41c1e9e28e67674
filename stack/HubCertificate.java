/*
 * What ./setpoint tells devices and browsers about the hub's TLS certificate. A Java single-file
 * source program with no dependencies (like OperatorSecrets.java); keytool makes the keystore.
 *
 *   java stack/HubCertificate.java fingerprint <keystore.p12> <password-file> [<pem-file>]
 *       Prints the certificate of the keystore's key entry (there must be exactly one) as four
 *       lines: "subject <DN>", "sha256 <AB:CD:...>", the SHA-256 of the whole certificate, the
 *       form the device agent's ingest.tls.pin takes, and "spki <Base64>", the SHA-256 of its
 *       public key (also accepted by ingest.tls.pin; the form of Chromium's
 *       --ignore-certificate-errors-spki-list and curl's --pinnedpubkey sha256//...) and "expires <instant>". With
 *       <pem-file>, also writes the certificate there as PEM (for ingest.tls.ca-file and curl
 *       --cacert), through a temporary name, so a reader never sees half of it.
 *
 * Computed here rather than parsed from keytool's output, which is translated per locale.
 * Problems end the program with one line on stderr and exit status 1.
 */

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

public class HubCertificate {
    public static void main(String[] args) {
        try {
            if (args.length >= 3 && args.length <= 4 && args[0].equals("fingerprint")) {
                fingerprint(Path.of(args[1]), Path.of(args[2]), args.length == 4 ? Path.of(args[3]) : null);
            } else {
                throw new IllegalArgumentException(
                    "usage: java HubCertificate.java fingerprint <keystore.p12> <password-file> [<pem-file>]");
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            System.err.println("HubCertificate: " + e.getMessage());
            System.exit(1);
        }
    }

    static void fingerprint(Path keystore, Path passwordFile, Path pem)
            throws IOException, GeneralSecurityException {
        List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
        char[] password = (lines.isEmpty() ? "" : lines.get(0)).toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException(keystore + " cannot be opened with the password in " + passwordFile
                + " (" + e.getMessage() + ")", e);
        }
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new IllegalArgumentException(keystore + " holds " + keys.size()
                + " key entries " + keys + "; the hub's keystore must hold exactly one");
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(keys.get(0));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        System.out.println("subject " + certificate.getSubjectX500Principal().getName());
        System.out.println("sha256 " + HexFormat.ofDelimiter(":").withUpperCase()
            .formatHex(sha256.digest(certificate.getEncoded())));
        System.out.println("spki " + Base64.getEncoder()
            .encodeToString(sha256.digest(certificate.getPublicKey().getEncoded())));
        System.out.println("expires " + certificate.getNotAfter().toInstant());
        if (pem != null) {
            Path temporary = pem.resolveSibling(pem.getFileName() + ".tmp");
            Files.writeString(temporary, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            Files.move(temporary, pem, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
