package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DOT output: clusters, both edge kinds, edges clipped at clusters, and text that cannot break out of its quotes. */
class DotTest {
  /** The DOT text outside quoted strings, with every quoted string replaced by {@code Q}; fails on an unclosed string. */
  private static String outsideStrings(String dot) {
    var b = new StringBuilder();
    boolean in = false;
    for (int i = 0; i < dot.length(); i++) {
      char c = dot.charAt(i);
      if (in) {
        if (c == '\\' && i + 1 < dot.length() && (dot.charAt(i + 1) == '"' || dot.charAt(i + 1) == '\\')) {
          i++;
        } else if (c == '"') {
          in = false;
          b.append('Q');
        }
      } else if (c == '"') {
        in = true;
      } else {
        b.append(c);
      }
    }
    assertFalse(in, "a quoted string is not closed");
    return b.toString();
  }

  /** The quoted strings of the text, unescaped, in order. */
  private static List<String> strings(String dot) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = null;
    for (int i = 0; i < dot.length(); i++) {
      char c = dot.charAt(i);
      if (cur != null) {
        if (c == '\\' && i + 1 < dot.length() && (dot.charAt(i + 1) == '"' || dot.charAt(i + 1) == '\\')) {
          cur.append(dot.charAt(++i));
        } else if (c == '"') {
          out.add(cur.toString());
          cur = null;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        cur = new StringBuilder();
      }
    }
    return out;
  }

  private static long count(String text, String token) {
    long n = 0;
    for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
      n++;
    }
    return n;
  }

  @Test
  void drawsShapesClustersAndBothEdgeKinds() {
    Dag dag = new Dag(
        List.of(
            Dag.Node.leaf("end", "end", Dag.Kind.TASK),
            new Dag.Node("loop", "for each", Dag.Kind.LOOP, List.of(Dag.Node.leaf("loop/w", "sub", Dag.Kind.WORKFLOW))),
            Dag.Node.leaf("c", "maybe", Dag.Kind.CONDITION)),
        List.of(new Dag.Edge("end", "loop", Dag.EdgeKind.DATA, "out"), new Dag.Edge("loop/w", "c", Dag.EdgeKind.ORDER, "")));
    assertEquals("""
        digraph "p" {
          graph [rankdir=TB, compound=true, fontname="Helvetica", fontsize=11, nodesep=0.3, ranksep=0.45];
          node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, fillcolor="#eaf1fb", color="#3d6aa8"];
          edge [fontname="Helvetica", fontsize=9, color="#555555", fontcolor="#444444"];
          "end" [label="end", shape=box, fillcolor="#eaf1fb", color="#3d6aa8"];
          subgraph "cluster_1" {
            label="for each";
            labeljust=l; style="rounded,dashed,filled"; fillcolor="#f3faf6"; color="#2f8a52";
            "loop" [label="", shape=point, style=invis, width=0, height=0];
            "loop/w" [label="sub", shape=box3d, fillcolor="#f0ebfb", color="#6e55b8"];
          }
          "c" [label="maybe", shape=diamond, fillcolor="#fff8e1", color="#b58a00"];
          "end" -> "loop" [label="out", lhead="cluster_1"];
          "loop/w" -> "c" [style=dashed];
        }
        """, Dot.digraph(dag, "p"));
  }

  @Test
  void clustersAreNumberedInDrawingOrderAndEdgesBetweenClustersAreClippedAtBothEnds() {
    Dag dag = new Dag(
        List.of(
            new Dag.Node("a", "A", Dag.Kind.EXIT_HANDLER, List.of(
                new Dag.Node("a/b", "B", Dag.Kind.BRANCHES, List.of(Dag.Node.leaf("a/b/t", "t", Dag.Kind.TASK))))),
            new Dag.Node("c", "C", Dag.Kind.CONDITION, List.of(Dag.Node.leaf("c/u", "u", Dag.Kind.OTHER)))),
        List.of(new Dag.Edge("a", "c", Dag.EdgeKind.ORDER, ""), new Dag.Edge("a", "a/b/t", Dag.EdgeKind.DATA, "x")));
    String dot = Dot.digraph(dag, "p");
    assertTrue(dot.contains("  subgraph \"cluster_1\" {\n    label=\"A\";"), dot);
    assertTrue(dot.contains("    subgraph \"cluster_2\" {\n      label=\"B\";"), dot);
    assertTrue(dot.contains("  subgraph \"cluster_3\" {\n    label=\"C\";"), dot);
    assertTrue(dot.contains("  \"a\" -> \"c\" [style=dashed, ltail=\"cluster_1\", lhead=\"cluster_3\"];\n"), dot);
    assertTrue(dot.contains("  \"a\" -> \"a/b/t\" [label=\"x\"];\n"),
        "no ltail when the head is inside the tail's cluster: " + dot);
    assertTrue(dot.contains("\"c/u\" [label=\"u\", shape=ellipse"), dot);
    assertTrue(dot.contains("\"a/b/t\" [label=\"t\", shape=box"), dot);
  }

  @Test
  void hostileIdsAndLabelsStayInsideTheirQuotes() {
    String evilId = "x\" -> \"y\"; \"z\\";
    String evilLabel = "say \"hi\" } subgraph cluster_9 { \\N \\\"";
    Dag dag = new Dag(
        List.of(
            new Dag.Node("c" + evilId, evilLabel, Dag.Kind.LOOP, List.of(Dag.Node.leaf(evilId, evilLabel, Dag.Kind.TASK))),
            Dag.Node.leaf("node", "edge", Dag.Kind.TASK)),
        List.of(new Dag.Edge(evilId, "node", Dag.EdgeKind.DATA, evilLabel), new Dag.Edge("c" + evilId, "node", Dag.EdgeKind.ORDER, "")));
    String dot = Dot.digraph(dag, "graph\" { evil");
    String outside = outsideStrings(dot);
    assertEquals(2, count(outside, "->"), "exactly the two edges: " + outside);
    assertEquals(1, count(outside, "subgraph"), outside);
    assertEquals(count(outside, "{"), count(outside, "}"), outside);
    List<String> strings = strings(dot);
    assertEquals("graph\" { evil", strings.get(0), "the name comes back unchanged");
    assertTrue(strings.contains(evilId), "the id comes back unchanged: " + strings);
    assertTrue(strings.contains(evilLabel), "the label comes back unchanged: " + strings);
    assertTrue(dot.contains("\\\\N"), "a backslash in a label is escaped, so Graphviz shows it instead of the node name");
  }

  @Test
  void longAndMultiLineLabelsAreShortenedToOneLine() {
    Dag dag = new Dag(List.of(Dag.Node.leaf("a", "first line\nsecond " + "x".repeat(100), Dag.Kind.TASK)), List.of());
    String dot = Dot.digraph(dag, "p");
    String label = strings(dot).stream().filter(s -> s.startsWith("first line")).findFirst().orElseThrow();
    assertEquals(ShortLabel.MAX, label.length());
    assertTrue(label.startsWith("first line second xxx") && label.endsWith("\u2026"), label);
    assertFalse(label.contains("\n"));
  }

  @Test
  void anEmptyDrawingSaysSo() {
    String dot = Dot.digraph(Dag.EMPTY, "p");
    assertTrue(dot.contains("  \"(empty)\" [label=\"(nothing to draw)\", shape=plaintext, style=\"\"];\n"), dot);
    assertTrue(dot.startsWith("digraph \"p\" {\n") && dot.endsWith("}\n"), dot);
  }

  @Test
  void theFixtureDrawsItsClustersEveryNodeAndEveryEdgeTheSameWayTwice() {
    Dag dag = IrDag.of(Fixtures.pipeline(Fixtures.FILE));
    String dot = Dot.digraph(dag, "train-and-notify");
    String outside = outsideStrings(dot);
    assertEquals(3, count(outside, "subgraph"), "exit handler, condition and loop: " + dot);
    assertEquals(dag.edges().size(), count(outside, "->"));
    long dashed = dag.edges().stream().filter(e -> e.kind() == Dag.EdgeKind.ORDER).count();
    assertEquals(dashed, count(dot, "style=dashed]") + count(dot, "style=dashed,"));
    assertTrue(dot.contains("\"exit-handler-1/for-loop-3/evaluate\" -> \"exit-handler-1/for-loop-3/publish\" [label=\"Output\"];"),
        dot);
    assertTrue(dot.contains("label=\"good-enough: if int(prepare.Output) > int(threshold)\";"), dot);
    assertEquals(dot, Dot.digraph(IrDag.of(Fixtures.pipeline(Fixtures.FILE)), "train-and-notify"));
  }

  /** Graphviz itself reads what we write, clusters, clipped edges and hostile text included (skipped without {@code dot}). */
  @Test
  void graphvizRendersTheFixtureAndHostileTextWithoutAWord(@TempDir Path dir) throws IOException, InterruptedException {
    Optional<Path> dot = onPath("dot");
    Assumptions.assumeTrue(dot.isPresent(), "no graphviz `dot` on the PATH");
    String evil = "x\" -> \"y\"; } subgraph cluster_9 { \\N \\";
    Dag hostile = new Dag(
        List.of(new Dag.Node("c" + evil, evil, Dag.Kind.LOOP, List.of(Dag.Node.leaf(evil, evil, Dag.Kind.TASK))),
            Dag.Node.leaf("node", "edge", Dag.Kind.EXIT_HANDLER)),
        List.of(new Dag.Edge("c" + evil, "node", Dag.EdgeKind.ORDER, evil), new Dag.Edge(evil, "node", Dag.EdgeKind.DATA, "")));
    for (String text : List.of(Dot.digraph(IrDag.of(Fixtures.pipeline(Fixtures.FILE)), "train-and-notify"),
        Dot.digraph(Fixtures.flyteDag(), "flyte"), Dot.digraph(hostile, evil), Dot.digraph(Dag.EMPTY, "empty"))) {
      Path in = dir.resolve("in.dot");
      Files.writeString(in, text, StandardCharsets.UTF_8);
      Path err = dir.resolve("err.txt");
      Process p = new ProcessBuilder(dot.get().toString(), "-Tsvg", "-o", dir.resolve("out.svg").toString(), in.toString())
          .redirectErrorStream(false).redirectError(err.toFile()).start();
      // A safety net against a hung process, not a measurement.
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dot did not finish");
      assertEquals(0, p.exitValue(), () -> "dot failed on:\n" + text + "\n" + read(err));
      assertEquals("", read(err), "dot warns about:\n" + text);
      assertTrue(Files.readString(dir.resolve("out.svg")).contains("<svg"), "dot drew nothing");
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Path.of(d.isEmpty() ? "." : d, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
