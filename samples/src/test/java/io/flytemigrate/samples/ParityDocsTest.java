package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/parity.md} keeps up with the translation: every kind of parity row, with every
 * status it is given, in the approved parity goldens and in the emitter's code, has a row in the
 * page's "Rows by kind" table, and the per-format tables name only kinds that table documents.
 */
class ParityDocsTest {
  private static final Path PAGE = Corpus.repoRoot().resolve("docs/parity.md");
  private static final Set<String> STATUSES = Set.of("EXACT", "APPROXIMATED", "DROPPED");

  /** A golden row: {@code 12:7 APPROXIMATED loop `for-loop-1` -> ...}. */
  private static final Pattern GOLDEN_ROW = Pattern.compile("^\\S+ (EXACT|APPROXIMATED|DROPPED) (\\S+) `");

  /** A row the emitter writes: {@code parity.approximated("loop", ...}. */
  private static final Pattern CODE_ROW = Pattern.compile("parity\\.(exact|approximated|dropped)\\(\"([a-z-]+)\"");

  /** {@code kind STATUS} pairs of the "Rows by kind" table. */
  private static Set<String> documented() throws IOException {
    Set<String> out = new TreeSet<>();
    for (List<String> cells : table("## Rows by kind")) {
      assertEquals(5, cells.size(), "a row of `Rows by kind` has five cells: " + cells);
      String kind = unquote(cells.get(0));
      String status = cells.get(1);
      assertTrue(STATUSES.contains(status), "not a status: " + cells);
      out.add(kind + " " + status);
    }
    assertTrue(out.size() >= 25, "the table was not found or is nearly empty: " + out);
    return out;
  }

  /** The cells of every body row of the first table after {@code heading}, up to the next section. */
  private static List<List<String>> table(String heading) throws IOException {
    List<String> lines = Files.readAllLines(PAGE);
    int start = lines.indexOf(heading);
    assertTrue(start >= 0, "docs/parity.md has no `" + heading + "` section");
    List<List<String>> rows = new java.util.ArrayList<>();
    boolean header = true;
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      String line = lines.get(i);
      if (!line.startsWith("|")) {
        if (!rows.isEmpty()) {
          break;
        }
        continue;
      }
      if (header || line.startsWith("|---")) {
        header = line.startsWith("|---") ? false : header;
        continue;
      }
      List<String> cells = new java.util.ArrayList<>();
      for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) {
        cells.add(c.strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String unquote(String cell) {
    assertTrue(cell.startsWith("`") && cell.endsWith("`") && cell.length() > 2, "a kind is written as `kind`: " + cell);
    return cell.substring(1, cell.length() - 1);
  }

  @Test
  void everyKindAndStatusInTheParityGoldensIsDocumented() throws IOException {
    Set<String> seen = new TreeSet<>();
    int files = 0;
    for (Path f : Corpus.files(Corpus.repoRoot().resolve("samples/cases"))) {
      if (!f.getFileName().toString().equals("parity.approved.txt")) {
        continue;
      }
      files++;
      for (String line : Files.readAllLines(f)) {
        Matcher m = GOLDEN_ROW.matcher(line);
        if (m.find()) {
          seen.add(m.group(2) + " " + m.group(1));
        }
      }
    }
    assertTrue(files >= 10 && seen.size() >= 10, "expected the parity goldens, found " + files + " files, " + seen);
    Set<String> missing = new TreeSet<>(seen);
    missing.removeAll(documented());
    assertEquals(Set.of(), missing, "parity rows in the goldens that docs/parity.md does not list (add a row to its table)");
  }

  @Test
  void everyKindAndStatusTheEmitterWritesIsDocumented() throws IOException {
    Set<String> written = new TreeSet<>();
    for (Path f : Corpus.files(Corpus.repoRoot().resolve("flyte-emitter/src/main/java"))) {
      if (!f.toString().endsWith(".java")) {
        continue;
      }
      Matcher m = CODE_ROW.matcher(Files.readString(f));
      while (m.find()) {
        written.add(m.group(2) + " " + m.group(1).toUpperCase(java.util.Locale.ROOT));
      }
    }
    assertTrue(written.size() >= 20, "expected the emitter's parity rows, found " + written);
    Set<String> missing = new TreeSet<>(written);
    missing.removeAll(documented());
    assertEquals(Set.of(), missing, "parity rows the emitter writes that docs/parity.md does not list (add a row to its table)");
  }

  @Test
  void theFormatTablesNameOnlyDocumentedKinds() throws IOException {
    Set<String> kinds = new TreeSet<>();
    for (String pair : documented()) {
      kinds.add(pair.substring(0, pair.indexOf(' ')));
    }
    Pattern quoted = Pattern.compile("`([a-z-]+)`");
    for (String section : List.of("## KFP v2", "## KFP v1: component.yaml", "## KFP v1: Argo workflows", "## Airflow")) {
      List<List<String>> rows = table(section);
      assertTrue(rows.size() >= 5, section + " has its table");
      for (List<String> cells : rows) {
        assertEquals(3, cells.size(), section + ": " + cells);
        Matcher m = quoted.matcher(cells.get(2));
        while (m.find()) {
          assertTrue(kinds.contains(m.group(1)), section + " names kind `" + m.group(1) + "`, which `Rows by kind` does not list");
        }
      }
    }
  }
}
