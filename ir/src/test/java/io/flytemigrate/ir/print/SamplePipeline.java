package io.flytemigrate.ir.print;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.InputBinding;
import io.flytemigrate.ir.Interface;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.KubernetesSettings;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;

/** A one-task pipeline built by hand, shaped like a compiled KFP "echo" pipeline. */
final class SamplePipeline {
  static final String FILE = "pipeline.yaml";

  private SamplePipeline() {}

  static Span span(int line, int column, int endLine, int endColumn) {
    return new Span(FILE, line, column, endLine, endColumn);
  }

  /** A required STRING parameter: artifact and optional false, no default, no description. */
  static Port requiredMsg() {
    return new Port("msg", IrType.primitive(IrType.Scalar.STRING), false, false, Optional.empty(), Optional.empty(),
        span(9, 9, 10, 1));
  }

  /** An optional STRING parameter with a default. */
  static Port optionalMsg() {
    return new Port("msg", IrType.primitive(IrType.Scalar.STRING), false, true, Optional.of(Value.str("hello")),
        Optional.empty(), span(30, 7, 33, 1));
  }

  static Component.ContainerComponent echoComponent() {
    var container =
        new ContainerSpec(
            "python:3.11",
            List.of(new Arg.Literal("echo")),
            List.of(new Arg.InputRef("msg", Arg.Access.VALUE)),
            List.of(),
            Resources.NONE,
            KubernetesSettings.NONE,
            span(8, 5, 15, 1));
    return new Component.ContainerComponent(
        "comp-echo", new Interface(List.of(requiredMsg()), List.of()), Optional.empty(), container, span(4, 3, 11, 1));
  }

  static Node.TaskNode echoTask() {
    var settings =
        new TaskSettings(Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(),
            TaskSettings.Trigger.ALL_SUCCEEDED, span(21, 9, 22, 30));
    return new Node.TaskNode(
        "echo",
        "echo",
        "comp-echo",
        List.of(new InputBinding("msg", new Binding.GraphInput("msg"), span(23, 13, 24, 1))),
        List.of(),
        settings,
        Optional.empty(),
        span(20, 7, 27, 1));
  }

  static Pipeline pipeline() {
    var root =
        new Graph(new Interface(List.of(optionalMsg()), List.of()), List.of(echoTask()), List.of(), span(17, 3, 33, 1));
    return new Pipeline(
        "echo",
        Optional.empty(),
        Optional.of("says hello"),
        new Pipeline.SourceInfo(FILE, "kfp-v2", Optional.of("2.1.0"), Optional.of("kfp-2.14.6")),
        List.of(echoComponent()),
        root,
        Pipeline.PipelineSettings.NONE,
        span(1, 1, 35, 1));
  }
}
