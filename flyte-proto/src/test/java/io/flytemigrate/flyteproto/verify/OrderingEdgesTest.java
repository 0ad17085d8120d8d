package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flyteidl.core.Workflow;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyteproto.Translation;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Ordering edges ({@code after}) of large graphs: a fan-out whose last task waits for 2,000
 * others reads back clean, a missing upstream id among them is found, and an edge the package
 * keeps only through another node (transitively) still holds.
 */
class OrderingEdgesTest {
  private static final int FAN = 2_000;

  @Test
  void aFanOutOfTwoThousandOrderingEdgesVerifies() {
    Translation t = fanOut(FAN);
    List<Diagnostic> ds = verify(t, t.pkg().bytes());
    assertEquals(List.of(), ds);
  }

  @Test
  void aMissingUpstreamIdOfTheFanOutIsFound() {
    Translation t = fanOut(FAN);
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), dropUpstream("z-gather", "t-777"));
    List<Diagnostic> ds = verify(t, tampered);
    assertEquals(1, ds.size(), ds::toString);
    assertEquals(Codes.VERIFY_MISSING_ORDERING_EDGE, ds.get(0).code());
    assertEquals("`z-gather` runs after `t-777` in the source, but its node does not wait for `t-777`'s node in the package",
        ds.get(0).message());
  }

  @Test
  void anEdgeKeptThroughAnotherNodeHolds() {
    Translation t = Translation.ofText("chain.yaml", chainWithShortcut(), LoweringOptions.DEFAULT, PackageOptions.DEFAULT);
    assertEquals(List.of(), verify(t, t.pkg().bytes()));
    // `t-2` still waits for `t-0` through `t-1`, whose output it reads.
    byte[] tampered = Tamper.workflows(t.pkg().bytes(), dropUpstream("t-2", "t-0"));
    assertEquals(List.of(), verify(t, tampered));
    // Without `t-1`'s upstream id and promise, nothing leads from `t-2` (or `t-1`) to `t-0` any more.
    byte[] cut = Tamper.workflows(tampered, dropUpstream("t-1", "t-0"));
    List<Diagnostic> ds = verify(t, cut);
    assertEquals(List.of("`t-1` runs after `t-0` in the source, but its node does not wait for `t-0`'s node in the package",
            "`t-2` runs after `t-0` in the source, but its node does not wait for `t-0`'s node in the package"),
        ds.stream().filter(d -> d.code().equals(Codes.VERIFY_MISSING_ORDERING_EDGE)).map(Diagnostic::message).toList(), ds::toString);
  }

  private static List<Diagnostic> verify(Translation t, byte[] pkg) {
    return Verifier.verify("flyte-package.tgz", pkg, t.pipeline(), Optional.of(t.lowered().parity()));
  }

  /** Removes {@code upstream} from the upstream ids of the node named {@code node}. */
  private static UnaryOperator<Workflow.WorkflowTemplate> dropUpstream(String node, String upstream) {
    return wf -> {
      Workflow.WorkflowTemplate.Builder b = wf.toBuilder();
      for (int i = 0; i < b.getNodesCount(); i++) {
        Workflow.Node n = b.getNodes(i);
        if (n.getMetadata().getName().equals(node)) {
          Workflow.Node.Builder nb = n.toBuilder().clearUpstreamNodeIds();
          for (String id : n.getUpstreamNodeIdsList()) {
            if (!id.equals(upstream) && !id.endsWith("-" + upstream) && !id.equals(upstream.replace('-', '_'))) {
              nb.addUpstreamNodeIds(id);
            }
          }
          nb.clearInputs();
          for (var in : n.getInputsList()) {
            if (!in.getBinding().hasPromise() || !in.getBinding().getPromise().getNodeId().equals(upstreamId(wf, upstream))) {
              nb.addInputs(in);
            }
          }
          b.setNodes(i, nb);
        }
      }
      return b.build();
    };
  }

  private static String upstreamId(Workflow.WorkflowTemplate wf, String name) {
    return wf.getNodesList().stream().filter(n -> n.getMetadata().getName().equals(name)).map(Workflow.Node::getId)
        .findFirst().orElse(name);
  }

  /** One producer, {@code n} tasks reading its output, and a last task that waits for all of them. */
  static Translation fanOut(int n) {
    StringBuilder b = new StringBuilder(header());
    b.append("root:\n  dag:\n    tasks:\n");
    produce(b, "t-0");
    for (int i = 1; i <= n; i++) {
      consume(b, "t-" + i, List.of("t-0"), "t-0");
    }
    b.append("      z-gather:\n        componentRef:\n          name: comp-gather\n        dependentTasks:\n");
    for (int i = 1; i <= n; i++) {
      b.append("        - t-").append(i).append('\n');
    }
    b.append("        taskInfo:\n          name: z-gather\n");
    b.append("schemaVersion: 2.1.0\nsdkVersion: kfp-2.13.0\n");
    return Translation.ofText("fan-out.yaml", b.toString(), LoweringOptions.DEFAULT, PackageOptions.DEFAULT);
  }

  /** {@code t-0 -> t-1 -> t-2}, where {@code t-2} also names {@code t-0} among the tasks it runs after. */
  static String chainWithShortcut() {
    StringBuilder b = new StringBuilder(header());
    b.append("root:\n  dag:\n    tasks:\n");
    produce(b, "t-0");
    consume(b, "t-1", List.of("t-0"), "t-0");
    consume(b, "t-2", List.of("t-0", "t-1"), "t-1");
    b.append("schemaVersion: 2.1.0\nsdkVersion: kfp-2.13.0\n");
    return b.toString();
  }

  private static String header() {
    return """
        components:
          comp-consume:
            executorLabel: exec-consume
            inputDefinitions:
              parameters:
                text:
                  parameterType: STRING
            outputDefinitions:
              parameters:
                Output:
                  parameterType: STRING
          comp-gather:
            executorLabel: exec-gather
          comp-produce:
            executorLabel: exec-produce
            outputDefinitions:
              parameters:
                Output:
                  parameterType: STRING
        deploymentSpec:
          executors:
            exec-consume:
              container:
                args:
                - echo {{$.inputs.parameters['text']}} > {{$.outputs.parameters['Output'].output_file}}
                command:
                - sh
                - -c
                image: python:3.11
            exec-gather:
              container:
                args:
                - echo done
                command:
                - sh
                - -c
                image: python:3.11
            exec-produce:
              container:
                args:
                - echo go > {{$.outputs.parameters['Output'].output_file}}
                command:
                - sh
                - -c
                image: python:3.11
        pipelineInfo:
          name: ordering
        """;
  }

  private static void produce(StringBuilder b, String id) {
    b.append("      ").append(id).append(":\n        componentRef:\n          name: comp-produce\n");
    b.append("        taskInfo:\n          name: ").append(id).append('\n');
  }

  private static void consume(StringBuilder b, String id, List<String> after, String producer) {
    b.append("      ").append(id).append(":\n        componentRef:\n          name: comp-consume\n        dependentTasks:\n");
    for (String a : after) {
      b.append("        - ").append(a).append('\n');
    }
    b.append("        inputs:\n          parameters:\n            text:\n              taskOutputParameter:\n");
    b.append("                outputParameterKey: Output\n                producerTask: ").append(producer).append('\n');
    b.append("        taskInfo:\n          name: ").append(id).append('\n');
  }
}
