package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.InputStreamSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * {@code convert} over the whole shared corpus (KFP v2, KFP v1, Airflow DAG files, serialized
 * DAGs), read the way CI reads it: the documented exit code, every input accounted for in
 * {@code summary.json}, every converted pipeline's workflow module and reports in OUT, nothing
 * written outside OUT, no machine path in any output, and {@code summary.json},
 * {@code diagnostics.sarif} and {@code junit.xml} valid against their schemas (the repository's,
 * the official SARIF 2.1.0 one and a JUnit XSD, all loaded from local files). The corpus is
 * converted once for the whole class; a subset is converted twice more to show that
 * {@code --jobs} does not change a byte.
 */
class BatchCorpusTest {
  /** The outputs every batch writes, beside the flytekit project. */
  static final List<String> BATCH_FILES = List.of("diagnostics.sarif", "flyte-migrate.json", "flyte-package.tgz",
      "junit.xml", "report.html", "report.md", "summary.json");

  private static final Pattern POSITIVE_LINE = Pattern.compile("[1-9][0-9]*");

  @TempDir static Path tmp;

  private static Path out;
  private static Cli run;
  private static Map<String, Object> summary;
  private static List<Map<String, Object>> inputs;

  @BeforeAll
  static void convertTheWholeCorpus() throws IOException {
    out = tmp.resolve("out");
    run = Cli.run("convert", Corpus.corpusRoot().toString(), "-o", out.toString(), "--diagnostics", "short",
        "--progress", "none");
    summary = Json.object(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8));
    inputs = Json.objects(summary.get("inputs"));
  }

  // ---------------------------------------------------------------- the run

  /**
   * {@code verify OUT} reads the combined package back against every converted pipeline, as a
   * user checks a batch later. Each pipeline was verified alone during the batch; this is what
   * found two pipelines' loop bodies of the same name mixed up in the combined package.
   */
  @Test
  void theCombinedPackageMatchesEveryConvertedPipeline() {
    long converted = inputs.stream().filter(i -> "converted".equals(i.get("status"))).count();
    Cli verified = Cli.run("verify", out.toString(), "--sources", Corpus.corpusRoot().getParent().toString(),
        "--diagnostics", "short");
    assertEquals(0, verified.exit(), () -> brief(verified));
    assertTrue(verified.out().startsWith("`" + out.resolve("flyte-package.tgz") + "` matches its "), verified::out);
    assertTrue(converted > 500, "only " + converted + " converted");
  }

  @Test
  void exitsOneForTheInvalidFilesAndWritesEveryOutput() {
    assertEquals(1, run.exit(), "the corpus holds invalid files on purpose, so some inputs have errors:\n" + brief(run));
    assertFalse(run.err().contains("error[FM0005]"), "an internal error:\n" + brief(run));
    assertFalse(run.err().contains("\tat "), "a stack trace:\n" + brief(run));
    assertTrue(run.err().contains("corpus/kfp/sdk_compiled_pipelines/invalid/empty_file.yaml:1:1: error[FM1003]: "),
        brief(run));
    assertTrue(run.out().startsWith("inputs "), brief(run));
    assertTrue(run.out().contains("wrote " + out + " (report.md, report.html, summary.json, junit.xml, diagnostics.sarif)"),
        brief(run));
    for (String f : BATCH_FILES) {
      assertTrue(Files.isRegularFile(out.resolve(f)), "missing " + f);
    }
    Map<String, Object> totals = Json.obj(summary.get("totals"));
    long converted = count("converted");
    long failed = count("failed");
    long skipped = count("skipped");
    assertEquals(List.of((long) inputs.size(), converted, failed, skipped),
        List.of(totals.get("inputs"), totals.get("converted"), totals.get("failed"), totals.get("skipped")));
    assertEquals(inputs.size(), converted + failed + skipped);
    // The corpus holds invalid and unsupported files on purpose; at least four in five files convert.
    assertTrue(converted * 5 >= inputs.size() * 4, "most of the corpus converts: " + totals);
    assertTrue(run.out().matches("(?s)inputs +" + inputs.size() + "\n  converted +" + converted + "\n  failed +" + failed
        + "\n  skipped +" + skipped + "\n.*"), brief(run));
  }

  @Test
  void everyCorpusFileIsAnInputOfTheSummary() {
    Set<String> expected = new TreeSet<>();
    for (Path f : Corpus.files(Corpus.corpusRoot())) {
      expected.add("corpus/" + Corpus.corpusRoot().relativize(f).toString().replace('\\', '/'));
    }
    Set<String> reported = new TreeSet<>();
    for (Map<String, Object> in : inputs) {
      reported.add((String) in.get("path"));
    }
    assertEquals(expected, reported);
    List<String> paths = inputs.stream().map(in -> (String) in.get("path")).toList();
    assertEquals(paths.stream().sorted().toList(), paths, "inputs are sorted by path");
  }

  @Test
  void everyInputIsConvertedOrFailedWithAnErrorOrSkippedWithANote() {
    for (Map<String, Object> in : inputs) {
      String status = (String) in.get("status");
      List<Map<String, Object>> diagnostics = Json.objects(in.get("diagnostics"));
      List<Object> severities = diagnostics.stream().map(d -> d.get("severity")).toList();
      String what = in.get("path") + " " + status + " " + severities;
      switch (status) {
        case "converted" -> {
          assertFalse(severities.contains("error"), what);
          assertTrue(Json.obj(in.get("parity")).get("total") instanceof Long, what);
          assertFalse(Json.list(Json.obj(in.get("flyte")).get("workflows")).isEmpty(), what);
        }
        case "failed" -> assertTrue(severities.contains("error"), what);
        case "skipped" -> {
          assertTrue(severities.contains("note"), what);
          assertTrue(diagnostics.stream().anyMatch(d -> d.get("code").equals("FM0006")), what);
        }
        default -> throw new AssertionError("unknown status: " + what);
      }
      for (Map<String, Object> d : diagnostics) {
        assertFalse(((String) d.get("file")).startsWith("/"), what + ": " + d);
      }
    }
  }

  /** The KFP v2 corpus is split into valid and invalid files: all valid ones convert, all invalid ones fail. */
  @Test
  void everyValidKfpFileConvertsAndEveryInvalidOneFailsAtALine() throws IOException {
    Map<String, String> known = knownVerifyErrors();
    int valid = 0;
    int invalid = 0;
    for (Map<String, Object> in : inputs) {
      String path = (String) in.get("path");
      String status = (String) in.get("status");
      List<Map<String, Object>> diagnostics = Json.objects(in.get("diagnostics"));
      if (path.startsWith("corpus/kfp/sdk_compiled_pipelines/valid/")) {
        valid++;
        String code = known.get(path.substring("corpus/".length()));
        if (code != null && status.equals("failed")) {
          assertTrue(diagnostics.stream().anyMatch(d -> d.get("code").equals(code)), path + " fails for another reason");
        } else {
          assertEquals("converted", status, path + ": " + diagnostics);
        }
      } else if (path.startsWith("corpus/kfp/sdk_compiled_pipelines/invalid/")) {
        invalid++;
        assertEquals("failed", status, path);
        assertTrue(diagnostics.stream().anyMatch(d -> d.get("severity").equals("error")
            && POSITIVE_LINE.matcher(String.valueOf(d.get("line"))).matches()), path + ": " + diagnostics);
      }
    }
    assertTrue(valid >= 90, "expected the whole valid corpus, found " + valid);
    assertTrue(invalid >= 2, "expected the invalid corpus, found " + invalid);
  }

  /** Corpus files whose translation the verifier refuses, listed (with the code) in flyte-proto's test resources. */
  private static Map<String, String> knownVerifyErrors() throws IOException {
    Map<String, String> known = new TreeMap<>();
    Path list = Corpus.repoRoot().resolve("flyte-proto/src/test/resources/verify/known-translation-errors.txt");
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      String[] parts = line.strip().split("\\s+");
      if (!line.startsWith("#") && parts.length >= 2) {
        known.put(parts[0], parts[1]);
      }
    }
    return known;
  }

  @Test
  void everyConvertedPipelineHasItsWorkflowModuleAndReports() throws IOException {
    Map<String, Object> manifest = Json.object(Files.readString(out.resolve("flyte-migrate.json"), StandardCharsets.UTF_8));
    List<Map<String, Object>> pipelines = Json.objects(manifest.get("pipelines"));
    assertEquals(count("converted"), pipelines.size(), "one manifest entry per converted pipeline");
    Set<String> convertedPaths = new TreeSet<>();
    inputs.stream().filter(in -> in.get("status").equals("converted")).forEach(in -> convertedPaths.add((String) in.get("path")));
    Set<String> sources = new TreeSet<>();
    Set<String> packages = new TreeSet<>();
    for (Map<String, Object> p : pipelines) {
      sources.add((String) p.get("input"));
      String pkg = (String) p.get("pythonPackage");
      assertTrue(packages.add(pkg), "two pipelines in package " + pkg);
      assertTrue(pkg.matches("[a-z_][a-z0-9_]*"), pkg);
      String workflow = (String) p.get("workflow");
      assertTrue(workflow.startsWith(pkg + ".workflows."), workflow);
      int dot = workflow.lastIndexOf('.');
      Path module = out.resolve(workflow.substring(0, dot).replace('.', '/') + ".py");
      assertTrue(Files.isRegularFile(module), "missing workflow module " + out.relativize(module));
      String python = Files.readString(module, StandardCharsets.UTF_8);
      assertTrue(python.contains("def " + workflow.substring(dot + 1) + "("), module + " does not define the workflow");
      assertTrue(Files.isRegularFile(out.resolve(pkg + "/__init__.py")), pkg);
      assertTrue(Files.isRegularFile(out.resolve(pkg + "/tasks.py")) || Files.isRegularFile(out.resolve("shared/tasks.py")),
          pkg + " has no tasks module");
      for (String report : List.of("report.md", "report.html", "parity.json")) {
        assertTrue(Files.isRegularFile(out.resolve("pipelines/" + pkg + "/" + report)), pkg + " has no " + report);
      }
    }
    assertEquals(convertedPaths, sources);
    // Every Flyte id the summary gives a converted input names a module of OUT: `pkg.workflows.mod.fn` is in
    // pkg/workflows/mod.py, `pkg.tasks.fn` in pkg/tasks.py, a shared task in shared/tasks.py.
    int workflows = 0;
    for (Map<String, Object> in : inputs) {
      if (!in.get("status").equals("converted")) {
        continue;
      }
      Map<String, Object> flyte = Json.obj(in.get("flyte"));
      for (String kind : List.of("workflows", "tasks")) {
        for (Object id : Json.list(flyte.get(kind))) {
          String name = ((String) id).substring(0, ((String) id).indexOf(':'));
          int dot = name.lastIndexOf('.');
          Path module = out.resolve(name.substring(0, dot).replace('.', '/') + ".py");
          assertTrue(Files.isRegularFile(module), in.get("path") + ": no module for " + id);
          if (kind.equals("workflows")) {
            workflows++;
            assertTrue(Files.readString(module, StandardCharsets.UTF_8).contains("def " + name.substring(dot + 1) + "("),
                in.get("path") + ": " + out.relativize(module) + " does not define " + id);
          }
        }
      }
    }
    assertTrue(workflows >= pipelines.size(), "every converted pipeline has a workflow: " + workflows);
    if (!Json.list(summary.get("merged")).isEmpty()) {
      assertTrue(Files.isRegularFile(out.resolve("shared/tasks.py")), "tasks are merged but there is no shared package");
    }
  }

  // ---------------------------------------------------------------- nothing outside OUT, no machine paths

  @Test
  void noOutputPathLeavesOut() throws IOException {
    Map<String, byte[]> files = tree(out);
    assertTrue(files.size() > 1000, "the project of the whole corpus: " + files.size() + " files");
    for (String p : files.keySet()) {
      assertSafe(p, "OUT");
    }
    List<String> entries = new ArrayList<>();
    Tar.walk("flyte-package.tgz", files.get("flyte-package.tgz"), (name, content) -> entries.add(name));
    assertTrue(entries.size() > 1000, "the package of the whole corpus: " + entries.size() + " entries");
    assertTrue(entries.stream().anyMatch(e -> e.matches("flyte-package\\.tgz!fast[0-9a-f]+\\.tar\\.gz!.+\\.py")), "no fast tarball");
    for (String e : entries) {
      for (String part : e.split("!")) {
        assertSafe(part, "flyte-package.tgz");
      }
    }
  }

  /** A relative path that stays where it is put: no leading slash, no {@code ..}, no backslash. */
  static void assertSafe(String path, String where) {
    assertFalse(path.startsWith("/") || path.contains("\\") || path.isEmpty(), where + ": " + path);
    for (String segment : path.split("/")) {
      assertFalse(segment.equals("..") || segment.equals(".") || segment.isEmpty(), where + ": " + path);
    }
  }

  @Test
  void noOutputNamesAMachinePath() throws IOException {
    List<String> machine = List.of(Corpus.corpusRoot().toString(), tmp.toAbsolutePath().toString(),
        Corpus.repoRoot().toString(), Path.of("").toAbsolutePath().toString());
    Map<String, byte[]> files = tree(out);
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().endsWith(".tgz") || f.getKey().endsWith(".tar.gz")) {
        Tar.walk(f.getKey(), f.getValue(), (name, content) -> leaks.addAll(leaks(name, content, machine)));
      } else {
        leaks.addAll(leaks(f.getKey(), f.getValue(), machine));
      }
    }
    assertEquals(List.of(), leaks);
    assertFalse(run.err().contains(tmp.toAbsolutePath() + "/out/flyte-package.tgz"),
        "diagnostics name the package as the inputs are named, without the machine's directories");
  }

  private static List<String> leaks(String name, byte[] content, List<String> machine) {
    String text = new String(content, StandardCharsets.ISO_8859_1);
    List<String> found = new ArrayList<>();
    for (String m : machine) {
      int at = text.indexOf(m);
      if (at >= 0) {
        int from = Math.max(0, at - 60);
        found.add(name + " names " + m + ": ..." + text.substring(from, Math.min(text.length(), at + m.length() + 60)));
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- schemas

  @Test
  void summaryValidatesAgainstTheSchemaInTheRepository() throws IOException {
    String schema = Files.readString(Corpus.repoRoot().resolve("docs/schemas/summary.schema.json"), StandardCharsets.UTF_8);
    String id = (String) Json.object(schema).get("$id");
    LocalSchemas schemas = new LocalSchemas(SpecificationVersion.DRAFT_2020_12, Map.of(id, schema), true);
    String text = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
    assertEquals(List.of(), schemas.validate(id, text));
    // The validator is real: a status the schema does not allow is reported.
    List<String> broken = schemas.validate(id, text.replaceFirst("\"status\": \"converted\"", "\"status\": \"done\""));
    assertEquals(1, broken.size(), broken::toString);
    assertTrue(broken.get(0).contains("/inputs/") && broken.get(0).contains("/status"), broken::toString);
    assertEquals(List.of(), schemas.unresolved());
  }

  /**
   * The SARIF 2.1.0 schema (OASIS Standard with Errata 01) is JSON Schema draft 04, whose
   * {@code format} checks are optional; the log is checked against every other keyword here, and
   * with formats by {@link #sarifUrisHaveTheFormatsTheSchemaNames}.
   */
  @Test
  void sarifValidatesAgainstTheOfficialSarifSchema() throws IOException {
    String text = Files.readString(out.resolve("diagnostics.sarif"), StandardCharsets.UTF_8);
    Map<String, Object> log = Json.object(text);
    String declared = (String) log.get("$schema");
    LocalSchemas schemas = sarifSchemas(declared, false);
    assertEquals(List.of(), schemas.validate(declared, text));
    List<String> broken = schemas.validate(declared, text.replaceFirst("\"level\": \"error\"", "\"level\": \"fatal\""));
    assertFalse(broken.isEmpty(), "a level SARIF does not define must be reported");
    assertEquals(List.of(), schemas.unresolved());

    assertEquals("2.1.0", log.get("version"));
    Map<String, Object> sarifRun = Json.obj(Json.list(log.get("runs")).get(0));
    Map<String, Object> driver = Json.obj(Json.obj(sarifRun.get("tool")).get("driver"));
    assertEquals("flyte-migrate", driver.get("name"));
    List<Object> ruleIds = Json.objects(driver.get("rules")).stream().map(r -> r.get("id")).toList();
    Set<Object> used = new TreeSet<>();
    long diagnostics = 0;
    for (Map<String, Object> in : inputs) {
      for (Map<String, Object> d : Json.objects(in.get("diagnostics"))) {
        used.add(d.get("code"));
        diagnostics++;
      }
    }
    assertEquals(new ArrayList<>(used), ruleIds, "one rule per code used, sorted");
    assertEquals(diagnostics, Json.list(sarifRun.get("results")).size(), "one result per diagnostic");
  }

  @Test
  void sarifUrisHaveTheFormatsTheSchemaNames() throws IOException {
    String text = Files.readString(out.resolve("diagnostics.sarif"), StandardCharsets.UTF_8);
    String declared = (String) Json.object(text).get("$schema");
    assertEquals(List.of(), sarifSchemas(declared, true).validate(declared, text));
  }

  /** The vendored SARIF schema under its own id and under the address the log declares. */
  private static LocalSchemas sarifSchemas(String declared, boolean formats) throws IOException {
    String schema = resource("schemas/sarif-schema-2.1.0.json");
    String oasisId = (String) Json.object(schema).get("id");
    assertEquals("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json", oasisId);
    assertEquals("https://json.schemastore.org/sarif-2.1.0.json", declared, "the log names the SARIF 2.1.0 schema");
    Map<String, String> local = new LinkedHashMap<>();
    local.put(oasisId, schema);
    local.put(declared, schema);
    return new LocalSchemas(SpecificationVersion.DRAFT_4, local, formats);
  }

  @Test
  void junitXmlValidatesAgainstTheJUnitSchema() throws Exception {
    byte[] xml = Files.readAllBytes(out.resolve("junit.xml"));
    assertEquals(List.of(), JUnitSchema.validate(xml));
    String nameless = new String(xml, StandardCharsets.UTF_8)
        .replaceFirst("(<testcase classname=\"[^\"]*\") name=\"[^\"]*\"", "$1");
    byte[] broken = nameless.getBytes(StandardCharsets.UTF_8);
    assertFalse(JUnitSchema.validate(broken).isEmpty(), "a test case without a name must be reported");

    Document doc = JUnitSchema.parse(xml);
    Element suite = doc.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals(String.valueOf(inputs.size()), suite.getAttribute("tests"));
    assertEquals(String.valueOf(count("failed")), suite.getAttribute("failures"));
    assertEquals(String.valueOf(count("skipped")), suite.getAttribute("skipped"));
    assertEquals("0", suite.getAttribute("errors"));
    NodeList cases = suite.getElementsByTagName("testcase");
    List<String> fromXml = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      String status = c.getElementsByTagName("failure").getLength() > 0 ? "failed"
          : c.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "converted";
      fromXml.add(c.getAttribute("classname") + " " + status);
    }
    List<String> fromSummary = new ArrayList<>();
    inputs.forEach(in -> fromSummary.add(in.get("path") + " " + in.get("status")));
    fromXml.sort(null);
    fromSummary.sort(null);
    assertEquals(fromSummary, fromXml, "one test case per input, failing exactly when the input failed");
  }

  // ---------------------------------------------------------------- --jobs

  @Test
  void jobsOneAndJobsEightWriteByteIdenticalTrees() throws IOException {
    Path kfp = Corpus.corpusRoot().resolve("kfp/sdk_compiled_pipelines/valid");
    Path airflow = Corpus.corpusRoot().resolve("airflow/apache-airflow-2.9.3/example_dags");
    // The same last name: OUT is named in diagnostics as the inputs are (see noOutputNamesAMachinePath).
    Path one = tmp.resolve("jobs-1/subset");
    Path eight = tmp.resolve("jobs-8/subset");
    Cli a = Cli.run("convert", kfp.toString(), airflow.toString(), "-o", one.toString(), "--jobs", "1", "--progress", "none",
        "--diagnostics", "short");
    Cli b = Cli.run("convert", kfp.toString(), airflow.toString(), "-o", eight.toString(), "--jobs", "8", "--progress",
        "none", "--diagnostics", "short");
    assertEquals(a.exit(), b.exit());
    assertTrue(a.exit() == 0 || a.exit() == 1, brief(a));
    assertEquals(a.err(), b.err());
    TreeMap<String, byte[]> ta = tree(one);
    TreeMap<String, byte[]> tb = tree(eight);
    assertTrue(ta.size() > 500, "the subset's project: " + ta.size() + " files");
    String manifest = new String(ta.get("flyte-migrate.json"), StandardCharsets.UTF_8);
    assertTrue(manifest.contains("\"input\": \"example_dags/example_bash_operator.py\""), "an Airflow DAG converted");
    assertTrue(manifest.contains("\"input\": \"valid/hello_world.yaml\""), "a KFP pipeline converted");
    assertEquals(ta.keySet(), tb.keySet());
    for (String k : ta.keySet()) {
      assertArrayEquals(ta.get(k), tb.get(k), k);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static long count(String status) {
    return inputs.stream().filter(in -> in.get("status").equals(status)).count();
  }

  /** Every regular file below {@code dir} by its path relative to it, with {@code /}, and its bytes. */
  static TreeMap<String, byte[]> tree(Path dir) throws IOException {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        assertFalse(Files.isSymbolicLink(p), "a link in the output: " + p);
        if (Files.isRegularFile(p)) {
          files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    }
    return files;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = BatchCorpusTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The run, with stderr cut short: the whole corpus prints thousands of diagnostics. */
  static String brief(Cli r) {
    String err = r.err().length() > 6000 ? r.err().substring(0, 6000) + "\n..." : r.err();
    return "exit " + r.exit() + "\n--- stdout\n" + r.out() + "\n--- stderr\n" + err;
  }

  /**
   * JSON Schema validation with every schema, the meta-schemas included, loaded from memory or the
   * validator's own jar: a schema that would have to come from the network is recorded in
   * {@link #unresolved} instead, and nothing is fetched.
   */
  static final class LocalSchemas {
    private final SchemaRegistry registry;
    private final List<String> unresolved = new ArrayList<>();

    /**
     * @param formats whether {@code format} is an assertion (JSON Schema leaves it to the validator
     *     whether to check formats; draft 2019-09 and later make it an annotation by default)
     */
    LocalSchemas(SpecificationVersion dialect, Map<String, String> schemas, boolean formats) {
      SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(formats).build();
      this.registry = SchemaRegistry.withDefaultDialect(dialect, b -> b.schemaRegistryConfig(config)
          .schemaLoader(l -> l.fetchRemoteResources(false)
              .resourceLoaders(r -> r.resources(schemas::get).add(iri -> tripwire(iri.toString())))));
    }

    private InputStreamSource tripwire(String iri) {
      synchronized (unresolved) {
        unresolved.add(iri);
      }
      return null;
    }

    /** Every violation of the schema at {@code id} by the JSON {@code text}, as {@code location: message}. */
    List<String> validate(String id, String text) {
      List<String> found = new ArrayList<>();
      for (Error e : registry.getSchema(SchemaLocation.of(id)).validate(text, InputFormat.JSON)) {
        found.add(e.getInstanceLocation() + ": " + e.getMessage());
      }
      return found;
    }

    /** The schema addresses that were asked for and not found locally. */
    List<String> unresolved() {
      return List.copyOf(unresolved);
    }
  }

  /** The JUnit XML schema of Jenkins' xUnit plugin, with javax.xml.validation; nothing external is loaded. */
  static final class JUnitSchema {
    private JUnitSchema() {}

    static List<String> validate(byte[] xml) throws Exception {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      javax.xml.validation.Schema schema = factory.newSchema(new StreamSource(new StringReader(resource("schemas/junit-10.xsd")),
          "junit-10.xsd"));
      Validator validator = schema.newValidator();
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      List<String> problems = new ArrayList<>();
      validator.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          problems.add("warning " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void error(SAXParseException e) {
          problems.add("error " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
          problems.add("fatal " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }
      });
      validator.validate(new StreamSource(new ByteArrayInputStream(xml), "junit.xml"));
      return problems;
    }

    static Document parse(byte[] xml) throws Exception {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setNamespaceAware(true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
    }
  }

  /** Reads tar archives, gzipped or not, and the archives inside them. */
  static final class Tar {
    private Tar() {}

    interface Visitor {
      void entry(String name, byte[] content);
    }

    /**
     * Calls {@code visitor} for every entry, named {@code archive!entry}; an entry that is itself a
     * {@code .tar.gz} is walked too ({@code archive!inner.tar.gz!entry}).
     */
    static void walk(String archive, byte[] bytes, Visitor visitor) {
      byte[] tar = gunzip(bytes);
      String paxPath = null;
      int at = 0;
      while (at + 512 <= tar.length) {
        if (isZero(tar, at)) {
          break;
        }
        String name = field(tar, at, 100);
        String prefix = field(tar, at + 345, 155);
        long size = Long.parseLong(field(tar, at + 124, 12).strip().isEmpty() ? "0" : field(tar, at + 124, 12).strip(), 8);
        char type = (char) tar[at + 156];
        byte[] content = java.util.Arrays.copyOfRange(tar, at + 512, at + 512 + (int) size);
        at += 512 + (int) ((size + 511) / 512 * 512);
        if (type == 'x') {
          paxPath = paxPath(new String(content, StandardCharsets.UTF_8));
          continue;
        }
        String full = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
        paxPath = null;
        String shown = archive + "!" + full;
        visitor.entry(shown, content);
        if (full.endsWith(".tar.gz") || full.endsWith(".tgz")) {
          walk(shown, content, visitor);
        }
      }
    }

    private static String paxPath(String records) {
      Matcher m = Pattern.compile("(?m)^[0-9]+ path=(.*)$").matcher(records);
      return m.find() ? m.group(1) : null;
    }

    private static byte[] gunzip(byte[] bytes) {
      if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
        return bytes;
      }
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static boolean isZero(byte[] b, int at) {
      for (int i = at; i < at + 512; i++) {
        if (b[i] != 0) {
          return false;
        }
      }
      return true;
    }

    private static String field(byte[] b, int at, int length) {
      int end = at;
      while (end < at + length && b[end] != 0) {
        end++;
      }
      return new String(b, at, end - at, StandardCharsets.UTF_8);
    }
  }

  /** JSON as maps (in document order), lists, strings, longs, doubles, booleans and nulls. */
  static final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    static Map<String, Object> object(String text) {
      try (JsonParser p = FACTORY.createParser(text)) {
        p.nextToken();
        Object v = value(p);
        if (p.nextToken() != null) {
          throw new AssertionError("text after the JSON value");
        }
        return obj(v);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + e.getMessage(), e);
      }
    }

    private static Object value(JsonParser p) throws IOException {
      JsonToken t = p.currentToken();
      switch (t) {
        case START_OBJECT -> {
          Map<String, Object> m = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (m.put(name, value(p)) != null) {
              throw new AssertionError("duplicate key " + name);
            }
          }
          return m;
        }
        case START_ARRAY -> {
          List<Object> l = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            l.add(value(p));
          }
          return l;
        }
        case VALUE_STRING -> {
          return p.getText();
        }
        case VALUE_NUMBER_INT -> {
          return p.getLongValue();
        }
        case VALUE_NUMBER_FLOAT -> {
          return p.getDoubleValue();
        }
        case VALUE_TRUE, VALUE_FALSE -> {
          return p.getBooleanValue();
        }
        case VALUE_NULL -> {
          return null;
        }
        default -> throw new AssertionError("unexpected " + t);
      }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
      assertTrue(o instanceof Map, "not an object: " + o);
      return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
      assertTrue(o instanceof List, "not an array: " + o);
      return (List<Object>) o;
    }

    static List<Map<String, Object>> objects(Object o) {
      return list(o).stream().map(Json::obj).toList();
    }
  }
}
