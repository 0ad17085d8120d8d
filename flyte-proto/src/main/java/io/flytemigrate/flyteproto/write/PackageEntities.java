package io.flytemigrate.flyteproto.write;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of this package: a project's entities as the messages {@code pyflyte package}
 * writes, in registration order. The same project and options always give equal messages.
 */
public final class PackageEntities {
  private PackageEntities() {}

  public static List<RegistrableEntity> write(FlyteProject project, PackageOptions options) {
    IdWriter ids = new IdWriter(options.versions());
    ProjectIndex index = new ProjectIndex(project);
    TaskWriter tasks = new TaskWriter(ids, options);
    WorkflowWriter workflows = new WorkflowWriter(ids, index);
    LaunchPlanWriter plans = new LaunchPlanWriter(ids);
    List<RegistrableEntity> out = new ArrayList<>();
    for (EntityOrder.Item item : EntityOrder.of(index)) {
      Identifier id = item.id();
      switch (id.resourceType()) {
        case TASK -> {
          TaskDef t = index.task(id).orElseThrow();
          out.add(new RegistrableEntity(id.name(), id.resourceType(), tasks.write(t)));
        }
        case WORKFLOW -> {
          WorkflowDef w = index.workflow(id).orElseThrow();
          out.add(new RegistrableEntity(id.name(), id.resourceType(), workflows.write(w)));
        }
        case LAUNCH_PLAN -> {
          LaunchPlanDef l = index.launchPlan(id).orElseThrow();
          out.add(new RegistrableEntity(id.name(), id.resourceType(), plans.write(l)));
        }
        default -> throw new AssertionError(id);
      }
    }
    return out;
  }
}
