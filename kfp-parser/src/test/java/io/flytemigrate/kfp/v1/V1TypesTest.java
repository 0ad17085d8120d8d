package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.IrType.ArtifactKind;
import io.flytemigrate.ir.IrType.Scalar;
import io.flytemigrate.ir.IrType.Shape;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.YamlLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class V1TypesTest {
  private static Optional<DocNode> type(String yaml) {
    return Optional.of(new YamlLoader("t.yaml", new DiagnosticSink()).load(yaml).get(0));
  }

  private static DocNode text(String s) {
    return new DocNode.DocScalar(s, DocNode.ScalarKind.STRING, Span.NONE);
  }

  @Test
  void parameterTypesMapToScalarsAndJson() {
    assertEquals(IrType.primitive(Scalar.STRING), V1Types.valueType("String"));
    assertEquals(IrType.primitive(Scalar.STRING), V1Types.valueType("text"));
    assertEquals(IrType.primitive(Scalar.INT), V1Types.valueType("Integer"));
    assertEquals(IrType.primitive(Scalar.FLOAT), V1Types.valueType("Float"));
    assertEquals(IrType.primitive(Scalar.BOOL), V1Types.valueType("Boolean"));
    assertEquals(new IrType.Struct(), V1Types.valueType("JsonObject"));
    assertEquals(new IrType.ListOf(new IrType.Any()), V1Types.valueType("JsonArray"));
    assertEquals(IrType.primitive(Scalar.STRING), V1Types.valueType("GCSPath"));
    assertEquals(new IrType.Any(), V1Types.valueType(""));
    assertEquals(new IrType.Unknown("Fancy mode"), V1Types.valueType("Fancy mode"));
    assertTrue(V1Types.isParameter("GCPProjectID"));
    assertFalse(V1Types.isParameter("CSV"));
  }

  @Test
  void typeNamesComeFromScalarsOrOneKeyMappings() {
    assertEquals("GCSPath", V1Types.name(type("{GCSPath: {data_type: CSV}}")));
    assertEquals("CSV", V1Types.name(type("CSV")));
    assertEquals("", V1Types.name(Optional.empty()));
  }

  @Test
  void filesOfOtherTypesAreArtifactsNamedByTheirType() {
    assertEquals(new IrType.Artifact("CSV", Optional.empty(), ArtifactKind.ARTIFACT, Shape.UNSPECIFIED), V1Types.artifact("CSV", Optional.empty()));
    assertEquals(ArtifactKind.MODEL, V1Types.artifact("Model", Optional.empty()).kind());
    assertEquals(ArtifactKind.DATASET, V1Types.artifact("system.Dataset", Optional.empty()).kind());
    assertEquals(ArtifactKind.VENDOR, V1Types.artifact("google.VertexModel", Optional.empty()).kind());
    assertEquals("system.Artifact", V1Types.artifact("", Optional.empty()).schemaTitle());
    assertEquals(Shape.DIRECTORY, V1Types.artifact("Directory", Optional.empty()).shape());
    assertEquals(Shape.DIRECTORY, V1Types.artifact("Data", type("{Data: {path_type: Directory}}")).shape());
  }

  @Test
  void defaultsAreConvertedToTheTypeWhenTheyParse() {
    assertEquals(new Value.Int(3), V1Types.defaultValue(text("3"), IrType.primitive(Scalar.INT), "f"));
    assertEquals(new Value.Float(0.5), V1Types.defaultValue(text("0.5"), IrType.primitive(Scalar.FLOAT), "f"));
    assertEquals(new Value.Bool(true), V1Types.defaultValue(text("True"), IrType.primitive(Scalar.BOOL), "f"));
    assertEquals(new Value.Str("007"), V1Types.defaultValue(new DocNode.DocScalar("007", DocNode.ScalarKind.INT, Span.NONE),
        IrType.primitive(Scalar.STRING), "f"));
    assertEquals(new Value.ListValue(List.of(new Value.Int(1))), V1Types.defaultValue(text("[1]"), new IrType.ListOf(new IrType.Any()), "f"));
    assertEquals(new Value.Str("ten"), V1Types.defaultValue(text("ten"), IrType.primitive(Scalar.INT), "f"));
    assertEquals(new Value.Str("{broken"), V1Types.defaultValue(text("{broken"), new IrType.Struct(), "f"));
  }
}
