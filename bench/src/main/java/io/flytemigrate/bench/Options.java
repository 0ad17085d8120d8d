package io.flytemigrate.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The harness's command line. Every measurement can be sized down or skipped, so a quick run
 * takes seconds and the full one a few minutes.
 *
 * @param repo the repository root (holds {@code cli/target/flyte-migrate.jar})
 * @param corpus the corpus root; {@code ../shared/corpus} beside the repository by default
 * @param sets the corpus sets the batch converts
 * @param copies how many times the batch replicates each corpus file
 * @param rounds batch passes of each kind; the last is compared (both paths compiled by then)
 * @param sizes synthetic pipeline sizes, in tasks
 * @param cliRuns runs per timed command line
 * @param smallHeapFiles files in the small-heap batch
 * @param profileSeconds how long the lowering is profiled
 * @param cliJar the {@code flyte-migrate} jar the CLI timing starts
 * @param skip measurements not to run
 */
public record Options(
    Path repo,
    Path corpus,
    List<CorpusSet> sets,
    int copies,
    int rounds,
    List<Integer> sizes,
    List<Shape> shapes,
    int cliRuns,
    int smallHeapFiles,
    int smallHeapMegabytes,
    int profileSeconds,
    Path out,
    Path cliJar,
    Set<Part> skip) {
  /** The measurements, by the name {@code --skip} takes. */
  public enum Part { BATCH, SCALING, COLD, SMALL_HEAP, LOWERING, CLI }

  public static final String USAGE = String.join("\n",
      "usage: bench/run [options]",
      "  --corpus DIR          corpus root (default: ../shared/corpus beside the repository)",
      "  --repo DIR            repository root (default: found from the current directory)",
      "  --sets A,B,...        corpus sets of the batch: kfp-v2, kfp-v1, airflow, airflow-serialized (default all)",
      "  --copies N            batch copies of each corpus file (default 50)",
      "  --rounds N            batch passes of each kind, the last one compared (default 2)",
      "  --sizes A,B,...       synthetic sizes in tasks (default 100,1000,5000,20000)",
      "  --shapes A,B,...      synthetic shapes: chain, fan_out, nested, deep_pipelines (default all)",
      "  --cli-runs N          runs per timed command and flag set (default 15)",
      "  --small-heap-files N  files in the small-heap batch (default 10000)",
      "  --small-heap-mb N     its heap, -Xmx in MiB (default 256)",
      "  --profile-seconds N   how long the lowering is profiled (default 10)",
      "  --out FILE            JSON results (default bench/target/bench-results.json)",
      "  --cli-jar FILE        the jar to time (default cli/target/flyte-migrate.jar)",
      "  --skip A,B,...        leave out: batch, scaling, cold, small_heap, lowering, cli",
      "  --quick               small everything: a smoke test of the harness");

  /** Parses the arguments; an error message instead when they are wrong. */
  public static Result parse(List<String> args, Path workingDir) {
    Path repo = null;
    Path corpus = null;
    List<CorpusSet> sets = CorpusSet.all();
    int copies = 50;
    int rounds = 2;
    List<Integer> sizes = List.of(100, 1000, 5000, 20_000);
    List<Shape> shapes = List.of(Shape.values());
    int cliRuns = 15;
    int smallHeapFiles = 10_000;
    int smallHeapMb = 256;
    int profileSeconds = 10;
    Path out = null;
    Path cliJar = null;
    Set<Part> skip = EnumSet.noneOf(Part.class);
    try {
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        switch (a) {
          case "--quick" -> {
            copies = 2;
            rounds = 1;
            sizes = List.of(100, 1000);
            cliRuns = 3;
            smallHeapFiles = 500;
            profileSeconds = 2;
          }
          case "--corpus" -> corpus = Path.of(value(args, ++i, a));
          case "--repo" -> repo = Path.of(value(args, ++i, a));
          case "--sets" -> sets = sets(value(args, ++i, a));
          case "--copies" -> copies = positive(value(args, ++i, a), a);
          case "--rounds" -> rounds = positive(value(args, ++i, a), a);
          case "--sizes" -> sizes = sizes(value(args, ++i, a));
          case "--shapes" -> shapes = names(value(args, ++i, a), Shape.class);
          case "--cli-runs" -> cliRuns = positive(value(args, ++i, a), a);
          case "--small-heap-files" -> smallHeapFiles = positive(value(args, ++i, a), a);
          case "--small-heap-mb" -> smallHeapMb = positive(value(args, ++i, a), a);
          case "--profile-seconds" -> profileSeconds = positive(value(args, ++i, a), a);
          case "--out" -> out = Path.of(value(args, ++i, a));
          case "--cli-jar" -> cliJar = Path.of(value(args, ++i, a));
          case "--skip" -> skip.addAll(names(value(args, ++i, a), Part.class));
          default -> {
            return Result.error("unknown option `" + a + "`");
          }
        }
      }
    } catch (IllegalArgumentException e) {
      return Result.error(e.getMessage());
    }
    if (repo == null) {
      Optional<Path> found = findRepo(workingDir);
      if (found.isEmpty()) {
        return Result.error("cannot find the repository root above " + workingDir + "; pass --repo");
      }
      repo = found.get();
    }
    if (corpus == null) {
      corpus = repo.resolve("../shared/corpus").normalize();
    }
    if (out == null) {
      out = repo.resolve("bench/target/bench-results.json");
    }
    if (cliJar == null) {
      cliJar = repo.resolve("cli/target/flyte-migrate.jar");
    }
    return new Result(Optional.of(new Options(repo, corpus, sets, copies, rounds, sizes, shapes, cliRuns, smallHeapFiles,
        smallHeapMb, profileSeconds, out, cliJar, skip)), "");
  }

  /** Parsed options, or the message saying why the command line is wrong. */
  public record Result(Optional<Options> options, String error) {
    static Result error(String message) {
      return new Result(Optional.empty(), message);
    }
  }

  public boolean runs(Part part) {
    return !skip.contains(part);
  }

  /** The nearest ancestor holding the parent pom and the bench module. */
  static Optional<Path> findRepo(Path from) {
    Path p = from.toAbsolutePath().normalize();
    while (p != null) {
      if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("bench"))
          && Files.isDirectory(p.resolve("cli"))) {
        return Optional.of(p);
      }
      p = p.getParent();
    }
    return Optional.empty();
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException("`" + option + "` needs a value");
    }
    return args.get(i);
  }

  private static int positive(String s, String option) {
    try {
      int n = Integer.parseInt(s.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("`" + option + "` takes a positive number, not `" + s + "`");
  }

  private static List<Integer> sizes(String s) {
    List<Integer> out = new ArrayList<>();
    for (String part : s.split(",")) {
      out.add(positive(part, "--sizes"));
    }
    return List.copyOf(out);
  }

  private static List<CorpusSet> sets(String s) {
    List<CorpusSet> out = new ArrayList<>();
    for (String part : s.split(",")) {
      out.add(CorpusSet.named(part.trim()).orElseThrow(() -> new IllegalArgumentException("`" + part.trim()
          + "` is not one of " + CorpusSet.all().stream().map(CorpusSet::name).toList())));
    }
    return List.copyOf(out);
  }

  private static <E extends Enum<E>> List<E> names(String s, Class<E> type) {
    List<E> out = new ArrayList<>();
    for (String part : s.split(",")) {
      try {
        out.add(Enum.valueOf(type, part.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("`" + part.trim() + "` is not one of "
            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }
}
