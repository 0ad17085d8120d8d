package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.ImageDef;
import io.flytemigrate.flyte.model.PythonRef;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One Flyte task for components that are identical across the pipelines of a batch: same image,
 * command, arguments, interface and settings for containers, same function source and interface
 * for Python functions. The shared task lives in its own Python package ({@code shared.tasks}),
 * every workflow that used one of the copies calls it, and versions are computed again so they
 * stay content hashes.
 *
 * <p>What two copies may differ in without stopping the merge: their names, source positions,
 * descriptions and the name of the image spec they are built from (the spec itself must be the
 * same). Tasks that depend on their own project's modules (adapted Python components, which call
 * the project's compat and components modules), no-op and dynamic tasks are never merged.
 *
 * @param projects the batch's projects, in the given order, calling the shared tasks
 * @param shared the shared tasks and the images they are built from, as a project without
 *     workflows, for the Python writer; empty when nothing was shared
 * @param merges what each shared task replaced
 */
public record SharedTasks(List<FlyteProject> projects, Optional<FlyteProject> shared, List<Merge> merges) {
  public SharedTasks {
    projects = List.copyOf(projects);
    Objects.requireNonNull(shared, "shared");
    merges = List.copyOf(merges);
  }

  /**
   * One shared task.
   *
   * @param task the shared task, versioned
   * @param copies the tasks it replaced, as (index of the project in the batch, old task id name)
   */
  public record Merge(TaskDef task, List<Copy> copies) {
    public Merge {
      Objects.requireNonNull(task, "task");
      copies = List.copyOf(copies);
    }
  }

  /**
   * A task a shared task replaced.
   *
   * @param project the index of its project in the batch
   * @param task its id name in that project before the merge
   * @param sourceComponent the IR component it came from
   */
  public record Copy(int project, String task, String sourceComponent) {
    public Copy {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(sourceComponent, "sourceComponent");
    }
  }

  /**
   * Merges the identical tasks of {@code projects}: a task is shared when at least two projects
   * hold an identical one. Deterministic: the first copy (in project order, then task order) gives
   * the shared task its name, description and image spec name.
   *
   * @param sharedPackage the Python package of the shared tasks; no project may use it
   * @param versionOverride {@code --version}, if given
   */
  public static SharedTasks merge(List<FlyteProject> projects, String sharedPackage, Optional<String> versionOverride) {
    Map<String, List<Copy>> byContent = new LinkedHashMap<>();
    Map<String, TaskDef> firstCopy = new HashMap<>();
    Map<String, ImageDef> firstImage = new HashMap<>();
    for (int i = 0; i < projects.size(); i++) {
      FlyteProject p = projects.get(i);
      for (TaskDef t : p.tasks()) {
        if (!mergeable(t, p)) {
          continue;
        }
        Optional<ImageDef> image = imageOf(t, p);
        Object imageContent = image.isPresent() ? neutral(image.get()) : NO_IMAGE;
        String key = ContentHash.of(List.of(neutral(t), imageContent));
        List<Copy> copies = byContent.computeIfAbsent(key, k -> new ArrayList<>());
        int project = i;
        if (copies.stream().noneMatch(c -> c.project() == project)) {
          copies.add(new Copy(i, t.id().name(), t.sourceComponent()));
        }
        firstCopy.putIfAbsent(key, t);
        image.ifPresent(im -> firstImage.putIfAbsent(key, im));
      }
    }
    NameTable taskNames = new NameTable("_").reserve(Context.RESERVED).reserve(Names.PYTHON_KEYWORDS);
    NameTable imageNames = new NameTable("_").reserve(Context.RESERVED).reserve(Names.PYTHON_KEYWORDS);
    Map<String, ImageDef> sharedImages = new LinkedHashMap<>();
    Map<String, TaskDef> sharedByOld = new HashMap<>();
    List<TaskDef> sharedTasks = new ArrayList<>();
    List<Map.Entry<String, List<Copy>>> sharedKeys = new ArrayList<>();
    for (Map.Entry<String, List<Copy>> e : byContent.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      TaskDef first = firstCopy.get(e.getKey());
      String name = taskNames.claim(first.python().name());
      Optional<Container> container = first.container();
      ImageDef image = firstImage.get(e.getKey());
      if (image != null) {
        String imageKey = ContentHash.of(image);
        ImageDef kept = sharedImages.get(imageKey);
        if (kept == null) {
          kept = withName(image, imageNames.claim(image.name()));
          sharedImages.put(imageKey, kept);
        }
        String imageName = kept.name();
        container = container.map(c -> new Container(c.image(), Optional.of(imageName), c.command(), c.args(),
            c.resources(), c.env(), c.dataConfig()));
      }
      Identifier id = new Identifier(Identifier.ResourceType.TASK, first.id().project(), first.id().domain(),
          sharedPackage + ".tasks." + name, "");
      TaskDef shared = new TaskDef(id, first.kind(), first.iface(), first.metadata(), container, first.pod(),
          first.secrets(), first.body(), new PythonRef(sharedPackage + ".tasks", name), first.description(),
          first.sourceComponent(), first.span());
      sharedTasks.add(shared);
      sharedKeys.add(e);
      for (Copy c : e.getValue()) {
        sharedByOld.put(c.project() + "/" + c.task(), shared);
      }
    }
    if (sharedTasks.isEmpty()) {
      return new SharedTasks(projects, Optional.empty(), List.of());
    }
    List<FlyteProject> rewritten = new ArrayList<>();
    Map<String, TaskDef> versionedShared = new HashMap<>();
    for (int i = 0; i < projects.size(); i++) {
      FlyteProject p = projects.get(i);
      Map<String, String> renamed = new HashMap<>();
      List<TaskDef> tasks = new ArrayList<>();
      Set<String> added = new LinkedHashSet<>();
      for (TaskDef t : p.tasks()) {
        TaskDef shared = sharedByOld.get(i + "/" + t.id().name());
        if (shared == null) {
          tasks.add(t);
        } else {
          renamed.put(t.id().name(), shared.id().name());
          if (added.add(shared.id().name())) {
            tasks.add(shared);
          }
        }
      }
      if (renamed.isEmpty()) {
        rewritten.add(p);
        continue;
      }
      FlyteProject changed = new FlyteProject(p.pythonPackage(), p.sourceFile(), p.pipelineName(), p.description(),
          p.images(), tasks, p.workflows(), p.launchPlans(), p.compatModule());
      FlyteProject versioned = Versions.apply(changed, versionOverride, renamed);
      for (TaskDef t : versioned.tasks()) {
        if (t.python().module().equals(sharedPackage + ".tasks")) {
          versionedShared.putIfAbsent(t.id().name(), t);
        }
      }
      rewritten.add(versioned);
    }
    List<Merge> merges = new ArrayList<>();
    List<TaskDef> sharedVersioned = new ArrayList<>();
    for (int k = 0; k < sharedTasks.size(); k++) {
      TaskDef t = versionedShared.get(sharedTasks.get(k).id().name());
      sharedVersioned.add(t);
      merges.add(new Merge(t, sharedKeys.get(k).getValue()));
    }
    Set<String> sources = new LinkedHashSet<>();
    for (Merge m : merges) {
      for (Copy c : m.copies()) {
        sources.add(projects.get(c.project()).sourceFile());
      }
    }
    List<String> named = List.copyOf(sources);
    String from = named.size() <= 3 ? String.join(", ", named)
        : named.get(0) + ", " + named.get(1) + " and " + (named.size() - 2) + " other files";
    FlyteProject sharedProject = new FlyteProject(sharedPackage, from, sharedPackage,
        Optional.of("Tasks shared by several pipelines of the batch."), List.copyOf(sharedImages.values()),
        sharedVersioned, List.of(), List.of(), false);
    return new SharedTasks(rewritten, Optional.of(sharedProject), merges);
  }

  private static final String NO_IMAGE = "no image spec";

  /** Whether the task can be defined outside its project: nothing in it names the project's modules. */
  private static boolean mergeable(TaskDef t, FlyteProject p) {
    if (t.kind() == TaskKind.RAW_CONTAINER) {
      return true;
    }
    return t.kind() == TaskKind.PYTHON && t.body() instanceof TaskBody.PythonFunction f
        && f.style() == TaskBody.PythonFunction.Style.DIRECT
        && t.python().module().equals(p.pythonPackage() + ".tasks");
  }

  private static Optional<ImageDef> imageOf(TaskDef t, FlyteProject p) {
    Optional<String> spec = t.container().flatMap(Container::imageSpec);
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    return p.images().stream().filter(i -> i.name().equals(spec.get())).findFirst();
  }

  /** The task without what copies may differ in: names, description, source, version. */
  private static TaskDef neutral(TaskDef t) {
    Identifier id = new Identifier(t.id().resourceType(), t.id().project(), t.id().domain(), "task", "");
    Optional<Container> container = t.container().map(c -> c.imageSpec().isPresent()
        ? new Container("image spec", Optional.of("image spec"), c.command(), c.args(), c.resources(), c.env(),
            c.dataConfig())
        : c);
    return new TaskDef(id, t.kind(), t.iface(), t.metadata(), container, t.pod(), t.secrets(), t.body(),
        new PythonRef("module", "task"), Optional.empty(), "", t.span());
  }

  /** The image spec without its name (and the reference, which is derived from the name). */
  private static ImageDef neutral(ImageDef i) {
    return new ImageDef("image", i.baseImage(), i.packages(), i.pipExtraIndexUrls(), i.registry(),
        i.reference().substring(i.reference().lastIndexOf(':') + 1));
  }

  private static ImageDef withName(ImageDef i, String name) {
    return new ImageDef(name, i.baseImage(), i.packages(), i.pipExtraIndexUrls(), i.registry(), i.reference());
  }
}
