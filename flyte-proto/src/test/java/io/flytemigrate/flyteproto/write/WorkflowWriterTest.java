package io.flytemigrate.flyteproto.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import flyteidl.admin.WorkflowOuterClass;
import flyteidl.core.Workflow;
import io.flytemigrate.flyte.model.Binding;
import io.flytemigrate.flyte.model.BindingData;
import io.flytemigrate.flyte.model.BooleanExpression;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.model.IfElseBlock;
import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.Node;
import io.flytemigrate.flyte.model.NodeMetadata;
import io.flytemigrate.flyte.model.NodeTarget;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskMetadata;
import io.flytemigrate.flyte.model.WorkflowDef;
import io.flytemigrate.flyteproto.Models;
import io.flytemigrate.ir.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WorkflowWriterTest {
  private static final TaskDef T = Models.pythonTask("pkg.tasks", "t", Models.iface(List.of(Models.var("x", Models.INT)),
      List.of(Models.var("o0", Models.INT))));

  private static WorkflowOuterClass.WorkflowSpec write(FlyteProject p, WorkflowDef wf) {
    return new WorkflowWriter(new IdWriter(PackageOptions.Versions.MODEL), new ProjectIndex(p)).write(wf);
  }

  @Test
  void nodesRepeatTheTasksRetriesAndTimeoutUnlessTheyOverrideThem() {
    TaskDef retried = new TaskDef(T.id(), T.kind(), T.iface(), new TaskMetadata(false, "", false, 2, Optional.of(60L), Optional.empty()),
        T.container(), T.pod(), T.secrets(), T.body(), T.python(), T.description(), T.sourceComponent(), T.span());
    Node plain = Models.call("a", T.id(), List.of(Models.input("x", "x")), List.of());
    Node overridden = new Node("b", new NodeMetadata("b", Optional.of(5), Optional.empty(), Optional.of(true)),
        List.of(Models.promise("x", "a", "o0")), List.of("a"), new NodeTarget.TaskCall(T.id(), Optional.empty()), "b", Span.NONE);
    WorkflowDef wf = Models.workflow("pkg.workflows.p.p", Models.iface(List.of(Models.var("x", Models.INT)), List.of()),
        List.of(plain, overridden), List.of(), Optional.empty(), WorkflowDef.Role.PIPELINE);
    Workflow.WorkflowTemplate t = write(Models.project(List.of(retried), List.of(wf), List.of()), wf).getTemplate();
    Workflow.Node a = t.getNodes(0);
    assertEquals("a", a.getMetadata().getName());
    assertEquals(2, a.getMetadata().getRetries().getRetries());
    assertEquals(60, a.getMetadata().getTimeout().getSeconds());
    assertEquals("start-node", a.getInputs(0).getBinding().getPromise().getNodeId());
    Workflow.Node b = t.getNodes(1);
    assertEquals(5, b.getMetadata().getRetries().getRetries());
    assertTrue(b.getMetadata().getInterruptible());
    assertEquals(List.of("a"), b.getUpstreamNodeIdsList());
    assertEquals("a", b.getInputs(0).getBinding().getPromise().getNodeId());
    assertEquals("o0", b.getInputs(0).getBinding().getPromise().getVar());
    assertEquals(Models.VERSION, b.getTaskNode().getReferenceId().getVersion());
    assertTrue(t.hasMetadata() && t.hasMetadataDefaults());
  }

  @Test
  void arrayNodesAreWrittenAsFieldTenOfTheCurrentIdl() throws Exception {
    Node sub = Models.call("t", T.id(), List.of(new Binding("x", new BindingData.Promise("start-node", "xs")),
        new Binding("y", new BindingData.Static(new Literal.IntValue(7)))), List.of());
    Node array = Models.array("for-loop-1", sub, OptionalInt.of(4), List.of("y"));
    WorkflowDef wf = Models.workflow("pkg.workflows.p.p", Models.iface(List.of(), List.of()), List.of(array), List.of(),
        Optional.empty(), WorkflowDef.Role.PIPELINE);
    Workflow.Node n = write(Models.project(List.of(T), List.of(wf), List.of()), wf).getTemplate().getNodes(0);
    assertFalse(n.hasTaskNode());
    assertEquals(Workflow.Node.TargetCase.TARGET_NOT_SET, n.getTargetCase());
    List<ByteString> field = n.getUnknownFields().getField(10).getLengthDelimitedList();
    assertEquals(1, field.size());
    CodedInputStream in = field.get(0).newCodedInput();
    Workflow.Node parsedSub = null;
    int parallelism = -1;
    float ratio = -1;
    boolean originalInterface = false;
    List<String> bound = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case 1 -> parsedSub = Workflow.Node.parseFrom(in.readBytes());
        case 2 -> parallelism = in.readUInt32();
        case 4 -> ratio = in.readFloat();
        case 6 -> originalInterface = in.readBytes().isEmpty();
        case 8 -> bound.add(in.readString());
        default -> throw new AssertionError("unexpected field " + WireFormat.getTagFieldNumber(tag));
      }
    }
    assertEquals("t", parsedSub.getId());
    assertEquals(T.id().name(), parsedSub.getTaskNode().getReferenceId().getName());
    assertEquals(4, parallelism);
    assertEquals(1.0f, ratio);
    assertTrue(originalInterface);
    assertEquals(List.of("y"), bound);
  }

  @Test
  void branchesKeepTheirCasesAndSubWorkflowsAreCollectedFromThemSortedAndOnce() {
    WorkflowDef body = Models.workflow("pkg.workflows.p.z_body", Models.iface(List.of(), List.of()),
        List.of(Models.call("t", T.id(), List.of(), List.of())), List.of(), Optional.empty(), WorkflowDef.Role.BRANCH_BODY);
    WorkflowDef other = Models.workflow("pkg.workflows.p.a_body", Models.iface(List.of(), List.of()),
        List.of(Models.subWorkflow("inner", body.id(), List.of())), List.of(), Optional.empty(), WorkflowDef.Role.BRANCH_BODY);
    BooleanExpression gt = new BooleanExpression.Comparison(BooleanExpression.ComparisonOp.GT,
        new BooleanExpression.Operand.Var(".x"), new BooleanExpression.Operand.Primitive(new Literal.IntValue(5)));
    IfElseBlock block = new IfElseBlock(new IfElseBlock.IfBlock(gt, Models.subWorkflow("c1", body.id(), List.of())),
        List.of(new IfElseBlock.IfBlock(gt, Models.subWorkflow("c2", other.id(), List.of()))), Optional.empty(),
        Optional.of(new IfElseBlock.BranchError("cond", "no case matched")));
    Node branch = new Node("cond", NodeMetadata.named("cond"), List.of(Models.input(".x", "x")), List.of(),
        new NodeTarget.Branch(block), "cond", Span.NONE);
    Node failure = Models.subWorkflow("fn0", body.id(), List.of());
    WorkflowDef wf = Models.workflow("pkg.workflows.p.p", Models.iface(List.of(Models.var("x", Models.INT)), List.of()),
        List.of(branch), List.of(), Optional.of(failure), WorkflowDef.Role.PIPELINE);
    WorkflowOuterClass.WorkflowSpec spec = write(Models.project(List.of(T), List.of(body, other, wf), List.of()), wf);
    assertEquals(List.of("pkg.workflows.p.a_body", "pkg.workflows.p.z_body"),
        spec.getSubWorkflowsList().stream().map(s -> s.getId().getName()).toList());
    Workflow.IfElseBlock ie = spec.getTemplate().getNodes(0).getBranchNode().getIfElse();
    assertEquals(flyteidl.core.Condition.ComparisonExpression.Operator.GT, ie.getCase().getCondition().getComparison().getOperator());
    assertEquals(".x", ie.getCase().getCondition().getComparison().getLeftValue().getVar());
    assertEquals(5, ie.getCase().getCondition().getComparison().getRightValue().getPrimitive().getInteger());
    assertEquals("c2", ie.getOther(0).getThenNode().getId());
    assertEquals("no case matched", ie.getError().getMessage());
    assertEquals("fn0", spec.getTemplate().getFailureNode().getId());
  }

  @Test
  void staticListsBecomeCollectionsOfScalarBindings() {
    Node n = Models.call("a", T.id(), List.of(new Binding("x", new BindingData.Static(new Literal.CollectionValue(
        List.of(new Literal.IntValue(1), new Literal.IntValue(2)))))), List.of());
    WorkflowDef wf = Models.workflow("pkg.workflows.p.p", Models.iface(List.of(), List.of()), List.of(n), List.of(),
        Optional.empty(), WorkflowDef.Role.PIPELINE);
    var b = write(Models.project(List.of(T), List.of(wf), List.of()), wf).getTemplate().getNodes(0).getInputs(0).getBinding();
    assertEquals(2, b.getCollection().getBindingsCount());
    assertEquals(2, b.getCollection().getBindings(1).getScalar().getPrimitive().getInteger());
  }
}
