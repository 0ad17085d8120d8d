package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.core.Literals;
import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.write.PackageOptions;
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
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A source constant and the package literal it became are compared as values, not as printed
 * text: a list or an object the translation passes to a {@code str} input as JSON is the same
 * value as the source's (the false FM5505 of issue #8, Airflow's {@code choices=["a", "b"]}).
 */
class ConstantComparisonTest {
  private static final Span S = Span.at("dag.py", 1, 1);

  private static Literals.Primitive text(String s) {
    return Literals.Primitive.newBuilder().setStringValue(s).build();
  }

  private static Value list(Value... items) {
    return new Value.ListValue(List.of(items));
  }

  @Test
  void aListPassedAsJsonTextIsTheSameList() {
    Value choices = list(Value.str("a"), Value.str("b"), Value.str("c"), Value.str("d"));
    assertTrue(ValueCompare.equal(choices, text("[\"a\", \"b\", \"c\", \"d\"]")));
    assertTrue(ValueCompare.equal(choices, text("[\"a\",\"b\",\"c\",\"d\"]")), "spacing is not part of the value");
    assertFalse(ValueCompare.equal(choices, text("[\"a\", \"b\", \"c\"]")));
    assertFalse(ValueCompare.equal(choices, text("[\"a\", \"b\", \"d\", \"c\"]")), "a list keeps its order");
    assertFalse(ValueCompare.equal(choices, text("[a, b, c, d]")), "not JSON, and not the same text either");
  }

  @Test
  void anObjectPassedAsJsonTextIsTheSameObjectInAnyKeyOrder() {
    Value params = new Value.MapValue(List.of(new Value.Entry("miff", Value.str("agg")),
        new Value.Entry("n", new Value.Int(2))));
    assertTrue(ValueCompare.equal(params, text("{\"miff\": \"agg\", \"n\": 2}")));
    assertTrue(ValueCompare.equal(params, text("{\"n\": 2.0, \"miff\": \"agg\"}")), "numbers compare numerically");
    assertFalse(ValueCompare.equal(params, text("{\"miff\": \"agg\", \"n\": \"2\"}")), "a string is not a number");
    assertFalse(ValueCompare.equal(params, text("{\"miff\": \"agg\"}")));
    assertFalse(ValueCompare.equal(params, text("{\"miff\": \"agg\", \"n\": 2} trailing")));
  }

  @Test
  void scalarsPassedAsTextStillCompareAsBefore() {
    assertTrue(ValueCompare.equal(new Value.Int(5), text("5")));
    assertTrue(ValueCompare.equal(new Value.Bool(true), text("true")));
    assertTrue(ValueCompare.equal(Value.str("[1]"), text("[1]")), "a string is compared as a string");
    assertFalse(ValueCompare.equal(Value.str("x"), text("\"x\"")));
  }

  @Test
  void jsonTextReadsNestedValuesAndRejectsWhatIsNotJson() {
    assertEquals(Optional.of(list(new Value.Int(1), new Value.Float(2.5), new Value.Null(),
            new Value.MapValue(List.of(new Value.Entry("k", list(new Value.Bool(false), Value.str("q\"\n"))))))),
        JsonText.parse(" [1, 2.5, null, {\"k\": [false, \"q\\\"\\n\"]}] "));
    assertEquals(Optional.of(new Value.Float(Double.NaN)), JsonText.parse("NaN"));
    for (String bad : List.of("", "[1,", "{\"a\" 1}", "[1] [2]", "'a'", "{a: 1}", "\"open", "1-2")) {
      assertEquals(Optional.empty(), JsonText.parse(bad), bad);
    }
  }

  /** One container task whose `str` inputs are bound to a list and an object constant, which reach it as JSON text. */
  private static Pipeline branchingPipeline() {
    IrType str = IrType.primitive(IrType.Scalar.STRING);
    Port choices = new Port("choices", str, false, false, Optional.empty(), Optional.empty(), S);
    Port params = new Port("params", str, false, false, Optional.empty(), Optional.empty(), S);
    Component c = new Component.ContainerComponent("comp-branching", new Interface(List.of(choices, params), List.of()),
        Optional.empty(), new ContainerSpec("python:3.11", List.of(new Arg.Literal("echo")),
            List.of(new Arg.InputRef("choices", Arg.Access.VALUE), new Arg.InputRef("params", Arg.Access.VALUE)),
            List.of(), Resources.NONE, KubernetesSettings.NONE, S), S);
    Node.TaskNode t = new Node.TaskNode("branching", "branching", "comp-branching", List.of(
        new InputBinding("choices", new Binding.Constant(list(Value.str("a"), Value.str("b"))), Span.at("dag.py", 4, 9)),
        new InputBinding("params", new Binding.Constant(new Value.MapValue(List.of(new Value.Entry("miff", Value.str("agg"))))),
            Span.at("dag.py", 5, 9))), List.of(),
        new TaskSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            TaskSettings.Trigger.ALL_SUCCEEDED, S), Optional.empty(), Span.at("dag.py", 3, 5));
    return new Pipeline("branching", Optional.empty(), Optional.empty(),
        new Pipeline.SourceInfo("dag.py", "airflow", Optional.empty(), Optional.empty()), List.of(c),
        new Graph(Interface.EMPTY, List.of(t), List.of(), S), Pipeline.PipelineSettings.NONE, S);
  }

  @Test
  void aPackageThatPassesAListAsTextHasNoMissingDataEdge() {
    Pipeline p = branchingPipeline();
    Lowered l = FlyteLowering.lower(p, LoweringOptions.DEFAULT).value().orElseThrow();
    FlytePackage pkg = FlytePackage.write(l.project(), FlytekitProjectWriter.write(l.project()), PackageOptions.DEFAULT);
    List<Diagnostic> found = Verifier.verify("flyte-package.tgz", pkg.bytes(), p, Optional.of(l.parity()));
    assertTrue(l.parity().entries().stream().anyMatch(e -> e.source().equals("`branching.choices`")
        && e.reason().contains("is passed as text")), "the list is passed as text: " + l.parity().entries());
    assertEquals(List.of(), found.stream().filter(d -> d.code().equals(Codes.VERIFY_MISSING_DATA_EDGE)).toList());
    assertTrue(Verifier.passed(found), found.toString());
  }
}
