package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.testing.Read;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import org.junit.jupiter.api.Test;

/** Values passed without an annotation take the type of what they are connected to. */
class TypeInferenceTest {
  private static final IrType INT = IrType.primitive(IrType.Scalar.INT);
  private static final IrType FLOAT = IrType.primitive(IrType.Scalar.FLOAT);
  private static final IrType STR = IrType.primitive(IrType.Scalar.STRING);

  private static Component component(Pipeline p, String task) {
    return p.component(Read.task(p, task).component()).orElseThrow();
  }

  private static Port input(Pipeline p, String task, String name) {
    return component(p, task).iface().input(name).orElseThrow();
  }

  private static Port output(Pipeline p, String task, String name) {
    return component(p, task).iface().output(name).orElseThrow();
  }

  @Test
  void anUnannotatedParameterTakesTheTypeOfTheOutputBoundToIt() {
    Pipeline p = Read.one("""
        from airflow.decorators import dag, task
        @dag(schedule=None)
        def d():
            @task
            def names() -> list[str]:
                return ["a"]
            @task
            def greet(who):
                print(who)
            greet(names())
        d()
        """);
    Port who = input(p, "greet", "who");
    assertEquals(new IrType.ListOf(STR), who.type());
    assertEquals("type inferred from `return_value` of `names`, which is bound to it", who.description().orElseThrow());
  }

  @Test
  void anUnannotatedReturnAndMultipleOutputsKeysTakeTheTypeOfTheInputsTheyFeed() {
    Pipeline p = Read.one("""
        from airflow.decorators import dag, task
        @dag(schedule=None)
        def d():
            @task()
            def extract():
                return {"1001": 301.27}
            @task(multiple_outputs=True)
            def transform(order_data_dict: dict):
                return {"total_order_value": sum(order_data_dict.values())}
            @task()
            def load(total_order_value: float):
                print(total_order_value)
            load(transform(extract())["total_order_value"])
        d()
        """);
    assertEquals(new IrType.Struct(), output(p, "extract", "return_value").type());
    assertEquals("type inferred from `order_data_dict` of `transform`, which it feeds",
        output(p, "extract", "return_value").description().orElseThrow());
    Port key = output(p, "transform", "total_order_value");
    assertEquals(FLOAT, key.type());
    assertTrue(key.description().orElseThrow().startsWith("key `total_order_value` of the returned dict (`multiple_outputs`); "),
        key.description().get());
  }

  @Test
  void aParameterFedByAMappedTaskIsAListOfWhatTheTaskReturns() {
    Pipeline p = Read.one("""
        from airflow.decorators import dag, task
        @dag(schedule=None)
        def d():
            @task
            def add_one(x: int) -> int:
                return x + 1
            @task
            def sum_it(values):
                print(sum(values))
            sum_it(add_one.expand(x=[1, 2, 3]))
        d()
        """);
    assertEquals(new IrType.ListOf(INT), input(p, "sum_it", "values").type());
  }

  @Test
  void opaqueTasksFitTheirTypedNeighbours() {
    Pipeline p = Read.one("""
        from airflow.decorators import dag, task
        from airflow.providers.amazon.aws.operators.s3 import S3ListOperator
        from project.tasks import list_files
        @dag(schedule=None)
        def d():
            @task
            def count(path: str) -> int:
                return 1
            @task
            def keep(statuses: dict, names: list[str]):
                print(statuses, names)
            files = S3ListOperator(task_id="files", bucket="b")
            count.expand(path=files.output)
            found = list_files()
            keep(found["statuses"], ["a"])
        d()
        """);
    assertEquals(new IrType.ListOf(new IrType.Any()), output(p, "files", "return_value").type(), "it is mapped over");
    assertEquals(new IrType.Struct(), output(p, "list_files", "statuses").type());
  }

  @Test
  void valuesOfDifferentTypesOrOfUnknownOriginLeaveThePortUntyped() {
    Pipeline p = Read.one("""
        from airflow.decorators import dag, task
        @dag(schedule=None)
        def d():
            @task
            def one() -> int:
                return 1
            @task
            def word() -> str:
                return "w"
            @task
            def anything():
                return None
            @task
            def show(v):
                print(v)
            show.override(task_id="a")(one())
            show.override(task_id="b")(word())
            @task
            def also(v):
                print(v)
            also(anything())
            also.override(task_id="also_2")(5)
        d()
        """);
    assertEquals(new IrType.Any(), input(p, "a", "v").type(), "int in one call, str in the other");
    assertEquals(new IrType.Any(), input(p, "also", "v").type(), "an untyped value and a constant");
    assertEquals(new IrType.Any(), output(p, "anything", "return_value").type(), "it feeds only an untyped input");
  }
}
