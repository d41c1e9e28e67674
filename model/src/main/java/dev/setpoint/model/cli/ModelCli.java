package dev.setpoint.model.cli;

import com.influxdb.client.InfluxDBClient;
import dev.setpoint.model.data.ClimateCsv;
import dev.setpoint.model.data.InfluxExporter;
import dev.setpoint.model.data.SimulatedDataset;
import dev.setpoint.model.eval.EffectiveRule;
import dev.setpoint.model.eval.Evaluation;
import dev.setpoint.model.eval.EvaluationReport;
import dev.setpoint.model.eval.OnnxInletPredictor;
import dev.setpoint.model.eval.Scenario;
import dev.setpoint.model.mv.study.SavingsReport;
import dev.setpoint.model.mv.study.SavingsStudy;
import dev.setpoint.model.recommend.PolicySettings;
import dev.setpoint.model.recommend.SetpointPolicy;
import dev.setpoint.model.recommend.TrainingRanges;
import dev.setpoint.model.sim.RoomParameters;
import dev.setpoint.model.sim.SiteClimate;
import dev.setpoint.model.train.Bootstrap;
import dev.setpoint.model.train.OnnxExport;
import dev.setpoint.model.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The model module's command line: datasets, export, training, evaluation. */
@Command(
    name = "setpoint-model",
    mixinStandardHelpOptions = true,
    version = "setpoint-model 0.1.0",
    description = "Offline tools of Setpoint's thermal model. Progress goes to stderr.",
    subcommands = {
      ModelCli.Dataset.class,
      ModelCli.Export.class,
      ModelCli.Train.class,
      ModelCli.BootstrapModel.class,
      ModelCli.Evaluate.class,
      ModelCli.Horizons.class,
      ModelCli.SavingsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ModelCli {
  static final PrintStream PROGRESS = System.err;

  public static void main(String[] args) {
    int code =
        new CommandLine(new ModelCli()).execute(args.length == 0 ? new String[] {"help"} : args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Command(
      name = "dataset",
      mixinStandardHelpOptions = true,
      description =
          "Simulate the default room in Gwangju under varied setpoints; write the climate CSV.")
  static final class Dataset implements Callable<Integer> {
    @Option(
        names = "--days",
        defaultValue = "365",
        description = "days from 1 January (default ${DEFAULT-VALUE})")
    int days;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "simulator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--device",
        defaultValue = Bootstrap.DEVICE,
        description = "device name in the CSV")
    String device;

    @Option(
        names = "--interval",
        defaultValue = "60",
        description = "sample interval, s (default ${DEFAULT-VALUE})")
    int intervalS;

    @Option(names = "--out", required = true, description = "CSV file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
      SimulatedDataset dataset =
          new SimulatedDataset(
              RoomParameters.defaults(), SiteClimate.GWANGJU, Duration.ofSeconds(intervalS));
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        dataset.write(
            days,
            seed,
            device,
            w,
            day -> {
              if (day % 30 == 0 || day == days) {
                PROGRESS.printf("dataset: day %d/%d%n", day, days);
              }
            });
      }
      PROGRESS.printf("dataset: wrote %s%n", out);
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Read measurement climate from InfluxDB over InfluxQL (/query) into the climate CSV."
              + " A token, if needed, comes from the environment variable SETPOINT_INFLUX_TOKEN.")
  static final class Export implements Callable<Integer> {
    @Option(
        names = "--url",
        defaultValue = "http://127.0.0.1:8086",
        description = "InfluxDB (default ${DEFAULT-VALUE})")
    URI url;

    @Option(
        names = "--db",
        defaultValue = "setpoint",
        description = "database / DBRP (default ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--from", required = true, description = "start, ISO-8601 instant (inclusive)")
    Instant from;

    @Option(names = "--to", description = "end, ISO-8601 instant (exclusive; default now)")
    Instant to;

    @Option(names = "--device", description = "only this device (default all)")
    String device;

    @Option(
        names = "--interval",
        defaultValue = "60",
        description = "sample interval, s (default ${DEFAULT-VALUE})")
    int intervalS;

    @Option(names = "--out", required = true, description = "CSV file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
      Instant end = to == null ? Instant.now() : to;
      long rows;
      try (InfluxDBClient influx =
              InfluxExporter.client(url, System.getenv("SETPOINT_INFLUX_TOKEN"));
          Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        InfluxExporter exporter = new InfluxExporter(influx.getInfluxQLQueryApi(), db);
        ClimateCsv.writeHeader(w);
        rows =
            exporter.export(
                from,
                end,
                Duration.ofSeconds(intervalS),
                Duration.ofDays(1),
                device,
                row -> {
                  try {
                    ClimateCsv.write(w, row);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                upTo -> PROGRESS.printf("export: up to %s%n", upTo));
      }
      PROGRESS.printf("export: %d rows to %s%n", rows, out);
      if (rows == 0) {
        // InfluxDB's CSV answers carry no statement errors, so an unknown database reads as empty.
        PROGRESS.printf("export: no rows; check --db %s and the time range%n", db);
      }
      return 0;
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = "Train the thermal model on a climate CSV and write it as ONNX.")
  static final class Train implements Callable<Integer> {
    @Option(names = "--csv", required = true, description = "climate CSV (from dataset or export)")
    Path csv;

    @Option(
        names = "--interval",
        defaultValue = "60",
        description = "sample interval, s (default ${DEFAULT-VALUE})")
    int intervalS;

    @Option(
        names = "--horizons",
        split = ",",
        defaultValue = "600,1200,1800",
        description =
            "prediction horizons, s, ascending: the first is the served model's, all are the"
                + " look-ahead heads (default ${DEFAULT-VALUE})")
    List<Long> horizonsS;

    @Option(
        names = "--lambda",
        defaultValue = "1e-4",
        description = "ridge penalty (default ${DEFAULT-VALUE})")
    double lambda;

    @Option(names = "--out", required = true, description = "ONNX file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
      PROGRESS.printf("train: reading %s%n", csv);
      var rows = ClimateCsv.read(csv);
      PROGRESS.printf("train: %d rows, fitting%n", rows.size());
      Trainer.Result result =
          new Trainer(
                  Duration.ofSeconds(intervalS),
                  horizonsS.stream().map(Duration::ofSeconds).toList(),
                  lambda)
              .train(rows, "csv: " + csv.getFileName(), Instant.now());
      write(result, out);
      return 0;
    }
  }

  @Command(
      name = "bootstrap",
      mixinStandardHelpOptions = true,
      description =
          "Rebuild the bootstrap model: simulate (seed), write the CSV, train, write ONNX.")
  static final class BootstrapModel implements Callable<Integer> {
    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "simulator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--days", defaultValue = "365", description = "days (default ${DEFAULT-VALUE})")
    int days;

    @Option(
        names = "--csv",
        defaultValue = "model/target/bootstrap-dataset.csv",
        description = "where the dataset goes (default ${DEFAULT-VALUE})")
    Path csv;

    @Option(
        names = "--out",
        defaultValue = "model/bootstrap/setpoint-thermal.onnx",
        description = "ONNX file (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
      write(Bootstrap.build(seed, days, csv, Instant.now(), PROGRESS), out);
      return 0;
    }
  }

  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description =
          "Closed-loop evaluation per climate and room over held-out years, with baselines chosen"
              + " on tuning years and stress scenarios; writes <docs>/evaluation.md, evaluation.json"
              + " and charts. Without --climate/--room: the default cells (model/README.md).")
  static final class Evaluate implements Callable<Integer> {
    @Option(
        names = "--model",
        defaultValue = "model/bootstrap/setpoint-thermal.onnx",
        description = "ONNX model (default ${DEFAULT-VALUE})")
    Path model;

    @Option(
        names = "--margin",
        defaultValue = "0.75",
        description =
            "the recommender's fixed margin below 27 °C, before its learnt bound widens it, °C"
                + " (default ${DEFAULT-VALUE}, analytics' setpoint.analytics.recommender.margin-c)")
    double marginC;

    @Option(
        names = "--climate",
        description =
            "a climate: Gwangju, Singapore, Phoenix, Helsinki, London, or a monthly-normals .csv"
                + " (repeatable)")
    List<String> climates = new ArrayList<>();

    @Option(
        names = "--room",
        description = "a named room: default, dense, small-dx (repeatable; default: default)")
    List<String> rooms = new ArrayList<>();

    @Option(names = "--it-kw", description = "the room's mean IT load, kW (overrides --room's)")
    Double itKw;

    @Option(names = "--units", description = "cooling units installed (N+1)")
    Integer units;

    @Option(names = "--unit-kw", description = "one unit's capacity at 35 °C outdoor, kW")
    Double unitKw;

    @Option(names = "--heat-capacity", description = "room thermal mass, kJ/K")
    Double heatCapacity;

    @Option(names = "--racks", description = "racks, one inlet sensor each")
    Integer racks;

    @Option(names = "--no-economiser", description = "the units have no economiser")
    boolean noEconomiser;

    @Option(
        names = "--tune-seeds",
        defaultValue = "1-5",
        description =
            "years the baselines are chosen on, e.g. 1-5 or 1,2,3 (default ${DEFAULT-VALUE})")
    String tuneSeeds;

    @Option(
        names = "--seeds",
        defaultValue = "1001-1020",
        description = "evaluation years (default ${DEFAULT-VALUE})")
    String evalSeeds;

    @Option(
        names = "--stress-seeds",
        defaultValue = "2001-2005",
        description = "years of the stress runs (default ${DEFAULT-VALUE})")
    String stressSeeds;

    @Option(
        names = "--scenario",
        defaultValue = "all",
        description =
            "stress scenarios: all, none, or names (rack-on, unit-trip, sensor-stuck, sensor-drift,"
                + " sensor-missing, weather-outage, telemetry-gap, clock-skew), comma-separated"
                + " (default ${DEFAULT-VALUE})")
    String scenarios;

    @Option(
        names = "--days",
        defaultValue = "365",
        description = "days per year (default ${DEFAULT-VALUE})")
    int days;

    @Option(
        names = "--decision-interval",
        defaultValue = "300",
        description = "s between decisions (default ${DEFAULT-VALUE})")
    int decisionS;

    @Option(
        names = "--threads",
        defaultValue = "0",
        description = "parallel runs (default: one per processor)")
    int threads;

    @Option(
        names = "--docs",
        defaultValue = "docs",
        description = "report folder (default ${DEFAULT-VALUE})")
    Path docs;

    @Override
    public Integer call() throws Exception {
      Evaluation.Settings settings = settings();
      try (OnnxInletPredictor predictor = new OnnxInletPredictor(Files.readAllBytes(model))) {
        var metadata = predictor.metadata();
        SetpointPolicy policy = new SetpointPolicy(PolicySettings.defaults().withMarginC(marginC));
        long t0 = System.nanoTime();
        var results =
            new Evaluation(
                    settings,
                    policy,
                    predictor,
                    TrainingRanges.fromMetadata(metadata).orElse(null),
                    PROGRESS)
                .run();
        String command =
            "./mvnw -q -pl model compile exec:java -Dexec.args=\"evaluate"
                + (args.isEmpty() ? "" : " " + String.join(" ", args))
                + "\"";
        new EvaluationReport(
                settings, results, metadata, policy, EffectiveRule.of(predictor), command)
            .write(docs);
        PROGRESS.printf(
            Locale.ROOT,
            "evaluate: wrote %s and evaluation.json (%.0f s)%n",
            docs.resolve("evaluation.md"),
            (System.nanoTime() - t0) / 1e9);
      }
      return 0;
    }

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    private List<String> args = List.of();

    /** The settings the flags ask for; a bad flag value is a usage error naming the value. */
    Evaluation.Settings settings() throws IOException {
      try {
        return parseSettings();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
      }
    }

    private Evaluation.Settings parseSettings() throws IOException {
      if (spec != null) {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int at = all.indexOf(spec.name());
        args = at >= 0 ? all.subList(at + 1, all.size()) : all;
      }
      List<Evaluation.Cell> cells;
      boolean custom =
          itKw != null
              || units != null
              || unitKw != null
              || heatCapacity != null
              || racks != null
              || noEconomiser;
      if (climates.isEmpty() && rooms.isEmpty() && !custom) {
        cells = Evaluation.defaultCells();
      } else {
        cells = new ArrayList<>();
        Map<String, RoomParameters> named = Evaluation.rooms();
        for (String climate : climates.isEmpty() ? List.of("Gwangju") : climates) {
          SiteClimate site;
          try {
            site = SiteClimate.named(climate);
          } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the climate file " + e.getMessage());
          }
          for (String roomName : rooms.isEmpty() ? List.of("default") : rooms) {
            RoomParameters room = named.get(roomName);
            if (room == null) {
              throw new CommandLine.ParameterException(
                  spec.commandLine(), "no room '" + roomName + "'; known: " + named.keySet());
            }
            var b = room.toBuilder();
            if (itKw != null) b.itLoadKw(itKw);
            if (units != null) b.units(units);
            if (unitKw != null) b.unitCapacityKw(unitKw);
            if (heatCapacity != null) b.heatCapacityKjPerK(heatCapacity);
            if (racks != null) b.racks(racks);
            if (noEconomiser) b.economiser(false);
            cells.add(
                new Evaluation.Cell(
                    site,
                    custom ? roomName + " (custom)" : roomName,
                    b.build(),
                    site.equals(SiteClimate.GWANGJU),
                    !custom && roomName.equals("default")));
          }
        }
      }
      List<Scenario> chosen;
      if (scenarios.equals("all")) {
        chosen =
            java.util.Arrays.stream(Scenario.values()).filter(x -> x != Scenario.NONE).toList();
      } else if (scenarios.equals("none")) {
        chosen = List.of();
      } else {
        chosen =
            java.util.Arrays.stream(scenarios.split(","))
                .map(String::strip)
                .map(Scenario::of)
                .toList();
      }
      return new Evaluation.Settings(
          cells,
          seeds(tuneSeeds),
          seeds(evalSeeds),
          days,
          chosen,
          seeds(stressSeeds),
          Duration.ofSeconds(60),
          Duration.ofSeconds(decisionS),
          threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }
  }

  /** Seeds from {@code 1-5}, {@code 1,2,3} or a mix. */
  static List<Long> seeds(String spec) {
    List<Long> seeds = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      int dash = p.indexOf('-', 1);
      if (dash > 0) {
        long from;
        long to;
        try {
          from = Long.parseLong(p.substring(0, dash).strip());
          to = Long.parseLong(p.substring(dash + 1).strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a seed range must be like 1-5: '" + p + "'");
        }
        if (to < from || to - from > 10_000) {
          throw new IllegalArgumentException("bad seed range: " + p);
        }
        for (long x = from; x <= to; x++) {
          seeds.add(x);
        }
      } else if (!p.isEmpty()) {
        try {
          seeds.add(Long.parseLong(p));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("a seed must be a whole number: '" + p + "'");
        }
      }
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seeds in '" + spec + "'");
    }
    return List.copyOf(seeds);
  }

  static void write(Trainer.Result result, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(out, OnnxExport.toBytes(result));
    PROGRESS.printf(
        Locale.ROOT,
        "train: held out %d examples: model MAE %.3f °C RMSE %.3f °C; persistence MAE %.3f °C RMSE %.3f °C%n",
        result.holdout().count(),
        result.holdout().mae(),
        result.holdout().rmse(),
        result.persistence().mae(),
        result.persistence().rmse());
    for (Trainer.Head head : result.heads().subList(1, result.heads().size())) {
      PROGRESS.printf(
          Locale.ROOT,
          "train: look-ahead %d min: model MAE %.3f °C; persistence MAE %.3f °C%n",
          head.horizon().toMinutes(),
          head.holdout().mae(),
          head.persistence().mae());
    }
    Trainer.Head power = result.power();
    if (power != null) {
      PROGRESS.printf(
          Locale.ROOT,
          "train: power over %d min: model MAE %.3f kW RMSE %.3f kW; persistence MAE %.3f kW"
              + " RMSE %.3f kW%n",
          power.horizon().toMinutes(),
          power.holdout().mae(),
          power.holdout().rmse(),
          power.persistence().mae(),
          power.persistence().rmse());
    }
    PROGRESS.printf("train: wrote %s (%s)%n", out, result.metadata().get("model_version"));
  }

  @Command(
      name = "horizons",
      mixinStandardHelpOptions = true,
      description =
          "Prediction error at 10, 20 and 30 minutes against persistence: the bootstrap recipe's"
              + " look-ahead heads, measured on its held-out weeks and three unseen cells;"
              + " writes <docs>/horizons.md.")
  static final class Horizons implements Callable<Integer> {
    @Option(names = "--days", defaultValue = "365", description = "days (default ${DEFAULT-VALUE})")
    int days;

    @Option(
        names = "--docs",
        defaultValue = "docs",
        description = "where horizons.md goes (default ${DEFAULT-VALUE})")
    Path docs;

    @Override
    public Integer call() throws IOException {
      if (days < 35) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--days must be at least 35 (one held-out week in five)");
      }
      var rows = dev.setpoint.model.train.HorizonReport.run(days, PROGRESS);
      java.nio.file.Files.createDirectories(docs);
      String command =
          "./mvnw -q -pl model compile exec:java -Dexec.args=\"horizons"
              + (days == 365 ? "" : " --days " + days)
              + "\"";
      java.nio.file.Files.writeString(
          docs.resolve("horizons.md"),
          dev.setpoint.model.train.HorizonReport.markdown(rows, days, command));
      PROGRESS.printf("horizons: wrote %s%n", docs.resolve("horizons.md"));
      return 0;
    }
  }

  @Command(
      name = "savings",
      mixinStandardHelpOptions = true,
      description =
          "How close measured savings come to the true saving: per seed a baseline period (a"
              + " year by default) under a fixed setpoint, then a season under the recommender, its twin under the fixed"
              + " setpoint and a pilot alternating the two; the baseline method and the pilot mode"
              + " against the twin's truth. Writes <docs>/savings.md and savings.json. Without"
              + " --climate/--room: Gwangju × default and Singapore × default.")
  static final class SavingsCommand implements Callable<Integer> {
    @Option(
        names = "--model",
        defaultValue = "model/bootstrap/setpoint-thermal.onnx",
        description = "ONNX model (default ${DEFAULT-VALUE})")
    Path model;

    @Option(
        names = "--margin",
        defaultValue = "0.75",
        description = "the recommender's fixed margin, °C (default ${DEFAULT-VALUE})")
    double marginC;

    @Option(
        names = "--climate",
        description = "a climate (name or monthly-normals .csv), repeatable")
    List<String> climates = new ArrayList<>();

    @Option(names = "--room", description = "a named room (default, dense, small-dx), repeatable")
    List<String> rooms = new ArrayList<>();

    @Option(
        names = "--seeds",
        defaultValue = "1-20",
        description = "seeds, e.g. 1-20 (default ${DEFAULT-VALUE})")
    String seedSpec;

    @Option(
        names = "--baseline-c",
        defaultValue = "20.0",
        description = "the room's own fixed setpoint, °C (default ${DEFAULT-VALUE})")
    double baselineC;

    @Option(
        names = "--season-start",
        defaultValue = "06-01",
        description = "the reporting season's first day, MM-DD (default ${DEFAULT-VALUE})")
    String seasonStart;

    @Option(
        names = "--baseline-weeks",
        defaultValue = "52",
        description =
            "weeks of baseline period before the season; a year spans the season's weather"
                + " (default ${DEFAULT-VALUE})")
    int baselineWeeks;

    @Option(
        names = "--short-baseline-weeks",
        defaultValue = "8",
        description =
            "the comparison: the baseline period's last weeks only (default ${DEFAULT-VALUE})")
    int shortWeeks;

    @Option(
        names = "--weeks",
        defaultValue = "13",
        description = "weeks of reporting season (default ${DEFAULT-VALUE})")
    int weeks;

    @Option(
        names = "--period-days",
        defaultValue = "7",
        description = "days per pilot period, two periods a block (default ${DEFAULT-VALUE})")
    int periodDays;

    @Option(
        names = "--carry-over",
        defaultValue = "48",
        description = "hours left out after a pilot switch-over (default ${DEFAULT-VALUE})")
    int carryOverHours;

    @Option(
        names = "--threads",
        defaultValue = "0",
        description = "parallel runs (default: one per processor)")
    int threads;

    @Option(
        names = "--docs",
        defaultValue = "docs",
        description = "report folder (default ${DEFAULT-VALUE})")
    Path docs;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      List<Long> seedList;
      MonthDay start;
      try {
        seedList = seeds(seedSpec);
        start = MonthDay.parse("--" + seasonStart);
      } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      if (shortWeeks < 1 || shortWeeks > baselineWeeks || weeks < 2 || periodDays < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "need 1 ≤ --short-baseline-weeks ≤ --baseline-weeks, --weeks ≥ 2, --period-days ≥ 1");
      }
      if (carryOverHours < 0 || carryOverHours >= 24 * periodDays) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--carry-over must be shorter than a pilot period");
      }
      int startDay = start.atYear(dev.setpoint.model.sim.RoomSimulator.YEAR).getDayOfYear() - 1;
      Map<String, RoomParameters> named = Evaluation.rooms();
      List<String> climateNames =
          climates.isEmpty() && rooms.isEmpty() ? List.of("Gwangju", "Singapore") : climates;
      List<SavingsStudy.Settings> cells = new ArrayList<>();
      for (String climate : climateNames.isEmpty() ? List.of("Gwangju") : climateNames) {
        SiteClimate site = SiteClimate.named(climate);
        for (String roomName : rooms.isEmpty() ? List.of("default") : rooms) {
          RoomParameters room = named.get(roomName);
          if (room == null) {
            throw new CommandLine.ParameterException(
                spec.commandLine(), "no room '" + roomName + "'; known: " + named.keySet());
          }
          cells.add(
              new SavingsStudy.Settings(
                  site,
                  roomName,
                  room,
                  seedList,
                  baselineC,
                  startDay,
                  baselineWeeks,
                  shortWeeks,
                  weeks,
                  periodDays,
                  carryOverHours,
                  threads > 0 ? threads : Runtime.getRuntime().availableProcessors()));
        }
      }
      List<String> all = spec.commandLine().getParseResult().originalArgs();
      int at = all.indexOf(spec.name());
      List<String> args = at >= 0 ? all.subList(at + 1, all.size()) : all;
      String command =
          "./mvnw -q -pl model compile exec:java -Dexec.args=\"savings"
              + (args.isEmpty() ? "" : " " + String.join(" ", args))
              + "\"";
      long t0 = System.nanoTime();
      List<SavingsReport.Cell> done = new ArrayList<>();
      try (OnnxInletPredictor predictor = new OnnxInletPredictor(Files.readAllBytes(model))) {
        SetpointPolicy policy = new SetpointPolicy(PolicySettings.defaults().withMarginC(marginC));
        TrainingRanges ranges = TrainingRanges.fromMetadata(predictor.metadata()).orElse(null);
        for (SavingsStudy.Settings cell : cells) {
          PROGRESS.printf(
              "savings: cell %s × %s, %d seeds%n",
              cell.site().name(), cell.roomName(), seedList.size());
          SavingsStudy study = new SavingsStudy(cell, policy, predictor, ranges, PROGRESS);
          List<SavingsStudy.SeedResult> results = study.run();
          PROGRESS.printf("savings: determinism, seed %d again%n", seedList.get(0));
          boolean same = study.runSeed(seedList.get(0)).equals(results.get(0));
          done.add(new SavingsReport.Cell(cell, results, same));
        }
      }
      new SavingsReport(done, command).write(docs);
      PROGRESS.printf(
          Locale.ROOT,
          "savings: wrote %s and savings.json (%.0f s)%n",
          docs.resolve("savings.md"),
          (System.nanoTime() - t0) / 1e9);
      return 0;
    }
  }
}
