package io.flytemigrate.flyteproto.verify;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.TaskOuterClass;
import flyteidl.admin.WorkflowOuterClass;
import flyteidl.core.Tasks;
import flyteidl.core.Workflow;
import io.flytemigrate.flyteproto.PackageJson;
import io.flytemigrate.flyteproto.TestArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Injects faults into a package's messages or files, for verifier tests. */
final class Tamper {
  private Tamper() {}

  static List<PackageJson.Member> files(byte[] tgz) {
    return PackageJson.untar(PackageJson.gunzip(tgz));
  }

  static byte[] pack(List<PackageJson.Member> files) {
    return TestArchive.tgz(files);
  }

  /** Applies {@code f} to every workflow template, registered ones and the copies in {@code sub_workflows}. */
  static byte[] workflows(byte[] tgz, UnaryOperator<Workflow.WorkflowTemplate> f) {
    List<PackageJson.Member> out = new ArrayList<>();
    for (PackageJson.Member m : files(tgz)) {
      if (m.name().endsWith("_2.pb")) {
        WorkflowOuterClass.WorkflowSpec spec = parseWorkflow(m.content());
        WorkflowOuterClass.WorkflowSpec.Builder b = spec.toBuilder().setTemplate(f.apply(spec.getTemplate()));
        for (int i = 0; i < b.getSubWorkflowsCount(); i++) {
          b.setSubWorkflows(i, f.apply(b.getSubWorkflows(i)));
        }
        out.add(new PackageJson.Member(m.name(), b.build().toByteArray()));
      } else {
        out.add(m);
      }
    }
    return pack(out);
  }

  static byte[] tasks(byte[] tgz, UnaryOperator<Tasks.TaskTemplate> f) {
    List<PackageJson.Member> out = new ArrayList<>();
    for (PackageJson.Member m : files(tgz)) {
      if (m.name().endsWith("_1.pb")) {
        try {
          TaskOuterClass.TaskSpec spec = TaskOuterClass.TaskSpec.parseFrom(m.content());
          out.add(new PackageJson.Member(m.name(), spec.toBuilder().setTemplate(f.apply(spec.getTemplate())).build().toByteArray()));
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException(e);
        }
      } else {
        out.add(m);
      }
    }
    return pack(out);
  }

  static byte[] launchPlans(byte[] tgz, UnaryOperator<LaunchPlanOuterClass.LaunchPlan> f) {
    List<PackageJson.Member> out = new ArrayList<>();
    for (PackageJson.Member m : files(tgz)) {
      if (m.name().endsWith("_3.pb")) {
        try {
          out.add(new PackageJson.Member(m.name(), f.apply(LaunchPlanOuterClass.LaunchPlan.parseFrom(m.content())).toByteArray()));
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException(e);
        }
      } else {
        out.add(m);
      }
    }
    return pack(out);
  }

  private static WorkflowOuterClass.WorkflowSpec parseWorkflow(byte[] b) {
    try {
      return WorkflowOuterClass.WorkflowSpec.parseFrom(b);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A workflow's nodes with {@code f} applied to each (recursion into branches is the caller's business). */
  static Workflow.WorkflowTemplate nodes(Workflow.WorkflowTemplate wf, UnaryOperator<Workflow.Node> f) {
    Workflow.WorkflowTemplate.Builder b = wf.toBuilder();
    for (int i = 0; i < b.getNodesCount(); i++) {
      b.setNodes(i, f.apply(b.getNodes(i)));
    }
    return b.build();
  }
}
