package io.flytemigrate.flyte.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyLayoutTest {
  private static PyExpr str(String s) {
    return PyExpr.atom(PyText.str(s));
  }

  @Test
  void whatFitsStaysOnOneLine() {
    PyExpr call = PyExpr.call("tasks.greet", PyExpr.kw("name", PyExpr.atom("item")));
    assertEquals(List.of("    tasks.greet(name=item)"), PyLayout.render(call, 4, "", ""));
  }

  @Test
  void aLongCallExplodesWithATrailingComma() {
    PyExpr call = PyExpr.call("ContainerTask", PyExpr.kw("name", str("coin_flip.tasks.greet")),
        PyExpr.kw("image", str("registry.access.redhat.com/ubi9/python-311:latest")));
    assertEquals(List.of(
        "greet = ContainerTask(",
        "    name=\"coin_flip.tasks.greet\",",
        "    image=\"registry.access.redhat.com/ubi9/python-311:latest\",",
        ")"), PyLayout.render(call, 0, "greet = ", ""));
  }

  @Test
  void theLastBracketIsSplitWhenItsOpeningLineFits() {
    PyExpr inner = PyExpr.call("tasks.print_and_return", PyExpr.kw("text", str("Got heads!")));
    PyExpr call = new PyExpr.Call(new PyExpr.Attr(inner, "with_overrides"),
        List.of(PyExpr.kw("node_name", str("print-and-return-with-a-long-name"))));
    assertEquals(List.of(
        "        x = tasks.print_and_return(text=\"Got heads!\").with_overrides(",
        "            node_name=\"print-and-return-with-a-long-name\",",
        "        )"), PyLayout.render(call, 8, "x = ", ""));
  }

  @Test
  void anEarlierBracketIsSplitWhenTheLastOnesOpeningLineIsTooLong() {
    PyExpr inner = PyExpr.call("tasks.some_long_function_name", PyExpr.kw("argument_one", PyExpr.atom("value_one")),
        PyExpr.kw("argument_two", PyExpr.atom("value_two")));
    PyExpr call = new PyExpr.Call(new PyExpr.Attr(inner, "with_overrides"), List.of(PyExpr.kw("node_name", str("n"))));
    assertEquals(List.of(
        "    y = tasks.some_long_function_name(",
        "        argument_one=value_one,",
        "        argument_two=value_two,",
        "    ).with_overrides(node_name=\"n\")"), PyLayout.render(call, 4, "y = ", ""));
  }

  @Test
  void fluentChainsBreakOneLinkPerLineInParentheses() {
    PyExpr chain = new PyExpr.Fluent(PyExpr.call("conditional", str("condition-1")), List.of(
        new PyExpr.Call(PyExpr.atom(".if_"), List.of(PyExpr.atom("flip_coin == \"heads\""))),
        new PyExpr.Call(PyExpr.atom(".then"), List.of(PyExpr.call("tasks.greet_everyone_with_a_long_name"))),
        new PyExpr.Call(PyExpr.atom(".else_"), List.of()),
        new PyExpr.Call(PyExpr.atom(".then"), List.of(PyExpr.call("tasks.no_op")))));
    assertEquals(List.of(
        "    (",
        "        conditional(\"condition-1\")",
        "        .if_(flip_coin == \"heads\")",
        "        .then(tasks.greet_everyone_with_a_long_name())",
        "        .else_()",
        "        .then(tasks.no_op())",
        "    )"), PyLayout.render(chain, 4, "", ""));
  }
}
