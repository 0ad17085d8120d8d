package io.flytemigrate.flyteproto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package of each golden corpus pipeline, as readable protobuf JSON: every entity in
 * registration order and the fast tarball's files. Cases are listed in {@code golden/cases.txt}
 * as {@code <name> <corpus path>}.
 */
class PackageGoldenTest {
  static List<String[]> cases() throws IOException {
    return Files.readAllLines(Golden.dir().resolve("cases.txt"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .map(l -> l.trim().split("\\s+"))
        .toList();
  }

  static Stream<String> names() throws IOException {
    return cases().stream().map(c -> c[0] + " " + c[1]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void packageAsJson(String nameAndPath) {
    String[] c = nameAndPath.split(" ");
    Translation t = Translation.of(c[1]);
    Golden.verify(c[0], "# " + c[1] + "\n" + PackageJson.render(t.pkg().bytes()));
  }

  @Test
  void thereAreEnoughCasesAndNoOrphanApprovedFiles() throws IOException {
    List<String[]> cases = cases();
    assertTrue(cases.size() >= 20, "at least 20 golden pipelines, got " + cases.size());
    TreeSet<String> expected = new TreeSet<>();
    cases.forEach(c -> expected.add(c[0] + ".approved.txt"));
    TreeSet<String> found = new TreeSet<>();
    try (Stream<java.nio.file.Path> s = Files.list(Golden.dir())) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".approved.txt")).forEach(found::add);
    }
    assertEquals(expected, found);
  }
}
