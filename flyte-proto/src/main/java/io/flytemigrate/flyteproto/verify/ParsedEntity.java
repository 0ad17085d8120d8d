package io.flytemigrate.flyteproto.verify;

import com.google.protobuf.Message;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.TaskOuterClass;
import flyteidl.admin.WorkflowOuterClass;
import flyteidl.core.IdentifierOuterClass;
import java.util.Objects;

/**
 * One {@code .pb} file of the package and the message its suffix says it holds.
 *
 * @param position the file's position among the package's {@code .pb} files, in archive order
 * @param indexText the file name's index prefix as written, e.g. {@code 07}
 * @param kind the suffix digit: 1 task, 2 workflow, 3 launch plan
 */
record ParsedEntity(String fileName, int position, String indexText, String name, int kind, byte[] bytes, Message message) {
  ParsedEntity {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(message, "message");
  }

  boolean isTask() {
    return message instanceof TaskOuterClass.TaskSpec;
  }

  boolean isWorkflow() {
    return message instanceof WorkflowOuterClass.WorkflowSpec;
  }

  boolean isLaunchPlan() {
    return message instanceof LaunchPlanOuterClass.LaunchPlan;
  }

  TaskOuterClass.TaskSpec task() {
    return (TaskOuterClass.TaskSpec) message;
  }

  WorkflowOuterClass.WorkflowSpec workflow() {
    return (WorkflowOuterClass.WorkflowSpec) message;
  }

  LaunchPlanOuterClass.LaunchPlan launchPlan() {
    return (LaunchPlanOuterClass.LaunchPlan) message;
  }

  /** The id the message declares for itself. */
  IdentifierOuterClass.Identifier id() {
    if (isTask()) {
      return task().getTemplate().getId();
    }
    if (isWorkflow()) {
      return workflow().getTemplate().getId();
    }
    return launchPlan().getId();
  }
}
