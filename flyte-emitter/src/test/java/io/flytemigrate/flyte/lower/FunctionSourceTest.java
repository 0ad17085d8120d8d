package io.flytemigrate.flyte.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionSourceTest {
  private static final String PROGRAM = """

      import kfp
      from kfp import dsl
      from kfp.dsl import *
      from typing import *

      def train(
          dataset: Input[Dataset],
          note: str = "a (tricky) default: with colon",
      ) -> NamedTuple('Outputs', [
          ('scalar', str),
      ]):
          \"\"\"Dummy training.\"\"\"
          with open(dataset.path) as f:

              data = f.read()
          return (data,)

      """;

  @Test
  void findsTheFunctionByLayout() {
    FunctionSource.Found f = FunctionSource.find(PROGRAM, "train").orElseThrow();
    assertEquals("import kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *", f.preamble());
    assertEquals(6, f.signatureLines());
    assertTrue(f.definition().startsWith("def train(\n    dataset: Input[Dataset],\n"), f.definition());
    assertTrue(f.definition().endsWith("        data = f.read()\n    return (data,)"), f.definition());
    assertEquals(List.of(), f.trailing());
    assertTrue(FunctionSource.onlyImports(f.preamble()));
  }

  @Test
  void aFunctionNotAtColumnZeroIsNotFound() {
    assertTrue(FunctionSource.find("class A:\n    def train(x):\n        return x\n", "train").isEmpty());
    assertTrue(FunctionSource.find(PROGRAM, "test").isEmpty());
    assertTrue(FunctionSource.find("def train(x):\n", "train").isEmpty(), "a function needs a body");
  }

  @Test
  void codeAfterTheFunctionIsReportedAndHelpersMakeThePreambleMoreThanImports() {
    FunctionSource.Found f = FunctionSource.find("import os\n\ndef helper():\n    return 1\n\ndef run() -> int:\n"
        + "    return helper()\n\nprint('x')\n", "run").orElseThrow();
    assertEquals(List.of("print('x')"), f.trailing());
    assertFalse(FunctionSource.onlyImports(f.preamble()));
    assertEquals("def run() -> int:\n    return helper()", f.definition());
  }

  @Test
  void aHashInsideAStringIsNotAComment() {
    FunctionSource.Found f = FunctionSource.find("def f(x: str = \"#(\") -> str:  # done (\n    return x\n", "f")
        .orElseThrow();
    assertEquals(1, f.signatureLines());
  }
}
