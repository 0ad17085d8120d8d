package io.flytemigrate.ir.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodesTest {

  @Test
  void catalogIsNotEmptyAndHasTheKnownCodes() {
    List<Code> all = Codes.all();
    assertTrue(all.size() >= 25, "expected at least 25 codes, got " + all.size());
    assertTrue(all.contains(Codes.UNDEFINED_COMPONENT));
    assertEquals("FM1007", Codes.UNDEFINED_COMPONENT.id());
    assertEquals("undefined-component", Codes.UNDEFINED_COMPONENT.name());
    assertEquals(Severity.ERROR, Codes.UNDEFINED_COMPONENT.defaultSeverity());
    assertEquals(Severity.WARNING, Codes.UNKNOWN_FIELD.defaultSeverity());
    assertEquals("FM1007", Codes.UNDEFINED_COMPONENT.toString());
  }

  @Test
  void idsAreUnique() {
    Set<String> seen = new HashSet<>();
    for (Code c : Codes.all()) {
      assertTrue(seen.add(c.id()), "duplicate id " + c.id());
    }
  }

  @Test
  void namesAreUnique() {
    Set<String> seen = new HashSet<>();
    for (Code c : Codes.all()) {
      assertTrue(seen.add(c.name()), "duplicate name " + c.name() + " (" + c.id() + ")");
    }
  }

  @Test
  void allIsSortedById() {
    List<Code> all = Codes.all();
    for (int i = 1; i < all.size(); i++) {
      assertTrue(
          all.get(i - 1).id().compareTo(all.get(i).id()) < 0,
          all.get(i - 1).id() + " before " + all.get(i).id());
    }
  }

  @Test
  void allIsUnmodifiable() {
    assertThrows(UnsupportedOperationException.class, () -> Codes.all().add(Codes.SYNTAX));
  }

  @Test
  void idsHaveAKnownArea() {
    for (Code c : Codes.all()) {
      char area = c.id().charAt(2);
      assertTrue(area >= '0' && area <= '6', c.id() + " has no area");
    }
  }

  @Test
  void summariesAreOneLowercaseLineWithoutTrailingPeriod() {
    for (Code c : Codes.all()) {
      String s = c.summary();
      assertFalse(s.isBlank(), c.id());
      assertEquals(s.toLowerCase(Locale.ROOT), s, c.id() + " summary is not lowercase: " + s);
      assertFalse(s.endsWith("."), c.id() + " summary ends with a period: " + s);
      assertFalse(s.contains("\n"), c.id());
      assertEquals(s.strip(), s, c.id() + " summary has surrounding blanks");
    }
  }

  @Test
  void byIdIsCaseInsensitive() {
    assertSame(Codes.UNDEFINED_COMPONENT, Codes.byId("FM1007").orElseThrow());
    assertSame(Codes.UNDEFINED_COMPONENT, Codes.byId("fm1007").orElseThrow());
    assertSame(Codes.UNDEFINED_COMPONENT, Codes.byId("Fm1007").orElseThrow());
    assertSame(Codes.FILE_TOO_LARGE, Codes.byId(" fm0003 ").orElseThrow());
    assertEquals(Optional.empty(), Codes.byId("FM9999"));
    assertEquals(Optional.empty(), Codes.byId("undefined-component"));
    assertEquals(Optional.empty(), Codes.byId(""));
  }

  @Test
  void byIdFindsEveryCode() {
    for (Code c : Codes.all()) {
      assertSame(c, Codes.byId(c.id()).orElseThrow(), c.id());
    }
  }

  @Test
  void codeRejectsMalformedIdsAndNames() {
    assertThrows(IllegalArgumentException.class, () -> new Code("FM107", "x", Severity.ERROR, "s"));
    assertThrows(IllegalArgumentException.class, () -> new Code("fm1007", "x", Severity.ERROR, "s"));
    assertThrows(IllegalArgumentException.class, () -> new Code("FM1007", "Undefined", Severity.ERROR, "s"));
    assertThrows(IllegalArgumentException.class, () -> new Code("FM1007", "a--b", Severity.ERROR, "s"));
    assertThrows(NullPointerException.class, () -> new Code("FM1007", "a", null, "s"));
  }

  /** The catalog promises a page per code; `flyte-migrate explain` prints it. */
  @Test
  void everyCodeHasADocsPageWithTheRightHeading() throws IOException {
    Path dir = docsDir();
    List<String> problems = new ArrayList<>();
    for (Code c : Codes.all()) {
      Path page = dir.resolve(c.id() + ".md");
      if (!Files.isRegularFile(page)) {
        problems.add("missing " + page);
        continue;
      }
      List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
      String heading = "# " + c.id() + ": " + c.name();
      if (lines.isEmpty() || !lines.get(0).equals(heading)) {
        problems.add(page + ": first line should be `" + heading + "`");
      }
      String severity = "Severity: " + c.defaultSeverity().label() + " (default)";
      if (lines.size() < 3 || !lines.get(2).startsWith(severity + " · Area: ")) {
        problems.add(page + ": third line should start with `" + severity + " · Area: `");
      }
      for (String section : List.of("## Example", "## How to fix")) {
        if (!lines.contains(section)) {
          problems.add(page + ": no `" + section + "` section");
        }
      }
      if (!lines.stream().anyMatch(l -> l.contains("[" + c.id() + "]"))) {
        problems.add(page + ": the example shows no rendered `[" + c.id() + "]` diagnostic");
      }
      // Prose is wrapped for a terminal; a fenced block shows tool output as it is printed.
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("```")) {
          fenced = !fenced;
          continue;
        }
        int limit = fenced ? 200 : 100;
        if (line.codePointCount(0, line.length()) > limit) {
          problems.add(page + ":" + (i + 1) + ": line longer than " + limit + " characters");
        }
      }
      if (fenced) {
        problems.add(page + ": a fenced block is not closed");
      }
    }
    String index = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
    for (Code c : Codes.all()) {
      if (!index.contains("| " + c.id() + " ") && !index.contains("[" + c.id() + "]")) {
        problems.add("README.md does not list " + c.id());
      }
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  /** No page for a code the catalog does not have. */
  @Test
  void noDocsPageWithoutACode() throws IOException {
    try (var pages = Files.list(docsDir())) {
      List<String> orphans =
          pages
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("FM[0-9]{4}\\.md"))
              .map(n -> n.substring(0, 6))
              .filter(id -> Codes.byId(id).isEmpty())
              .sorted()
              .toList();
      assertEquals(List.of(), orphans);
    }
  }

  private static Path docsDir() {
    // Surefire runs in the module directory (ir/); the docs are at the repository root.
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("docs").resolve("diagnostics");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("docs/diagnostics not found above " + Path.of("").toAbsolutePath());
  }
}
