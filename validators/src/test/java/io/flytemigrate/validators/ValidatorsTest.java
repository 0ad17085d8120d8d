package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component;
import io.flytemigrate.ir.Graph;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registry: every check has its own code, a unit test class and a docs page; output is deterministic. */
class ValidatorsTest {
  /** flytepropeller's compiler error codes ({@code compiler/errors/compiler_errors.go}). */
  private static final Set<String> FLYTE_CODES = Set.of(
      "CycleDetected", "BranchNodeIdNotFound", "BranchNodeHasNoCondition", "BranchNodeHasNoDefault", "ValueRequired",
      "InvalidValue", "NodeReferenceNotFound", "TaskReferenceNotFound", "WorkflowReferenceNotFound",
      "VariableNameNotFound", "DuplicateAlias", "DuplicateId", "MismatchingTypes", "MismatchingBindings",
      "ParameterBoundMoreThanOnce", "ParameterNotBound", "NoEntryNodeFound", "UnreachableNodes", "UnrecognizedValue",
      "WorkflowBuildError", "ValueCollision", "SyntaxError", "NoNodesFound", "IllegalEnumValue",
      "AmbiguousBindingUnionValue", "IncompatibleBindingUnionValue", "NoConditionFound", "FieldNotFound",
      "InvalidLiteralType");

  private static Path docs() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs/diagnostics"))) {
        return p.resolve("docs/diagnostics");
      }
    }
    throw new IllegalStateException("no docs/diagnostics above " + Path.of("").toAbsolutePath());
  }

  @Test
  void everyCheckHasItsOwnValidatorCodeAndEveryValidatorCodeACheck() {
    List<String> codes = Validators.all().stream().map(c -> c.code().id()).toList();
    assertEquals(codes.size(), new TreeSet<>(codes).size(), "two checks share a code: " + codes);
    List<String> sorted = new ArrayList<>(codes);
    Collections.sort(sorted);
    assertEquals(sorted, codes, "the registry lists checks in code order");
    Set<String> area = Codes.all().stream().map(Code::id).filter(id -> id.startsWith("FM4")).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(area, new TreeSet<>(codes), "every FM4xxx code belongs to exactly one registered check");
  }

  @Test
  void everyCheckHasAUnitTestClassWithAPositiveAndANegativeTest() {
    for (Check c : Validators.all()) {
      String name = c.getClass().getName() + "Test";
      Class<?> test;
      try {
        test = Class.forName(name);
      } catch (ClassNotFoundException e) {
        fail(c.getClass().getSimpleName() + " has no unit test class " + name);
        return;
      }
      long tests = Arrays.stream(test.getDeclaredMethods()).filter(ValidatorsTest::isTest).count();
      assertTrue(tests >= 2, () -> name + " needs a test that finds nothing and one that finds something; it has " + tests);
    }
  }

  private static boolean isTest(Method m) {
    return m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(org.junit.jupiter.params.ParameterizedTest.class);
  }

  @Test
  void everyCheckHasADocsPageThatNamesTheFlyteError() throws Exception {
    Path docs = docs();
    for (Check c : Validators.all()) {
      Code code = c.code();
      Path page = docs.resolve(code.id() + ".md");
      assertTrue(Files.isRegularFile(page), () -> c.getClass().getSimpleName() + " has no docs page " + page.getFileName());
      List<String> lines = Files.readAllLines(page);
      assertEquals("# " + code.id() + ": " + code.name(), lines.get(0));
      assertEquals("Severity: " + code.defaultSeverity().label() + " (default) · Area: validators", lines.get(2), code.id());
      String text = String.join("\n", lines);
      for (String section : List.of("## Example", "## How to fix", "## Flyte equivalent")) {
        assertTrue(text.contains("\n" + section + "\n"), () -> code.id() + " has no section " + section);
      }
      String flyte = text.substring(text.indexOf("## Flyte equivalent"));
      assertTrue(FLYTE_CODES.stream().anyMatch(f -> flyte.contains("`" + f + "`")),
          () -> code.id() + " does not name the flytepropeller error it corresponds to");
      assertTrue(text.contains("[" + code.id() + "]"), () -> code.id() + "'s example does not show the code");
    }
  }

  /** A pipeline with something for most checks to find. */
  private static Pipeline messy(boolean reversed) {
    Component echo = Ir.container("comp-echo", List.of(Ir.port("text", Ir.STR, 2), Ir.port("n", Ir.INT, 3)),
        List.of(Ir.port("Output", Ir.STR, 4)), 1);
    Component other = Ir.container("comp-Other", List.of(Ir.port("bad-name", Ir.STR, 6)), List.of(), 5);
    List<Node> nodes = new ArrayList<>(List.of(
        Ir.task("a", "comp-echo", 10, List.of(Ir.bind("text", Ir.output("b", "Output"), 11)), List.of()),
        Ir.task("b", "comp-echo", 12, List.of(Ir.bind("text", Ir.output("a", "Output"), 13)), List.of("a", "a")),
        Ir.task("c", "comp-echo", 14, List.of(Ir.bind("n", Ir.output("a", "Output"), 15)), List.of()),
        Ir.task("Train_Model", "comp-Other", 16),
        Ir.task("train-model", "comp-missing", 17),
        Ir.task("d", "comp-echo", 18, List.of(Ir.bind("n", Ir.constant(Value.str("x")), 19),
            Ir.bind("n", new Binding.Field(Ir.output("c", "Output"), List.of("k"), "k"), 20)), List.of())));
    List<Component> components = new ArrayList<>(List.of(echo, other));
    if (reversed) {
      Collections.reverse(nodes);
      Collections.reverse(components);
    }
    return Ir.pipeline(components, Ir.graph(Ir.iface(List.of(), List.of()), nodes, List.<Graph.GraphOutput>of()));
  }

  @Test
  void findingsAreSortedDeduplicatedAndIndependentOfOrder() {
    List<Diagnostic> first = Validators.check(messy(false));
    assertEquals(first, Validators.check(messy(false)), "two runs differ");
    assertEquals(Kfp.lines(first), Kfp.lines(Validators.check(messy(true))), "the order of nodes and components matters");
    assertEquals(first.size(), new TreeSet<>(first.stream().map(d -> d.toString() + d.message()).toList()).size());
    List<String> codes = first.stream().map(d -> d.code().id()).distinct().sorted().toList();
    assertEquals(List.of("FM4002", "FM4004", "FM4005", "FM4006", "FM4009", "FM4010", "FM4011", "FM4013", "FM4014", "FM4017", "FM4018"),
        codes, Kfp.lines(first));
    assertFalse(first.isEmpty());
  }
}
