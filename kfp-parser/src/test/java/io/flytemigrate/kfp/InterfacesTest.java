package io.flytemigrate.kfp;

import static io.flytemigrate.kfp.testing.Kfp.indent;
import static io.flytemigrate.kfp.testing.Kfp.noSpan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.IrType.ArtifactKind;
import io.flytemigrate.ir.IrType.Scalar;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Port;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.testing.Kfp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pipeline parameters and artifacts: types, defaults, optionality. */
class InterfacesTest {

  /** A pipeline whose root declares one input {@code x} of {@code kind} with {@code decl}; decl starts on line 10. */
  private static String spec(String kind, String decl) {
    return """
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        root:
          dag:
            tasks: {}
          inputDefinitions:
            %s:
              x:
        %s""".formatted(kind, indent(decl, 8));
  }

  private static void checkParameter(String decl, IrType type, boolean optional, Optional<Value> defaultValue) {
    checkParameter(decl, type, optional, defaultValue, "");
  }

  private static void checkParameter(String decl, IrType type, boolean optional, Optional<Value> defaultValue, String diagnostics) {
    Outcome<Pipeline> o = Kfp.read(spec("parameters", decl));
    Diags.check(o.diagnostics(), diagnostics);
    Port x = Kfp.pipeline(o).iface().input("x").orElseThrow();
    assertEquals(new Port("x", type, false, optional, defaultValue, x.description(), Span.NONE), noSpan(x), decl);
    assertEquals(9, x.span().line());
    assertEquals(7, x.span().column());
  }

  private static void checkArtifact(String decl, IrType type, boolean optional) {
    checkArtifact(decl, type, optional, "");
  }

  private static void checkArtifact(String decl, IrType type, boolean optional, String diagnostics) {
    Outcome<Pipeline> o = Kfp.read(spec("artifacts", decl));
    Diags.check(o.diagnostics(), diagnostics);
    Port x = Kfp.pipeline(o).iface().input("x").orElseThrow();
    assertEquals(new Port("x", type, true, optional, Optional.empty(), Optional.empty(), Span.NONE), noSpan(x), decl);
  }

  private static IrType prim(Scalar s) {
    return new IrType.Primitive(s);
  }

  private static IrType artifact(String title, ArtifactKind kind) {
    return new IrType.Artifact(title, Optional.of("0.0.1"), kind, IrType.Shape.UNSPECIFIED);
  }

  @Test
  void everyParameterType() {
    checkParameter("parameterType: NUMBER_INTEGER", prim(Scalar.INT), false, Optional.empty());
    checkParameter("parameterType: NUMBER_DOUBLE", prim(Scalar.FLOAT), false, Optional.empty());
    checkParameter("parameterType: STRING", prim(Scalar.STRING), false, Optional.empty());
    checkParameter("parameterType: BOOLEAN", prim(Scalar.BOOL), false, Optional.empty());
    checkParameter("parameterType: LIST", new IrType.ListOf(new IrType.Any()), false, Optional.empty());
    checkParameter("parameterType: STRUCT", new IrType.Struct(), false, Optional.empty());
    checkParameter("parameterType: TASK_FINAL_STATUS", new IrType.TaskStatus(), false, Optional.empty());
  }

  @Test
  void defaultsMakeAnInputOptional() {
    checkParameter("""
        defaultValue: 3
        parameterType: NUMBER_INTEGER
        """, prim(Scalar.INT), true, Optional.of(new Value.Int(3)));
    checkParameter("""
        defaultValue: 1.5
        isOptional: true
        parameterType: NUMBER_DOUBLE
        """, prim(Scalar.FLOAT), true, Optional.of(new Value.Float(1.5)));
    checkParameter("""
        defaultValue: Hello World!
        isOptional: true
        parameterType: STRING
        """, prim(Scalar.STRING), true, Optional.of(new Value.Str("Hello World!")));
    checkParameter("""
        defaultValue: '10'
        parameterType: STRING
        """, prim(Scalar.STRING), true, Optional.of(new Value.Str("10")));
    checkParameter("""
        defaultValue: false
        parameterType: BOOLEAN
        """, prim(Scalar.BOOL), true, Optional.of(new Value.Bool(false)));
    checkParameter("""
        defaultValue:
        - a
        - 1
        parameterType: LIST
        """, new IrType.ListOf(new IrType.Any()), true,
        Optional.of(new Value.ListValue(List.of(new Value.Str("a"), new Value.Int(1)))));
    checkParameter("""
        defaultValue:
          k: v
        parameterType: STRUCT
        """, new IrType.Struct(), true,
        Optional.of(new Value.MapValue(List.of(new Value.Entry("k", new Value.Str("v"))))));
    checkParameter("""
        defaultValue: ''
        parameterType: STRING
        """, prim(Scalar.STRING), true, Optional.of(new Value.Str("")));
  }

  @Test
  void isOptionalWithoutADefault() {
    checkParameter("""
        isOptional: true
        parameterType: STRING
        """, prim(Scalar.STRING), true, Optional.empty());
    checkParameter("""
        isOptional: false
        parameterType: STRING
        """, prim(Scalar.STRING), false, Optional.empty());
  }

  @Test
  void descriptionsAreKept() {
    Port x = Kfp.clean(spec("parameters", """
        description: how many
        parameterType: NUMBER_INTEGER
        """)).iface().input("x").orElseThrow();
    assertEquals(Optional.of("how many"), x.description());
  }

  @Test
  void theSchema200TypeFieldIsAccepted() {
    checkParameter("type: STRING", prim(Scalar.STRING), false, Optional.empty());
  }

  @Test
  void anUnknownParameterTypeIsReported() {
    checkParameter("parameterType: NUMBER_COMPLEX", new IrType.Unknown("NUMBER_COMPLEX"), false, Optional.empty(), """
        FM1015 10:24 `NUMBER_COMPLEX` is not a kfp parameter type
        """);
  }

  @Test
  void aMissingParameterTypeIsReported() {
    checkParameter("description: untyped", new IrType.Unknown("missing"), false, Optional.empty(), """
        FM1005 10:9 has no `parameterType` field
        """);
  }

  @Test
  void aStringDefaultThatLooksLikeAnExponentStaysAString() {
    checkParameter("""
        defaultValue: 1e3
        parameterType: STRING
        """, prim(Scalar.STRING), true, Optional.of(new Value.Str("1e3")));
  }

  @Test
  void artifactTypes() {
    checkArtifact("""
        artifactType:
          schemaTitle: system.Dataset
          schemaVersion: 0.0.1
        """, artifact("system.Dataset", ArtifactKind.DATASET), false);
    checkArtifact("""
        artifactType:
          schemaTitle: system.Model
          schemaVersion: 0.0.1
        """, artifact("system.Model", ArtifactKind.MODEL), false);
    checkArtifact("""
        artifactType:
          schemaTitle: system.Metrics
          schemaVersion: 0.0.1
        """, artifact("system.Metrics", ArtifactKind.METRICS), false);
    checkArtifact("""
        artifactType:
          schemaTitle: system.ClassificationMetrics
          schemaVersion: 0.0.1
        """, artifact("system.ClassificationMetrics", ArtifactKind.CLASSIFICATION_METRICS), false);
    checkArtifact("""
        artifactType:
          schemaTitle: system.HTML
          schemaVersion: 0.0.1
        """, artifact("system.HTML", ArtifactKind.HTML), false);
    checkArtifact("""
        artifactType:
          schemaTitle: system.Artifact
          schemaVersion: 0.0.1
        """, artifact("system.Artifact", ArtifactKind.ARTIFACT), false);
    checkArtifact("""
        artifactType:
          schemaTitle: google.VertexModel
          schemaVersion: 0.0.1
        """, artifact("google.VertexModel", ArtifactKind.VENDOR), false);
  }

  @Test
  void artifactListsAndOptionalArtifacts() {
    checkArtifact("""
        artifactType:
          schemaTitle: system.Dataset
          schemaVersion: 0.0.1
        isArtifactList: true
        """, new IrType.ListOf(artifact("system.Dataset", ArtifactKind.DATASET)), false);
    checkArtifact("""
        artifactType:
          schemaTitle: system.Model
          schemaVersion: 0.0.1
        isOptional: true
        """, artifact("system.Model", ArtifactKind.MODEL), true);
  }

  @Test
  void anArtifactTypeWithoutVersionOrTitle() {
    checkArtifact("""
        artifactType:
          schemaTitle: system.Dataset
        """, new IrType.Artifact("system.Dataset", Optional.empty(), ArtifactKind.DATASET, IrType.Shape.UNSPECIFIED), false);
    checkArtifact("""
        artifactType:
          instanceSchema: 'title: x'
        """, new IrType.Artifact("system.Artifact", Optional.empty(), ArtifactKind.ARTIFACT, IrType.Shape.UNSPECIFIED), false);
  }

  @Test
  void anArtifactWithoutTypeIsReported() {
    checkArtifact("isOptional: true", new IrType.Unknown("missing"), true, """
        FM1005 10:9 has no `artifactType` field
        """);
  }

  @Test
  void aNameThatIsBothParameterAndArtifactIsReported() {
    Outcome<Pipeline> o = Kfp.read("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        root:
          dag:
            tasks: {}
          inputDefinitions:
            parameters:
              x:
                parameterType: STRING
            artifacts:
              x:
                artifactType:
                  schemaTitle: system.Dataset
        """);
    Diags.check(o.diagnostics(), """
        FM1023 12:7 `x` is both a parameter and an artifact
        """);
    assertEquals(1, Kfp.pipeline(o).iface().inputs().size());
  }

  @Test
  void outputsAndInputsKeepSourceOrder() {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        root:
          dag:
            tasks: {}
          inputDefinitions:
            parameters:
              zeta:
                parameterType: STRING
              alpha:
                parameterType: NUMBER_INTEGER
          outputDefinitions:
            parameters:
              Output:
                parameterType: STRING
            artifacts:
              model:
                artifactType:
                  schemaTitle: system.Model
                  schemaVersion: 0.0.1
        """);
    assertEquals(List.of("zeta", "alpha"), p.iface().inputs().stream().map(Port::name).toList());
    assertEquals(List.of("Output", "model"), p.iface().outputs().stream().map(Port::name).toList());
    assertEquals(true, p.iface().output("model").orElseThrow().artifact());
  }
}
