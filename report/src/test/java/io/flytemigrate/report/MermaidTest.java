package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mermaid ids are safe and stable; labels cannot break the diagram. */
class MermaidTest {
  @Test
  void idsArePrefixedSanitisedAndDeduplicatedInOrder() {
    MermaidIds ids = new MermaidIds("src");
    assertEquals("src_end", ids.of("end"));
    assertEquals("src_a_b", ids.of("a-b"));
    assertEquals("src_a_b_2", ids.of("a_b"));
    assertEquals("src_a_b_3", ids.of("a.b"));
    assertEquals("src_a_b", ids.of("a-b"), "the same id again gets the same answer");
    assertEquals("src_o1", ids.of("o1"));
    assertEquals("src____", ids.of("é/ "));
  }

  @Test
  void aBadPrefixIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MermaidIds("1x"));
    assertThrows(IllegalArgumentException.class, () -> new MermaidIds("a-b"));
  }

  @Test
  void labelsAreEscapedAndOnOneLine() {
    assertEquals("say #quot;hi#quot; #35;1 #lt;b#gt; #amp; #96;x#96; #124; y", Mermaid.text("say \"hi\" #1 <b> & `x` | \n y"));
  }

  @Test
  void longLabelsAreShortened() {
    String label = "x".repeat(100);
    String shown = Mermaid.text(label);
    assertEquals(ShortLabel.MAX, shown.length());
    assertTrue(shown.endsWith("\u2026"));
  }

  @Test
  void drawsShapesSubgraphsAndBothEdgeKinds() {
    Dag dag = new Dag(
        List.of(
            Dag.Node.leaf("end", "end", Dag.Kind.TASK),
            new Dag.Node("loop", "for each", Dag.Kind.LOOP, List.of(Dag.Node.leaf("loop/w", "sub", Dag.Kind.WORKFLOW))),
            Dag.Node.leaf("c", "maybe", Dag.Kind.CONDITION)),
        List.of(new Dag.Edge("end", "loop", Dag.EdgeKind.DATA, "out"), new Dag.Edge("loop/w", "c", Dag.EdgeKind.ORDER, "")));
    assertEquals("""
        flowchart TB
          f_end["end"]
          subgraph f_loop["for each"]
            f_loop_w[["sub"]]
          end
          f_c{"maybe"}
          f_end -->|"out"| f_loop
          f_loop_w -.-> f_c
        """, Mermaid.flowchart(dag, "f"));
  }

  @Test
  void anEmptyDrawingSaysSo() {
    assertEquals("flowchart TB\n  s__empty_[\"(nothing to draw)\"]\n", Mermaid.flowchart(Dag.EMPTY, "s"));
  }

  @Test
  void theFixtureDrawsItsClustersAndNoRawQuotes() {
    String m = Mermaid.flowchart(IrDag.of(Fixtures.pipeline(Fixtures.FILE)), "src");
    assertEquals(3, m.lines().filter(l -> l.strip().startsWith("subgraph ")).count());
    assertEquals(3, m.lines().filter(l -> l.strip().equals("end")).count());
    assertFalse(m.contains(">int"), "the > of the condition is an entity: " + m);
    assertEquals(m, Mermaid.flowchart(IrDag.of(Fixtures.pipeline(Fixtures.FILE)), "src"));
  }
}
