package dev.setpoint.analytics.config;

import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which JWT groups grant which role, {@code setpoint.security.groups.*}: per role a comma-separated
 * list of group names, by default the role's own code (what ingest's local issuer issues). Ingest
 * reads the same keys, so a person has one role in every WAR. An external OpenID Connect provider's
 * group names go here (e.g. {@code setpoint.security.groups.admin=admin,setpoint-admins}); keep the
 * role code in the list while the local issuer is on.
 */
@Dependent
public class RoleGroupsConfig {
  @Inject
  @ConfigProperty(name = "setpoint.security.groups.viewer", defaultValue = "viewer")
  public List<String> viewer;

  @Inject
  @ConfigProperty(name = "setpoint.security.groups.operator", defaultValue = "operator")
  public List<String> operator;

  @Inject
  @ConfigProperty(name = "setpoint.security.groups.admin", defaultValue = "admin")
  public List<String> admin;

  /** The mapping {@link Role#of} takes. */
  public Map<Role, Set<String>> mapping() {
    return Role.mapping(viewer, operator, admin);
  }
}
