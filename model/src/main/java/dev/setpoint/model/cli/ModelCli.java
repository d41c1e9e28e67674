package dev.setpoint.model.cli;

import com.influxdb.client.InfluxDBClient;
import dev.setpoint.model.data.ClimateCsv;
import dev.setpoint.model.data.InfluxExporter;
import dev.setpoint.model.data.SimulatedDataset;
import dev.setpoint.model.eval.ClosedLoop;
import dev.setpoint.model.eval.Evaluation;
import dev.setpoint.model.eval.OnnxInletPredictor;
import dev.setpoint.model.recommend.SetpointPolicy;
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
import java.util.Locale;
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
        names = "--horizon",
        defaultValue = "600",
        description = "prediction horizon, s (default ${DEFAULT-VALUE})")
    int horizonS;

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
          new Trainer(Duration.ofSeconds(intervalS), Duration.ofSeconds(horizonS), lambda)
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
          "Closed-loop evaluation over a simulated year; writes <docs>/evaluation.md and charts.")
  static final class Evaluate implements Callable<Integer> {
    @Option(
        names = "--model",
        defaultValue = "model/bootstrap/setpoint-thermal.onnx",
        description = "ONNX model (default ${DEFAULT-VALUE})")
    Path model;

    @Option(
        names = "--seed",
        defaultValue = "2025",
        description = "simulator seed, not the training one (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--days", defaultValue = "365", description = "days (default ${DEFAULT-VALUE})")
    int days;

    @Option(
        names = "--decision-interval",
        defaultValue = "300",
        description = "s between decisions (default ${DEFAULT-VALUE})")
    int decisionS;

    @Option(
        names = "--docs",
        defaultValue = "docs",
        description = "report folder (default ${DEFAULT-VALUE})")
    Path docs;

    @Override
    public Integer call() throws Exception {
      try (OnnxInletPredictor predictor = new OnnxInletPredictor(Files.readAllBytes(model))) {
        var metadata = predictor.metadata();
        Duration interval =
            Duration.ofSeconds(Long.parseLong(metadata.getOrDefault("sample_interval_s", "60")));
        Duration decision = Duration.ofSeconds(decisionS);
        ClosedLoop loop =
            new ClosedLoop(RoomParameters.defaults(), SiteClimate.GWANGJU, interval, decision);
        Evaluation evaluation = new Evaluation(loop, seed, days, PROGRESS);
        SetpointPolicy policy = new SetpointPolicy();
        var outcome = evaluation.run(predictor, policy);
        String command =
            String.format(
                Locale.ROOT,
                "./mvnw -q -pl model compile exec:java -Dexec.args=\"evaluate --seed %d --days %d\"",
                seed,
                days);
        evaluation.write(outcome, docs, metadata, policy, decision, command);
        PROGRESS.printf("evaluate: wrote %s%n", docs.resolve("evaluation.md"));
      }
      return 0;
    }
  }

  static void write(Trainer.Result result, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(out, OnnxExport.toBytes(result.model(), result.metadata()));
    PROGRESS.printf(
        Locale.ROOT,
        "train: held out %d examples: model MAE %.3f °C RMSE %.3f °C; persistence MAE %.3f °C RMSE %.3f °C%n",
        result.holdout().count(),
        result.holdout().mae(),
        result.holdout().rmse(),
        result.persistence().mae(),
        result.persistence().rmse());
    PROGRESS.printf("train: wrote %s (%s)%n", out, result.metadata().get("model_version"));
  }
}
