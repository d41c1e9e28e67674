package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.config.DashboardConfig;
import dev.setpoint.contracts.security.Public;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the dashboard finds the other services (public: it holds no secret and is needed before
 * login). Empty base URLs mean the dashboard's own origin, as in the EAR, where ingest, relay and
 * analytics share one server; in a split deployment they name the ingest and relay servers, which
 * then must allow the dashboard's origin (CORS). Read from {@link DashboardConfig}.
 */
@Path("/v1/dashboard/config")
@ApplicationScoped
@Tag(name = "dashboard")
public class DashboardConfigResource {
  private final DashboardLinks links;

  @Inject
  public DashboardConfigResource(DashboardConfig config) {
    String ingest = trimSlash(config.ingestUrl.orElse(""));
    String relay = trimSlash(config.relayUrl.orElse(""));
    this.links =
        new DashboardLinks(
            ingest + "/api/auth/token",
            ingest + "/api/v3/device/name/",
            relay + "/health/ready",
            relay + "/metrics?scope=application",
            (int) Math.max(1, config.refreshInterval.toSeconds()));
  }

  /** For CDI's proxy only. */
  protected DashboardConfigResource() {
    this.links = null;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The URLs the dashboard calls and how often it refreshes (public)")
  @Public
  public DashboardLinks config() {
    return links;
  }

  private static String trimSlash(String url) {
    String u = url == null ? "" : url.strip();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /**
   * @param loginUrl ingest's operator login
   * @param commandUrl prefix of Core Command writes: {@code <commandUrl><device>/<command>}
   * @param healthUrl the edge's MicroProfile Health readiness (relay backlog, MongoDB, Kafka)
   * @param metricsUrl the edge's Prometheus metrics (setpoint_relay_backlog, ...)
   * @param refreshSeconds how often the dashboard polls
   */
  public record DashboardLinks(
      String loginUrl,
      String commandUrl,
      String healthUrl,
      String metricsUrl,
      int refreshSeconds) {}
}
