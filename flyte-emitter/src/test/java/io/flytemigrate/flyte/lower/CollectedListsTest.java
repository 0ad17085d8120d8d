package io.flytemigrate.flyte.lower;

import static io.flytemigrate.flyte.lower.IrFixtures.INT;
import static io.flytemigrate.flyte.lower.IrFixtures.LIST;
import static io.flytemigrate.flyte.lower.IrFixtures.STR;
import static io.flytemigrate.flyte.lower.IrFixtures.artifact;
import static io.flytemigrate.flyte.lower.IrFixtures.bind;
import static io.flytemigrate.flyte.lower.IrFixtures.collected;
import static io.flytemigrate.flyte.lower.IrFixtures.graph;
import static io.flytemigrate.flyte.lower.IrFixtures.iface;
import static io.flytemigrate.flyte.lower.IrFixtures.list;
import static io.flytemigrate.flyte.lower.IrFixtures.loop;
import static io.flytemigrate.flyte.lower.IrFixtures.model;
import static io.flytemigrate.flyte.lower.IrFixtures.pipeline;
import static io.flytemigrate.flyte.lower.IrFixtures.port;
import static io.flytemigrate.flyte.lower.IrFixtures.python;
import static io.flytemigrate.flyte.lower.IrFixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.Variable;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.spi.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outputs collected over nested loops: parameters nest, artifacts are one flat list (as in KFP). */
class CollectedListsTest {
  private static final LiteralType FILE = new LiteralType.Blob("", LiteralType.BlobDimensionality.SINGLE);

  /** Two nested loops whose inner body's task produces {@code produced}; the outer loop collects it again. */
  private static Pipeline nested(IrType produced, boolean artifacts) {
    IrType collectedType = new IrType.ListOf(artifacts ? produced : new IrType.Any());
    Graph inner = graph(iface(List.of(port("b-item", STR)), List.of(artifacts ? artifact("out", collectedType)
        : port("out", collectedType))), List.of(task("make", "comp-make", bind("x", new Binding.LoopItem("inner")))),
        List.of(collected("out", "make", "Output")));
    Graph outer = graph(iface(List.of(port("bs", LIST), port("a-item", STR)), List.of(artifacts
        ? artifact("out", collectedType) : port("out", collectedType))),
        List.of(loop("inner", List.of(bind("bs", new Binding.GraphInput("bs"))), new LoopItems.FromInput("bs", false),
            "b-item", inner)), List.of(collected("out", "inner", "out")));
    Value strings = list(Value.str("x"), Value.str("y"));
    return pipeline("nested", List.of(
        python("comp-make", "make", iface(List.of(port("x", STR)), List.of(artifacts ? artifact("Output", produced)
            : port("Output", produced)))),
        python("comp-read", "read", iface(List.of(artifacts ? artifact("xs", collectedType) : port("xs", LIST)),
            List.of()))),
        graph(iface(List.of(IrFixtures.parameter("as", LIST, strings), IrFixtures.parameter("bs", LIST, strings)),
            List.of()), List.of(
            loop("outer", List.of(bind("as", new Binding.GraphInput("as")), bind("bs", new Binding.GraphInput("bs"))),
                new LoopItems.FromInput("as", false), "a-item", outer),
            task("read", "comp-read", bind("xs", new Binding.TaskOutput("outer", "out")))), List.of()));
  }

  private static Lowered lower(Pipeline p) {
    Outcome<Lowered> o = FlyteLowering.lower(p, LoweringOptions.DEFAULT);
    assertFalse(o.hasErrors(), o.diagnostics().toString());
    return o.value().orElseThrow();
  }

  private static TaskDef dynamic(Lowered l, String python) {
    return l.project().tasks().stream().filter(t -> t.python().name().equals(python)).findFirst().orElseThrow();
  }

  @Test
  void collectedParametersNest() {
    Lowered l = lower(nested(INT, false));
    LiteralType nestedInts = new LiteralType.Collection(new LiteralType.Collection(LiteralType.simple(
        LiteralType.SimpleType.INTEGER)));
    assertEquals(nestedInts, dynamic(l, "outer").iface().outputs().get(0).type());
    TaskDef read = dynamic(l, "read");
    assertEquals(nestedInts, read.iface().input("xs").map(Variable::type).orElseThrow(), "the consumer takes what it gets");
    assertTrue(((TaskBody.DynamicLoop) dynamic(l, "outer").body()).collected().get(0).flattenedBy().isEmpty());
  }

  @Test
  void collectedArtifactListsAreJoinedIntoOneList() {
    Lowered l = lower(nested(model(), true));
    TaskDef outer = dynamic(l, "outer");
    assertEquals(new LiteralType.Collection(FILE), outer.iface().outputs().get(0).type());
    Optional<io.flytemigrate.flyte.model.Identifier> join =
        ((TaskBody.DynamicLoop) outer.body()).collected().get(0).flattenedBy();
    TaskDef flatten = l.project().task(join.orElseThrow()).orElseThrow();
    assertEquals("flatten_files", flatten.python().name());
    assertEquals(new LiteralType.Collection(new LiteralType.Collection(FILE)), flatten.iface().inputs().get(0).type());
    assertTrue(flatten.id().version().matches("[A-Za-z0-9_-]+"), "the reference is versioned: " + flatten.id());
    String code = FlytekitProjectWriter.write(l.project()).stream().filter(f -> f.path().endsWith("workflows/nested.py"))
        .map(OutputFile::content).map(b -> new String(b, StandardCharsets.UTF_8)).findFirst().orElseThrow();
    assertTrue(code.contains("return tasks.flatten_files(lists=results)"), code);
    assertTrue(l.parity().entries().stream().anyMatch(e -> e.kind().equals("output") && e.source().equals("outer: `out`")
        && e.reason().contains("joined into one list")), l.parity().entries()::toString);
  }
}
