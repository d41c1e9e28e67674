package dev.setpoint.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.command.StoredCommand;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operators' dashboard in a real headless Chromium (Debian's chromium and chromedriver, driven
 * by Selenium) against the EAR test server and the real stack: a device posts readings with its own
 * token, the operator logs in on the page, and the charts hold exactly the posted values; then the
 * savings view opens for the device's room, then the alerts view. An operator registers a device on
 * the page, sees its token once and locks it; a viewer then sees the rooms, the devices and the
 * alerts but none of the controls an operator has, nor the audit and users views. Leaves
 * screenshots in ear/target/dashboard.png (and dashboard-savings.png, dashboard-alerts.png,
 * dashboard-devices.png), so a test run never changes the work tree.
 *
 * <p>To refresh the README's picture on purpose, name it in {@code setpoint.it.dashboard.png} (a
 * path relative to the repository root), e.g. {@code ./setpoint test
 * -Dsetpoint.it.dashboard.png=docs/dashboard.png}, and commit the new docs/dashboard.png.
 */
class DashboardBrowserIT {
  private static final HttpClient HTTP =
      Edge.client().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String BASE = System.getProperty("setpoint.it.base.url");
  private static final Path CHROMIUM =
      Path.of(System.getProperty("setpoint.it.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("setpoint.it.chromedriver", "/usr/bin/chromedriver"));

  /** Test output, under the module's build directory (the test JVM runs in ear/). */
  private static final Path SCREENSHOT = Path.of("target", "dashboard.png");

  /** Where the screenshot is copied on request: the README's picture, docs/dashboard.png. */
  private static final String README_PICTURE = "setpoint.it.dashboard.png";

  private static Path profile;
  private static ChromeDriver browser;

  @BeforeAll
  static void openBrowser() throws Exception {
    assertTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the browser test needs Debian's chromium and chromium-driver ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "); ./setpoint test installs them when run as root: apt-get install chromium"
            + " chromium-driver");
    // Starts the OpenWeatherMap stand-in too: the outdoor lines this test checks are the weather
    // the relay attaches, and run on its own no other test would have started it.
    Edge.awaitReady(Duration.ofSeconds(120));
    profile = Files.createTempDirectory("setpoint-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=1400,1050",
        // The test server's self-signed certificate, accepted by its public key's hash and no
        // other: any other certificate error still stops the page.
        "--ignore-certificate-errors-spki-list=" + Edge.hubSpki());
    // The console, where Chromium reports what the Content-Security-Policy refused.
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1400, 1050));
    // The probe behind nothingRefusedByTheContentSecurityPolicy sees a refusal when there is one:
    // a page whose own policy forbids its inline script.
    browser.get(
        "data:text/html,"
            + URLEncoder.encode(
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'\">"
                        + "<script>document.title = 'ran'</script>",
                    StandardCharsets.UTF_8)
                .replace("+", "%20"));
    assertFalse(
        cspRefusals().isEmpty(), "the browser's console does not report CSP refusals to the test");
  }

  @AfterAll
  static void closeBrowser() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * The dashboard runs under the server's Content-Security-Policy ({@code script-src 'self'}, no
   * inline code or styles): nothing it does is refused, or a view would silently not work.
   */
  @AfterEach
  void nothingRefusedByTheContentSecurityPolicy() {
    assertEquals(List.of(), cspRefusals(), "refused by the Content-Security-Policy");
  }

  /** What the console reported as refused by a Content-Security-Policy since the last call. */
  private static List<String> cspRefusals() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy"))
        .toList();
  }

  /** Each test starts logged out: the tab's session storage (the token) is the page's origin's. */
  @BeforeEach
  void loggedOut() {
    browser.get(BASE + "/analytics/dashboard/");
    js("sessionStorage.clear();");
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  @Test
  void anOperatorLogsInAndSeesThePostedReadingsCharted() throws Exception {
    String operator = Edge.operatorToken();
    String device = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    String deviceToken = Edge.registerWithToken(device);
    double[] temperatures = {21.25, 22.75, 24.5};
    double[] humidities = {38.5, 41.0, 44.25};
    long start = (System.currentTimeMillis() - 30_000) * 1_000_000L;
    for (int i = 0; i < temperatures.length; i++) {
      HttpResponse<String> posted =
          Edge.post(
              device,
              start + i * 10_000_000_000L,
              temperatures[i],
              humidities[i],
              "Bearer " + deviceToken);
      assertEquals(201, posted.statusCode(), posted.body());
    }
    String history =
        BASE
            + "/analytics/api/v1/history/climate?range=1h&device="
            + URLEncoder.encode(device, StandardCharsets.UTF_8);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> json(Edge.get(history, operator).body()).getJsonArray("samples").size() == 3);

    browser.get(BASE + "/analytics/dashboard/?range=1h&device=" + device);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("login-form")).isDisplayed());
    browser.findElement(By.id("password")).sendKeys(Edge.operatorPassword());
    browser.findElement(By.id("login-button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "const c = window.setpointDashboard.charts.temperature;"
                            + " return !!c && c.data.datasets[0].data.length === 3"
                            + " && window.setpointDashboard.history.device === arguments[0];",
                        device)));

    assertEquals(List.of(21.25, 22.75, 24.5), chartValues("temperature", 0), "indoor temperature");
    assertEquals(List.of(38.5, 41.0, 44.25), chartValues("humidity", 0), "indoor humidity");
    // Drawn, not only held: each point has a pixel position inside the chart area.
    assertEquals(
        3L,
        js(
            "const c = window.setpointDashboard.charts.temperature, a = c.chartArea;"
                + " return c.getDatasetMeta(0).data.filter(p => p.x >= a.left && p.x <= a.right"
                + " && p.y >= a.top && p.y <= a.bottom).length;"));
    // The relay attached the outdoor weather to each event: the outdoor lines exist too.
    assertEquals(
        3L, js("return window.setpointDashboard.charts.humidity.data.datasets[1].data.length;"));
    assertEquals("24.5 °C", browser.findElement(By.id("status")).getText());
    assertTrue(
        browser.findElement(By.id("status-tile")).getAttribute("class").contains("ok"),
        "24.5 °C is inside the envelope, so the status is green");
    assertTrue(
        browser.findElement(By.id("device-table")).getText().contains(device),
        "the device list names the device");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("edge-health")).getText().contains("backlog"));

    // The device is a room of its own (no room: label): the rooms table lists it, in auto, and
    // its mode select puts it on advice only, through the API into analytics' store.
    String row = "#room-table tr[data-room='" + device + "']";
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.cssSelector(row)).isEmpty());
    WebElement mode = browser.findElement(By.cssSelector(row + " select.room-mode"));
    assertEquals("auto", mode.getAttribute("value"));
    new Select(mode).selectByValue("advisory");
    String room =
        BASE + "/analytics/api/v1/rooms/" + URLEncoder.encode(device, StandardCharsets.UTF_8);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "advisory".equals(json(Edge.get(room, operator).body()).getString("mode")));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                "advisory"
                    .equals(
                        d.findElement(By.cssSelector(row + " select.room-mode"))
                            .getAttribute("value")));
    // Its tape checkbox marks it as holding tape; the mode just set stays.
    assertFalse(browser.findElement(By.cssSelector(row + " input.room-tape")).isSelected());
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class) // the table is re-rendered as it refreshes
        .until(
            d -> {
              d.findElement(By.cssSelector(row + " input.room-tape")).click();
              return true;
            });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> json(Edge.get(room, operator).body()).getBoolean("holdingTape"));
    assertEquals("advisory", json(Edge.get(room, operator).body()).getString("mode"));

    // An override held for 4 hours from the Actions form: the command store keeps the hold, so
    // no recommendation replaces the value before it ends.
    String controller = "dash-ac-" + UUID.randomUUID().toString().substring(0, 8);
    Edge.registerWithToken(controller, "room-controller");
    WebElement overrideDevice = browser.findElement(By.id("override-device"));
    overrideDevice.clear();
    overrideDevice.sendKeys(controller);
    WebElement value = browser.findElement(By.id("override-value"));
    value.clear();
    value.sendKeys("22.5");
    new Select(browser.findElement(By.id("override-hold"))).selectByValue("4");
    long before = System.currentTimeMillis();
    browser.findElement(By.cssSelector("#override-form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("action-result")).getText().startsWith("done"));
    try (MongoClient mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"))) {
      Document held =
          mongo
              .getDatabase("setpoint")
              .getCollection(StoredCommand.COLLECTION)
              .find(Filters.eq(StoredCommand.ID, StoredCommand.idOf(controller, "setpoint")))
              .first();
      assertEquals("22.5", held.getString(StoredCommand.VALUE), String.valueOf(held));
      long until = held.getLong(StoredCommand.HELD_UNTIL);
      assertTrue(
          Math.abs(until - (before + Duration.ofHours(4).toMillis())) < 60_000,
          "held until " + until);
    }

    Files.createDirectories(SCREENSHOT.getParent());
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    assertTrue(Files.size(SCREENSHOT) > 10_000, "screenshot " + SCREENSHOT);
    String picture = System.getProperty(README_PICTURE, "").strip();
    if (!picture.isEmpty()) {
      Path target = Path.of("..").resolve(picture); // relative to the repository root
      Files.copy(SCREENSHOT, target, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("DashboardBrowserIT: README picture refreshed in " + target.normalize());
    }

    // After the README's picture, so that it stays the climate view.
    savingsViewOfANewRoom(device);
    alertsViewOfANewRoom(device);
  }

  /**
   * The savings view, opened from the header, for the device's room: a new room has no baseline
   * period and no pilot, which the view says (the API's 409 and its words) rather than failing; its
   * month report reads, and downloads as CSV and HTML with the operator's token.
   */
  private static void savingsViewOfANewRoom(String room) throws Exception {
    browser.findElement(By.id("savings-button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("savings")).isDisplayed());
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class) // the room list follows the rooms table
        .until(
            d -> {
              new Select(d.findElement(By.id("savings-room"))).selectByValue(room);
              return true;
            });
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "const s = window.setpointDashboard.savings;"
                            + " return !!s && s.room === arguments[0];",
                        room)));
    assertEquals("Savings", browser.findElement(By.cssSelector("#savings h2")).getText());
    assertEquals(
        List.of("Baseline", "This month", "Pilot"),
        browser.findElements(By.cssSelector("#savings h3")).stream()
            .map(WebElement::getText)
            .toList());
    assertEquals("", browser.findElement(By.id("savings-message")).getText(), "no error");
    String baseline = browser.findElement(By.id("savings-baseline-body")).getText();
    assertTrue(baseline.contains("no baseline period"), baseline);
    String month = browser.findElement(By.id("savings-month-body")).getText();
    assertTrue(month.contains("no baseline period set for the room"), month);
    String pilot = browser.findElement(By.id("savings-pilot-body")).getText();
    assertTrue(pilot.contains("no pilot"), pilot);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(
        browser.findElement(By.id("savings")).getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOT.resolveSibling("dashboard-savings.png"),
        StandardCopyOption.REPLACE_EXISTING);

    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    String csv = report("csv");
    // the browser hands the text over with its line ends normalised
    assertTrue(csv.startsWith("figure,value,unit"), csv);
    assertTrue(csv.contains("room," + room), csv);
    String html = report("html");
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains(room), "the HTML report names the room");
  }

  /**
   * The alerts view, opened from the header: the badge's count of open alerts reads, and the list
   * for the device's room reads without error. Its readings were inside every envelope, so it has
   * no critical alert, which the view says in words (a warning may well be raised by now: the
   * device fell silent after its three readings); the rules panel shows the thresholds beside the
   * defaults, the hottest inlet's warning at 27 °C among them.
   */
  private static void alertsViewOfANewRoom(String room) throws Exception {
    browser.findElement(By.id("alerts-button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("alerts")).isDisplayed());
    assertEquals("Alerts", browser.findElement(By.cssSelector("#alerts h2")).getText());
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js("return typeof window.setpointDashboard.alertCount === 'number';")));

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class) // the room list follows the rooms table
        .until(
            d -> {
              new Select(d.findElement(By.id("alert-room"))).selectByValue(room);
              return true;
            });
    new Select(browser.findElement(By.id("alert-severity"))).selectByValue("critical");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "const a = window.setpointDashboard.alerts;"
                            + " return !!a && a.query.room === arguments[0]"
                            + " && a.query.severity === 'critical';",
                        room)));
    assertEquals("", browser.findElement(By.id("alerts-message")).getText(), "no error");
    assertEquals(0L, js("return window.setpointDashboard.alerts.total;"));
    assertEquals(
        "No alerts match these filters.",
        browser.findElement(By.cssSelector("#alert-list tbody")).getText());
    // Any severity: whatever the room has, listed without error, and only the room's.
    new Select(browser.findElement(By.id("alert-severity"))).selectByValue("");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "const a = window.setpointDashboard.alerts;"
                            + " return !a.query.severity && a.query.room === arguments[0];",
                        room)));
    assertEquals("", browser.findElement(By.id("alerts-message")).getText(), "no error");
    assertEquals(
        Boolean.TRUE,
        js(
            "return window.setpointDashboard.alerts.alerts.every(a => a.room === arguments[0]);",
            room));

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              new Select(d.findElement(By.id("rules-room"))).selectByValue(room);
              return true;
            });
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "const r = window.setpointDashboard.rules;"
                            + " return !!r && r.room === arguments[0];",
                        room)));
    assertEquals("", browser.findElement(By.id("rules-message")).getText(), "no error");
    String inlet = "#rules-table tr[data-rule='inletWarningC']";
    assertEquals("27", browser.findElement(By.cssSelector(inlet + " td.default")).getText());
    assertFalse(
        browser.findElement(By.cssSelector(inlet + " td.effective")).getText().isEmpty(),
        "the threshold in force for the room is shown");
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(
        browser.findElement(By.id("alerts")).getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOT.resolveSibling("dashboard-alerts.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * The Devices view as an operator, then what a viewer sees. The operator registers a room sensor
   * from the page and is shown its token once, in a dialog (the token works: the device posts with
   * it, a reading above 32 °C that raises the room's critical alert); the device's detail shows
   * that reading and its command's value; the operator locks it from the list (its next event is
   * refused, 423), and finds the changes in the audit view. A viewer, logged in on the same tab,
   * sees the room, the locked device and its alert, but no register form, lock or token buttons, no
   * room mode select, no Actions, no Acknowledge, no rule inputs, and neither the Audit nor the
   * Users view, even when the URL asks for them.
   */
  @Test
  void anOperatorRegistersAndLocksADeviceAndAViewerSeesWithoutControls() throws Exception {
    RoleUsers.User operator = RoleUsers.create("operator");
    RoleUsers.User viewer = RoleUsers.create("viewer");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String device = "dash-reg-" + suffix;
    String room = "dash-room-" + suffix;

    logIn("?view=devices", operator);
    assertTrue(shown("audit-button"), "an operator reads the audit trail");
    assertFalse(shown("users-button"), "users are for admins");
    assertTrue(shown("actions"), "an operator overrides setpoints");
    assertFalse(shown("reload-model"), "model reload is for admins");
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> shown("devices"));
    browser.findElement(By.cssSelector("#register summary")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "return [...document.getElementById('register-profile').options]"
                            + ".some(o => o.value === 'room-sensor');")));
    new Select(browser.findElement(By.id("register-profile"))).selectByValue("room-sensor");
    browser.findElement(By.id("register-name")).sendKeys(device);
    browser.findElement(By.id("register-room")).sendKeys(room);
    browser.findElement(By.id("register-button")).click();

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d -> Boolean.TRUE.equals(js("return document.getElementById('token-dialog').open;")));
    String token = String.valueOf(js("return document.getElementById('token-value').value;"));
    assertTrue(token.startsWith("spd_"), "a device token: " + token.length() + " characters");
    assertEquals(device + "=" + token, browser.findElement(By.id("token-line")).getText());
    assertTrue(
        browser.findElement(By.id("token-dialog")).getText().contains("Shown this once"),
        "the dialog says the token is shown once");
    browser.findElement(By.id("token-close")).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(
            d -> Boolean.FALSE.equals(js("return document.getElementById('token-dialog').open;")));
    assertFalse(browser.getPageSource().contains(token), "closed, the token is gone from the page");
    HttpResponse<String> posted = postAs(device, token, 33.5);
    assertEquals(201, posted.statusCode(), "the token shown is the device's: " + posted.body());

    String row = "#fleet tr[data-device='" + device + "']";
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class) // the list is re-read as the page polls
        .until(
            d -> d.findElement(By.cssSelector(row + " td.state")).getText().startsWith("unlocked"));
    assertEquals(room, browser.findElement(By.cssSelector(row + " td.room")).getText());
    clickWhenFresh(row + " button.open");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElement(By.id("detail-readings")).getText().contains("33.5")
                    && d.findElement(By.id("detail-commands")).getText().contains("33.5"));

    clickWhenFresh(row + " button.lock");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> d.findElement(By.cssSelector(row + " td.state")).getText().startsWith("locked"));
    String metadata = Edge.get(BASE + "/api/v3/device/name/" + device, Edge.operatorToken()).body();
    assertEquals(
        "LOCKED", json(metadata).getJsonObject("device").getString("adminState"), metadata);
    assertEquals(423, postAs(device, token, 30.0).statusCode(), "a locked device's event");

    // Its reading above 32 °C raised the room's critical alert: the detail lists it, and the
    // alerts view offers the operator its Acknowledge button.
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.cssSelector("#detail-alerts tr.alert.critical")).isEmpty());
    browser.findElement(By.id("alerts-button")).click();
    selectWhenListed("alert-room", room);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                !d.findElements(By.cssSelector("#alert-list tr.alert.raised button.ack"))
                    .isEmpty());

    browser.findElement(By.id("audit-button")).click();
    browser.findElement(By.id("audit-device")).sendKeys(device);
    browser.findElement(By.id("audit-apply")).click();
    // ingest's changes reach analytics' trail through Kafka, as telemetry does; on a loaded CI
    // machine the audit consumer's first group join alone has taken over 30 s
    new WebDriverWait(browser, Duration.ofSeconds(90))
        .pollingEvery(Duration.ofSeconds(1))
        .until(
            d -> {
              if (d.findElement(By.id("audit-list")).getText().contains("device lock")) {
                return true;
              }
              d.findElement(By.id("audit-apply")).click();
              return false;
            });
    assertTrue(
        browser.findElement(By.id("audit-list")).getText().contains("device create"),
        browser.findElement(By.id("audit-list")).getText());
    browser.findElement(By.id("logout-button")).click();

    logIn("?view=devices", viewer);
    for (String absent :
        List.of("audit-button", "users-button", "actions", "reload-model", "register")) {
      assertFalse(shown(absent), absent + " is not shown to a viewer");
    }
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> d.findElement(By.cssSelector(row + " td.state")).getText().startsWith("locked"));
    assertTrue(
        browser
            .findElements(
                By.cssSelector(
                    "#fleet button.lock, #fleet button.unlock,"
                        + " #fleet button.token, #fleet button.revoke"))
            .isEmpty(),
        "no device controls for a viewer");
    String roomRow = "#room-table tr[data-room='" + room + "']";
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> !d.findElements(By.cssSelector(roomRow + " .room-mode-text")).isEmpty());
    assertTrue(
        browser.findElements(By.cssSelector("#room-table select, #room-table input")).isEmpty(),
        "a viewer sees the rooms' modes, not their controls");
    browser.findElement(By.id("alerts-button")).click();
    selectWhenListed("alert-room", room);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                Boolean.TRUE.equals(
                    js(
                        "const a = window.setpointDashboard.alerts;"
                            + " return !!a && a.query.room === arguments[0]"
                            + " && a.alerts.some(x => x.state === 'raised');",
                        room)));
    assertFalse(
        browser.findElements(By.cssSelector("#alert-list tr.alert.raised")).isEmpty(),
        "the room's raised alert is listed");
    assertTrue(browser.findElements(By.cssSelector("#alert-list button.ack")).isEmpty());
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> !d.findElements(By.cssSelector("#rules-table tr[data-rule]")).isEmpty());
    assertTrue(browser.findElements(By.cssSelector("#rules-table input")).isEmpty());
    assertFalse(shown("rules-save"));
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(
        browser.findElement(By.id("devices")).getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOT.resolveSibling("dashboard-devices.png"),
        StandardCopyOption.REPLACE_EXISTING);
    // Asked for by the URL, the operators' and admins' views stay shut (the token is the tab's).
    for (String view : List.of("audit", "users")) {
      browser.get(BASE + "/analytics/dashboard/?view=" + view);
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> shown("dashboard"));
      assertFalse(shown(view), view + " is not shown to a viewer");
    }
  }

  /** Logs in on the dashboard (opened with the query) as the user, and waits for the page. */
  private static void logIn(String query, RoleUsers.User user) {
    browser.get(BASE + "/analytics/dashboard/" + query);
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("login-form")).isDisplayed());
    WebElement name = browser.findElement(By.id("username"));
    name.clear();
    name.sendKeys(user.username());
    browser.findElement(By.id("password")).sendKeys(user.password());
    browser.findElement(By.id("login-button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                d.findElement(By.id("whoami"))
                    .getText()
                    .equals(user.username() + " · " + user.role()));
  }

  private static boolean shown(String id) {
    List<WebElement> found = browser.findElements(By.id(id));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  /** Clicks an element of a list the page re-draws as it polls. */
  private static void clickWhenFresh(String css) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(By.cssSelector(css)).click();
              return true;
            });
  }

  /** Chooses an option of a select filled from what the page reads (rooms). */
  private static void selectWhenListed(String id, String value) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(
            d -> {
              new Select(d.findElement(By.id(id))).selectByValue(value);
              return true;
            });
  }

  /** A room-sensor event of the device, posted with its own token. */
  private static HttpResponse<String> postAs(String device, String token, double temperature)
      throws Exception {
    String body =
        """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"%s","units":"degC"},
          {"resourceName":"humidity","valueType":"Float64","value":"45.0","units":"%%RH"}]}}
        """
            .formatted(
                UUID.randomUUID(),
                device,
                System.currentTimeMillis() * 1_000_000L,
                Double.toString(temperature));
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    BASE
                        + "/api/v3/event/setpoint-device-agent/room-sensor/"
                        + device
                        + "/climate"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The month's report as the view's download buttons fetch it, as text. */
  private static String report(String format) {
    return String.valueOf(
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " window.setpointDashboard.report(arguments[0]).then((b) => b.text())"
                    + ".then(done, (e) => done('failed: ' + e.message));",
                format));
  }

  @SuppressWarnings("unchecked")
  private static List<Double> chartValues(String chart, int dataset) {
    List<Object> values =
        (List<Object>)
            js(
                "return window.setpointDashboard.charts[arguments[0]].data.datasets[arguments[1]]"
                    + ".data.map(p => p.y);",
                chart,
                dataset);
    return values.stream().map(v -> ((Number) v).doubleValue()).toList();
  }
}
