package io.flytemigrate.validators;

import static io.flytemigrate.validators.TypeCompatibility.Verdict.CASTS;
import static io.flytemigrate.validators.TypeCompatibility.Verdict.KIND_MISMATCH;
import static io.flytemigrate.validators.TypeCompatibility.Verdict.TYPE_MISMATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.IrType.ArtifactKind;
import io.flytemigrate.ir.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeCompatibilityTest {
  private static final IrType ANY = new IrType.Any();
  private static final IrType STRUCT = new IrType.Struct();

  private static IrType vendor(String title) {
    return new IrType.Artifact(title, Optional.empty(), ArtifactKind.VENDOR, IrType.Shape.UNSPECIFIED);
  }

  @Test
  void scalarsCastOnlyToThemselves() {
    assertEquals(CASTS, TypeCompatibility.cast(Ir.INT, Ir.INT));
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(Ir.INT, Ir.FLOAT), "flyte has no numeric widening");
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(Ir.STR, Ir.BOOL));
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(Ir.STR, Ir.list(Ir.STR)), "no T -> List[T]");
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(Ir.list(Ir.STR), Ir.STR));
  }

  @Test
  void collectionsCastElementWise() {
    assertEquals(CASTS, TypeCompatibility.cast(Ir.list(Ir.INT), Ir.list(Ir.INT)));
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(Ir.list(Ir.INT), Ir.list(Ir.STR)));
    assertEquals(CASTS, TypeCompatibility.cast(Ir.list(ANY), Ir.list(Ir.STR)));
    assertEquals(CASTS, TypeCompatibility.cast(Ir.list(Ir.list(Ir.INT)), Ir.list(ANY)));
    assertEquals(KIND_MISMATCH, TypeCompatibility.cast(Ir.list(Ir.artifact(ArtifactKind.MODEL)),
        Ir.list(Ir.artifact(ArtifactKind.DATASET))));
  }

  @Test
  void unknownTypesCastBothWays() {
    assertEquals(CASTS, TypeCompatibility.cast(ANY, Ir.INT));
    assertEquals(CASTS, TypeCompatibility.cast(Ir.artifact(ArtifactKind.MODEL), ANY));
    assertEquals(CASTS, TypeCompatibility.cast(new IrType.Unknown("Foo"), STRUCT));
  }

  @Test
  void artifactsByKind() {
    IrType model = Ir.artifact(ArtifactKind.MODEL);
    IrType dataset = Ir.artifact(ArtifactKind.DATASET);
    IrType generic = Ir.artifact(ArtifactKind.ARTIFACT);
    assertEquals(CASTS, TypeCompatibility.cast(model, model));
    assertEquals(KIND_MISMATCH, TypeCompatibility.cast(model, dataset));
    assertEquals(CASTS, TypeCompatibility.cast(model, generic));
    assertEquals(CASTS, TypeCompatibility.cast(generic, dataset));
    assertEquals(CASTS, TypeCompatibility.cast(vendor("google.VertexModel"), vendor("google.VertexModel")));
    assertEquals(KIND_MISMATCH, TypeCompatibility.cast(vendor("google.VertexModel"), vendor("google.BQTable")));
    assertEquals(KIND_MISMATCH, TypeCompatibility.cast(vendor("google.VertexModel"), model));
    IrType file = new IrType.Artifact("system.Dataset", Optional.empty(), ArtifactKind.DATASET, IrType.Shape.FILE);
    IrType directory = new IrType.Artifact("system.Dataset", Optional.empty(), ArtifactKind.DATASET, IrType.Shape.DIRECTORY);
    assertEquals(KIND_MISMATCH, TypeCompatibility.cast(file, directory), "blob dimensionality");
    IrType genericFile = new IrType.Artifact("system.Artifact", Optional.empty(), ArtifactKind.ARTIFACT, IrType.Shape.FILE);
    assertEquals(KIND_MISMATCH, TypeCompatibility.cast(directory, genericFile), "even a generic artifact is a file or a directory");
    assertEquals(CASTS, TypeCompatibility.cast(file, dataset), "an unspecified shape takes either");
    assertEquals("system.Dataset (directory)", TypeNames.of(directory));
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(Ir.STR, model), "a parameter is not an artifact");
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(model, Ir.STR));
  }

  @Test
  void structsAndTaskStatuses() {
    assertEquals(CASTS, TypeCompatibility.cast(STRUCT, STRUCT));
    assertEquals(CASTS, TypeCompatibility.cast(new IrType.TaskStatus(), STRUCT), "a final status is a json object");
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(STRUCT, new IrType.TaskStatus()));
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(Ir.STR, STRUCT));
  }

  @Test
  void literalsFitWithNumberConversionsAndNoneOnlyWhenOptional() {
    assertTrue(TypeCompatibility.fits(new Value.Int(1), Ir.FLOAT, false), "ints to floats");
    assertTrue(TypeCompatibility.fits(new Value.Float(2.0), Ir.INT, false));
    assertFalse(TypeCompatibility.fits(new Value.Float(2.5), Ir.INT, false));
    assertFalse(TypeCompatibility.fits(new Value.Float(Double.POSITIVE_INFINITY), Ir.INT, false));
    assertTrue(TypeCompatibility.fits(new Value.Null(), Ir.INT, true), "none to optional");
    assertFalse(TypeCompatibility.fits(new Value.Null(), Ir.INT, false));
    assertTrue(TypeCompatibility.fits(new Value.ListValue(List.of(new Value.Int(1), new Value.Float(2))), Ir.list(Ir.FLOAT), false));
    assertFalse(TypeCompatibility.fits(new Value.ListValue(List.of(Value.str("a"))), Ir.list(Ir.INT), false));
    assertTrue(TypeCompatibility.fits(new Value.MapValue(List.of()), STRUCT, false));
    assertFalse(TypeCompatibility.fits(Value.str("{}"), STRUCT, false));
    assertFalse(TypeCompatibility.fits(Value.str("gs://x"), Ir.artifact(ArtifactKind.DATASET), false));
    assertTrue(TypeCompatibility.fits(Value.str("x"), ANY, false));
  }

  @Test
  void literalTypesAndCommonTypes() {
    assertEquals(Optional.of(Ir.list(Ir.INT)), TypeCompatibility.typeOf(new Value.ListValue(List.of(new Value.Int(1), new Value.Int(2)))));
    assertEquals(Optional.of(Ir.list(ANY)), TypeCompatibility.typeOf(new Value.ListValue(List.of(new Value.Int(1), Value.str("a")))));
    assertEquals(Optional.empty(), TypeCompatibility.typeOf(new Value.Null()));
    assertEquals(Optional.empty(), TypeCompatibility.common(List.of()));
    assertEquals(Optional.empty(), TypeCompatibility.common(List.of(Optional.of(Ir.INT), Optional.empty())));
  }

  @Test
  void dateTimesCastToDateTimesAndFitIsoText() {
    IrType dt = IrType.primitive(IrType.Scalar.DATETIME);
    assertEquals(CASTS, TypeCompatibility.cast(dt, dt));
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(dt, Ir.STR), "a datetime is not text to flyte");
    assertEquals(TYPE_MISMATCH, TypeCompatibility.cast(Ir.STR, dt));
    assertTrue(TypeCompatibility.fits(Value.str("2021-01-01T00:00:00Z"), dt, false));
    assertTrue(TypeCompatibility.fits(Value.str("2021-01-01T00:00:00"), dt, false));
    assertTrue(TypeCompatibility.fits(Value.str("2021-01-01"), dt, false));
    assertFalse(TypeCompatibility.fits(Value.str("yesterday"), dt, false));
    assertFalse(TypeCompatibility.fits(new Value.Int(1609459200), dt, false));
    assertEquals("datetime", TypeNames.of(dt));
  }
}
