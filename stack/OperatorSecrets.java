/*
 * Secrets of the single-machine stack's local operator issuer, made on first start by ./setpoint.
 * A Java single-file source program with no dependencies (like MongoServer.java):
 *
 *   java stack/OperatorSecrets.java init <secrets-dir> <password-file>
 *       Makes what is missing in <secrets-dir> (mode 700): the issuer's RSA key pair
 *       (issuer-private.pem, PKCS#8, and issuer-public.pem, X.509; 3072 bits) and the operator's
 *       password hash (operator.hash). When it makes a new hash, it writes the new password to
 *       <password-file> for ./setpoint to show once. Files are mode 600; existing ones are kept.
 *   java stack/OperatorSecrets.java reset-operator <secrets-dir> <password-file>
 *       A new operator password and hash, replacing the old ones.
 *   java stack/OperatorSecrets.java rotate-key <secrets-dir>
 *       Moves issuer-public.pem to former/issuer-public-<epoch-seconds>.pem and makes a new key
 *       pair; the operator's hash stays. The former key is published and accepted until its
 *       tokens have expired (stack/secrets.sh, export_issuer_keys).
 *   java stack/OperatorSecrets.java jwks <secrets-dir> <out-file>
 *       Writes a JSON Web Key Set of issuer-public.pem and every former/*.pem (mode 600): what
 *       the servers verify against while a former key is still accepted.
 *   java stack/OperatorSecrets.java hash
 *       Reads a password from the first line of standard input and prints its hash.
 *   java stack/OperatorSecrets.java mint-token <secrets-dir> <token-file> <issuer> <user> <seconds> [<role>]
 *       Signs a JWT with the issuer's private key, as ingest's local issuer does at a login
 *       (RS256 with the key's kid; claims iss, aud (SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_AUDIENCE,
 *       default "setpoint"), sub, upn and preferred_username = <user>, groups [<role>] (default
 *       "operator"), iat, exp = now + <seconds>, jti), and writes it to <token-file> (mode 600). For ./setpoint's
 *       simulated fleet, which needs an operator only to register its devices, and for
 *       ./setpoint user, which acts as the bootstrap user (role "admin"): a short-lived token
 *       on disk instead of the bootstrap user's password, which is stored nowhere.
 *
 * The hash is PBKDF2-HMAC-SHA256, written as pbkdf2-sha256:<iterations>:<salt>:<key> (Base64),
 * exactly the form ingest's Pbkdf2PasswordHash verifies; a unit test there checks that the two
 * agree. Every file is written to a temporary name and moved into place, so an interrupted run
 * never leaves half a key. Problems end the program with one line on stderr and exit status 1.
 */

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

public class OperatorSecrets {
    static final String PRIVATE_KEY = "issuer-private.pem";
    static final String PUBLIC_KEY = "issuer-public.pem";
    static final String HASH = "operator.hash";

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; ingest reads it from the hash. */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    /** 18 random bytes: a 24-character password of 144 bits. */
    private static final int PASSWORD_BYTES = 18;

    /** The groups a token may carry: the role codes ingest maps to roles by default (contracts' Role). */
    static final java.util.List<String> ROLES = java.util.List.of("viewer", "operator", "admin");
    /** Longest lifetime mint-token signs: it is for a registration at start, not a session. */
    static final long MAX_TOKEN_SECONDS = 3600;

    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) {
        try {
            if (args.length == 3 && args[0].equals("init")) {
                Path dir = Path.of(args[1]);
                directory(dir);
                if (!Files.exists(dir.resolve(PRIVATE_KEY)) || !Files.exists(dir.resolve(PUBLIC_KEY))) {
                    keyPair(dir);
                }
                if (!Files.exists(dir.resolve(HASH))) {
                    operator(dir, Path.of(args[2]));
                }
            } else if (args.length == 3 && args[0].equals("reset-operator")) {
                Path dir = Path.of(args[1]);
                directory(dir);
                operator(dir, Path.of(args[2]));
            } else if (args.length == 2 && args[0].equals("rotate-key")) {
                Path dir = Path.of(args[1]);
                Path former = dir.resolve("former");
                directory(former);
                Files.move(dir.resolve(PUBLIC_KEY),
                        former.resolve("issuer-public-" + Instant.now().getEpochSecond() + ".pem"));
                keyPair(dir);
            } else if (args.length == 3 && args[0].equals("jwks")) {
                Path dir = Path.of(args[1]);
                java.util.List<Path> keys = new java.util.ArrayList<>();
                keys.add(dir.resolve(PUBLIC_KEY));
                Path former = dir.resolve("former");
                if (Files.isDirectory(former)) {
                    try (var files = Files.list(former)) {
                        files.filter(f -> f.toString().endsWith(".pem")).sorted().forEach(keys::add);
                    }
                }
                StringBuilder set = new StringBuilder("{\"keys\":[");
                for (int i = 0; i < keys.size(); i++) {
                    set.append(i == 0 ? "" : ",").append(jwk(publicKey(keys.get(i))));
                }
                write(Path.of(args[2]), set.append("]}\n").toString());
            } else if (args.length == 1 && args[0].equals("hash")) {
                String password = new BufferedReader(
                        new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null || password.isEmpty()) {
                    fail("no password on standard input");
                }
                System.out.println(hash(password.toCharArray()));
            } else if ((args.length == 6 || args.length == 7) && args[0].equals("mint-token")) {
                long seconds = seconds(args[5]);
                String role = args.length == 7 ? args[6] : "operator";
                if (!ROLES.contains(role)) {
                    fail("role must be one of " + ROLES + ", was '" + role + "'");
                }
                PrivateKey key = privateKey(Path.of(args[1]).resolve(PRIVATE_KEY));
                write(Path.of(args[2]), token(key, args[3], args[4], role, seconds) + "\n");
            } else {
                fail("usage: java stack/OperatorSecrets.java init|reset-operator <secrets-dir> <password-file>"
                        + " | rotate-key <secrets-dir> | jwks <secrets-dir> <out-file>"
                        + " | hash | mint-token <secrets-dir> <token-file> <issuer> <user> <seconds> [<role>]");
            }
        } catch (IOException | GeneralSecurityException e) {
            fail(e.toString());
        }
    }

    private static void directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static void keyPair(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        // Public first: a private key on disk always has its public half next to it.
        write(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        write(dir.resolve(PRIVATE_KEY), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    private static void operator(Path dir, Path passwordFile) throws IOException, GeneralSecurityException {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // The password first: if the hash were written and this failed, nobody would know it.
        write(passwordFile, password + "\n");
        write(dir.resolve(HASH), hash(password.toCharArray()) + "\n");
    }

    static String hash(char[] password) throws GeneralSecurityException {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, KEY_BYTES * 8);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "pbkdf2-sha256:" + ITERATIONS + ":" + base64.encodeToString(salt) + ":"
                    + base64.encodeToString(key);
        } finally {
            spec.clearPassword();
        }
    }

    private static long seconds(String text) {
        long seconds;
        try {
            seconds = Long.parseLong(text);
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_TOKEN_SECONDS) {
            fail("token lifetime must be 1.." + MAX_TOKEN_SECONDS + " seconds, was '" + text + "'");
        }
        return seconds;
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        String end = "-----END PRIVATE KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " holds no PKCS#8 private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** A compact RS256 JWS with the claims ingest's LocalIssuer puts in a user's token. */
    static String token(PrivateKey key, String issuer, String user, String role, long seconds)
            throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        String audience = System.getenv().getOrDefault("SETPOINT_INGEST_SECURITY_LOCAL_ISSUER_AUDIENCE", "setpoint");
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + json(keyId(key)) + "}";
        String claims = "{\"iss\":" + json(issuer) + ",\"aud\":" + json(audience) + ",\"sub\":" + json(user) + ",\"upn\":" + json(user)
                + ",\"preferred_username\":" + json(user)
                + ",\"groups\":[" + json(role) + "],\"iat\":" + now + ",\"exp\":" + (now + seconds)
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64url.encodeToString(rs256.sign());
    }

    /** The RFC 7638 thumbprint of the key's public half: the kid ingest's JwtSigner writes too. */
    static String keyId(PrivateKey key) throws GeneralSecurityException {
        var crt = (java.security.interfaces.RSAPrivateCrtKey) key;
        return thumbprint(crt.getModulus(), crt.getPublicExponent());
    }

    private static String thumbprint(java.math.BigInteger n, java.math.BigInteger e)
            throws GeneralSecurityException {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String jwk = "{\"e\":\"" + base64url.encodeToString(unsigned(e))
                + "\",\"kty\":\"RSA\",\"n\":\"" + base64url.encodeToString(unsigned(n)) + "\"}";
        return base64url.encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
    }

    /** A public key as a JSON Web Key for RS256, named by its thumbprint as the tokens name it. */
    private static String jwk(java.security.interfaces.RSAPublicKey key) throws GeneralSecurityException {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":"
                + json(thumbprint(key.getModulus(), key.getPublicExponent()))
                + ",\"n\":\"" + base64url.encodeToString(unsigned(key.getModulus()))
                + "\",\"e\":\"" + base64url.encodeToString(unsigned(key.getPublicExponent())) + "\"}";
    }

    private static java.security.interfaces.RSAPublicKey publicKey(Path file)
            throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " holds no X.509 public key");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        return (java.security.interfaces.RSAPublicKey)
                KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.X509EncodedKeySpec(der));
    }

    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** A JSON string literal; issuer and user names are short ASCII, but quote them properly. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** Writes a mode-600 file under a temporary name, then moves it over the target. */
    private static void write(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void fail(String message) {
        System.err.println("OperatorSecrets: " + message);
        System.exit(1);
    }
}
