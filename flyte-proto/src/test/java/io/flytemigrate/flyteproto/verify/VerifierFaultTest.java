package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.core.Condition;
import flyteidl.core.Literals;
import flyteidl.core.Types;
import flyteidl.core.Workflow;
import io.flytemigrate.flyteproto.PackageJson;
import io.flytemigrate.flyteproto.Translation;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.parity.ParityEntry;
import io.flytemigrate.ir.parity.ParityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verifier catches faults injected into good packages, each with the diagnostic the fault
 * calls for, and finds nothing new when nothing changed.
 */
class VerifierFaultTest {
  private static final String BRANCHES = "kfp/sdk_compiled_pipelines/valid/if_elif_else_with_oneof_parameters.yaml";
  private static final String LOOPS = "kfp/sdk_compiled_pipelines/valid/pipeline_with_parallelfor_pipeline_param.yaml";
  private static final String AFTER = "kfp/sdk_compiled_pipelines/valid/cross_loop_after_topology.yaml";
  private static final String MAP = "kfp/sdk_compiled_pipelines/valid/parallel_and_nested/nested_parallel_for_secret.yaml";
  private static final String EXIT = "kfp/sdk_compiled_pipelines/valid/local_execution/local_execution_pipeline_with_exit_handler.yaml";
  private static final String DEFAULTS = "kfp/sdk_compiled_pipelines/valid/pipeline_as_exit_task.yaml";

  private static List<Diagnostic> verify(Translation t, byte[] pkg) {
    return Verifier.verify("flyte-package.tgz", pkg, t.pipeline(), Optional.of(t.lowered().parity()));
  }

  /** Diagnostics the tampered package has and the original lacks. */
  private static List<Diagnostic> added(Translation t, byte[] tampered) {
    List<Diagnostic> before = verify(t, t.pkg().bytes());
    List<Diagnostic> after = new ArrayList<>(verify(t, tampered));
    after.removeAll(before);
    return after;
  }

  private static void assertFound(List<Diagnostic> ds, Code code, String... fragments) {
    if (Boolean.getBoolean("show")) {
      System.out.println(code.id() + ":\n" + text(ds));
    }
    boolean found = ds.stream().anyMatch(d -> d.code().equals(code) && List.of(fragments).stream().allMatch(d.message()::contains));
    assertTrue(found, "expected " + code.id() + " mentioning " + List.of(fragments) + " in:\n" + text(ds));
  }

  private static String text(List<Diagnostic> ds) {
    StringBuilder b = new StringBuilder();
    ds.forEach(d -> b.append("  ").append(d.span()).append(' ').append(d.code().id()).append(' ').append(d.message()).append('\n'));
    return b.toString();
  }

  private static boolean isRoot(Workflow.WorkflowTemplate wf, Translation t) {
    return wf.getId().getName().equals(t.project().pipelineWorkflow().id().name());
  }

  @Test
  void theUntouchedPackagesVerify() {
    for (String p : List.of(BRANCHES, LOOPS, AFTER, MAP, EXIT)) {
      Translation t = Translation.of(p);
      List<Diagnostic> ds = verify(t, t.pkg().bytes());
      assertTrue(Verifier.passed(ds), p + ":\n" + text(ds));
    }
  }

  @Test
  void aRemovedNodeIsAMissingTask() {
    Translation t = Translation.of(BRANCHES);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> {
      if (!isRoot(wf, t)) {
        return wf;
      }
      Workflow.WorkflowTemplate.Builder b = wf.toBuilder().clearNodes();
      wf.getNodesList().stream().filter(n -> !n.getMetadata().getName().equals("print-and-return")).forEach(b::addNodes);
      return b.build();
    });
    assertFound(added(t, tampered), Codes.VERIFY_MISSING_TASK, "`print-and-return`", "has no node named");
  }

  @Test
  void aDroppedTaskMayBeMissing() {
    Translation t = Translation.of(BRANCHES);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> {
      if (!isRoot(wf, t)) {
        return wf;
      }
      Workflow.WorkflowTemplate.Builder b = wf.toBuilder().clearNodes().clearOutputs();
      wf.getNodesList().stream().filter(n -> !n.getMetadata().getName().equals("print-and-return")).forEach(b::addNodes);
      b.setInterface(wf.getInterface().toBuilder().setOutputs(flyteidl.core.Interface.VariableMap.getDefaultInstance()));
      return b.build();
    });
    io.flytemigrate.ir.Node dropped = t.pipeline().root().node("print-and-return").orElseThrow();
    List<ParityEntry> entries = new ArrayList<>(t.lowered().parity().entries());
    entries.add(ParityEntry.dropped("task", "print-and-return", dropped.span(), "left out for the test"));
    ParityReport parity = new ParityReport(t.pipeline().name(), t.pipeline().source().file(), entries);
    List<Diagnostic> ds = Verifier.verify("flyte-package.tgz", tampered, t.pipeline(), Optional.of(parity));
    assertFalse(ds.stream().anyMatch(d -> d.code().equals(Codes.VERIFY_MISSING_TASK)), text(ds));
  }

  @Test
  void aRewiredBindingIsAMissingDataEdge() {
    Translation t = Translation.of(BRANCHES);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> !isRoot(wf, t) ? wf : Tamper.nodes(wf, n -> {
      if (!n.getMetadata().getName().equals("print-and-return")) {
        return n;
      }
      Workflow.Node.Builder b = n.toBuilder().clearInputs();
      for (Literals.Binding in : n.getInputsList()) {
        b.addInputs(in.toBuilder().setBinding(Literals.BindingData.newBuilder().setScalar(Literals.Scalar.newBuilder()
            .setPrimitive(Literals.Primitive.newBuilder().setStringValue("rewired")))));
      }
      return b.build();
    }));
    assertFound(added(t, tampered), Codes.VERIFY_MISSING_DATA_EDGE, "`text`", "`print-and-return`", "`rewired`");
  }

  @Test
  void aBindingRewiredToAnotherNodeInALoopBodyIsAMissingDataEdge() {
    Translation t = Translation.of(LOOPS);
    String body = t.project().workflows().stream().filter(w -> w.id().name().endsWith("for_loop_1_body")).findFirst().orElseThrow()
        .id().name();
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> !wf.getId().getName().equals(body) ? wf : Tamper.nodes(wf, n -> {
      Workflow.Node.Builder b = n.toBuilder().clearInputs();
      for (Literals.Binding in : n.getInputsList()) {
        b.addInputs(in.toBuilder().setBinding(Literals.BindingData.newBuilder().setScalar(Literals.Scalar.newBuilder()
            .setPrimitive(Literals.Primitive.newBuilder().setStringValue("constant")))));
      }
      return b.build();
    }));
    assertFound(added(t, tampered), Codes.VERIFY_MISSING_DATA_EDGE, "`constant`");
  }

  @Test
  void aChangedDefaultIsAParameterMismatch() {
    Translation t = Translation.of(DEFAULTS);
    byte[] tampered = Tamper.launchPlans(t.pkg().bytes(), lp -> {
      var params = lp.getSpec().getDefaultInputs().toBuilder();
      if (!params.containsParameters("message")) {
        return lp;
      }
      params.putParameters("message", params.getParametersOrThrow("message").toBuilder()
          .setDefault(Literals.Literal.newBuilder().setScalar(Literals.Scalar.newBuilder()
              .setPrimitive(Literals.Primitive.newBuilder().setStringValue("Goodbye")))).build());
      return lp.toBuilder().setSpec(lp.getSpec().toBuilder().setDefaultInputs(params)).build();
    });
    assertFound(added(t, tampered), Codes.VERIFY_PARAMETER_MISMATCH, "`message`", "`Hello World!`", "`Goodbye`");
  }

  @Test
  void aRequiredParameterWithoutItsDefaultIsAParameterMismatch() {
    Translation t = Translation.of(DEFAULTS);
    byte[] tampered = Tamper.launchPlans(t.pkg().bytes(), lp -> {
      var params = lp.getSpec().getDefaultInputs().toBuilder();
      if (!params.containsParameters("message")) {
        return lp;
      }
      params.putParameters("message", params.getParametersOrThrow("message").toBuilder().clearDefault().setRequired(true).build());
      return lp.toBuilder().setSpec(lp.getSpec().toBuilder().setDefaultInputs(params)).build();
    });
    assertFound(added(t, tampered), Codes.VERIFY_PARAMETER_MISMATCH, "`message`", "has no default in the package");
  }

  @Test
  void aChangedConditionIsABranchMismatch() {
    Translation t = Translation.of(BRANCHES);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> Tamper.nodes(wf, n -> {
      if (!n.hasBranchNode()) {
        return n;
      }
      Workflow.IfElseBlock block = n.getBranchNode().getIfElse();
      Condition.BooleanExpression cond = block.getCase().getCondition();
      Condition.BooleanExpression changed = cond.toBuilder().setComparison(cond.getComparison().toBuilder()
          .setRightValue(Condition.Operand.newBuilder().setPrimitive(Literals.Primitive.newBuilder().setStringValue("edge")))).build();
      return n.toBuilder().setBranchNode(n.getBranchNode().toBuilder().setIfElse(block.toBuilder()
          .setCase(block.getCase().toBuilder().setCondition(changed)))).build();
    }));
    assertFound(added(t, tampered), Codes.VERIFY_BRANCH_MISMATCH, "the condition of `condition-2`");
  }

  @Test
  void aMissingCaseIsABranchMismatch() {
    Translation t = Translation.of(BRANCHES);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> Tamper.nodes(wf, n -> {
      if (!n.hasBranchNode() || n.getBranchNode().getIfElse().getOtherCount() == 0) {
        return n;
      }
      Workflow.IfElseBlock block = n.getBranchNode().getIfElse();
      return n.toBuilder().setBranchNode(n.getBranchNode().toBuilder().setIfElse(block.toBuilder().clearOther())).build();
    }));
    List<Diagnostic> ds = added(t, tampered);
    assertFound(ds, Codes.VERIFY_BRANCH_MISMATCH, "case `condition-3`");
  }

  @Test
  void aMapTaskWithoutTheLoopsLimitIsALoopMismatch() {
    Translation t = Translation.of(MAP);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> Tamper.nodes(wf, n -> {
      if (!n.getUnknownFields().hasField(10)) {
        return n;
      }
      com.google.protobuf.ByteString array = n.getUnknownFields().getField(10).getLengthDelimitedList().get(0);
      com.google.protobuf.ByteString withoutLimit;
      try {
        withoutLimit = com.google.protobuf.UnknownFieldSet.parseFrom(array).toBuilder().clearField(2).build().toByteString();
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
      return n.toBuilder().setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder().addField(10,
          com.google.protobuf.UnknownFieldSet.Field.newBuilder().addLengthDelimited(withoutLimit).build()).build()).build();
    }));
    assertFound(added(t, tampered), Codes.VERIFY_LOOP_MISMATCH, "runs at most 1 at a time", "runs any number at a time");
  }

  @Test
  void aRemovedTaskOfALoopBodyIsAMissingTask() {
    Translation t = Translation.of(LOOPS);
    String body = t.project().workflows().stream().filter(w -> w.id().name().endsWith("for_loop_1_body")).findFirst().orElseThrow()
        .id().name();
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> !wf.getId().getName().equals(body) ? wf
        : wf.toBuilder().setNodes(0, wf.getNodes(0).toBuilder().setMetadata(wf.getNodes(0).getMetadata().toBuilder().setName("renamed"))).build());
    assertFound(added(t, tampered), Codes.VERIFY_MISSING_TASK, "has no node named");
  }

  @Test
  void aRemovedOrderingEdgeIsAMissingOrderingEdge() {
    Translation t = Translation.of(AFTER);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> !isRoot(wf, t) ? wf : Tamper.nodes(wf,
        n -> n.getMetadata().getName().equals("for-loop-4") ? n.toBuilder().clearUpstreamNodeIds().build() : n));
    assertFound(added(t, tampered), Codes.VERIFY_MISSING_ORDERING_EDGE, "`for-loop-4` runs after `for-loop-2`");
  }

  @Test
  void aMissingFailureNodeIsAnExitHandlerMismatch() {
    Translation t = Translation.of(EXIT);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> wf.toBuilder().clearFailureNode().build());
    assertFound(added(t, tampered), Codes.VERIFY_EXIT_HANDLER_MISMATCH, "has no failure node");
  }

  @Test
  void anInputOfAnotherTypeIsABindingTypeMismatch() {
    Translation t = Translation.of(BRANCHES);
    byte[] tampered = Tamper.tasks(t.pkg().bytes(), task -> {
      if (!task.getInterface().getInputs().containsVariables("text")) {
        return task;
      }
      var inputs = task.getInterface().getInputs().toBuilder();
      inputs.putVariables("text", inputs.getVariablesOrThrow("text").toBuilder()
          .setType(Types.LiteralType.newBuilder().setSimple(Types.SimpleType.INTEGER)).build());
      return task.toBuilder().setInterface(task.getInterface().toBuilder().setInputs(inputs)).build();
    });
    assertFound(added(t, tampered), Codes.VERIFY_BINDING_TYPE_MISMATCH, "input `text`", "has type `INTEGER`", "`STRING`");
  }

  @Test
  void aCallOfAnUnknownTaskIsADanglingReference() {
    Translation t = Translation.of(BRANCHES);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), wf -> !isRoot(wf, t) ? wf : Tamper.nodes(wf, n -> !n.hasTaskNode() ? n
        : n.toBuilder().setTaskNode(n.getTaskNode().toBuilder().setReferenceId(n.getTaskNode().getReferenceId().toBuilder()
            .setVersion("other"))).build()));
    assertFound(added(t, tampered), Codes.VERIFY_DANGLING_REFERENCE, "which the package does not hold with that identifier");
  }

  @Test
  void aPackageWithoutItsFastTarballHasTheWrongLayout() {
    Translation t = Translation.of(BRANCHES);
    List<PackageJson.Member> files = new ArrayList<>(Tamper.files(t.pkg().bytes()));
    files.removeIf(m -> m.name().startsWith("fast"));
    assertFound(added(t, Tamper.pack(files)), Codes.VERIFY_PACKAGE_LAYOUT, "loads its code from a fast tarball, but the package has none");
  }

  @Test
  void indexesWithoutZeroPaddingHaveTheWrongLayout() {
    Translation t = Translation.of(LOOPS);
    List<PackageJson.Member> files = new ArrayList<>();
    for (PackageJson.Member m : Tamper.files(t.pkg().bytes())) {
      files.add(m.name().startsWith("0") && m.name().length() > 2 && Character.isDigit(m.name().charAt(1))
          ? new PackageJson.Member(m.name().substring(1), m.content()) : m);
    }
    files.sort((a, b) -> a.name().compareTo(b.name()));
    assertFound(added(t, Tamper.pack(files)), Codes.VERIFY_PACKAGE_LAYOUT, "has index `0`", "its index is `00`");
  }

  @Test
  void aFastTarballWithAnotherNameHasTheWrongLayout() {
    Translation t = Translation.of(BRANCHES);
    List<PackageJson.Member> files = new ArrayList<>();
    for (PackageJson.Member m : Tamper.files(t.pkg().bytes())) {
      files.add(m.name().startsWith("fast") ? new PackageJson.Member("fast0123456789abcdef0123456789abcdef.tar.gz", m.content()) : m);
    }
    assertFound(added(t, Tamper.pack(files)), Codes.VERIFY_PACKAGE_LAYOUT, "should be named");
  }

  @Test
  void garbageIsAnUnreadablePackage() {
    Translation t = Translation.of(BRANCHES);
    List<Diagnostic> ds = verify(t, "not a package".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(1, ds.size(), text(ds));
    assertEquals(Codes.VERIFY_UNREADABLE_PACKAGE, ds.get(0).code());
    assertEquals("flyte-package.tgz", ds.get(0).span().file());
  }

  @Test
  void aTruncatedMessageIsUnreadable() {
    Translation t = Translation.of(BRANCHES);
    List<PackageJson.Member> files = new ArrayList<>();
    for (PackageJson.Member m : Tamper.files(t.pkg().bytes())) {
      files.add(m.name().endsWith("_2.pb") ? new PackageJson.Member(m.name(), java.util.Arrays.copyOf(m.content(), m.content().length / 2)) : m);
    }
    assertFound(added(t, Tamper.pack(files)), Codes.VERIFY_UNREADABLE_PACKAGE, "is not a valid `flyteidl.admin.WorkflowSpec` message");
  }
}
