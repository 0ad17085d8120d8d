package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every diagnostic code has a docs page, the index lists it, and `explain` prints it. */
class DiagnosticDocsTest {
  private static final Path DOCS = Corpus.repoRoot().resolve("docs/diagnostics");

  @Test
  void everyCodeHasAPageAndEveryPageACode() {
    Set<String> codes = Codes.all().stream().map(Code::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> pages = Corpus.files(DOCS).stream()
        .map(p -> p.getFileName().toString())
        .filter(n -> n.matches("FM[0-9]{4}\\.md"))
        .map(n -> n.substring(0, 6))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(codes, pages, "codes and docs/diagnostics pages differ");
  }

  @Test
  void everyPageStartsWithItsIdAndName() throws Exception {
    for (Code c : Codes.all()) {
      List<String> lines = Files.readAllLines(DOCS.resolve(c.id() + ".md"));
      assertEquals("# " + c.id() + ": " + c.name(), lines.get(0), c.id());
    }
  }

  @Test
  void theIndexListsEveryCode() throws Exception {
    String index = Files.readString(DOCS.resolve("README.md"));
    for (Code c : Codes.all()) {
      assertTrue(index.contains(c.id()), "docs/diagnostics/README.md does not list " + c.id());
    }
  }

  @Test
  void explainPrintsEveryPage() throws Exception {
    for (Code c : Codes.all()) {
      Cli r = Cli.run("explain", c.id());
      assertEquals(0, r.exit(), r::toString);
      assertEquals(Files.readString(DOCS.resolve(c.id() + ".md")).strip(), r.out().strip(), c.id());
    }
  }

  @Test
  void summariesFollowTheMessageStyle() {
    for (Code c : Codes.all()) {
      assertTrue(!c.summary().isEmpty() && Character.isLowerCase(c.summary().charAt(0)) && !c.summary().endsWith("."), c.id());
    }
  }
}
