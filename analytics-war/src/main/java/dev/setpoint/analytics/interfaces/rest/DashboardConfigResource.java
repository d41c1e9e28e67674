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
 * then must allow the dashboard's origin (CORS), for the methods the device and user pages use
 * ({@code GET, POST, PUT, PATCH, DELETE}). Read from {@link DashboardConfig}. Analytics' own API
 * (history, alerts, audit) is the page's own origin and not listed.
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
            ingest + "/api/v3",
            ingest + "/api/users",
            relay + "/health/ready",
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
   * @param loginUrl ingest's login (its answer names the user's role)
   * @param commandUrl prefix of Core Command reads and writes: {@code
   *     <commandUrl><device>/<command>}
   * @param edgexUrl ingest's EdgeX v3 API: Core Metadata ({@code /device/all}, {@code
   *     /deviceprofile/all}, {@code /deviceservice/all}, {@code POST} and {@code PATCH /device}),
   *     device tokens ({@code /device/name/<device>/token}) and Core Data's readings ({@code
   *     /reading/device/name/<device>})
   * @param usersUrl ingest's local users (admins): {@code GET} and {@code POST}, {@code
   *     <usersUrl>/<name>} and {@code <usersUrl>/<name>/password}
   * @param healthUrl the edge's MicroProfile Health readiness (relay backlog, MongoDB, Kafka; the
   *     backlog's size and age are in relay-mongodb's data, as /metrics asks for the scraper's
   *     credential)
   * @param refreshSeconds how often the dashboard polls
   */
  public record DashboardLinks(
      String loginUrl,
      String commandUrl,
      String edgexUrl,
      String usersUrl,
      String healthUrl,
      int refreshSeconds) {}
}
