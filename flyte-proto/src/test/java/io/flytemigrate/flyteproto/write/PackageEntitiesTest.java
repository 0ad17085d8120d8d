package io.flytemigrate.flyteproto.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LaunchPlanDef;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.flyteproto.Models;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageEntitiesTest {
  private static List<String> order(FlyteProject p) {
    return PackageEntities.write(p, PackageOptions.DEFAULT).stream().map(e -> e.kind().number() + ":" + e.name()).toList();
  }

  @Test
  void tasksComeFirstThenEachWorkflowFollowedByItsPlans() {
    assertEquals(List.of("1:pkg.tasks.produce", "1:pkg.tasks.consume", "2:pkg.workflows.pipeline.pipeline",
        "3:pkg.workflows.pipeline.pipeline"), order(Models.twoTasks()));
  }

  @Test
  void aWorkflowCallingALaunchPlanComesAfterThatPlanAndItsWorkflow() {
    TaskDef t = Models.pythonTask("pkg.tasks", "t", Models.iface(List.of(), List.of()));
    WorkflowDef callee = Models.workflow("pkg.workflows.b.b", Models.iface(List.of(), List.of()),
        List.of(Models.call("t", t.id(), List.of(), List.of())), List.of(), Optional.empty(), WorkflowDef.Role.NESTED_PIPELINE);
    LaunchPlanDef calleePlan = Models.defaultPlan(callee, List.of());
    Node lpCall = new Node("run-b", NodeMetadata.named("run-b"), List.of(), List.of(), new NodeTarget.LaunchPlanCall(calleePlan.id()),
        "run-b", Span.NONE);
    WorkflowDef caller = Models.workflow("pkg.workflows.a.a", Models.iface(List.of(), List.of()), List.of(lpCall), List.of(),
        Optional.empty(), WorkflowDef.Role.PIPELINE);
    LaunchPlanDef callerPlan = Models.defaultPlan(caller, List.of());
    FlyteProject p = Models.project(List.of(t), List.of(caller, callee), List.of(callerPlan, calleePlan));
    assertEquals(List.of("1:pkg.tasks.t", "2:pkg.workflows.b.b", "3:pkg.workflows.b.b", "2:pkg.workflows.a.a", "3:pkg.workflows.a.a"),
        order(p));
  }

  @Test
  void identifiersAreEmptyOfVersionsUnlessTheModelsAreAsked() {
    FlyteProject p = Models.twoTasks();
    RegistrableEntity first = PackageEntities.write(p, PackageOptions.DEFAULT).get(0);
    flyteidl.core.IdentifierOuterClass.Identifier id =
        ((flyteidl.admin.TaskOuterClass.TaskSpec) first.message()).getTemplate().getId();
    assertEquals("", id.getVersion());
    assertEquals("", id.getProject());
    assertEquals(flyteidl.core.IdentifierOuterClass.ResourceType.TASK, id.getResourceType());
    RegistrableEntity versioned = PackageEntities.write(p, PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL)).get(0);
    assertEquals(Models.VERSION, ((flyteidl.admin.TaskOuterClass.TaskSpec) versioned.message()).getTemplate().getId().getVersion());
  }

  @Test
  void projectAndDomainComeFromTheModel() {
    FlyteProject p = Models.twoTasks();
    TaskDef t = p.tasks().get(0);
    Identifier chosen = new Identifier(Identifier.ResourceType.TASK, "flytesnacks", "development", t.id().name(), "v1");
    FlyteProject withIds = Models.project(List.of(t.withId(chosen)), List.of(), List.of());
    var id = ((flyteidl.admin.TaskOuterClass.TaskSpec) PackageEntities.write(withIds, PackageOptions.DEFAULT).get(0).message())
        .getTemplate().getId();
    assertEquals("flytesnacks", id.getProject());
    assertEquals("development", id.getDomain());
    assertEquals("", id.getVersion());
  }
}
