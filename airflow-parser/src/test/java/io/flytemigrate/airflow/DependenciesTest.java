package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way Airflow declares an edge, with Airflow's exact semantics. */
class DependenciesTest {
  private static final String HEAD = """
      from airflow import DAG
      from airflow.operators.empty import EmptyOperator
      from airflow.models.baseoperator import chain, chain_linear, cross_downstream
      from airflow.utils.edgemodifier import Label
      with DAG("d", schedule=None) as dag:
          a, b, c, d, e, f = [EmptyOperator(task_id=x) for x in "abcdef"]
      """;

  private static List<String> edges(String body) {
    return Read.edges(Read.one(HEAD + body.indent(4)));
  }

  @Test
  void shiftIsPairwiseBecauseItReturnsItsRightOperand() {
    assertEquals(List.of("a -> b", "b -> c"), edges("a >> b >> c"));
  }

  @Test
  void leftShiftReverses() {
    assertEquals(List.of("b -> a", "c -> b"), edges("a << b << c"));
  }

  @Test
  void aListOnOneSideFansOutAndIn() {
    assertEquals(List.of("a -> b", "a -> c", "b -> d", "c -> d"), edges("a >> [b, c] >> d"));
    assertEquals(List.of("a -> c", "b -> c", "d -> c"), edges("[a, b] >> c << d"));
  }

  @Test
  void listsOnBothSidesAreATypeError() {
    Outcome<List<Pipeline>> o = Read.dagFile(HEAD + "    [a, b] >> [c, d]\n");
    assertEquals(List.of("FM3018"), Read.codes(o));
    assertTrue(Read.edges(o.value().get().get(0)).isEmpty());
  }

  @Test
  void chainJoinsAdjacentListsPairwise() {
    assertEquals(List.of("a -> b", "a -> c", "b -> d", "c -> e", "d -> f", "e -> f"),
        edges("chain(a, [b, c], [d, e], f)"));
  }

  @Test
  void chainWithListsOfDifferentLengthsIsRejected() {
    Outcome<List<Pipeline>> o = Read.dagFile(HEAD + "    chain([a, b], [c, d, e])\n");
    assertEquals(List.of("FM3018"), Read.codes(o));
  }

  @Test
  void chainLinearAndCrossDownstreamAreAllToAll() {
    assertEquals(List.of("a -> c", "a -> d", "b -> c", "b -> d", "c -> e", "d -> e"),
        edges("chain_linear([a, b], [c, d], e)"));
    assertEquals(List.of("a -> c", "a -> d", "b -> c", "b -> d"), edges("cross_downstream([a, b], [c, d])"));
  }

  @Test
  void starredChainOfAList() {
    assertEquals(List.of("a -> b", "b -> c"), edges("tasks = [a, b]\ntasks.append(c)\nchain(*tasks)"));
  }

  @Test
  void setUpstreamAndSetDownstream() {
    assertEquals(List.of("a -> b", "a -> c", "d -> a"), edges("a.set_downstream([b, c])\na.set_upstream(d)"));
  }

  @Test
  void labelsSitOnTheEdgeBetweenTheirNeighbours() {
    Pipeline p = Read.one(HEAD + "    a >> Label(\"yes\") >> b >> c\n");
    assertEquals(List.of("a -> b", "b -> c"), Read.edges(p));
    String labels = Read.task(p, "b").settings().attributes().stream()
        .filter(x -> x.key().equals("airflow.edge_labels")).findFirst().orElseThrow().value().toString();
    assertTrue(labels.contains("yes") && labels.contains("a"), labels);
  }

  @Test
  void aTaskGroupConnectsItsLeavesAndRoots() {
    String src = """
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        from airflow.utils.task_group import TaskGroup
        with DAG("d", schedule=None):
            start = EmptyOperator(task_id="start")
            with TaskGroup("g") as g:
                x = EmptyOperator(task_id="x")
                y = EmptyOperator(task_id="y")
                z = EmptyOperator(task_id="z")
                x >> z
            end = EmptyOperator(task_id="end")
            start >> g >> end
        """;
    assertEquals(List.of("g.x -> g.z", "g.y -> end", "g.z -> end", "start -> g.x", "start -> g.y"),
        Read.edges(Read.one(src)));
  }

  @Test
  void aLoopVariableThatOutlivesItsLoopIsTheLastTask() {
    String src = HEAD + """
            for i in range(3):
                sleeper = EmptyOperator(task_id=f"sleep_{i}")
            sleeper >> f
        """;
    assertEquals(List.of("sleep_2 -> f"), Read.edges(Read.one(src)));
  }

  @Test
  void anEdgeBetweenTwoDagsIsRejected() {
    String src = """
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        d1 = DAG("one", schedule=None)
        d2 = DAG("two", schedule=None)
        a = EmptyOperator(task_id="a", dag=d1)
        b = EmptyOperator(task_id="b", dag=d2)
        a >> b
        """;
    assertEquals(List.of("FM3018"), Read.codes(Read.dagFile(src)));
  }
}
