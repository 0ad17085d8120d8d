package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.lower.SharedTasks;
import io.flytemigrate.flyte.lower.Variants;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.ImageDef;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.verify.Verifier;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.report.FlyteIds;
import io.flytemigrate.report.InputResult;
import io.flytemigrate.report.InputStatus;
import io.flytemigrate.report.MergedTask;
import io.flytemigrate.report.PipelineReport;
import io.flytemigrate.validators.Validators;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code convert} over any number of inputs, in phases: read and check every file, name every
 * pipeline's Python package, lower every pipeline, merge the tasks the pipelines share, then
 * write and verify every project. Phases that look at one pipeline run in parallel on
 * {@code jobs} threads; the phases between them look at the whole batch in input order, so the
 * result is the same whatever {@code jobs} is. One input failing, even with an internal error,
 * never stops the others: it is reported and left out.
 */
final class BatchConversion {
  /** The Python package of the tasks shared by several pipelines. */
  static final String SHARED_PACKAGE = "shared";

  /** Workers get a large stack: readers and lowering recurse once per nesting level of the input. */
  private static final long WORKER_STACK = 256L * 1024 * 1024;

  private static final Set<String> PIPELINE_EXTENSIONS = Set.of("yaml", "yml", "json", "py");

  /**
   * What a batch needs.
   *
   * @param packageName the package path shown in verifier diagnostics, e.g. {@code out/flyte-package.tgz}
   */
  record Settings(List<PipelineReader> readers, LoweringOptions options, int jobs, boolean verify, String packageName,
      boolean consolidate) {
    Settings {
      readers = List.copyOf(readers);
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(packageName, "packageName");
      if (jobs < 1) {
        throw new IllegalArgumentException("jobs must be at least 1");
      }
    }

    /** Without {@code --consolidate}. */
    Settings(List<PipelineReader> readers, LoweringOptions options, int jobs, boolean verify, String packageName) {
      this(readers, options, jobs, verify, packageName, false);
    }
  }

  /** One pipeline of the batch (or one input that gave none), from reading to writing. */
  static final class Unit {
    final BatchInputs.Input input;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** The decoded input, kept only while it has diagnostics to show with source excerpts. */
    SourceFile source;
    Pipeline pipeline;
    String pipelineName;
    String pythonPackage;
    Lowered lowered;
    FlyteProject project;
    List<OutputFile> projectFiles = List.of();
    PipelineReport report;
    boolean skipped;
    boolean internalError;
    boolean usesShared;
    /** With --consolidate: what the pipeline shares with its variants ({@link Variants#shape}). */
    String shape;
    /** With --consolidate: the earlier pipeline this one is a variant of, which runs it as launch plans. */
    Unit variantOf;
    List<Identifier> variantPlans = List.of();

    Unit(BatchInputs.Input input) {
      this.input = input;
    }

    boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    boolean converted() {
      return project != null && !hasErrors() && !skipped;
    }

    InputStatus status() {
      return skipped ? InputStatus.SKIPPED : converted() ? InputStatus.CONVERTED : InputStatus.FAILED;
    }

    /** What the reports say about this unit. */
    InputResult result() {
      FlyteIds ids = FlyteIds.NONE;
      if (converted() && variantOf != null) {
        ids = new FlyteIds(List.of(), List.of(), variantPlans.stream().map(l -> l.name() + ":" + l.version()).toList());
      } else if (converted()) {
        ids = new FlyteIds(project.tasks().stream().map(t -> t.id().name() + ":" + t.id().version()).toList(),
            project.workflows().stream().map(w -> w.id().name() + ":" + w.id().version()).toList(),
            project.launchPlans().stream().map(l -> l.id().name() + ":" + l.id().version()).toList());
      }
      return new InputResult(input.display(), status(), diagnostics, ids,
          converted() ? Optional.ofNullable(report) : Optional.empty());
    }
  }

  /**
   * Everything a batch produced.
   *
   * @param units the pipelines in input order (file by path, then pipelines in file order)
   * @param shared the shared tasks' project, when converted pipelines share tasks
   * @param merged what each shared task replaced, for the reports
   * @param sharedFiles the Python package of the shared tasks
   * @param packageFile the registrable package of every converted pipeline, if any converted
   */
  record Result(List<Unit> units, Optional<FlyteProject> shared, List<MergedTask> merged, List<OutputFile> sharedFiles,
      Optional<OutputFile> packageFile) {
    boolean internalError() {
      return units.stream().anyMatch(u -> u.internalError);
    }
  }

  private final Settings settings;
  private final Progress progress;

  BatchConversion(Settings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Converts every input; never throws for what one input does. */
  Result run(List<BatchInputs.Input> inputs) {
    List<List<Unit>> perInput = new ArrayList<>();
    for (BatchInputs.Input in : inputs) {
      List<Unit> holder = new ArrayList<>();
      holder.add(new Unit(in));
      perInput.add(holder);
    }
    parallel("read", perInput, holder -> read(holder), holder -> holder.get(0));
    List<Unit> units = new ArrayList<>();
    perInput.forEach(units::addAll);
    namePackages(units);
    List<Unit> toLower = units.stream().filter(u -> u.pipeline != null && !u.hasErrors()).toList();
    parallel("lower", toLower, this::lower, u -> u);
    SharedTasks merge = share(units);
    List<Unit> toWrite = units.stream().filter(u -> u.project != null && !u.hasErrors()).toList();
    List<OutputFile> sharedFiles = merge.shared().map(FlytekitProjectWriter::writeShared).orElse(List.of());
    parallel("verify", toWrite, u -> write(u, sharedFiles), u -> u);
    if (settings.consolidate()) {
      consolidate(units);
    }
    List<Unit> converted = units.stream().filter(Unit::converted).toList();
    boolean sharedUsed = converted.stream().anyMatch(u -> u.usesShared);
    Optional<OutputFile> pkg = converted.isEmpty() ? Optional.empty()
        : Optional.of(combinedPackage(converted, sharedUsed ? sharedFiles : List.of()));
    return new Result(units, sharedUsed ? merge.shared() : Optional.empty(), merged(merge, units, converted),
        sharedUsed ? sharedFiles : List.of(), pkg);
  }

  // Phase 1: read the file and check every pipeline in it.
  private void read(List<Unit> holder) {
    Unit first = holder.get(0);
    BatchInputs.Input in = first.input;
    Outcome<SourceFile> loaded = InputFiles.read(in.path(), in.display());
    first.diagnostics.addAll(loaded.diagnostics());
    if (loaded.value().isEmpty() || loaded.hasErrors()) {
      return;
    }
    SourceFile source = loaded.value().get();
    first.source = source;
    // An empty file found in a directory is a pipeline file only by its extension, like any other.
    Optional<PipelineReader> reader = source.text().isBlank() && !in.named() && !PIPELINE_EXTENSIONS.contains(
        extension(in.display())) ? Optional.empty() : Readers.pick(settings.readers(), source);
    if (reader.isEmpty()) {
      if (in.named() || PIPELINE_EXTENSIONS.contains(extension(in.display()))) {
        first.diagnostics.add(Diagnostic.of(Codes.UNKNOWN_FORMAT, Span.at(in.display(), 1, 1),
                "`" + in.display() + "` is not in a format flyte-migrate can read")
            .withHelp("formats are recognised by content, not by file name; supported formats: "
                + Readers.formatNames(settings.readers())));
      } else {
        first.skipped = true;
        first.diagnostics.add(Diagnostic.of(Codes.INPUT_SKIPPED, Span.at(in.display(), 0, 0),
            "`" + in.display() + "` is not a pipeline file: no reader recognises it"));
      }
      return;
    }
    Outcome<List<Pipeline>> read = reader.get().readAll(source);
    first.diagnostics.addAll(read.diagnostics());
    List<Pipeline> pipelines = read.value().orElse(List.of());
    if (pipelines.isEmpty()) {
      if (!first.hasErrors()) {
        first.diagnostics.add(Diagnostic.of(Codes.UNKNOWN_FORMAT, Span.at(in.display(), 1, 1),
            "`" + in.display() + "` holds no pipeline the `" + reader.get().format() + "` reader could read"));
      }
      return;
    }
    boolean fileHasErrors = first.hasErrors();
    for (int i = 0; i < pipelines.size(); i++) {
      Unit u = i == 0 ? first : new Unit(in);
      if (i > 0) {
        u.source = source;
        holder.add(u);
      }
      u.pipeline = pipelines.get(i);
      u.pipelineName = u.pipeline.name();
      if (!fileHasErrors) {
        u.diagnostics.addAll(Validators.check(u.pipeline));
      }
    }
  }

  // Phase 2: one Python package per pipeline, unique in the batch, given in input order.
  private void namePackages(List<Unit> units) {
    Set<String> taken = new HashSet<>();
    taken.add(SHARED_PACKAGE);
    // Not a Python package, but a directory beside them in OUT.
    taken.add(BatchOutputs.PIPELINES_DIR);
    for (Unit u : units) {
      if (u.pipeline == null) {
        continue;
      }
      String base = FlyteLowering.pythonPackage(u.pipeline);
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        name = base + "_" + n;
      }
      u.pythonPackage = name;
    }
  }

  // Phase 3: lower.
  private void lower(Unit u) {
    Outcome<Lowered> lowered = FlyteLowering.lower(u.pipeline, settings.options().withPythonPackage(u.pythonPackage));
    u.diagnostics.addAll(lowered.diagnostics());
    if (lowered.value().isPresent() && !lowered.hasErrors()) {
      u.lowered = lowered.value().get();
      u.project = u.lowered.project();
      if (settings.consolidate()) {
        u.shape = Variants.shape(u.pipeline);
      }
    }
  }

  // With --consolidate, after verification: variants become launch plans of the first of their shape.
  private void consolidate(List<Unit> units) {
    Map<String, Unit> kept = new LinkedHashMap<>();
    for (Unit u : units) {
      if (!u.converted() || u.shape == null) {
        continue;
      }
      Unit first = kept.putIfAbsent(u.shape, u);
      if (first == null) {
        continue;
      }
      Optional<Variants.Consolidated> c = Variants.add(first.project, u.project, u.pythonPackage,
          settings.options().version());
      if (c.isEmpty()) {
        continue;
      }
      first.project = c.get().project();
      first.projectFiles = FlytekitProjectWriter.write(first.project);
      u.variantOf = first;
      u.variantPlans = c.get().plans();
      u.projectFiles = List.of();
      u.usesShared = false;
      String plan = u.variantPlans.isEmpty() ? u.pythonPackage : u.variantPlans.get(0).name();
      u.diagnostics.add(Diagnostic.of(Codes.PIPELINE_CONSOLIDATED, Span.at(u.input.display(), 1, 1),
              "pipeline `" + u.pipelineName + "` differs from `" + first.pipelineName + "` (" + first.input.display()
                  + ") only in parameter defaults: it runs as launch plan `" + plan + "` of its workflow")
          .withHelp("leave out --consolidate to emit it as a workflow of its own"));
    }
  }

  // Phase 4: merge identical tasks across the pipelines.
  private SharedTasks share(List<Unit> units) {
    List<Unit> lowered = units.stream().filter(u -> u.project != null).toList();
    SharedTasks merge = SharedTasks.merge(lowered.stream().map(u -> u.project).toList(), SHARED_PACKAGE,
        settings.options().version());
    for (int i = 0; i < lowered.size(); i++) {
      lowered.get(i).project = merge.projects().get(i);
    }
    for (SharedTasks.Merge m : merge.merges()) {
      for (SharedTasks.Copy c : m.copies()) {
        lowered.get(c.project()).usesShared = true;
      }
    }
    return merge;
  }

  // Phase 5: the project files, and the package read back and checked against the source.
  private void write(Unit u, List<OutputFile> sharedFiles) {
    List<OutputFile> files = FlytekitProjectWriter.write(u.project);
    if (settings.verify()) {
      List<OutputFile> all = new ArrayList<>(files);
      if (u.usesShared) {
        all.addAll(sharedFiles);
      }
      FlytePackage pkg = FlytePackage.write(u.project, all, PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL));
      u.diagnostics.addAll(Verifier.verify(settings.packageName(), pkg.bytes(), u.pipeline, Optional.of(u.lowered.parity())));
    }
    u.projectFiles = files;
    u.report = PipelineReport.of(u.pipeline, u.lowered.parity(), FlyteDag.of(u.project));
    // The IR is not needed any more; a large batch should not hold every pipeline twice.
    u.pipeline = null;
  }

  /** One package for the batch: every entity once, in an order where each follows what it uses. */
  private static OutputFile combinedPackage(List<Unit> converted, List<OutputFile> sharedFiles) {
    Map<String, TaskDef> tasks = new LinkedHashMap<>();
    Map<String, ImageDef> images = new LinkedHashMap<>();
    List<WorkflowDef> workflows = new ArrayList<>();
    List<LaunchPlanDef> plans = new ArrayList<>();
    List<OutputFile> files = new ArrayList<>(sharedFiles);
    for (Unit u : converted) {
      if (u.variantOf != null) {
        continue;
      }
      for (TaskDef t : u.project.tasks()) {
        tasks.putIfAbsent(t.id().toString(), t);
      }
      for (ImageDef i : u.project.images()) {
        images.putIfAbsent(i.reference() + "|" + i.name(), i);
      }
      workflows.addAll(u.project.workflows());
      plans.addAll(u.project.launchPlans());
      files.addAll(u.projectFiles);
    }
    FlyteProject first = converted.get(0).project;
    FlyteProject all = converted.size() == 1 && converted.get(0).variantOf == null ? first
        : new FlyteProject(SHARED_PACKAGE, "batch", "batch", Optional.empty(), List.copyOf(images.values()),
            List.copyOf(tasks.values()), workflows, plans, false);
    FlytePackage pkg = FlytePackage.write(all, files, PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL));
    return new OutputFile(FlytePackage.FILE_NAME, pkg.bytes());
  }

  private static List<MergedTask> merged(SharedTasks merge, List<Unit> units, List<Unit> converted) {
    List<Unit> lowered = units.stream().filter(u -> u.lowered != null).toList();
    List<MergedTask> out = new ArrayList<>();
    for (SharedTasks.Merge m : merge.merges()) {
      List<MergedTask.Replaced> replaced = new ArrayList<>();
      for (SharedTasks.Copy c : m.copies()) {
        Unit u = lowered.get(c.project());
        if (converted.contains(u)) {
          replaced.add(new MergedTask.Replaced(u.input.display(), c.sourceComponent()));
        }
      }
      if (replaced.size() >= 2) {
        out.add(new MergedTask(m.task().id().name() + ":" + m.task().id().version(), replaced));
      }
    }
    return out;
  }

  /**
   * Runs {@code work} on every item on the worker threads, in any order; a failure of one item
   * becomes an {@code FM0005} diagnostic on its unit.
   */
  private <T> void parallel(String phase, List<T> items, Consumer<T> work, java.util.function.Function<T, Unit> unitOf) {
    progress.start(phase, items.size());
    if (items.isEmpty()) {
      progress.finish();
      return;
    }
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.jobs(), items.size()), workers());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> {
          Unit u = unitOf.apply(item);
          try {
            work.accept(item);
          } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            u.internalError = true;
            u.project = null;
            u.diagnostics.add(Diagnostic.of(Codes.INTERNAL_ERROR, Span.at(u.input.display(), 0, 0),
                    "flyte-migrate failed to " + phase + " `" + u.input.display() + "`: " + e.getClass().getSimpleName())
                .withHelp("this is a bug in flyte-migrate; the other inputs are converted. Please report it with"
                    + " the input (set FLYTE_MIGRATE_DEBUG=1 for a stack trace)"));
            if (System.getenv("FLYTE_MIGRATE_DEBUG") != null) {
              e.printStackTrace();
            }
          }
          progress.step(done.incrementAndGet(), u.input.display());
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("a worker failed outside its guard", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
      progress.finish();
    }
  }

  private static ThreadFactory workers() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, "flyte-migrate-" + n.incrementAndGet(), WORKER_STACK);
      t.setDaemon(true);
      return t;
    };
  }

  private static String extension(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  /** How many parity rows of the converted pipelines have this status. */
  static int parity(List<Unit> units, Fidelity f) {
    int n = 0;
    for (Unit u : units) {
      if (u.converted()) {
        n += u.lowered.parity().counts().get(f);
      }
    }
    return n;
  }
}
