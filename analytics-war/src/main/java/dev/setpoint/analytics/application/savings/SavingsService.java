package dev.setpoint.analytics.application.savings;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.application.energy.EnergyService;
import dev.setpoint.analytics.application.energy.RoomAnomaly;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.domain.savings.BaselinePeriod;
import dev.setpoint.analytics.domain.savings.Decision;
import dev.setpoint.analytics.domain.savings.InletMinute;
import dev.setpoint.analytics.domain.savings.MvPlan;
import dev.setpoint.analytics.domain.savings.MvPlanStore;
import dev.setpoint.analytics.domain.savings.Pilot;
import dev.setpoint.analytics.domain.savings.RoomAlerts;
import dev.setpoint.analytics.domain.savings.SavingsStore;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.model.eval.ClosedLoop;
import dev.setpoint.model.mv.Baseline;
import dev.setpoint.model.mv.Guideline14;
import dev.setpoint.model.mv.Guideline14.Granularity;
import dev.setpoint.model.mv.Observation;
import dev.setpoint.model.mv.Observation.Meter;
import dev.setpoint.model.mv.PilotEstimate;
import dev.setpoint.model.mv.PilotSchedule;
import dev.setpoint.model.mv.PilotSchedule.Arm;
import dev.setpoint.model.mv.Savings;
import dev.setpoint.model.recommend.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measured savings per room, in the manner of IPMVP Option B/C and ASHRAE Guideline 14 (README
 * "Measured savings"): the room's measurement plan, its baselines fitted on the baseline period and
 * judged by Guideline 14's hourly criteria (a baseline that fails them is refused as a basis, with
 * the reason), the savings over a reporting period with their fractional uncertainty, the pilot's
 * comparison of its two arms, and the monthly reports per room and site.
 *
 * <p>The arithmetic is {@code dev.setpoint.model.mv}'s, the same code whose estimates the model's
 * simulation study checks against a twin room (docs/savings.md); this class only gathers a room's
 * metered hours ({@link RoomHours}) and applies it. Fitted baselines are kept for {@value
 * #FIT_MINUTES} minutes, so a report does not refit a year of hours on every request.
 */
public class SavingsService {
  public static final String COOLING = "cooling";
  public static final String COOLING_IT = "cooling_it";
  public static final String BASELINE = "baseline";
  public static final String PILOT = "pilot";

  /** Longest baseline or reporting period. */
  public static final Duration MAX_PERIOD = Duration.ofDays(400);

  /** A baseline needs at least a week of usable hours: one weekly cycle of load and weather. */
  public static final int MIN_BASELINE_HOURS = 168;

  /** Longest pilot. */
  public static final int MAX_PILOT_DAYS = 366;

  static final int FIT_MINUTES = 10;

  private final MvPlanStore plans;
  private final EnergyService energy;
  private final SavingsStore store;
  private final RoomAlerts roomAlerts;
  private final AuditTrail audit;
  private final Clock clock;
  private final Map<String, Fits> fits = new ConcurrentHashMap<>();

  public SavingsService(
      MvPlanStore plans,
      EnergyService energy,
      SavingsStore store,
      RoomAlerts roomAlerts,
      AuditTrail audit,
      Clock clock) {
    this.plans = plans;
    this.energy = energy;
    this.store = store;
    this.roomAlerts = roomAlerts;
    this.audit = audit;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ plans

  /** The room's plan (an empty one when none was set). */
  public MvPlan plan(String room) {
    return plans.find(room).orElse(MvPlan.none(room));
  }

  /** Every stored plan. */
  public List<MvPlan> plans() {
    return plans.all();
  }

  /**
   * Sets the room's baseline period: ended, from a week to {@link #MAX_PERIOD} long.
   *
   * @throws InvalidHistoryRequestException naming {@code from} or {@code to} otherwise
   */
  public MvPlan setBaseline(String room, Instant from, Instant to, AuditActor by) {
    Instant now = clock.instant();
    if (!to.isAfter(from)) {
      throw new InvalidHistoryRequestException("to", "must be after from");
    }
    if (to.isAfter(now)) {
      throw new InvalidHistoryRequestException(
          "to", "the baseline period must have ended: it is measured, not forecast");
    }
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw new InvalidHistoryRequestException(
          "from", "a baseline period spans at most " + MAX_PERIOD.toDays() + " days");
    }
    if (Duration.between(from, to).toHours() < MIN_BASELINE_HOURS) {
      throw new InvalidHistoryRequestException(
          "from", "a baseline period spans at least a week (" + MIN_BASELINE_HOURS + " hours)");
    }
    MvPlan before = plan(room);
    MvPlan plan = before.withBaseline(new BaselinePeriod(from, to), by.name(), now);
    plans.save(plan);
    audit.record(
        by,
        AuditChange.of(
                AuditKind.BASELINE,
                before.baseline() == null ? AuditAction.CREATE : AuditAction.UPDATE,
                room)
            .withRoom(room)
            .withBefore(baseline(before.baseline()))
            .withAfter(baseline(plan.baseline())));
    return plan;
  }

  /** Removes the room's baseline period. */
  public MvPlan clearBaseline(String room, AuditActor by) {
    MvPlan before = plan(room);
    MvPlan plan = before.withBaseline(null, by.name(), clock.instant());
    plans.save(plan);
    if (before.baseline() != null) {
      audit.record(
          by,
          AuditChange.of(AuditKind.BASELINE, AuditAction.DELETE, room)
              .withRoom(room)
              .withBefore(baseline(before.baseline())));
    }
    return plan;
  }

  /**
   * Starts a pilot: it must start today or later, in a zone of whole-hour offset without a clock
   * change during it (every pilot day has 24 metered hours), and no pilot may be running.
   */
  public MvPlan startPilot(String room, Pilot pilot, AuditActor by) {
    Instant now = clock.instant();
    if (pilot.days() > MAX_PILOT_DAYS) {
      throw new InvalidHistoryRequestException(
          "days", "a pilot lasts at most " + MAX_PILOT_DAYS + " days");
    }
    if (pilot.start().isBefore(now.atZone(pilot.zone()).toLocalDate())) {
      throw new InvalidHistoryRequestException(
          "start", "a pilot starts today or later, not in the past");
    }
    checkWholeDays(pilot);
    Pilot current = plan(room).pilot();
    if (current != null && current.end().isAfter(now)) {
      throw new SavingsConflictException(
          "pilot",
          "room '"
              + room
              + "' has a pilot until "
              + current.end()
              + "; stop it first (POST …/pilot/stop)");
    }
    MvPlan plan = plan(room).withPilot(pilot, by.name(), now);
    plans.save(plan);
    audit.record(
        by,
        AuditChange.of(AuditKind.PILOT, AuditAction.CREATE, room)
            .withRoom(room)
            .withBefore(pilot(current))
            .withAfter(pilot(pilot)));
    return plan;
  }

  /** Stops the room's running (or scheduled) pilot now: the recommender decides again. */
  public MvPlan stopPilot(String room, AuditActor by) {
    Instant now = clock.instant();
    MvPlan plan = plan(room);
    if (plan.pilot() == null || !plan.pilot().end().isAfter(now)) {
      throw new SavingsConflictException("pilot", "room '" + room + "' has no pilot to stop");
    }
    MvPlan stopped = plan.withPilot(plan.pilot().stopped(now), by.name(), now);
    plans.save(stopped);
    audit.record(
        by,
        AuditChange.of(AuditKind.PILOT, AuditAction.STOP, room)
            .withRoom(room)
            .withBefore(pilot(plan.pilot()))
            .withAfter(pilot(stopped.pilot())));
    return stopped;
  }

  /** A baseline period as the audit trail shows it, or null. */
  private static Object baseline(BaselinePeriod p) {
    return p == null ? null : AuditChange.state("from", p.from(), "to", p.to());
  }

  /** A pilot as the audit trail shows it, or null. */
  private static Object pilot(Pilot p) {
    return p == null
        ? null
        : AuditChange.state(
            "start",
            p.start().toString(),
            "days",
            p.days(),
            "periodDays",
            p.periodDays(),
            "fixedSetpointC",
            p.fixedSetpointC(),
            "zone",
            p.zone().getId(),
            "carryOverHours",
            p.carryOverHours(),
            "seed",
            p.seed(),
            "stoppedAt",
            p.stoppedAt());
  }

  private static void checkWholeDays(Pilot pilot) {
    ZoneId zone = pilot.zone();
    ZoneOffset offset = zone.getRules().getOffset(pilot.from());
    if (offset.getTotalSeconds() % 3600 != 0) {
      throw new InvalidHistoryRequestException(
          "zone",
          zone
              + " is "
              + offset
              + " from UTC: a pilot's days must start on a whole UTC hour, as the meters' hours"
              + " do");
    }
    ZoneOffsetTransition next = zone.getRules().nextTransition(pilot.from());
    if (next != null && next.getInstant().isBefore(pilot.to())) {
      throw new InvalidHistoryRequestException(
          "zone",
          zone
              + " changes its clocks on "
              + next.getDateTimeBefore().toLocalDate()
              + ", within the pilot: a pilot's days must all be 24 hours (use a fixed offset,"
              + " e.g. UTC+01:00, or a pilot that ends before the change)");
    }
  }

  // --------------------------------------------------------------- baseline

  /** The baselines fitted on the room's baseline period. */
  public BaselineReport baseline(String room) {
    MvPlan plan = plan(room);
    if (plan.baseline() == null) {
      throw new SavingsConflictException(
          "baseline", "room '" + room + "' has no baseline period: PUT …/baseline to set one");
    }
    Fits f = fits(room, plan.baseline());
    List<MeterBaseline> meters = new ArrayList<>();
    meters.add(f.cooling.report());
    if (f.hours.itMetered()) {
      meters.add(f.total.report());
    }
    return new BaselineReport(
        room,
        plan.baseline().from(),
        plan.baseline().to(),
        f.hours.loadKnown(),
        meters,
        plan.changedBy(),
        plan.changedAt());
  }

  /**
   * The savings over {@code [from, to)} against the room's baselines.
   *
   * @throws SavingsConflictException without a baseline period, or for a period that overlaps it
   */
  public RoomSavings savings(String room, Instant from, Instant to) {
    checkPeriod(from, to);
    MvPlan plan = plan(room);
    if (plan.baseline() == null) {
      throw new SavingsConflictException(
          "baseline", "room '" + room + "' has no baseline period: PUT …/baseline to set one");
    }
    BaselinePeriod period = plan.baseline();
    if (from.isBefore(period.to()) && to.isAfter(period.from())) {
      throw new SavingsConflictException(
          "from",
          "the reporting period overlaps the baseline period ("
              + period.from()
              + " to "
              + period.to()
              + "): savings are measured after it");
    }
    Fits f = fits(room, period);
    RoomHours hours = hours(room, from, to, f.hours.loadKnown());
    List<MeterSavings> meters = new ArrayList<>();
    meters.add(savings(COOLING, BASELINE, f.cooling, hours, false));
    if (f.hours.itMetered()) {
      meters.add(savings(COOLING_IT, BASELINE, f.total, hours, true));
    }
    return new RoomSavings(room, from, to, meters);
  }

  private static MeterSavings savings(
      String meter, String method, Fit fit, RoomHours hours, boolean total) {
    Map<String, Integer> excluded = hours.exclusions(total);
    List<Observation> reporting = hours.usable(total);
    if (!fit.accepted()) {
      return MeterSavings.refused(
          meter, method, "the baseline is refused: " + fit.verdict, reporting.size(), excluded);
    }
    if (reporting.isEmpty()) {
      return MeterSavings.refused(meter, method, "no usable hour in the period", 0, excluded);
    }
    return MeterSavings.of(meter, method, Savings.of(fit.baseline, reporting), excluded);
  }

  private static void checkPeriod(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new InvalidHistoryRequestException("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw new InvalidHistoryRequestException(
          "from", "a period spans at most " + MAX_PERIOD.toDays() + " days");
    }
  }

  private RoomHours hours(String room, Instant from, Instant to, Boolean useLoad) {
    return RoomHours.of(
        energy.hours(room, from, to), store.drivers(room, from, to), clock.instant(), useLoad);
  }

  /** A meter's fitted baseline, or why there is none, with its verdict. */
  private record Fit(
      String meter,
      Baseline baseline,
      boolean accepted,
      String verdict,
      int usable,
      Map<String, Integer> excluded) {

    MeterBaseline report() {
      if (baseline == null) {
        return new MeterBaseline(
            meter, false, verdict, null, usable, excluded, null, null, null, null);
      }
      Guideline14 g = baseline.statistics();
      return new MeterBaseline(
          meter,
          accepted,
          verdict,
          baseline.describe(),
          usable,
          excluded,
          MeterSavings.finite(g.cvRmse()),
          MeterSavings.finite(g.nmbe()),
          baseline.monthlyStatistics(ZoneOffset.UTC).verdict(Granularity.MONTHLY).reason(),
          MeterSavings.finite(baseline.residualLag1()));
    }
  }

  private record Fits(Instant at, RoomHours hours, Fit cooling, Fit total) {}

  private Fits fits(String room, BaselinePeriod period) {
    String key = room + '\n' + period.from() + '\n' + period.to();
    Instant now = clock.instant();
    Fits cached = fits.get(key);
    if (cached != null && cached.at().plus(Duration.ofMinutes(FIT_MINUTES)).isAfter(now)) {
      return cached;
    }
    RoomHours hours = hours(room, period.from(), period.to(), null);
    Fits f =
        new Fits(
            now,
            hours,
            fit(COOLING, hours, Meter.COOLING, false),
            fit(COOLING_IT, hours, Meter.COOLING_AND_IT, true));
    if (fits.size() > 256) {
      fits.clear(); // a bound, not a policy: plans change rarely
    }
    fits.put(key, f);
    return f;
  }

  private static Fit fit(String name, RoomHours hours, Meter meter, boolean total) {
    List<Observation> data = hours.usable(total);
    Map<String, Integer> excluded = hours.exclusions(total);
    if (data.size() < MIN_BASELINE_HOURS) {
      return new Fit(
          name,
          null,
          false,
          "refused: "
              + data.size()
              + " usable hours in the baseline period, at least "
              + MIN_BASELINE_HOURS
              + " needed (see the excluded hours)",
          data.size(),
          excluded);
    }
    Baseline b = Baseline.fit(data, meter);
    Guideline14.Verdict v = b.statistics().verdict(Granularity.HOURLY);
    return new Fit(name, b, v.accepted(), v.reason(), data.size(), excluded);
  }

  // ------------------------------------------------------------------ pilot

  /** The room's pilot with the comparison of its arms so far. */
  public PilotReport pilot(String room) {
    MvPlan plan = plan(room);
    Pilot p = plan.pilot();
    if (p == null) {
      throw new SavingsConflictException(
          "pilot", "room '" + room + "' has no pilot: PUT …/pilot to schedule one");
    }
    Instant now = clock.instant();
    Instant until = now.isBefore(p.end()) ? now : p.end();
    int ended = 0;
    while (ended < p.days()
        && !p.start().plusDays(ended + 1L).atStartOfDay(p.zone()).toInstant().isAfter(until)) {
      ended++;
    }
    String status =
        p.stoppedAt() != null && p.stoppedAt().isBefore(p.to())
            ? "stopped"
            : now.isBefore(p.from()) ? "scheduled" : now.isBefore(p.to()) ? "running" : "finished";
    PilotSchedule schedule = p.schedule();

    // what the recommender did, per day
    int[] fixed = new int[p.days()];
    int[] controller = new int[p.days()];
    Instant[] first = new Instant[p.days()];
    if (until.isAfter(p.from())) {
      for (Decision d : store.decisions(room, p.from(), until)) {
        int day = p.day(d.time()).orElse(-1);
        if (day < 0) {
          continue;
        }
        if (Reason.PILOT_FIXED.code().equals(d.reason())) {
          fixed[day]++;
        } else {
          controller[day]++;
        }
        if (first[day] == null) {
          first[day] = d.time();
        }
      }
    }

    // the comparison over the days ended
    List<MeterSavings> estimate = new ArrayList<>();
    PilotEstimate cooling = null;
    if (ended > 0) {
      Instant endedAt = p.start().plusDays(ended).atStartOfDay(p.zone()).toInstant();
      RoomHours hours = hours(room, p.from(), endedAt, null);
      PilotSchedule sofar = new PilotSchedule(ended, p.periodDays(), p.seed());
      cooling = pilotEstimate(sofar, hours, Meter.COOLING, false, p, estimate, COOLING);
      if (hours.itMetered()) {
        pilotEstimate(sofar, hours, Meter.COOLING_AND_IT, true, p, estimate, COOLING_IT);
      }
    }
    List<PilotReport.PilotDay> days = new ArrayList<>();
    for (int d = 0; d < p.days(); d++) {
      PilotEstimate.Day e =
          cooling != null && d < cooling.days().size() ? cooling.days().get(d) : null;
      days.add(
          new PilotReport.PilotDay(
              d,
              p.start().plusDays(d),
              schedule.arm(d) == Arm.FIXED ? "fixed" : "controller",
              schedule.switchOver(d),
              fixed[d],
              controller[d],
              first[d],
              e == null ? null : e.keptHours(),
              e == null ? null : MeterSavings.finite(e.meteredKwh()),
              e == null ? null : MeterSavings.finite(e.baselineKwh()),
              e == null ? null : MeterSavings.finite(e.meanOutdoorC())));
    }
    return new PilotReport(
        room,
        status,
        p.start(),
        p.days(),
        p.periodDays(),
        p.seed(),
        p.fixedSetpointC(),
        p.zone().getId(),
        p.carryOverHours(),
        p.from(),
        p.to(),
        p.stoppedAt(),
        ended,
        schedule.code(),
        schedule.switchOvers(),
        days,
        estimate,
        cooling == null || cooling.pairs() == 0
            ? null
            : MeterSavings.finite(cooling.pairedFraction()),
        cooling == null ? 0 : cooling.pairs(),
        plan.changedBy(),
        plan.changedAt());
  }

  /**
   * The pilot's estimate for one meter, added to {@code out} (or why there is none); the estimate
   * itself, for its days, or null.
   */
  private static PilotEstimate pilotEstimate(
      PilotSchedule schedule,
      RoomHours hours,
      Meter meter,
      boolean total,
      Pilot pilot,
      List<MeterSavings> out,
      String name) {
    List<Observation> hourly = new ArrayList<>();
    for (RoomHours.Hour h : hours.hours()) {
      Observation o = h.observation();
      hourly.add(
          h.usable(total)
              ? o
              : new Observation(
                  o.time(),
                  Double.NaN,
                  Double.NaN,
                  o.outdoorC(),
                  o.outdoorDewPointC(),
                  Double.NaN));
    }
    Map<String, Integer> excluded = hours.exclusions(total);
    int fixedDays = schedule.count(Arm.FIXED);
    int controllerDays = schedule.count(Arm.CONTROLLER);
    if (fixedDays == 0 || controllerDays == 0) {
      out.add(
          MeterSavings.refused(
              name,
              PILOT,
              "both arms need a day ended first ("
                  + fixedDays
                  + " fixed, "
                  + controllerDays
                  + " controller days so far)",
              0,
              excluded));
      return null;
    }
    try {
      PilotEstimate e = PilotEstimate.of(schedule, hourly, meter, pilot.carryOverHours());
      Guideline14.Verdict v = e.baseline().statistics().verdict(Granularity.HOURLY);
      if (!v.accepted()) {
        out.add(
            MeterSavings.refused(
                name,
                PILOT,
                "the fixed days' baseline is refused: " + v.reason(),
                e.savings().m(),
                excluded));
      } else {
        out.add(MeterSavings.of(name, PILOT, e.savings(), excluded));
      }
      return e;
    } catch (IllegalArgumentException e) {
      out.add(
          MeterSavings.refused(
              name, PILOT, "not enough metered hours yet: " + e.getMessage(), 0, excluded));
      return null;
    }
  }

  // ---------------------------------------------------------------- reports

  /** The room's report for {@code month} cut in {@code zone}. */
  public MonthReport month(String room, YearMonth month, ZoneId zone) {
    Instant now = clock.instant();
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    if (!from.isBefore(now)) {
      throw new InvalidHistoryRequestException("month", month + " has not begun");
    }
    Instant until = now.isBefore(to) ? now : to;
    MvPlan plan = plan(room);

    // savings: the baseline method over the month, if it can serve
    RoomSavings savings = null;
    String note = null;
    Fit coolingFit = null;
    RoomHours hours;
    if (plan.baseline() == null) {
      note = "no baseline period set for the room";
      hours = hours(room, from, until, null);
    } else if (from.isBefore(plan.baseline().to()) && until.isAfter(plan.baseline().from())) {
      note = "the month overlaps the room's baseline period: no savings are measured within it";
      hours = hours(room, from, until, null);
    } else {
      Fits f = fits(room, plan.baseline());
      hours = hours(room, from, until, f.hours.loadKnown());
      List<MeterSavings> meters = new ArrayList<>();
      meters.add(savings(COOLING, BASELINE, f.cooling, hours, false));
      if (f.hours.itMetered()) {
        meters.add(savings(COOLING_IT, BASELINE, f.total, hours, true));
      }
      savings = new RoomSavings(room, from, until, meters);
      coolingFit = f.cooling.accepted() ? f.cooling : null;
    }

    MonthReport.PilotSummary pilot = null;
    Pilot p = plan.pilot();
    if (p != null && p.from().isBefore(until) && p.end().isAfter(from)) {
      PilotReport r = pilot(room);
      MeterSavings c =
          r.estimate().stream().filter(m -> m.meter().equals(COOLING)).findFirst().orElse(null);
      pilot =
          new MonthReport.PilotSummary(
              r.status(), r.schedule(), r.daysEnded(), c, r.pairedFraction());
    }

    List<InletMinute> minutes = store.inletMinutes(room, from, until);
    List<Decision> decisions = store.decisions(room, from, until);
    List<RoomAnomaly> alerts =
        energy.anomalies(room, from.toString(), until.toString()).anomalies();
    List<MonthReport.RoomAlert> raised =
        roomAlerts.raised(room, from, until).stream()
            .map(
                a ->
                    new MonthReport.RoomAlert(
                        a.id(),
                        a.kind().code(),
                        a.severity().code(),
                        a.state().code(),
                        a.raisedAt(),
                        a.clearedAt(),
                        a.acknowledgedBy(),
                        a.message()))
            .toList();

    // per local day
    Map<LocalDate, DayTotals> days = new LinkedHashMap<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      if (d.atStartOfDay(zone).toInstant().isBefore(until)) {
        days.put(d, new DayTotals());
      }
    }
    double cooling = 0;
    double it = 0;
    boolean anyCooling = false;
    boolean anyIt = false;
    int complete = 0;
    for (RoomHours.Hour h : hours.hours()) {
      DayTotals t = days.get(h.time().atZone(zone).toLocalDate());
      if (t == null) {
        continue;
      }
      Observation o = h.observation();
      t.hours++;
      if (Double.isFinite(o.coolingKwh())) {
        t.cooling = t.cooling == null ? o.coolingKwh() : t.cooling + o.coolingKwh();
        cooling += o.coolingKwh();
        anyCooling = true;
      }
      if (Double.isFinite(o.totalKwh())) {
        double itKwh = o.totalKwh() - o.coolingKwh();
        t.it = t.it == null ? itKwh : t.it + itKwh;
        it += itKwh;
        anyIt = true;
      }
      if (h.usable(false)) {
        complete++;
        t.usable++;
        if (coolingFit != null) {
          double saved = coolingFit.baseline.predict(o) - o.coolingKwh();
          t.savings = t.savings == null ? saved : t.savings + saved;
        }
      }
    }
    int above = 0;
    int below = 0;
    int dewAbove = 0;
    Double hottest = null;
    for (InletMinute m : minutes) {
      DayTotals t = days.get(m.minute().atZone(zone).toLocalDate());
      boolean hot = m.hottestC() > ClosedLoop.HIGH_C;
      boolean cold = m.hottestC() < ClosedLoop.LOW_C;
      above += hot ? 1 : 0;
      below += cold ? 1 : 0;
      if (m.meanRhPct() != null
          && Observation.dewPointC(m.meanC(), m.meanRhPct()) > ClosedLoop.DEW_POINT_HIGH_C) {
        dewAbove++;
      }
      hottest = hottest == null ? m.hottestC() : Math.max(hottest, m.hottestC());
      if (t != null) {
        t.outside += hot || cold ? 1 : 0;
        t.hottest = t.hottest == null ? m.hottestC() : Math.max(t.hottest, m.hottestC());
      }
    }
    int commanded = 0;
    int changes = 0;
    int pilotFixed = 0;
    double setpointSum = 0;
    for (Decision d : decisions) {
      commanded += d.commanded() ? 1 : 0;
      pilotFixed += Reason.PILOT_FIXED.code().equals(d.reason()) ? 1 : 0;
      setpointSum += d.recommendedC();
      if (d.changedSetpoint()) {
        changes++;
        DayTotals t = days.get(d.time().atZone(zone).toLocalDate());
        if (t != null) {
          t.changes++;
        }
      }
    }
    List<MonthReport.Day> dayRows = new ArrayList<>();
    for (Map.Entry<LocalDate, DayTotals> e : days.entrySet()) {
      DayTotals t = e.getValue();
      LocalDate date = e.getKey();
      long dayHours =
          Duration.between(
                  date.atStartOfDay(zone).toInstant(),
                  date.plusDays(1).atStartOfDay(zone).toInstant())
              .toHours();
      String arm =
          p == null
              ? null
              : p.arm(date.atStartOfDay(zone).toInstant().plusSeconds(12 * 3600))
                  .map(a -> a == Arm.FIXED ? "fixed" : "controller")
                  .orElse(null);
      dayRows.add(
          new MonthReport.Day(
              date,
              t.cooling,
              t.it,
              t.usable == dayHours,
              t.savings,
              t.outside,
              t.hottest,
              t.changes,
              arm));
    }
    return new MonthReport(
        room,
        month.toString(),
        zone.getId(),
        from,
        until,
        new MonthReport.Energy(
            hours.hours().size(), complete, anyCooling ? cooling : null, anyIt ? it : null),
        savings,
        note,
        pilot,
        new MonthReport.Envelope(
            ClosedLoop.LOW_C,
            ClosedLoop.HIGH_C,
            ClosedLoop.DEW_POINT_HIGH_C,
            minutes.size(),
            above,
            below,
            dewAbove,
            hottest),
        new MonthReport.Setpoints(
            decisions.size(),
            commanded,
            changes,
            pilotFixed,
            decisions.isEmpty() ? null : setpointSum / decisions.size()),
        alerts,
        raised,
        dayRows);
  }

  /** The site's report for {@code month}: every room with data filed under the site. */
  public SiteMonthReport siteMonth(String site, YearMonth month, ZoneId zone) {
    Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    Set<String> rooms = store.roomsOfSite(site, from, to);
    List<MonthReport> reports = new ArrayList<>();
    double cooling = 0;
    double it = 0;
    double saved = 0;
    double var68 = 0;
    double var90 = 0;
    boolean anyCooling = false;
    boolean anyIt = false;
    int withSavings = 0;
    int above = 0;
    int alerts = 0;
    Instant until = to;
    for (String room : rooms) {
      MonthReport r = month(room, month, zone);
      until = r.to();
      if (r.energy().coolingKwh() == null
          && r.energy().itKwh() == null
          && r.envelope().minutesObserved() == 0
          && r.setpoints().decisions() == 0) {
        continue; // a room filed under the site once, with nothing in this month
      }
      reports.add(r);
      if (r.energy().coolingKwh() != null) {
        cooling += r.energy().coolingKwh();
        anyCooling = true;
      }
      if (r.energy().itKwh() != null) {
        it += r.energy().itKwh();
        anyIt = true;
      }
      MeterSavings c =
          r.savings() == null
              ? null
              : r.savings().meters().stream()
                  .filter(m -> m.meter().equals(COOLING) && m.measured())
                  .findFirst()
                  .orElse(null);
      if (c != null && c.savingsKwh() != null) {
        withSavings++;
        saved += c.savingsKwh();
        var68 += square(c.halfWidth68Kwh());
        var90 += square(c.halfWidth90Kwh());
      }
      above += r.envelope().minutesAbove();
      alerts += r.alerts().size() + r.roomAlerts().size();
    }
    return new SiteMonthReport(
        site,
        month.toString(),
        zone.getId(),
        from,
        until,
        anyCooling ? cooling : null,
        anyIt ? it : null,
        withSavings == 0 ? null : saved,
        withSavings == 0 ? null : Math.sqrt(var68),
        withSavings == 0 ? null : Math.sqrt(var90),
        withSavings,
        above,
        alerts,
        reports);
  }

  private static double square(Double v) {
    return v == null ? 0 : v * v;
  }

  private static final class DayTotals {
    int hours;
    int usable;
    Double cooling;
    Double it;
    Double savings;
    int outside;
    Double hottest;
    int changes;
  }

  /** A month as {@code yyyy-MM}. */
  public static YearMonth month(String value) {
    try {
      return YearMonth.parse(value.strip());
    } catch (RuntimeException e) {
      throw new InvalidHistoryRequestException(
          "month", "must be a month as yyyy-MM (2026-11), not '" + value + "'");
    }
  }

  /** A zone id such as {@code UTC}, {@code +09:00} or {@code Asia/Seoul}. */
  public static ZoneId zone(String value) {
    if (value == null || value.isBlank()) {
      return ZoneId.of("UTC"); // named so in reports ("Z" is UTC's offset id)
    }
    try {
      return ZoneId.of(value.strip());
    } catch (RuntimeException e) {
      throw new InvalidHistoryRequestException(
          "zone",
          String.format(
              Locale.ROOT, "must be a zone id such as UTC, +09:00 or Asia/Seoul, not '%s'", value));
    }
  }
}
