package io.flytemigrate.flyte.model;

import java.util.List;
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
 * @param pythonPackage the top-level Python package of the project, e.g. {@code coin_flip}
 * @param sourceFile the source file as the user named it, for header comments
 * @param pipelineName the source pipeline's name
 * @param images images built from specs, in first-use order
 * @param compatModule whether the project needs its compat module ({@code <package>.compat})
 */
public record FlyteProject(
    String pythonPackage,
    String sourceFile,
    String pipelineName,
    Optional<String> description,
    List<ImageDef> images,
    List<TaskDef> tasks,
    List<WorkflowDef> workflows,
    List<LaunchPlanDef> launchPlans,
    boolean compatModule) {
  public FlyteProject {
    Objects.requireNonNull(pythonPackage, "pythonPackage");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(pipelineName, "pipelineName");
    Objects.requireNonNull(description, "description");
    images = List.copyOf(images);
    tasks = List.copyOf(tasks);
    workflows = List.copyOf(workflows);
    launchPlans = List.copyOf(launchPlans);
  }

  public Optional<TaskDef> task(Identifier id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<WorkflowDef> workflow(Identifier id) {
    return workflows.stream().filter(w -> w.id().equals(id)).findFirst();
  }

  public Optional<LaunchPlanDef> launchPlan(Identifier id) {
    return launchPlans.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The workflow of role {@link WorkflowDef.Role#PIPELINE}: the pipeline itself. */
  public WorkflowDef pipelineWorkflow() {
    return workflows.stream().filter(w -> w.role() == WorkflowDef.Role.PIPELINE).findFirst()
        .orElseThrow(() -> new IllegalStateException("a project has a pipeline workflow"));
  }

  /** The default launch plan of a workflow. */
  public Optional<LaunchPlanDef> defaultPlan(Identifier workflow) {
    return launchPlans.stream().filter(l -> l.defaultPlan() && l.workflow().equals(workflow)).findFirst();
  }
}
