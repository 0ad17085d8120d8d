package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layered layout: children inside clusters, producers above consumers, no overlaps, stable. */
class DagLayoutTest {
  private static boolean inside(DagLayout.Box inner, DagLayout.Box outer) {
    return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.x() + inner.w() <= outer.x() + outer.w()
        && inner.bottom() <= outer.bottom();
  }

  private static boolean overlap(DagLayout.Box a, DagLayout.Box b) {
    return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.bottom() && b.y() < a.bottom();
  }

  private static void children(Dag.Node n, Map<String, DagLayout.Box> boxes) {
    for (Dag.Node c : n.children()) {
      assertTrue(inside(boxes.get(c.id()), boxes.get(n.id())), c.id() + " is outside " + n.id());
      children(c, boxes);
    }
    for (Dag.Node a : n.children()) {
      for (Dag.Node b : n.children()) {
        assertTrue(a == b || !overlap(boxes.get(a.id()), boxes.get(b.id())), a.id() + " overlaps " + b.id());
      }
    }
  }

  @Test
  void theFixtureIsLaidOutInsideOutAndTopDown() {
    Dag dag = IrDag.of(Fixtures.pipeline(Fixtures.FILE));
    DagLayout.Result r = DagLayout.of(dag);
    Map<String, DagLayout.Box> boxes = r.byId();
    for (Dag.Node n : dag.nodes()) {
      children(n, boxes);
      DagLayout.Box b = boxes.get(n.id());
      assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.w() <= r.width() && b.bottom() <= r.height(), n.id());
    }
    for (Dag.Edge e : dag.edges()) {
      assertTrue(boxes.get(e.from()).bottom() <= boxes.get(e.to()).y(), e.from() + " is not above " + e.to());
    }
    assertEquals(8, r.boxes().size(), "every node placed once: 2 at the top, 3 in the handler, 1 in the condition, 2 in the loop");
    assertEquals(8, r.boxes().stream().map(x -> x.node().id()).distinct().count());
  }

  @Test
  void aCycleIsBrokenAtTheFirstNode() {
    Dag dag = new Dag(List.of(Dag.Node.leaf("a", "a", Dag.Kind.TASK), Dag.Node.leaf("b", "b", Dag.Kind.TASK)),
        List.of(new Dag.Edge("a", "b", Dag.EdgeKind.DATA, ""), new Dag.Edge("b", "a", Dag.EdgeKind.DATA, "")));
    DagLayout.Result r = DagLayout.of(dag);
    assertTrue(r.byId().get("a").bottom() <= r.byId().get("b").y());
    assertTrue(SvgDag.render(dag, "x", "cycle").contains("<path class=\"edge\""));
  }

  @Test
  void nodesOfOneLayerFollowTheirProducers() {
    Dag dag = new Dag(
        List.of(Dag.Node.leaf("p1", "p1", Dag.Kind.TASK), Dag.Node.leaf("p2", "p2", Dag.Kind.TASK),
            Dag.Node.leaf("c2", "c2", Dag.Kind.TASK), Dag.Node.leaf("c1", "c1", Dag.Kind.TASK)),
        List.of(new Dag.Edge("p1", "c1", Dag.EdgeKind.DATA, ""), new Dag.Edge("p2", "c2", Dag.EdgeKind.DATA, "")));
    Map<String, DagLayout.Box> b = DagLayout.of(dag).byId();
    assertTrue(b.get("p1").x() < b.get("p2").x());
    assertTrue(b.get("c1").x() < b.get("c2").x(), "c1 sits under p1 although it comes after c2");
    assertEquals(b.get("c1").y(), b.get("c2").y());
  }

  @Test
  void anEdgeIntoAClusterLayersTheCluster() {
    Dag dag = new Dag(
        List.of(new Dag.Node("k", "k", Dag.Kind.LOOP, List.of(Dag.Node.leaf("k/in", "in", Dag.Kind.TASK))),
            Dag.Node.leaf("src", "src", Dag.Kind.TASK)),
        List.of(new Dag.Edge("src", "k/in", Dag.EdgeKind.DATA, ""), new Dag.Edge("k", "k/in", Dag.EdgeKind.ORDER, "")));
    Map<String, DagLayout.Box> b = DagLayout.of(dag).byId();
    assertTrue(b.get("src").bottom() <= b.get("k").y(), "the cluster goes below the producer of its child");
  }

  @Test
  void theSameDrawingGivesTheSameSvg() {
    Dag dag = IrDag.of(Fixtures.pipeline(Fixtures.FILE));
    assertEquals(SvgDag.render(dag, "a", "t"), SvgDag.render(IrDag.of(Fixtures.pipeline(Fixtures.FILE)), "a", "t"));
  }
}
