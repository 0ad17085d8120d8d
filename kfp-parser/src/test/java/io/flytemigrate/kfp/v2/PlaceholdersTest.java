package io.flytemigrate.kfp.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import io.flytemigrate.ir.Arg.Concat;
import io.flytemigrate.ir.Arg.IfPresent;
import io.flytemigrate.ir.Arg.InputRef;
import io.flytemigrate.ir.Arg.Literal;
import io.flytemigrate.ir.Arg.OutputRef;
import io.flytemigrate.ir.Arg.RuntimeValue;
import io.flytemigrate.ir.Arg.UnknownPlaceholder;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.testing.Diags;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  private static final Span AT = Span.at("p.yaml", 7, 11);

  /** Parses {@code text} as one command-line argument found at 7:11. */
  private static void check(String text, Arg expected) {
    check(text, expected, "");
  }

  private static void check(String text, Arg expected, String diagnostics) {
    DiagnosticSink sink = new DiagnosticSink();
    Arg actual = new Placeholders(sink).parse(text, AT);
    assertEquals(expected, actual, "parse of " + text);
    Diags.check(sink.sorted(), diagnostics);
  }

  private static Arg in(String name) {
    return new InputRef(name, Access.VALUE);
  }

  private static Arg lit(String text) {
    return new Literal(text);
  }

  @Test
  void plainText() {
    check("--executor_input", lit("--executor_input"));
    check("", lit(""));
    check("no {{ placeholder }} here", lit("no {{ placeholder }} here"));
    check("unclosed {{$.inputs.parameters['x']", lit("unclosed {{$.inputs.parameters['x']"));
  }

  @Test
  void inputParameters() {
    check("{{$.inputs.parameters['x']}}", in("x"));
    check("{{$.inputs.parameters[\"x\"]}}", in("x"));
    check("{{$.inputs.parameters['pipelinechannel--loop-item-param-1']}}", in("pipelinechannel--loop-item-param-1"));
  }

  @Test
  void inputArtifacts() {
    check("{{$.inputs.artifacts['data'].path}}", new InputRef("data", Access.PATH));
    check("{{$.inputs.artifacts['data'].uri}}", new InputRef("data", Access.URI));
    check("{{$.inputs.artifacts['data'].metadata}}", new InputRef("data", Access.METADATA));
    check("{{$.inputs.artifacts['data']}}", new InputRef("data", Access.OBJECT));
  }

  @Test
  void outputs() {
    check("{{$.outputs.artifacts['model'].path}}", new OutputRef("model", Access.PATH));
    check("{{$.outputs.artifacts['model'].uri}}", new OutputRef("model", Access.URI));
    check("{{$.outputs.parameters['Output'].output_file}}", new OutputRef("Output", Access.OUTPUT_FILE));
  }

  @Test
  void runtimeValues() {
    check("{{$}}", new RuntimeValue("executor-input"));
    check("{{$.pipeline_job_name}}", new RuntimeValue("pipeline_job_name"));
    check("{{$.pipeline_task_name}}", new RuntimeValue("pipeline_task_name"));
  }

  @Test
  void placeholdersInsideText() {
    check("--x={{$.inputs.parameters['x']}}!", new Concat(List.of(lit("--x="), in("x"), lit("!"))));
    check("{{$.inputs.parameters['a']}}{{$.inputs.parameters['b']}}", new Concat(List.of(in("a"), in("b"))));
    check("gs://bucket/{{$.pipeline_job_name}}/{{$.inputs.parameters['run']}}",
        new Concat(List.of(lit("gs://bucket/"), new RuntimeValue("pipeline_job_name"), lit("/"), in("run"))));
  }

  @Test
  void structuredConcat() {
    // As written by pipeline_with_concat_placeholder.yaml.
    check("{\"Concat\": [\"{{$.inputs.parameters['input_one']}}\", \"+\", \"{{$.inputs.parameters['input_two']}}\", \"=three\"]}",
        new Concat(List.of(in("input_one"), lit("+"), in("input_two"), lit("=three"))));
    check("{\"Concat\": [\"--x=\", \"{{$.inputs.parameters['x']}}\"]}", new Concat(List.of(lit("--x="), in("x"))));
  }

  @Test
  void structuredIfPresent() {
    check("{\"IfPresent\": {\"InputName\": \"a\", \"Then\": [\"--a\", \"{{$.inputs.parameters['a']}}\"], \"Else\": [\"--a\", \"default value\"]}}",
        new IfPresent("a", List.of(lit("--a"), in("a")), List.of(lit("--a"), lit("default value"))));
    check("{\"IfPresent\": {\"InputName\": \"a\", \"Then\": [\"--a\", \"{{$.inputs.parameters['a']}}\"]}}",
        new IfPresent("a", List.of(lit("--a"), in("a")), List.of()));
  }

  @Test
  void structuredNesting() {
    check("{\"Concat\": [\"--a=\", {\"IfPresent\": {\"InputName\": \"a\", \"Then\": [\"{{$.inputs.parameters['a']}}\"], \"Else\": [\"none\"]}}]}",
        new Concat(List.of(lit("--a="), new IfPresent("a", List.of(in("a")), List.of(lit("none"))))));
  }

  @Test
  void anUnknownPlaceholderIsKeptAndReported() {
    check("{{$.foo.bar}}", new UnknownPlaceholder("{{$.foo.bar}}"), """
        FM1012 7:11 placeholder `{{$.foo.bar}}` is not recognised and is kept as text
        """);
    check("--x={{$.inputs.parameters['x'].bogus}}", new Concat(List.of(lit("--x="), new UnknownPlaceholder("{{$.inputs.parameters['x'].bogus}}"))), """
        FM1012 7:11 placeholder `{{$.inputs.parameters['x'].bogus}}` is not recognised
        """);
  }

  @Test
  void anUnknownPlaceholderIsAWarning() {
    DiagnosticSink sink = new DiagnosticSink();
    new Placeholders(sink).parse("{{$.foo.bar}}", AT);
    assertEquals(Severity.WARNING, sink.sorted().get(0).severity());
    assertFalse(sink.hasErrors());
  }

  @Test
  void invalidStructuredJsonIsKeptAsALiteral() {
    check("{\"Concat\": [\"a\", ", lit("{\"Concat\": [\"a\", "), """
        FM1012 7:11 structured placeholder is not valid `Concat` or `IfPresent` json and is kept as text
        """);
    check("{\"Concat\": \"not a list\"}", lit("{\"Concat\": \"not a list\"}"), """
        FM1012 7:11 structured placeholder is not valid
        """);
    check("{\"IfPresent\": {\"Then\": [\"x\"]}}", lit("{\"IfPresent\": {\"Then\": [\"x\"]}}"), """
        FM1012 7:11 structured placeholder is not valid
        """);
  }

  @Test
  void hasPlaceholder() {
    assertTrue(Placeholders.hasPlaceholder("a{{$.inputs.parameters['x']}}"));
    assertTrue(Placeholders.hasPlaceholder("{{$}}"));
    assertFalse(Placeholders.hasPlaceholder("{{ not kfp }}"));
  }
}
