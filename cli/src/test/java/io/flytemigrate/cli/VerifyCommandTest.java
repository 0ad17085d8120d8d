package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.kfp.KfpV2Reader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
  /** Two container tasks, the second after the first, and a parameter with a default. */
  private static final String PIPELINE = """
      # PIPELINE DEFINITION
      # Name: two-steps
      components:
        comp-say:
          executorLabel: exec-say
          inputDefinitions:
            parameters:
              text:
                parameterType: STRING
        comp-say-2:
          executorLabel: exec-say-2
          inputDefinitions:
            parameters:
              text:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-say:
            container:
              command:
              - echo
              args:
              - "{{$.inputs.parameters['text']}}"
              image: alpine:3.19
          exec-say-2:
            container:
              command:
              - echo
              args:
              - "{{$.inputs.parameters['text']}}"
              image: alpine:3.19
      pipelineInfo:
        name: two-steps
      root:
        dag:
          tasks:
            say:
              componentRef:
                name: comp-say
              inputs:
                parameters:
                  text:
                    componentInputParameter: greeting
              taskInfo:
                name: say
            say-2:
              componentRef:
                name: comp-say-2
              dependentTasks:
              - say
              inputs:
                parameters:
                  text:
                    runtimeValue:
                      constant: bye
              taskInfo:
                name: say-2
        inputDefinitions:
          parameters:
            greeting:
              defaultValue: hello
              parameterType: STRING
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.14.6
      """;

  @TempDir Path dir;

  private static CommandLine command() {
    return new CommandLine(new VerifyCommand());
  }

  /** What convert writes, for the test: the package and the manifest in {@code out}. */
  private Path convert(String sourceName, byte[] pkgOverride) throws IOException {
    Path src = dir.resolve(sourceName);
    Files.writeString(src, PIPELINE, StandardCharsets.UTF_8);
    var pipeline = new KfpV2Reader().read(new SourceFile(src.toString(), PIPELINE)).value().orElseThrow();
    Lowered lowered = FlyteLowering.lower(pipeline, LoweringOptions.DEFAULT).value().orElseThrow();
    List<OutputFile> project = List.of(new OutputFile("two_steps/__init__.py", new byte[0]));
    FlytePackage pkg = FlytePackage.write(lowered.project(), project, PackageOptions.DEFAULT);
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.write(out.resolve(FlytePackage.FILE_NAME), pkgOverride != null ? pkgOverride : pkg.bytes());
    Files.writeString(out.resolve(ConvertManifest.FILE_NAME),
        new ConvertManifest(src.toString(), sourceName, FlytePackage.FILE_NAME, LoweringOptions.DEFAULT).toJson(),
        StandardCharsets.UTF_8);
    return out;
  }

  @Test
  void aPackageMatchesItsSource() throws IOException {
    Path out = convert("pipeline.yaml", null);
    Cli r = Cli.run(command(), out.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("`" + out + "/flyte-package.tgz` matches `" + dir.resolve("pipeline.yaml") + "`\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void aPackageFileNeedsItsSource() throws IOException {
    Path out = convert("pipeline.yaml", null);
    String pkg = out.resolve(FlytePackage.FILE_NAME).toString();
    Cli ok = Cli.run(command(), pkg, "--source", dir.resolve("pipeline.yaml").toString());
    assertEquals(0, ok.exit(), ok::toString);
    Cli usage = Cli.run(command(), pkg);
    assertEquals(ExitCodes.USAGE, usage.exit(), usage::toString);
    assertTrue(usage.err().contains("name its source pipeline with --source FILE"), usage::toString);
  }

  @Test
  void anotherPipelineDoesNotMatch() throws IOException {
    Path out = convert("pipeline.yaml", null);
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, PIPELINE.replace("defaultValue: hello", "defaultValue: howdy"), StandardCharsets.UTF_8);
    Cli r = Cli.run(command(), out.toString(), "--source", other.toString(), "--diagnostics", "short");
    assertEquals(ExitCodes.INPUT_ERRORS, r.exit(), r::toString);
    assertTrue(r.out().contains("does not match `" + other + "`: 1 error"), r::toString);
    assertTrue(r.err().contains("error[FM5511]: parameter `greeting` defaults to `howdy` in the source, but to `hello` in the package"),
        r::toString);
  }

  @Test
  void aDamagedPackageIsReported() throws IOException {
    Path out = convert("pipeline.yaml", "not a package".getBytes(StandardCharsets.UTF_8));
    Cli r = Cli.run(command(), out.toString(), "--diagnostics", "short");
    assertEquals(ExitCodes.INPUT_ERRORS, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM5500]: cannot read package"), r::toString);
  }

  @Test
  void aDirectoryWithoutManifestNeedsTheSource() throws IOException {
    Path out = Files.createDirectories(dir.resolve("empty"));
    Cli r = Cli.run(command(), out.toString(), "--diagnostics", "short");
    assertEquals(ExitCodes.INPUT_ERRORS, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM0001]: cannot read `" + out + "/flyte-migrate.json`: no such file"), r::toString);
    assertTrue(r.err().contains("pass the source pipeline with --source FILE"), r::toString);
  }

  @Test
  void theManifestReadsBackWhatWasWritten() {
    LoweringOptions options = new LoweringOptions(Optional.of("flytesnacks"), Optional.empty(), Optional.of("v1"),
        Optional.of("ghcr.io/acme/img:1"), LoweringOptions.PythonComponents.CONTAINER);
    ConvertManifest m = new ConvertManifest("../pipelines/a b.yaml", "pipelines/a b.yaml", "flyte-package.tgz", options);
    DiagnosticSink sink = new DiagnosticSink();
    assertEquals(Optional.of(m), ConvertManifest.parse("out/flyte-migrate.json", m.toJson(), sink));
    assertTrue(m.toJson().contains("\"pythonComponents\": \"container\""), m.toJson());
    assertEquals(List.of(), sink.sorted());
    ConvertManifest.parse("out/flyte-migrate.json", "[1]", sink);
    assertEquals("FM0001", sink.sorted().get(0).code().id());
  }

  @Test
  void sourcesAreRelativeToOutOnlyBelowASharedDirectory() {
    assertEquals(Optional.of("../in/x.yaml"), ConvertManifest.relativeToOutput(Path.of("/work/repo/out"),
        Path.of("/work/repo/in/x.yaml")));
    assertEquals(Optional.of("../../other/x.yaml"), ConvertManifest.relativeToOutput(Path.of("/work/repo/out"),
        Path.of("/work/other/x.yaml")));
    // Up to the root and down again: as much a machine path as an absolute one.
    assertEquals(Optional.empty(), ConvertManifest.relativeToOutput(Path.of("/tmp/build/out"),
        Path.of("/home/someone/pipelines/x.yaml")));
    assertEquals(Optional.empty(), ConvertManifest.relativeToOutput(Path.of("/out"), Path.of("/in/x.yaml")));
  }

  @Test
  void aManifestWithoutASourceIsVerifiedWithSources() throws IOException {
    Path out = convert("pipeline.yaml", null);
    // What convert writes when OUT and the source share no directory below the root.
    Files.writeString(out.resolve(ConvertManifest.FILE_NAME),
        new ConvertManifest("", "pipeline.yaml", FlytePackage.FILE_NAME, LoweringOptions.DEFAULT).toJson(),
        StandardCharsets.UTF_8);
    assertTrue(Files.readString(out.resolve(ConvertManifest.FILE_NAME)).contains("\"source\": null"));
    Cli lost = Cli.run(command(), out.toString(), "--diagnostics", "short");
    assertEquals(ExitCodes.INPUT_ERRORS, lost.exit(), lost::toString);
    assertTrue(lost.err().contains("error[FM0001]: `" + out + "/flyte-migrate.json` does not say where `pipeline.yaml` is"),
        lost::toString);
    assertTrue(lost.err().contains("pass --sources DIR"), lost::toString);
    Cli found = Cli.run(command(), out.toString(), "--sources", dir.toString());
    assertEquals(0, found.exit(), found::toString);
    assertEquals("`" + out + "/flyte-package.tgz` matches `" + dir.resolve("pipeline.yaml") + "`\n", found.out());
  }

  @Test
  void sourcesOverridesTheRecordedSourceOfAMovedOutput() throws IOException {
    Path out = convert("pipeline.yaml", null);
    Path moved = Files.createDirectories(dir.resolve("elsewhere"));
    String changed = PIPELINE.replace("constant: bye", "constant: ciao");
    assertTrue(!changed.equals(PIPELINE), "the constant is changed");
    Files.writeString(moved.resolve("pipeline.yaml"), changed);
    Cli r = Cli.run(command(), out.toString(), "--sources", moved.toString(), "--diagnostics", "short");
    // The recorded source matches; the one under --sources (another constant) is the one checked.
    assertEquals(ExitCodes.INPUT_ERRORS, r.exit(), r::toString);
    assertTrue(r.out().contains("does not match `" + moved.resolve("pipeline.yaml") + "`"), r::toString);
  }
}
