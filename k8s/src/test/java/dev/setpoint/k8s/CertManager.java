package dev.setpoint.k8s;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * Reads cert-manager's Issuers and Certificates, for which the build has no typed model: the fields
 * Setpoint's manifests set, by path.
 */
final class CertManager {

  private CertManager() {}

  static Map<String, Object> spec(GenericKubernetesResource resource) {
    Object spec = resource.getAdditionalProperties().get("spec");
    assertNotNull(spec, resource.getKind() + " " + resource.getMetadata().getName() + ": no spec");
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) spec;
    return map;
  }

  static String secretName(GenericKubernetesResource certificate) {
    return String.valueOf(spec(certificate).get("secretName"));
  }

  @SuppressWarnings("unchecked")
  static List<String> dnsNames(GenericKubernetesResource certificate) {
    Object names = spec(certificate).get("dnsNames");
    return names == null ? List.of() : (List<String>) names;
  }

  /** The PKCS12 keystore's settings, or an empty map when cert-manager writes none. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> pkcs12(GenericKubernetesResource certificate) {
    Object keystores = spec(certificate).get("keystores");
    if (!(keystores instanceof Map<?, ?> stores) || !(stores.get("pkcs12") instanceof Map<?, ?>)) {
      return Map.of();
    }
    return (Map<String, Object>) stores.get("pkcs12");
  }

  static boolean writesPkcs12(GenericKubernetesResource certificate) {
    return Boolean.TRUE.equals(pkcs12(certificate).get("create"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> issuerRef(GenericKubernetesResource certificate) {
    Object ref = spec(certificate).get("issuerRef");
    return ref == null ? Map.of() : (Map<String, Object>) ref;
  }
}
