package io.flytemigrate.flyte.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one source pipeline becomes: the entities to register and the Python project that
 * defines them.
 *
 * <p>Lists are in registration order, which is also pyflyte's order: every entity after what it
 * references. {@code tasks} first; {@code workflows} with every sub-workflow before the workflows
 * that call it; {@code launchPlans} with each workflow's default plan first. A package writer
 * that numbers tasks, then workflows each followed by its plans, gets a valid topological order.
 *
 * <ul>
 *   <li>{@code pythonPackage}: the top-level Python package of the project, e.g. {@code coin_flip}
 *   <li>{@code sourceFile}: the source file as the user named it, for header comments
 *   <li>{@code pipelineName}: the source pipeline's name
 *   <li>{@code images}: images built from specs, in first-use order
 *   <li>{@code compatModule}: whether the project needs its compat module ({@code <package>.compat})
 * </ul>
 *
 * <p>A final class with a record's accessors, equality and text rather than a record, so that it
 * can keep its entities by id: writers look an entity up for every node that calls one, and a
 * scan of the lists each time made writing a long pipeline quadratic. The tables are built on
 * the first lookup.
 */
public final class FlyteProject {
  private final String pythonPackage;
  private final String sourceFile;
  private final String pipelineName;
  private final Optional<String> description;
  private final List<ImageDef> images;
  private final List<TaskDef> tasks;
  private final List<WorkflowDef> workflows;
  private final List<LaunchPlanDef> launchPlans;
  private final boolean compatModule;
  /** The entities by id and the default plans by workflow, first of equal keys; made on first use. */
  private Index index;

  private record Index(Map<Identifier, TaskDef> tasks, Map<Identifier, WorkflowDef> workflows,
      Map<Identifier, LaunchPlanDef> launchPlans, Map<Identifier, LaunchPlanDef> defaultPlans) {}

  public FlyteProject(
      String pythonPackage,
      String sourceFile,
      String pipelineName,
      Optional<String> description,
      List<ImageDef> images,
      List<TaskDef> tasks,
      List<WorkflowDef> workflows,
      List<LaunchPlanDef> launchPlans,
      boolean compatModule) {
    this.pythonPackage = Objects.requireNonNull(pythonPackage, "pythonPackage");
    this.sourceFile = Objects.requireNonNull(sourceFile, "sourceFile");
    this.pipelineName = Objects.requireNonNull(pipelineName, "pipelineName");
    this.description = Objects.requireNonNull(description, "description");
    this.images = List.copyOf(images);
    this.tasks = List.copyOf(tasks);
    this.workflows = List.copyOf(workflows);
    this.launchPlans = List.copyOf(launchPlans);
    this.compatModule = compatModule;
  }

  public String pythonPackage() {
    return pythonPackage;
  }

  public String sourceFile() {
    return sourceFile;
  }

  public String pipelineName() {
    return pipelineName;
  }

  public Optional<String> description() {
    return description;
  }

  public List<ImageDef> images() {
    return images;
  }

  public List<TaskDef> tasks() {
    return tasks;
  }

  public List<WorkflowDef> workflows() {
    return workflows;
  }

  public List<LaunchPlanDef> launchPlans() {
    return launchPlans;
  }

  public boolean compatModule() {
    return compatModule;
  }

  public Optional<TaskDef> task(Identifier id) {
    return Optional.ofNullable(index().tasks().get(id));
  }

  public Optional<WorkflowDef> workflow(Identifier id) {
    return Optional.ofNullable(index().workflows().get(id));
  }

  public Optional<LaunchPlanDef> launchPlan(Identifier id) {
    return Optional.ofNullable(index().launchPlans().get(id));
  }

  /** The workflow of role {@link WorkflowDef.Role#PIPELINE}: the pipeline itself. */
  public WorkflowDef pipelineWorkflow() {
    return workflows.stream().filter(w -> w.role() == WorkflowDef.Role.PIPELINE).findFirst()
        .orElseThrow(() -> new IllegalStateException("a project has a pipeline workflow"));
  }

  /** The default launch plan of a workflow. */
  public Optional<LaunchPlanDef> defaultPlan(Identifier workflow) {
    return Optional.ofNullable(index().defaultPlans().get(workflow));
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      Map<Identifier, TaskDef> t = new HashMap<>();
      tasks.forEach(x -> t.putIfAbsent(x.id(), x));
      Map<Identifier, WorkflowDef> w = new HashMap<>();
      workflows.forEach(x -> w.putIfAbsent(x.id(), x));
      Map<Identifier, LaunchPlanDef> l = new HashMap<>();
      Map<Identifier, LaunchPlanDef> d = new HashMap<>();
      for (LaunchPlanDef x : launchPlans) {
        l.putIfAbsent(x.id(), x);
        if (x.defaultPlan()) {
          d.putIfAbsent(x.workflow(), x);
        }
      }
      i = new Index(t, w, l, d);
      index = i; // a benign race: threads that build it at once build equal tables
    }
    return i;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof FlyteProject p && compatModule == p.compatModule
        && pythonPackage.equals(p.pythonPackage) && sourceFile.equals(p.sourceFile)
        && pipelineName.equals(p.pipelineName) && description.equals(p.description) && images.equals(p.images)
        && tasks.equals(p.tasks) && workflows.equals(p.workflows) && launchPlans.equals(p.launchPlans);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pythonPackage, sourceFile, pipelineName, description, images, tasks, workflows, launchPlans,
        compatModule);
  }

  @Override
  public String toString() {
    return "FlyteProject[pythonPackage=" + pythonPackage + ", sourceFile=" + sourceFile + ", pipelineName="
        + pipelineName + ", description=" + description + ", images=" + images + ", tasks=" + tasks + ", workflows="
        + workflows + ", launchPlans=" + launchPlans + ", compatModule=" + compatModule + "]";
  }
}
