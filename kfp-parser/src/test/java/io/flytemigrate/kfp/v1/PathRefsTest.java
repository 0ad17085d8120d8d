package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.Access;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PathRefsTest {
  private static final Map<String, Arg> REFS = Map.of(
      "/tmp/output", new Arg.OutputRef("out", Access.OUTPUT_FILE),
      "/tmp/inputs/data/data", new Arg.InputRef("data", Access.PATH));

  @Test
  void replacesWholePathsInsideText() {
    Set<String> found = new LinkedHashSet<>();
    List<Arg> out = PathRefs.substitute(List.of(new Arg.Literal("python x.py | tee /tmp/output")), REFS, found);
    assertEquals(List.of(new Arg.Concat(List.of(new Arg.Literal("python x.py | tee "), new Arg.OutputRef("out", Access.OUTPUT_FILE)))), out);
    assertEquals(Set.of("/tmp/output"), found);
  }

  @Test
  void aWholeArgumentBecomesThePlaceholderItself() {
    List<Arg> out = PathRefs.substitute(List.of(new Arg.Literal("/tmp/inputs/data/data")), REFS, new LinkedHashSet<>());
    assertEquals(List.of(new Arg.InputRef("data", Access.PATH)), out);
  }

  /** Found by fuzzing the Argo reader: an artifact with an empty path looped forever, growing a list. */
  @Test
  void anEmptyPathMatchesNothing() {
    Map<String, Arg> refs = Map.of("", new Arg.OutputRef("out", Access.OUTPUT_FILE),
        "/tmp/output", new Arg.OutputRef("o2", Access.OUTPUT_FILE));
    Set<String> found = new LinkedHashSet<>();
    List<Arg> in = List.of(new Arg.Literal("tee /tmp/output"), new Arg.Literal(""));
    assertEquals(List.of(new Arg.Concat(List.of(new Arg.Literal("tee "), new Arg.OutputRef("o2", Access.OUTPUT_FILE))),
        new Arg.Literal("")), PathRefs.substitute(in, refs, found));
    assertEquals(Set.of("/tmp/output"), found);
    assertEquals(in, PathRefs.substitute(in, Map.of("", new Arg.OutputRef("out", Access.OUTPUT_FILE)), found));
  }

  @Test
  void partsOfLongerPathsAreLeftAlone() {
    Set<String> found = new LinkedHashSet<>();
    List<Arg> in = List.of(new Arg.Literal("/tmp/outputs/x"), new Arg.Literal("/tmp/output/more"), new Arg.Literal("/x/tmp/output"));
    assertEquals(in, PathRefs.substitute(in, REFS, found));
    assertEquals(Set.of(), found);
  }

  @Test
  void looksInsideConcatAndIfPresent() {
    Arg in = new Arg.IfPresent("x", List.of(new Arg.Concat(List.of(new Arg.Literal("--out=/tmp/output")))), List.of());
    Arg expected = new Arg.IfPresent("x", List.of(new Arg.Concat(List.of(new Arg.Literal("--out="),
        new Arg.OutputRef("out", Access.OUTPUT_FILE)))), List.of());
    assertEquals(List.of(expected), PathRefs.substitute(List.of(in), REFS, new LinkedHashSet<>()));
  }
}
