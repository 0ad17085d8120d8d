package io.flytemigrate.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.flytemigrate.ir.Arg;
import io.flytemigrate.ir.Arg.InputRef;
import io.flytemigrate.ir.Arg.Literal;
import io.flytemigrate.ir.Binding;
import io.flytemigrate.ir.Component.ContainerComponent;
import io.flytemigrate.ir.Component.ImporterComponent;
import io.flytemigrate.ir.Component.OpaqueComponent;
import io.flytemigrate.ir.Component.PythonComponent;
import io.flytemigrate.ir.ContainerSpec;
import io.flytemigrate.ir.EnvVar;
import io.flytemigrate.ir.IrType;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.Resources;
import io.flytemigrate.ir.TaskSettings;
import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.testing.Kfp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Executors: python, containerized python, plain containers, importers; and task settings. */
class ExecutorsTest {

  /** essential/component_with_pip_install.yaml from the kfp sdk corpus, verbatim. */
  static final String PIP_INSTALL = """
        # PIPELINE DEFINITION
        # Name: component-with-pip-install
        components:
          comp-component-with-pip-install:
            executorLabel: exec-component-with-pip-install
        deploymentSpec:
          executors:
            exec-component-with-pip-install:
              container:
                args:
                - --executor_input
                - '{{$}}'
                - --function_to_execute
                - component_with_pip_install
                command:
                - sh
                - -c
                - "\\nif ! [ -x \\"$(command -v pip)\\" ]; then\\n    python3 -m ensurepip ||\\
                  \\ python3 -m ensurepip --user || apt-get install python3-pip\\nfi\\n\\nPIP_DISABLE_PIP_VERSION_CHECK=1\\
                  \\ python3 -m pip install --quiet --no-warn-script-location --index-url https://pypi.org/simple\\
                  \\ --trusted-host https://pypi.org/simple 'yapf'  &&  python3 -m pip install\\
                  \\ --quiet --no-warn-script-location --index-url https://pypi.org/simple\\
                  \\ --trusted-host https://pypi.org/simple 'kfp==2.14.3' '--no-deps' 'typing-extensions>=3.7.4,<5;\\
                  \\ python_version<\\"3.9\\"' && \\"$0\\" \\"$@\\"\\n"
                - sh
                - -ec
                - 'program_path=$(mktemp -d)


                  printf "%s" "$0" > "$program_path/ephemeral_component.py"

                  _KFP_RUNTIME=true python3 -m kfp.dsl.executor_main                         --component_module_path                         "$program_path/ephemeral_component.py"                         "$@"

                  '
                - "\\nimport kfp\\nfrom kfp import dsl\\nfrom kfp.dsl import *\\nfrom typing import\\
                  \\ *\\n\\ndef component_with_pip_install():\\n    import yapf\\n    print(dir(yapf))\\n\\
                  \\n"
                image: python:3.11
        pipelineInfo:
          name: component-with-pip-install
        root:
          dag:
            tasks:
              component-with-pip-install:
                cachingOptions:
                  enableCache: true
                componentRef:
                  name: comp-component-with-pip-install
                taskInfo:
                  name: component-with-pip-install
        schemaVersion: 2.1.0
        sdkVersion: kfp-2.14.3
        """;

  private static final String PROGRAM =
      "\nimport kfp\nfrom kfp import dsl\nfrom kfp.dsl import *\nfrom typing import *\n\n"
          + "def component_with_pip_install():\n    import yapf\n    print(dir(yapf))\n\n";

  /** A one-task pipeline whose executor {@code exec-a} has {@code container}, starting on line 10. */
  private static String container(String container) {
    return """
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-a:
            executorLabel: exec-a
        deploymentSpec:
          executors:
            exec-a:
        %s
        root:
          dag:
            tasks:
              a:
                componentRef:
                  name: comp-a
        """.formatted(Kfp.indent(container, 6));
  }

  private static ContainerSpec containerOf(Pipeline p) {
    var c = p.component("comp-a").orElseThrow();
    if (c instanceof ContainerComponent cc) {
      return cc.container();
    }
    if (c instanceof PythonComponent pc) {
      return pc.container();
    }
    throw new AssertionError("not a container: " + c);
  }

  private static Resources resources(String resources) {
    Resources r = containerOf(Kfp.clean(container("""
        container:
          image: alpine
          resources:
        %s""".formatted(Kfp.indent(resources, 4))))).resources();
    return new Resources(r.cpuRequest(), r.cpuLimit(), r.memoryRequest(), r.memoryLimit(), r.acceleratorType(), r.acceleratorCount(), Span.NONE);
  }

  private static Optional<Arg> lit(String s) {
    return Optional.of(new Literal(s));
  }

  private static Optional<Arg> in(String s) {
    return Optional.of(new InputRef(s, Arg.Access.VALUE));
  }

  // ---- python components ------------------------------------------------------------------------

  @Test
  void aLightweightPythonComponentFromTheCorpus() {
    Pipeline p = Kfp.clean(PIP_INSTALL);
    PythonComponent c = Kfp.component(p, "comp-component-with-pip-install", PythonComponent.class);
    assertEquals("component_with_pip_install", c.functionName());
    assertEquals(Optional.of(PROGRAM), c.source());
    assertEquals(35, c.sourceSpan().line());
    assertEquals(11, c.sourceSpan().column());
    assertEquals(List.of("yapf"), c.packages());
    assertEquals(List.of("kfp==2.14.3", "typing-extensions>=3.7.4,<5; python_version<\"3.9\""), c.runtimePackages());
    assertEquals(List.of("https://pypi.org/simple"), c.pipIndexUrls());
    assertEquals("python:3.11", c.baseImage());
    assertEquals(List.of(new Literal("--executor_input"), new Arg.RuntimeValue("executor-input"), new Literal("--function_to_execute"),
        new Literal("component_with_pip_install")), c.container().args());
    assertEquals(7, c.container().command().size());
    assertEquals(new Literal(PROGRAM), c.container().command().get(6));
    assertEquals(Optional.of("component-with-pip-install"), Optional.of(p.name()));
    assertEquals(Optional.of("kfp-2.14.3"), p.source().producer());
    assertEquals(Optional.of("2.1.0"), p.source().schemaVersion());
    TaskNode t = Kfp.node(p.root(), "component-with-pip-install", TaskNode.class);
    assertEquals(Optional.of(true), t.settings().cache());
  }

  @Test
  void aContainerizedPythonComponentHasNoSource() {
    Outcome<Pipeline> o = Kfp.read(container("""
        container:
          args:
          - --executor_input
          - '{{$}}'
          - --function_to_execute
          - concat_message
          command:
          - python3
          - -m
          - kfp.dsl.executor_main
          image: kfp-image
        """));
    Diags.check(o.diagnostics(), """
        FM1016 11:9 python component `comp-a` runs `concat_message` from image `kfp-image`, whose source is not in this file
        """);
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
    PythonComponent c = Kfp.component(Kfp.pipeline(o), "comp-a", PythonComponent.class);
    assertEquals("concat_message", c.functionName());
    assertEquals(Optional.empty(), c.source());
    assertEquals(Span.NONE, c.sourceSpan());
    assertEquals("kfp-image", c.baseImage());
    assertEquals(List.of(), c.packages());
  }

  @Test
  void aNonPythonContainerIsAContainerComponent() {
    Pipeline p = Kfp.clean(container("""
        container:
          image: alpine:3
          command:
          - sh
          - -c
          args:
          - echo "$0"
          - '{{$.inputs.parameters[''msg'']}}'
          env:
          - name: A
            value: '1'
          - name: B
            value: two
        """));
    ContainerComponent c = Kfp.component(p, "comp-a", ContainerComponent.class);
    ContainerSpec s = c.container();
    assertEquals("alpine:3", s.image());
    assertEquals(List.of(new Literal("sh"), new Literal("-c")), s.command());
    assertEquals(List.of(new Literal("echo \"$0\""), new InputRef("msg", Arg.Access.VALUE)), s.args());
    assertEquals(List.of("A=1", "B=two"), s.env().stream().map(e -> e.name() + "=" + e.value()).toList());
    EnvVar a = s.env().get(0);
    assertEquals(19, a.span().line());
    assertEquals(11, a.span().column());
    assertEquals(Resources.NONE, s.resources());
    assertFalse(c.description().isPresent());
  }

  @Test
  void unknownContainerFieldsAreWarnings() {
    Outcome<Pipeline> o = Kfp.read(container("""
        container:
          image: alpine
          workingDir: /tmp
        """));
    Diags.check(o.diagnostics(), """
        FM1004 12:9 unknown field `workingDir` in `container` of executor `exec-a` is ignored
        """);
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
    assertEquals(true, o.ok());
  }

  @Test
  void anExecutorOfAnotherKindIsOpaque() {
    Outcome<Pipeline> o = Kfp.read(container("""
        resolver:
          outputArtifactQueries: {}
        """));
    Diags.check(o.diagnostics(), """
        FM1013 9:5 executor `exec-a` is a `resolver`, which has no flyte translation
        """);
    OpaqueComponent c = Kfp.component(Kfp.pipeline(o), "comp-a", OpaqueComponent.class);
    assertEquals("resolver", c.kind());
  }

  // ---- resources --------------------------------------------------------------------------------

  @Test
  void numericResourcesGetUnits() {
    assertEquals(new Resources(lit("0.5"), lit("2"), lit("1.5G"), lit("4G"), Optional.empty(), Optional.empty(), Span.NONE),
        resources("""
            cpuLimit: 2.0
            cpuRequest: 0.5
            memoryLimit: 4.0
            memoryRequest: 1.5
            """));
    assertEquals(new Resources(Optional.empty(), lit("1"), Optional.empty(), lit("0.268435456G"), Optional.empty(), Optional.empty(), Span.NONE),
        resources("""
            cpuLimit: 1
            memoryLimit: 0.268435456
            """));
  }

  @Test
  void stringResourcesWinOverNumericOnes() {
    assertEquals(new Resources(lit("500m"), lit("1000m"), Optional.empty(), lit("4G"), lit("nvidia.com/gpu"), lit("1"), Span.NONE),
        resources("""
            accelerator:
              count: '1'
              resourceCount: '1'
              resourceType: nvidia.com/gpu
              type: nvidia.com/gpu
            cpuLimit: 1.0
            resourceCpuLimit: 1000m
            resourceCpuRequest: 500m
            memoryLimit: 4.0
            resourceMemoryLimit: 4G
            """));
  }

  @Test
  void resourcesFromPipelineInputs() {
    assertEquals(new Resources(Optional.empty(), in("pipelinechannel--cpu_limit"), Optional.empty(), in("pipelinechannel--memory_limit"),
            in("pipelinechannel--accelerator_type"), in("pipelinechannel--accelerator_limit"), Span.NONE),
        resources("""
            accelerator:
              resourceCount: '{{$.inputs.parameters[''pipelinechannel--accelerator_limit'']}}'
              resourceType: '{{$.inputs.parameters[''pipelinechannel--accelerator_type'']}}'
            resourceCpuLimit: '{{$.inputs.parameters[''pipelinechannel--cpu_limit'']}}'
            resourceMemoryLimit: '{{$.inputs.parameters[''pipelinechannel--memory_limit'']}}'
            """));
  }

  @Test
  void legacyAcceleratorFields() {
    assertEquals(new Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), lit("nvidia.com/gpu"), lit("2"), Span.NONE),
        resources("""
            accelerator:
              count: 2
              type: nvidia.com/gpu
            """));
  }

  // ---- importers --------------------------------------------------------------------------------

  static final String IMPORTERS = """
      pipelineInfo:
        name: p
      schemaVersion: 2.1.0
      components:
        comp-importer:
          executorLabel: exec-importer
          inputDefinitions:
            parameters:
              uri:
                parameterType: STRING
          outputDefinitions:
            artifacts:
              artifact:
                artifactType:
                  schemaTitle: system.Dataset
                  schemaVersion: 0.0.1
        comp-importer-2:
          executorLabel: exec-importer-2
          inputDefinitions:
            parameters:
              uri:
                parameterType: STRING
          outputDefinitions:
            artifacts:
              artifact:
                artifactType:
                  schemaTitle: system.Model
                  schemaVersion: 0.0.1
      deploymentSpec:
        executors:
          exec-importer:
            importer:
              artifactUri:
                constant: gs://ml-pipeline-playground/shakespeare1.txt
              metadata:
                key: value
              typeSchema:
                schemaTitle: system.Dataset
                schemaVersion: 0.0.1
          exec-importer-2:
            importer:
              artifactUri:
                runtimeParameter: uri
              reimport: true
              typeSchema:
                schemaTitle: system.Model
                schemaVersion: 0.0.1
      root:
        dag:
          tasks:
            importer:
              componentRef:
                name: comp-importer
              inputs:
                parameters:
                  uri:
                    runtimeValue:
                      constant: gs://ml-pipeline-playground/shakespeare1.txt
            importer-2:
              componentRef:
                name: comp-importer-2
              inputs:
                parameters:
                  uri:
                    componentInputParameter: dataset_uri
        inputDefinitions:
          parameters:
            dataset_uri:
              parameterType: STRING
      """;

  @Test
  void importersWithAConstantAndARuntimeParameterUri() {
    Pipeline p = Kfp.clean(IMPORTERS);
    ImporterComponent constant = Kfp.component(p, "comp-importer", ImporterComponent.class);
    assertEquals(new Binding.Constant(new Value.Str("gs://ml-pipeline-playground/shakespeare1.txt")), constant.uri());
    assertEquals(new IrType.Artifact("system.Dataset", Optional.of("0.0.1"), IrType.ArtifactKind.DATASET, IrType.Shape.UNSPECIFIED),
        constant.artifactType());
    assertFalse(constant.reimport());
    assertEquals(Optional.of(new Value.MapValue(List.of(new Value.Entry("key", new Value.Str("value"))))), constant.metadata());
    assertEquals(List.of("uri"), constant.iface().inputs().stream().map(io.flytemigrate.ir.Port::name).toList());

    ImporterComponent runtime = Kfp.component(p, "comp-importer-2", ImporterComponent.class);
    assertEquals(new Binding.GraphInput("uri"), runtime.uri());
    assertEquals(IrType.ArtifactKind.MODEL, ((IrType.Artifact) runtime.artifactType()).kind());
    assertEquals(true, runtime.reimport());
    assertEquals(Optional.empty(), runtime.metadata());
  }

  // ---- task settings ----------------------------------------------------------------------------

  /** The settings of the only task, {@code a}, of a pipeline with the task's extra {@code fields}. */
  private static TaskSettings settings(String fields) {
    Pipeline p = Kfp.clean("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        components:
          comp-a:
            executorLabel: exec-a
        deploymentSpec:
          executors:
            exec-a:
              container:
                image: alpine
        root:
          dag:
            tasks:
              a:
                componentRef:
                  name: comp-a
        %s""".formatted(Kfp.indent(fields, 8)));
    TaskSettings s = Kfp.node(p.root(), "a", TaskNode.class).settings();
    return new TaskSettings(s.cache(), s.cacheKey(), s.retry().map(r -> new TaskSettings.Retry(r.maxRetries(), r.backoff(),
        r.backoffFactor(), r.backoffMax(), Span.NONE)), s.timeout(), s.trigger(), Span.NONE);
  }

  @Test
  void retryPolicyDurationsBecomeIso8601() {
    assertEquals(Optional.of(new TaskSettings.Retry(3, Optional.of("PT0S"), Optional.of(2.0), Optional.of("PT3600S"), Span.NONE)),
        settings("""
            retryPolicy:
              backoffDuration: 0s
              backoffFactor: 2.0
              backoffMaxDuration: 3600s
              maxRetryCount: 3
            """).retry());
    assertEquals(Optional.of(new TaskSettings.Retry(1, Optional.of("PT1.5S"), Optional.empty(), Optional.empty(), Span.NONE)),
        settings("""
            retryPolicy:
              backoffDuration: 1.5s
              maxRetryCount: 1
            """).retry());
  }

  @Test
  void caching() {
    assertEquals(TaskSettings.DEFAULT, settings("taskInfo: {name: a}"));
    TaskSettings off = settings("""
        cachingOptions:
          enableCache: false
        """);
    assertEquals(Optional.of(false), off.cache());
    assertEquals(Optional.empty(), off.cacheKey());
    TaskSettings keyed = settings("""
        cachingOptions:
          cacheKey: my-key
          enableCache: true
        """);
    assertEquals(Optional.of(true), keyed.cache());
    assertEquals(Optional.of("my-key"), keyed.cacheKey());
    assertEquals(Optional.empty(), settings("""
        cachingOptions:
          cacheKey: ''
        """).cacheKey());
  }

  @Test
  void ignoreUpstreamFailureRunsWhenAllAreDone() {
    assertEquals(TaskSettings.Trigger.ALL_DONE, settings("""
        triggerPolicy:
          strategy: ALL_UPSTREAM_TASKS_COMPLETED
        """).trigger());
    assertEquals(TaskSettings.Trigger.ALL_SUCCEEDED, settings("""
        triggerPolicy:
          strategy: ALL_UPSTREAM_TASKS_SUCCEEDED
        """).trigger());
  }
}
