package io.flytemigrate.flyte.lower;

import static io.flytemigrate.flyte.lower.IrFixtures.LIST;
import static io.flytemigrate.flyte.lower.IrFixtures.STR;
import static io.flytemigrate.flyte.lower.IrFixtures.bind;
import static io.flytemigrate.flyte.lower.IrFixtures.graph;
import static io.flytemigrate.flyte.lower.IrFixtures.iface;
import static io.flytemigrate.flyte.lower.IrFixtures.list;
import static io.flytemigrate.flyte.lower.IrFixtures.loop;
import static io.flytemigrate.flyte.lower.IrFixtures.map;
import static io.flytemigrate.flyte.lower.IrFixtures.parameter;
import static io.flytemigrate.flyte.lower.IrFixtures.port;
import static io.flytemigrate.flyte.lower.IrFixtures.python;
import static io.flytemigrate.flyte.lower.IrFixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.LoopItems;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.spi.OutputFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A loop item that is not text reaches an input that takes text as its JSON text. */
class ItemTextsTest {
  /**
   * KFP's {@code for item in loop_parameter: print_text(msg=item); print_text(msg=item.B_b);
   * print_struct(struct=item); count(xs=item.B_b)}, over a list of objects whose {@code B_b} is a
   * list of strings.
   */
  private static Pipeline texts() {
    Binding item = new Binding.LoopItem("for-loop-1");
    Graph body = graph(iface(List.of(port("item", STR)), List.of()), List.of(
        task("print-item", "comp-print-text", bind("msg", item)),
        task("print-field", "comp-print-text", bind("msg", new Binding.Field(item, List.of("B_b"), "item.B_b"))),
        task("print-struct", "comp-print-struct", bind("struct", item)),
        task("count", "comp-count", bind("xs", new Binding.Field(item, List.of("B_b"), "item.B_b")))), List.of());
    Value objects = list(map("B_b", list(Value.str("A"))), map("B_b", list(Value.str("X"))));
    return IrFixtures.pipeline("texts", List.of(python("comp-print-text", "print_text", iface(List.of(port("msg", STR)), List.of())),
        python("comp-print-struct", "print_struct", iface(List.of(port("struct", new IrType.Struct())), List.of())),
        python("comp-count", "count", iface(List.of(port("xs", new IrType.ListOf(STR))), List.of()))),
        graph(iface(List.of(parameter("loop_parameter", LIST, objects)), List.of()),
            List.of(loop("for-loop-1", List.of(bind("xs", new Binding.GraphInput("loop_parameter"))),
                new LoopItems.FromInput("xs", false), "item", body)), List.of()));
  }

  @Test
  void textConsumersOfObjectItemsReadANewBodyInput() {
    Pipeline rewritten = ItemTexts.rewrite(texts());
    Node.LoopNode loop = (Node.LoopNode) rewritten.root().nodes().get(0);
    List<Node> nodes = loop.body().nodes();
    assertEquals(new Binding.GraphInput(ItemTexts.textPort(loop, List.of())), nodes.get(0).inputs().get(0).value());
    assertEquals(new Binding.GraphInput(ItemTexts.textPort(loop, List.of("B_b"))), nodes.get(1).inputs().get(0).value());
    assertEquals(new Binding.LoopItem("for-loop-1"), nodes.get(2).inputs().get(0).value(), "a dict input keeps the item");
    assertTrue(loop.body().iface().input(ItemTexts.textPort(loop, List.of("B_b"))).isPresent());
  }

  @Test
  void textPortNamesRoundTripTheirPath() {
    Node.LoopNode loop = (Node.LoopNode) texts().root().nodes().get(0);
    for (List<String> path : List.of(List.<String>of(), List.of("a"), List.of("a-1:b", ""), List.of("-3:x"))) {
      assertEquals(Optional.of(path), ItemTexts.textPath(loop, ItemTexts.textPort(loop, path)));
    }
    assertEquals(Optional.empty(), ItemTexts.textPath(loop, "item"));
    assertEquals(Optional.empty(), ItemTexts.textPath(loop, "item-as-json-9:x"));
  }

  @Test
  void theDynamicTaskPassesJsonTextAndTheLoopSaysSo() {
    Outcome<Lowered> o = FlyteLowering.lower(texts(), LoweringOptions.DEFAULT);
    assertFalse(o.hasErrors(), o.diagnostics().toString());
    Lowered l = o.value().orElseThrow();
    TaskDef dyn = l.project().tasks().stream().filter(t -> t.body() instanceof TaskBody.DynamicLoop).findFirst()
        .orElseThrow();
    assertEquals(new LiteralType.Collection(new LiteralType.Struct()), dyn.iface().inputs().get(0).type());
    List<TaskBody.LoopArgument> args = ((TaskBody.DynamicLoop) dyn.body()).arguments();
    assertTrue(args.contains(new TaskBody.LoopArgument("item_json", new TaskBody.LoopValue.ItemJson(List.of()))), args::toString);
    assertTrue(args.contains(new TaskBody.LoopArgument("item_b_b_json", new TaskBody.LoopValue.ItemJson(List.of("B_b")))),
        args::toString);
    assertTrue(args.contains(new TaskBody.LoopArgument("item", new TaskBody.LoopValue.Item())), args::toString);
    assertEquals(Fidelity.APPROXIMATED, l.parity().entries().stream().filter(e -> e.kind().equals("loop")).findFirst()
        .orElseThrow().status());
    String code = FlytekitProjectWriter.write(l.project()).stream().filter(f -> f.path().endsWith("workflows/texts.py"))
        .map(OutputFile::content).map(b -> new String(b, StandardCharsets.UTF_8)).findFirst().orElseThrow();
    assertTrue(code.contains("import json\n"), code);
    assertTrue(code.contains("item_b_b_json=json.dumps(item[\"B_b\"])"), code);
    assertTrue(code.contains("item_json=json.dumps(item)"), code);
  }
}
