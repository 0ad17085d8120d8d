package io.flytemigrate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark harness that {@code bench/run} starts: runs every measurement, prints the table
 * and the targets, and writes the JSON results. Exit code 0 when no target failed, 1 when one
 * did, 2 for a wrong command line.
 *
 * <p>The parts: (a) a batch of the corpus replicated many times, end to end, file by file; (d) the
 * same batch parse-only, the floor; (c) synthetic pipelines by size, warm, and the first call in
 * a fresh JVM; a large batch in a small heap; (b) the real jar started once per call.
 */
public final class Harness {
  private final Options options;
  private final PrintStream log;

  private Harness(Options options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(List.of(args).subList(1, args.length));
      return;
    }
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(Options.USAGE);
      return;
    }
    Options.Result parsed = Options.parse(List.of(args), Path.of(""));
    if (parsed.options().isEmpty()) {
      System.err.println("bench: " + parsed.error());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    System.exit(new Harness(parsed.options().get(), System.err).run());
  }

  /** The measurements that run in a JVM of their own. */
  private static void child(List<String> args) throws IOException {
    switch (args.get(0)) {
      case "cold" -> ColdRun.runHere(Shape.valueOf(args.get(1)), Integer.parseInt(args.get(2)));
      case "small-heap" -> SmallHeapRun.runHere(Path.of(args.get(1)));
      case "command" -> CommandBatch.runHere(Path.of(args.get(1)), Path.of(args.get(2)), Integer.parseInt(args.get(3)));
      case "lowering-profile" -> LoweringProfile.runHere(Path.of(args.get(1)), Integer.parseInt(args.get(2)));
      default -> throw new IllegalArgumentException("unknown child measurement " + args.get(0));
    }
  }

  private int run() throws IOException, InterruptedException {
    log.println("bench: repository " + options.repo() + ", corpus " + options.corpus());
    Path scratch = Files.createTempDirectory("flyte-migrate-bench");
    try {
      List<BatchComparison> batches = options.runs(Options.Part.BATCH) ? batches(scratch) : List.of();
      List<ScalingRun.Result> scaling = options.runs(Options.Part.SCALING) ? scaling() : List.of();
      List<ColdRun.Result> cold = options.runs(Options.Part.COLD) ? cold() : List.of();
      Optional<SmallHeapRun.Result> smallHeap = Optional.empty();
      Optional<CommandBatch.Result> smallHeapCommand = Optional.empty();
      if (options.runs(Options.Part.SMALL_HEAP)) {
        SmallHeap both = smallHeap(scratch);
        smallHeap = both.loop();
        smallHeapCommand = both.command();
      }
      Optional<LoweringProfile.Result> lowering = options.runs(Options.Part.LOWERING) ? lowering() : Optional.empty();
      List<CliTiming.Result> cli = new ArrayList<>();
      Optional<String> cliFile = Optional.empty();
      Optional<Long> archive = Optional.empty();
      if (options.runs(Options.Part.CLI)) {
        Optional<Path> file = largestCorpusFile();
        Path jar = options.cliJar();
        if (file.isEmpty() || !Files.isRegularFile(jar)) {
          log.println("bench: skipping the CLI timing: needs " + jar + " (mvn package) and the corpus");
        } else {
          cliFile = Optional.of(options.corpus().relativize(file.get()).toString());
          archive = cli(jar, file.get(), scratch, cli);
        }
      }
      Results results = new Results(Results.Machine.current(), batches, scaling, cold, smallHeap, smallHeapCommand, lowering,
          cli, cliFile, archive);
      List<Target> targets = Targets.check(results);
      System.out.print(Report.table(results, targets));
      Files.createDirectories(options.out().toAbsolutePath().getParent());
      Files.writeString(options.out(), Report.json(results, targets), StandardCharsets.UTF_8);
      System.out.println("\nresults written to " + options.out());
      return targets.stream().anyMatch(t -> t.verdict() == Target.Verdict.FAIL) ? 1 : 0;
    } finally {
      Replica.deleteTree(scratch);
    }
  }

  private List<BatchComparison> batches(Path scratch) throws IOException, InterruptedException {
    List<BatchComparison> out = new ArrayList<>();
    for (CorpusSet set : options.sets()) {
      Path source = options.corpus().resolve(set.folder());
      if (!Files.isDirectory(source)) {
        log.println("bench: skipping batch " + set.name() + ": no folder " + source);
        continue;
      }
      int originals = Replica.inputsBelow(source).size();
      log.println("bench: (a, d) replicating " + set.name() + " " + options.copies() + "x ...");
      Replica replica = Replica.make(source, options.copies(), scratch.resolve("batch-" + set.name()));
      List<BatchRun.Result> endToEnd = new ArrayList<>();
      List<BatchRun.Result> floor = new ArrayList<>();
      List<BatchRun.Result> inspect = new ArrayList<>();
      for (int round = 1; round <= options.rounds(); round++) {
        log.println("bench: (d) parse-only pass " + round + " over " + replica.files() + " files");
        floor.add(BatchRun.run(set.name() + " parse-only", replica.dir(), Floor.fromFile()));
        log.println("bench: (a) end-to-end (convert) pass " + round);
        endToEnd.add(BatchRun.run(set.name() + " end-to-end", replica.dir(), Stages.fromFile()));
        log.println("bench: (a) inspect pass " + round);
        inspect.add(BatchRun.run(set.name() + " inspect", replica.dir(), Stages.inspectFromFile()));
      }
      List<CommandBatch.Result> command = new ArrayList<>();
      for (Jit jit : Jit.values()) {
        for (int jobs : commandJobs()) {
          log.println("bench: (a) the real command, convert DIR --jobs " + jobs + ", fresh JVM ("
              + jit.name().toLowerCase(java.util.Locale.ROOT) + " JIT), over " + replica.files() + " files");
          command.add(CommandBatch.inChild(set.name(), replica, jobs, jit, 0, scratch));
        }
      }
      replica.delete();
      out.add(new BatchComparison(set.name(), originals, options.copies(), endToEnd, floor, inspect, command));
    }
    return out;
  }

  private List<ScalingRun.Result> scaling() {
    List<ScalingRun.Result> out = new ArrayList<>();
    for (Shape shape : options.shapes()) {
      ScalingRun.Result previous = null;
      for (int size : options.sizes()) {
        if (previous != null && previous.failure().isEmpty() && previous.wallNanos() > ScalingRun.SKIP_AFTER_NANOS) {
          log.println("bench: (c) synthetic " + shape + " " + size + " tasks skipped: " + previous.tasks()
              + " tasks already took " + Math.round(previous.wallNanos() / 1e9) + " s");
          out.add(ScalingRun.skipped(shape, size, previous));
          continue;
        }
        log.println("bench: (c) synthetic " + shape + " " + size + " tasks");
        previous = ScalingRun.run(shape, size);
        out.add(previous);
      }
    }
    return out;
  }

  private List<ColdRun.Result> cold() throws IOException, InterruptedException {
    List<ColdRun.Result> out = new ArrayList<>();
    for (Jit jit : Jit.values()) {
      for (Shape shape : options.shapes()) {
        log.println("bench: (c) first call, fresh JVM (" + jit.name().toLowerCase(java.util.Locale.ROOT) + " JIT), " + shape
            + " " + Targets.COLD_TASKS + " tasks");
        out.add(ColdRun.inChild(shape, Targets.COLD_TASKS, jit));
      }
    }
    return out;
  }

  /** One thread, and as many as the machine has cores (when that is more). */
  private static List<Integer> commandJobs() {
    int cores = Runtime.getRuntime().availableProcessors();
    return cores > 1 ? List.of(1, cores) : List.of(1);
  }

  /** The small-heap batch through the per-file loop and through the real command. */
  private record SmallHeap(Optional<SmallHeapRun.Result> loop, Optional<CommandBatch.Result> command) {}

  private SmallHeap smallHeap(Path scratch) throws IOException, InterruptedException {
    CorpusSet set = CorpusSet.all().get(0);
    Path source = options.corpus().resolve(set.folder());
    if (!Files.isDirectory(source)) {
      return new SmallHeap(Optional.empty(), Optional.empty());
    }
    int originals = Replica.filesBelow(source).size();
    int copies = (options.smallHeapFiles() + originals - 1) / originals;
    int mb = options.smallHeapMegabytes();
    log.println("bench: (a) " + copies * originals + " files with -Xmx" + mb + "m, file by file ...");
    Replica replica = Replica.make(source, copies, scratch.resolve("small-heap"));
    try {
      SmallHeapRun.Result loop = SmallHeapRun.inChild(replica.dir(), mb);
      int jobs = commandJobs().get(commandJobs().size() - 1);
      log.println("bench: (a) the same files with -Xmx" + mb + "m through convert DIR --jobs " + jobs + " ...");
      CommandBatch.Result command = CommandBatch.inChild(set.name(), replica, jobs, Jit.DEFAULT, mb, scratch);
      return new SmallHeap(Optional.of(loop), Optional.of(command));
    } finally {
      replica.delete();
    }
  }

  private Optional<LoweringProfile.Result> lowering() throws IOException, InterruptedException {
    Path source = options.corpus().resolve(CorpusSet.all().get(0).folder());
    if (!Files.isDirectory(source)) {
      return Optional.empty();
    }
    log.println("bench: (a) profiling the lowering over " + source.getFileName() + " for " + options.profileSeconds() + " s");
    return Optional.of(LoweringProfile.inChild(source, options.profileSeconds()));
  }

  private Optional<Long> cli(Path jar, Path file, Path scratch, List<CliTiming.Result> out)
      throws IOException, InterruptedException {
    Path archive = options.repo().resolve("bench/target/cds/flyte-migrate.jsa");
    CliCall first = CliCall.all().get(0);
    log.println("bench: (b) making an AppCDS archive from one `" + first.name() + "` run");
    boolean haveArchive = CliTiming.makeArchive(jar, archive, first, file, scratch);
    List<CliTiming.Variant> variants = CliTiming.variants(archive).stream()
        .filter(v -> haveArchive || v.name().equals("default"))
        .toList();
    for (CliCall call : CliCall.all()) {
      log.println("bench: (b) " + call.name() + " x" + options.cliRuns() + " with " + variants.size() + " sets of flags, in turns");
      out.addAll(CliTiming.time(jar, variants, call, file, options.cliRuns(), scratch));
    }
    return haveArchive ? Optional.of(Files.size(archive)) : Optional.empty();
  }

  private Optional<Path> largestCorpusFile() throws IOException {
    Path source = options.corpus().resolve(CorpusSet.all().get(0).folder());
    if (!Files.isDirectory(source)) {
      return Optional.empty();
    }
    List<Path> files = Replica.filesBelow(source);
    return files.stream().max(Comparator.comparingLong(Harness::size).thenComparing(Comparator.reverseOrder()));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }
}
