package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.lower.SharedTasks;
import io.flytemigrate.flyte.lower.Variants;
import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.flyteproto.pack.FastTarball;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.pack.PackedEntity;
import io.flytemigrate.flyteproto.verify.Verifier;
import io.flytemigrate.flyteproto.write.PackageEntities;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.parity.ParityReport;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.report.FlyteIds;
import io.flytemigrate.report.InputResult;
import io.flytemigrate.report.InputStatus;
import io.flytemigrate.report.MergedTask;
import io.flytemigrate.report.PipelineReport;
import io.flytemigrate.validators.Validators;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * One pipeline of the batch (or one input that gave none), from reading to writing. What a large
   * batch would otherwise hold for every pipeline at once is let go as soon as the phases that need
   * it are over: the source text and the IR are held softly and read again from the file if the
   * memory was needed meanwhile; the lowered project lives until its files and package entities are
   * written; after that a unit keeps only what the reports and the combined package need.
   */
  static final class Unit {
    final BatchInputs.Input input;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** The reader of the file and this pipeline's place in it, to read the IR again. */
    PipelineReader reader;
    int indexInFile;
    private SoftReference<SourceFile> source = new SoftReference<>(null);
    private SoftReference<Pipeline> pipeline = new SoftReference<>(null);
    boolean read;
    String pipelineName;
    /** The Python package the pipeline's name asks for, before names are made unique. */
    String packageBase;
    String pythonPackage;
    FlyteProject project;
    ParityReport parity;
    PipelineReport report;
    /** The project's files, by path relative to OUT, once they are written. */
    List<String> filePaths = List.of();
    /** The package entities of this pipeline alone, in registration order, kept in the batch's store. */
    List<EntityStore.Stored> entities = List.of();
    /** Every id of the project: tasks, workflows, launch plans and the workflows they launch. */
    List<Identifier> identifiers = List.of();
    FlyteIds ids = FlyteIds.NONE;
    String workflowName;
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
      return (project != null || report != null) && !hasErrors() && !skipped && !internalError;
    }

    InputStatus status() {
      return skipped ? InputStatus.SKIPPED : converted() ? InputStatus.CONVERTED : InputStatus.FAILED;
    }

    /** The decoded input, for diagnostics with source excerpts; read again if it was let go. */
    Optional<SourceFile> source() {
      SourceFile s = source.get();
      if (s == null && read) {
        s = InputFiles.read(input.path(), input.display()).value().orElse(null);
        source = new SoftReference<>(s);
      }
      return Optional.ofNullable(s);
    }

    /** The pipeline's IR, read again from its file if it was let go. */
    Pipeline pipeline() {
      Pipeline p = pipeline.get();
      if (p == null) {
        SourceFile s = source().orElseThrow(() -> new IllegalStateException("`" + input.display() + "` cannot be read again"));
        List<Pipeline> all = reader.readAll(s).value().orElse(List.of());
        if (all.size() <= indexInFile || !all.get(indexInFile).name().equals(pipelineName)) {
          throw new IllegalStateException("`" + input.display() + "` changed while it was converted");
        }
        p = all.get(indexInFile);
        pipeline = new SoftReference<>(p);
      }
      return p;
    }

    /** What the reports say about this unit. */
    InputResult result() {
      return new InputResult(input.display(), status(), diagnostics, converted() ? ids : FlyteIds.NONE,
          converted() ? Optional.ofNullable(report) : Optional.empty());
    }
  }

  /**
   * Everything a batch produced. The project files, the shared package and the combined package
   * are already written to the output.
   *
   * @param units the pipelines in input order (file by path, then pipelines in file order)
   * @param merged what each shared task replaced, for the reports
   * @param sharedUsed whether converted pipelines use the shared tasks' package
   */
  record Result(List<Unit> units, List<MergedTask> merged, boolean sharedUsed) {
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

  /**
   * Converts every input, writing each pipeline's project files and, at the end, the shared
   * package and the combined package to {@code output}; never throws for what one input does.
   */
  Result run(List<BatchInputs.Input> inputs, AtomicOutput output) {
    try (EntityStore store = EntityStore.at(output.scratchFile())) {
      return run(inputs, output, store);
    }
  }

  private Result run(List<BatchInputs.Input> inputs, AtomicOutput output, EntityStore store) {
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
    List<Unit> toLower = units.stream().filter(u -> u.reader != null && !u.hasErrors()).toList();
    parallel("lower", toLower, this::lower, u -> u);
    Shared shared = share(units);
    List<SharedTasks.Merge> merges = shared.merges();
    List<OutputFile> sharedFiles = shared.files();
    Optional<FlyteProject> sharedProject = shared.project();
    List<List<Unit>> mergedFrom = new ArrayList<>();
    List<Unit> lowered = units.stream().filter(u -> u.project != null).toList();
    for (SharedTasks.Merge m : merges) {
      mergedFrom.add(m.copies().stream().map(c -> lowered.get(c.project())).toList());
    }
    List<Unit> toWrite = units.stream().filter(u -> u.project != null && !u.hasErrors()).toList();
    parallel("verify", toWrite, u -> write(u, sharedProject, output, store), u -> u);
    if (settings.consolidate()) {
      consolidate(units, output, store);
    }
    units.forEach(u -> u.project = null);
    List<Unit> converted = units.stream().filter(Unit::converted).toList();
    boolean sharedUsed = converted.stream().anyMatch(u -> u.usesShared);
    if (sharedUsed) {
      sharedFiles.forEach(output::add);
    }
    if (!converted.isEmpty()) {
      writePackage(converted, sharedUsed ? sharedFiles : List.of(), output, store);
    }
    return new Result(units, merged(merges, mergedFrom), sharedUsed);
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
    first.source = new SoftReference<>(source);
    first.read = true;
    // An empty file found in a directory is a pipeline file only by its extension, like any other.
    Optional<PipelineReader> reader = source.text().isBlank() && !in.named()
        && !InputFiles.hasPipelineExtension(in.display()) ? Optional.empty() : Readers.pick(settings.readers(), source);
    if (reader.isEmpty()) {
      if (in.named() || InputFiles.hasPipelineExtension(in.display())) {
        first.diagnostics.add(Readers.unknownFormat(in.display(), settings.readers()));
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
        u.source = new SoftReference<>(source);
        u.read = true;
        holder.add(u);
      }
      u.reader = reader.get();
      u.indexInFile = i;
      u.pipeline = new SoftReference<>(pipelines.get(i));
      u.pipelineName = pipelines.get(i).name();
      u.packageBase = FlyteLowering.pythonPackage(pipelines.get(i));
      if (!fileHasErrors) {
        u.diagnostics.addAll(Validators.check(pipelines.get(i)));
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
      if (u.reader == null) {
        continue;
      }
      String base = u.packageBase;
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        name = base + "_" + n;
      }
      u.pythonPackage = name;
    }
  }

  // Phase 3: lower.
  private void lower(Unit u) {
    Pipeline pipeline = u.pipeline();
    Outcome<Lowered> lowered = FlyteLowering.lower(pipeline, settings.options().withPythonPackage(u.pythonPackage));
    u.diagnostics.addAll(lowered.diagnostics());
    if (lowered.value().isPresent() && !lowered.hasErrors()) {
      u.project = lowered.value().get().project();
      u.parity = lowered.value().get().parity();
      if (settings.consolidate()) {
        u.shape = Variants.shape(pipeline);
      }
    }
  }

  // With --consolidate, after verification: variants become launch plans of the first of their shape.
  private void consolidate(List<Unit> units, AtomicOutput output, EntityStore store) {
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
      first.filePaths.forEach(output::remove);
      settle(first, FlytekitProjectWriter.write(first.project), output, store);
      u.variantOf = first;
      u.variantPlans = c.get().plans();
      u.filePaths.forEach(output::remove);
      u.filePaths = List.of();
      u.entities = List.of();
      u.ids = new FlyteIds(List.of(), List.of(), u.variantPlans.stream().map(l -> l.name() + ":" + l.version()).toList());
      u.usesShared = false;
      String plan = u.variantPlans.isEmpty() ? u.pythonPackage : u.variantPlans.get(0).name();
      u.diagnostics.add(Diagnostic.of(Codes.PIPELINE_CONSOLIDATED, Span.at(u.input.display(), 1, 1),
              "pipeline `" + u.pipelineName + "` differs from `" + first.pipelineName + "` (" + first.input.display()
                  + ") only in parameter defaults: it runs as launch plan `" + plan + "` of its workflow")
          .withHelp("leave out --consolidate to emit it as a workflow of its own"));
    }
  }

  /**
   * What the merge leaves for the later phases: the merges, the shared package and its files,
   * not {@link SharedTasks} itself, which also holds every project until the last phase.
   */
  private record Shared(List<SharedTasks.Merge> merges, Optional<FlyteProject> project, List<OutputFile> files) {}

  // Phase 4: merge identical tasks across the pipelines.
  private Shared share(List<Unit> units) {
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
    return new Shared(merge.merges(), merge.shared(),
        merge.shared().map(FlytekitProjectWriter::writeShared).orElse(List.of()));
  }

  /**
   * The shared package as one pipeline's package holds it when it is verified: only the shared
   * tasks that pipeline calls (and their images). The whole shared package, which OUT and the
   * combined package hold, grows with the batch; putting it in every pipeline's package made
   * verifying a batch cost pipelines times shared tasks.
   */
  static List<OutputFile> sharedFilesFor(FlyteProject unit, FlyteProject shared) {
    String module = shared.pythonPackage() + ".tasks";
    List<TaskDef> tasks = unit.tasks().stream().filter(t -> t.python().module().equals(module)).toList();
    Set<String> images = new HashSet<>();
    tasks.forEach(t -> t.container().flatMap(Container::imageSpec).ifPresent(images::add));
    FlyteProject subset = new FlyteProject(shared.pythonPackage(), shared.sourceFile(), shared.pipelineName(),
        shared.description(), shared.images().stream().filter(i -> images.contains(i.name())).toList(), tasks,
        List.of(), List.of(), shared.compatModule());
    return FlytekitProjectWriter.writeShared(subset);
  }

  // Phase 5: the project files, and the package read back and checked against the source.
  private void write(Unit u, Optional<FlyteProject> shared, AtomicOutput output, EntityStore store) {
    List<OutputFile> files = FlytekitProjectWriter.write(u.project);
    Pipeline pipeline = u.pipeline();
    if (settings.verify()) {
      List<OutputFile> all = new ArrayList<>(files);
      if (u.usesShared && shared.isPresent()) {
        all.addAll(sharedFilesFor(u.project, shared.get()));
      }
      FlytePackage pkg = FlytePackage.of(PackageEntities.write(u.project, PACKAGE_OPTIONS), all);
      u.diagnostics.addAll(Verifier.verify(settings.packageName(), pkg.bytes(), pipeline, Optional.of(u.parity)));
    }
    u.report = PipelineReport.of(pipeline, u.parity, FlyteDag.of(u.project));
    if (u.hasErrors()) {
      return;
    }
    settle(u, files, output, store);
    if (!settings.consolidate()) {
      // Everything the reports and the combined package need is kept; the project is not.
      u.project = null;
    }
  }

  private static final PackageOptions PACKAGE_OPTIONS = PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL);

  /** Writes the unit's project files and keeps what is needed of its project for the end. */
  private static void settle(Unit u, List<OutputFile> files, AtomicOutput output, EntityStore store) {
    files.forEach(output::add);
    u.filePaths = files.stream().map(OutputFile::path).toList();
    u.entities = PackageEntities.write(u.project, PACKAGE_OPTIONS).stream().map(e -> store.put(PackedEntity.of(e))).toList();
    FlyteProject p = u.project;
    List<Identifier> ids = new ArrayList<>();
    p.tasks().forEach(t -> ids.add(t.id()));
    p.workflows().forEach(w -> ids.add(w.id()));
    p.launchPlans().forEach(l -> {
      ids.add(l.id());
      ids.add(l.workflow());
    });
    u.identifiers = List.copyOf(ids);
    u.ids = new FlyteIds(p.tasks().stream().map(t -> t.id().name() + ":" + t.id().version()).toList(),
        p.workflows().stream().map(w -> w.id().name() + ":" + w.id().version()).toList(),
        p.launchPlans().stream().map(l -> l.id().name() + ":" + l.id().version()).toList());
    u.workflowName = p.pipelineWorkflow().id().name();
  }

  /**
   * One package for the batch, streamed to the output: each pipeline's entities in its own
   * registration order, an entity shared by several (a shared task) once, where it first appears,
   * so that each still follows what it uses; the fast tarball holds every project file, read back
   * from the output one at a time.
   */
  private static void writePackage(List<Unit> converted, List<OutputFile> sharedFiles, AtomicOutput output,
      EntityStore store) {
    Map<String, EntityStore.Stored> entities = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>();
    sharedFiles.forEach(f -> paths.add(f.path()));
    for (Unit u : converted) {
      if (u.variantOf == null) {
        u.entities.forEach(e -> entities.putIfAbsent(e.key(), e));
        paths.addAll(u.filePaths);
      }
    }
    List<EntityStore.Stored> stored = List.copyOf(entities.values());
    // Read back one at a time, as the package is written.
    List<PackedEntity> packed = new java.util.AbstractList<>() {
      @Override
      public PackedEntity get(int i) {
        return store.get(stored.get(i));
      }

      @Override
      public int size() {
        return stored.size();
      }
    };
    output.add(FlytePackage.FILE_NAME, out -> {
      Optional<FastTarball> fast = Optional.empty();
      if (!paths.isEmpty()) {
        java.io.ByteArrayOutputStream tarball = new java.io.ByteArrayOutputStream();
        String name = FastTarball.write(paths, output::read, tarball);
        fast = Optional.of(new FastTarball(name, tarball.toByteArray()));
      }
      FlytePackage.write(packed, fast, out);
    });
  }

  private static List<MergedTask> merged(List<SharedTasks.Merge> merges, List<List<Unit>> mergedFrom) {
    List<MergedTask> out = new ArrayList<>();
    for (int i = 0; i < merges.size(); i++) {
      SharedTasks.Merge m = merges.get(i);
      List<MergedTask.Replaced> replaced = new ArrayList<>();
      for (int j = 0; j < m.copies().size(); j++) {
        Unit u = mergedFrom.get(i).get(j);
        if (u.converted()) {
          replaced.add(new MergedTask.Replaced(u.input.display(), m.copies().get(j).sourceComponent()));
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
            u.report = null;
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

  /** How many parity rows of the converted pipelines have this status. */
  static int parity(List<Unit> units, Fidelity f) {
    int n = 0;
    for (Unit u : units) {
      if (u.converted()) {
        n += u.parity.counts().get(f);
      }
    }
    return n;
  }
}
