package io.flytemigrate.ir.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalog of every diagnostic code, in one place. Areas by first digit: 0 input and tool,
 * 1 KFP v2 reader, 2 KFP v1 reader, 3 Airflow reader, 4 validators, 5 Flyte emitter, 6 batch and
 * reports. Each code has a page {@code docs/diagnostics/<id>.md}; a test fails if one is missing.
 */
public final class Codes {
  private static final List<Code> ALL = new ArrayList<>();

  private static Code code(String id, String name, Severity severity, String summary) {
    Code c = new Code(id, name, severity, summary);
    ALL.add(c);
    return c;
  }

  // 0xxx: input and tool.
  public static final Code UNREADABLE_FILE =
      code("FM0001", "unreadable-file", Severity.ERROR, "an input file could not be read");
  public static final Code NOT_UTF8 =
      code("FM0002", "not-utf8-text", Severity.ERROR, "an input file is not valid utf-8 text");
  public static final Code FILE_TOO_LARGE =
      code("FM0003", "file-too-large", Severity.ERROR, "an input file is larger than the limit");
  public static final Code UNKNOWN_FORMAT =
      code("FM0004", "unknown-format", Severity.ERROR, "no reader recognises the input");
  public static final Code INTERNAL_ERROR =
      code("FM0005", "internal-error", Severity.ERROR, "flyte-migrate itself failed on an input");
  public static final Code INPUT_SKIPPED =
      code("FM0006", "input-skipped", Severity.NOTE, "a file found in an input directory is not converted");

  // 1xxx: KFP v2 PipelineSpec reader.
  public static final Code SYNTAX =
      code("FM1001", "syntax-error", Severity.ERROR, "the file is not well-formed yaml or json");
  public static final Code LIMIT_EXCEEDED =
      code("FM1002", "limit-exceeded", Severity.ERROR, "the file exceeds a safety limit");
  public static final Code NO_PIPELINE_SPEC =
      code("FM1003", "no-pipeline-spec", Severity.ERROR, "the file holds no pipeline spec");
  public static final Code UNKNOWN_FIELD =
      code("FM1004", "unknown-field", Severity.WARNING, "a field the reader does not know is ignored");
  public static final Code MISSING_FIELD =
      code("FM1005", "missing-field", Severity.ERROR, "a required field is missing");
  public static final Code WRONG_SHAPE =
      code("FM1006", "wrong-shape", Severity.ERROR, "a field has the wrong kind of value");
  public static final Code UNDEFINED_COMPONENT =
      code("FM1007", "undefined-component", Severity.ERROR, "a task refers to a component that is not defined");
  public static final Code UNDEFINED_TASK =
      code("FM1008", "undefined-task", Severity.ERROR, "a reference names a task that is not in the same dag");
  public static final Code UNDEFINED_EXECUTOR =
      code("FM1009", "undefined-executor", Severity.ERROR, "a component names an executor that is not defined");
  public static final Code UNDEFINED_INPUT =
      code("FM1010", "undefined-input", Severity.ERROR, "a reference names an input or output that is not declared");
  public static final Code SCHEMA_VERSION =
      code("FM1011", "schema-version", Severity.WARNING, "the pipeline spec has a schema version the reader was not written for");
  public static final Code UNKNOWN_PLACEHOLDER =
      code("FM1012", "unknown-placeholder", Severity.WARNING, "a command-line placeholder is not recognised and is kept as text");
  public static final Code UNSUPPORTED_EXECUTOR =
      code("FM1013", "unsupported-executor", Severity.WARNING, "an executor kind has no translation and is kept opaque");
  public static final Code DUPLICATE_KEY =
      code("FM1014", "duplicate-key", Severity.ERROR, "a mapping has the same key twice");
  public static final Code UNKNOWN_ENUM =
      code("FM1015", "unknown-enum-value", Severity.ERROR, "a field holds a value outside its allowed set");
  public static final Code PYTHON_SOURCE_NOT_FOUND =
      code("FM1016", "python-source-not-found", Severity.WARNING, "a python component's function source is not in the file");
  public static final Code UNKNOWN_PLATFORM =
      code("FM1017", "unknown-platform", Severity.WARNING, "a platform section other than kubernetes is ignored");
  public static final Code UNPARSED_CONDITION =
      code("FM1018", "unparsed-condition", Severity.WARNING, "a condition expression could not be parsed and is kept as text");
  public static final Code EXTRA_DOCUMENT =
      code("FM1019", "extra-document", Severity.WARNING, "a yaml document after the pipeline spec is not a platform spec");
  public static final Code UNDEFINED_EXECUTOR_CONFIG =
      code("FM1020", "undefined-platform-executor", Severity.WARNING, "platform settings name an executor that is not defined");

  public static final Code RECURSIVE_COMPONENT =
      code("FM1021", "recursive-component", Severity.ERROR, "a component contains itself through its dag");
  public static final Code UNPARSED_SELECTOR =
      code("FM1022", "unparsed-selector", Severity.WARNING, "a parameter expression selector could not be parsed and is kept as text");
  public static final Code DUPLICATE_NAME =
      code("FM1023", "duplicate-name", Severity.ERROR, "two tasks, inputs or outputs in one scope have the same name");

  // 2xxx: KFP v1 reader (component.yaml, Argo workflows). Add new codes of this area here.
  public static final Code KFP_V2_ARGO_WORKFLOW =
      code("FM2001", "kfp-v2-argo-workflow", Severity.WARNING, "the file is a kfp v2 pipeline compiled to an argo workflow, not the pipeline spec");
  public static final Code UNSUPPORTED_ARGO_KIND =
      code("FM2002", "unsupported-argo-kind", Severity.ERROR, "the argo file is not a workflow, workflow template or cron workflow");
  public static final Code UNDEFINED_TEMPLATE =
      code("FM2003", "undefined-template", Severity.ERROR, "a task refers to a template that is not defined in the file");
  public static final Code RECURSIVE_TEMPLATE =
      code("FM2004", "recursive-template", Severity.ERROR, "a template runs itself through its dag or steps, which flyte cannot express");
  public static final Code RESOURCE_TEMPLATE =
      code("FM2005", "resource-template", Severity.WARNING, "a kubernetes resource template has no flyte translation and is kept opaque");
  public static final Code UNSUPPORTED_TEMPLATE =
      code("FM2006", "unsupported-template", Severity.WARNING, "a template kind has no flyte translation and is kept opaque");
  public static final Code UNPARSED_WHEN =
      code("FM2007", "unparsed-when", Severity.WARNING, "an argo `when` expression could not be parsed and is kept as text");
  public static final Code UNDEFINED_REFERENCE =
      code("FM2008", "undefined-reference", Severity.ERROR, "a reference names a task, input, output or volume that does not exist");
  public static final Code UNKNOWN_REFERENCE =
      code("FM2009", "unknown-reference", Severity.WARNING, "an argo `{{...}}` expression is not recognised and is kept as text");
  public static final Code SIDECAR =
      code("FM2010", "sidecar", Severity.WARNING, "sidecars and init containers have no typed translation and are kept as raw settings");
  public static final Code PATH_NOT_IN_COMMAND =
      code("FM2011", "path-not-in-command", Severity.WARNING, "an input or output file path does not appear on the command line");
  public static final Code EXTERNAL_COMPONENT =
      code("FM2012", "external-component", Severity.WARNING, "a graph task uses a component file that is not included and is kept opaque");
  public static final Code V2_COMPATIBLE_LAUNCHER =
      code("FM2013", "v2-compatible-launcher", Severity.WARNING, "a template runs through the kfp v2-compatible launcher, which is removed");
  public static final Code RUNTIME_SETTING =
      code("FM2014", "runtime-setting", Severity.WARNING, "a setting takes its value from an input at run time and is kept as text");
  public static final Code UNTRANSLATED_SETTING =
      code("FM2015", "untranslated-setting", Severity.WARNING, "an argo or kfp v1 setting has no flyte translation and is ignored");
  public static final Code UNSUPPORTED_PLACEHOLDER =
      code("FM2016", "unsupported-placeholder", Severity.WARNING, "a component command-line placeholder is not recognised and is kept as text");
  public static final Code APPROXIMATED_DEPENDS =
      code("FM2017", "approximated-depends", Severity.WARNING, "an argo `depends` expression is approximated by a trigger rule");
  public static final Code UNUSED_TEMPLATE =
      code("FM2018", "unused-template", Severity.WARNING, "a template that the workflow never runs is left out");
  public static final Code NO_ENTRYPOINT =
      code("FM2019", "no-entrypoint", Severity.ERROR, "a workflow names no entrypoint template");
  public static final Code EXTRA_V1_DOCUMENT =
      code("FM2020", "extra-v1-document", Severity.WARNING, "a yaml document after the workflow or component is ignored");
  public static final Code BAD_ANNOTATION =
      code("FM2021", "bad-annotation", Severity.WARNING, "a kfp annotation is not valid json and is ignored");
  public static final Code KUBERNETES_MANIFEST =
      code("FM2022", "kubernetes-manifest", Severity.ERROR, "the file is a kubernetes manifest, not an argo workflow or a kfp component");
  public static final Code EMPTY_IMAGE =
      code("FM2023", "empty-image", Severity.ERROR, "a container names an empty image, so it cannot run");
  public static final Code DEFAULT_NOT_JSON_TYPE =
      code("FM2024", "default-not-json-type", Severity.WARNING, "a json-typed input's default is not of its json type and is approximated or left out");

  // 3xxx: Airflow reader. Add new codes of this area here.
  public static final Code AIRFLOW_SYNTAX =
      code("FM3001", "python-syntax-error", Severity.ERROR, "the dag file is not valid python 3");
  public static final Code AIRFLOW_NO_DAG =
      code("FM3002", "no-dag", Severity.ERROR, "the file declares no dag");
  public static final Code AIRFLOW_SEVERAL_DAGS =
      code("FM3003", "several-dags", Severity.NOTE, "the file declares more than one dag");
  public static final Code AIRFLOW_UNRESOLVED =
      code("FM3004", "unresolved-value", Severity.WARNING, "a value the pipeline uses cannot be computed without running the file");
  public static final Code AIRFLOW_UNDECIDED =
      code("FM3005", "undecided-control-flow", Severity.WARNING, "a condition or loop cannot be decided statically and the reader chose a path");
  public static final Code AIRFLOW_UNKNOWN_ID =
      code("FM3006", "unknown-id", Severity.ERROR, "a task or task group id cannot be computed statically");
  public static final Code AIRFLOW_DUPLICATE_ID =
      code("FM3007", "duplicate-id", Severity.ERROR, "two dags of a file, or two tasks or groups of a dag, have the same id");
  public static final Code AIRFLOW_OPAQUE_OPERATOR =
      code("FM3008", "opaque-operator", Severity.WARNING, "an operator has no translation and is kept opaque");
  public static final Code AIRFLOW_ASSUMED_TASK =
      code("FM3009", "assumed-task", Severity.WARNING, "a call of a function from outside the file is assumed to create a task");
  public static final Code AIRFLOW_BRANCH =
      code("FM3010", "run-time-branch", Severity.WARNING, "a task chooses at run time which downstream tasks run");
  public static final Code AIRFLOW_TEMPLATE =
      code("FM3011", "unsupported-jinja", Severity.WARNING, "a jinja template part is not understood and is kept as text");
  public static final Code AIRFLOW_TEMPLATED_XCOM =
      code("FM3012", "templated-xcom", Severity.NOTE, "a template pulls an xcom, which becomes a data edge");
  public static final Code AIRFLOW_SOURCE_MISSING =
      code("FM3013", "callable-source-missing", Severity.WARNING, "a python callable's source is not in the file");
  public static final Code AIRFLOW_UNSUPPORTED =
      code("FM3014", "unsupported-construct", Severity.WARNING, "a construct has no translation and is ignored or approximated");
  public static final Code AIRFLOW_VERSION_DEFAULT =
      code("FM3015", "version-dependent-default", Severity.WARNING, "a dag relies on a default that differs between airflow 2 and 3");
  public static final Code AIRFLOW_UNDECLARED_PARAM =
      code("FM3016", "undeclared-param", Severity.WARNING, "a template refers to a param the dag does not declare");
  public static final Code AIRFLOW_EVALUATION_LIMIT =
      code("FM3017", "evaluation-limit", Severity.ERROR, "evaluating the file exceeded a safety limit");
  public static final Code AIRFLOW_INVALID_DEPENDENCY =
      code("FM3018", "invalid-dependency", Severity.ERROR, "a dependency is one airflow itself rejects");
  public static final Code AIRFLOW_TASK_OUTSIDE_DAG =
      code("FM3019", "task-outside-dag", Severity.WARNING, "a task is created outside any dag");
  public static final Code AIRFLOW_SKIP_EXIT_CODE =
      code("FM3020", "skip-exit-code", Severity.NOTE, "a bash command exits with the code airflow reads as skipped");
  public static final Code AIRFLOW_EXTERNAL_FILE =
      code("FM3021", "external-template-file", Severity.WARNING, "an argument names a template file that is not in the dag file");
  public static final Code AIRFLOW_TEST_SCAFFOLDING =
      code("FM3022", "test-scaffolding", Severity.NOTE, "airflow system-test scaffolding is dropped");
  public static final Code AIRFLOW_MISSING_ARGUMENT =
      code("FM3023", "missing-argument", Severity.WARNING, "a task function parameter gets no argument");
  public static final Code SERIALIZED_SYNTAX =
      code("FM3030", "serialized-json-syntax", Severity.ERROR, "a serialized dag file is not well-formed json");
  public static final Code SERIALIZED_NOT_A_DAG =
      code("FM3031", "not-a-serialized-dag", Severity.ERROR, "the json holds no serialized dag");
  public static final Code SERIALIZED_VERSION =
      code("FM3032", "serialized-version", Severity.WARNING, "a serialized dag has a format version the reader was not written for");
  public static final Code SERIALIZED_BAD_REFERENCE =
      code("FM3033", "serialized-bad-reference", Severity.ERROR, "a serialized dag refers to a task that is not in it");
  public static final Code SERIALIZED_WRONG_SHAPE =
      code("FM3034", "serialized-wrong-shape", Severity.ERROR, "a serialized dag field has the wrong kind of value");

  // 4xxx: validators. Add new codes of this area here.
  public static final Code DUPLICATE_NODE_ID =
      code("FM4001", "duplicate-node-id", Severity.ERROR, "two nodes of one workflow have the same id");
  public static final Code UNRESOLVED_REFERENCE =
      code("FM4002", "unresolved-reference", Severity.ERROR, "a reference names a node, component or loop that does not exist");
  public static final Code UNDECLARED_VARIABLE =
      code("FM4003", "undeclared-variable", Severity.ERROR, "a binding or reference names an input or output that is not declared");
  public static final Code DEPENDENCY_CYCLE =
      code("FM4004", "dependency-cycle", Severity.ERROR, "nodes wait for each other in a cycle");
  public static final Code UNREACHABLE_NODE =
      code("FM4005", "unreachable-node", Severity.ERROR, "a node waits for a dependency cycle and can never run");
  public static final Code INCONSISTENT_AFTER =
      code("FM4006", "inconsistent-after-edge", Severity.WARNING, "an `after` list names the same node twice or the node itself");
  public static final Code EMPTY_BODY =
      code("FM4007", "empty-body", Severity.WARNING, "a condition, loop, exit handler or pipeline has no nodes");
  public static final Code LOOP_OVER_NON_LIST =
      code("FM4008", "loop-over-non-list", Severity.ERROR, "a loop iterates over a value that is not a list");
  public static final Code UNBOUND_INPUT =
      code("FM4009", "unbound-input", Severity.ERROR, "a required input or a declared output has no value");
  public static final Code INPUT_BOUND_TWICE =
      code("FM4010", "input-bound-twice", Severity.ERROR, "a node sets the same input more than once");
  public static final Code TYPE_MISMATCH =
      code("FM4011", "type-mismatch", Severity.ERROR, "a value's type does not cast to the type its consumer declares");
  public static final Code ARTIFACT_KIND_MISMATCH =
      code("FM4012", "artifact-kind-mismatch", Severity.ERROR, "an artifact of one kind is wired into an input that expects another kind");
  public static final Code CONSTANT_TYPE_MISMATCH =
      code("FM4013", "constant-type-mismatch", Severity.ERROR, "a constant or default value does not fit its declared type");
  public static final Code FIELD_OF_NON_STRUCT =
      code("FM4014", "field-of-non-struct", Severity.ERROR, "a field selector is applied to a value that has no fields");
  public static final Code CONDITIONAL_OUTPUT =
      code("FM4015", "conditional-output", Severity.ERROR, "an output a condition may not produce is used as if it were always there");
  public static final Code INVALID_NODE_ID =
      code("FM4016", "invalid-node-id", Severity.WARNING, "a node id is not a valid flyte node id and is renamed");
  public static final Code INVALID_PYTHON_NAME =
      code("FM4017", "invalid-python-name", Severity.WARNING, "an input or output name is not a python identifier and is renamed");
  public static final Code RENAMED_NAME_COLLISION =
      code("FM4018", "renamed-name-collision", Severity.ERROR, "two different names become the same name once renamed for flyte or python");

  // 5xxx: Flyte emitter. Add new codes of this area here.
  public static final Code ELEMENT_DROPPED =
      code("FM5001", "element-dropped", Severity.WARNING, "a source element has no flyte translation and is left out");
  public static final Code FUNCTION_SOURCE_NOT_FOUND =
      code("FM5002", "function-source-not-found", Severity.WARNING, "a python component's function is not in its program, so it runs as a raw container");
  public static final Code RUNTIME_VALUE_FIXED =
      code("FM5003", "runtime-value-fixed", Severity.WARNING, "a setting the source computes at run time is fixed at translation time");
  public static final Code VALUE_TYPE_MISMATCH =
      code("FM5004", "value-type-mismatch", Severity.WARNING, "a constant does not fit the flyte type of its input");
  public static final Code SCHEDULE_NEEDS_DEFAULTS =
      code("FM5005", "schedule-needs-defaults", Severity.WARNING, "a scheduled launch plan has inputs without defaults");
  public static final Code OUTPUT_NOT_WRITTEN =
      code("FM5006", "output-not-written", Severity.ERROR, "the output directory could not be written");
  public static final Code NESTING_TOO_DEEP =
      code("FM5007", "nesting-too-deep", Severity.ERROR, "nested pipelines and control flow nest deeper than the lowering goes");
  // FM55xx: read-back verification of the registrable package (flyte-proto verify).
  public static final Code VERIFY_UNREADABLE_PACKAGE =
      code("FM5500", "unreadable-package", Severity.ERROR, "the package is not a readable gzip tar of flyteidl messages");
  public static final Code VERIFY_PACKAGE_LAYOUT =
      code("FM5501", "package-layout", Severity.ERROR, "the package's file names, order or fast tarball differ from what pyflyte writes");
  public static final Code VERIFY_DANGLING_REFERENCE =
      code("FM5502", "dangling-reference", Severity.ERROR, "a reference in the package names an entity the package does not hold");
  public static final Code VERIFY_INVALID_ENTITY =
      code("FM5503", "invalid-entity", Severity.ERROR, "a package entity breaks a rule flyteadmin or the flyte compiler enforces");
  public static final Code VERIFY_MISSING_TASK =
      code("FM5504", "missing-task", Severity.ERROR, "a source task is neither in the package nor reported as dropped");
  public static final Code VERIFY_MISSING_DATA_EDGE =
      code("FM5505", "missing-data-edge", Severity.ERROR, "an input of a source task is not wired to the same producer in the package");
  public static final Code VERIFY_MISSING_ORDERING_EDGE =
      code("FM5506", "missing-ordering-edge", Severity.ERROR, "an ordering dependency of the source is not enforced in the package");
  public static final Code VERIFY_BINDING_TYPE_MISMATCH =
      code("FM5507", "binding-type-mismatch", Severity.ERROR, "a binding does not fit the input it feeds, or a required input is unbound");
  public static final Code VERIFY_BRANCH_MISMATCH =
      code("FM5508", "branch-mismatch", Severity.ERROR, "a condition's cases differ between the source and the package");
  public static final Code VERIFY_LOOP_MISMATCH =
      code("FM5509", "loop-mismatch", Severity.ERROR, "a loop is not run once per item by a map task or a dynamic task in the package");
  public static final Code VERIFY_EXIT_HANDLER_MISMATCH =
      code("FM5510", "exit-handler-mismatch", Severity.ERROR, "an exit handler is not a workflow whose failure node runs the exit task");
  public static final Code VERIFY_PARAMETER_MISMATCH =
      code("FM5511", "parameter-mismatch", Severity.ERROR, "a pipeline parameter or its default differs in the default launch plan");
  public static final Code VERIFY_UNVERIFIED =
      code("FM5512", "unverified-element", Severity.NOTE, "the verifier could not check an element of the source");

  // 6xxx: batch conversion and reports. Add new codes of this area here.
  public static final Code PIPELINE_CONSOLIDATED =
      code("FM6001", "pipeline-consolidated", Severity.NOTE, "a pipeline that differs from another only in parameter defaults runs as a launch plan of its workflow");

  private Codes() {}

  /** Every code, sorted by id. */
  public static List<Code> all() {
    var sorted = new ArrayList<>(ALL);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    return Collections.unmodifiableList(sorted);
  }

  /** The code with this id (case-insensitive), if there is one. */
  public static Optional<Code> byId(String id) {
    Map<String, Code> index = new TreeMap<>();
    for (Code c : ALL) {
      index.put(c.id(), c);
    }
    return Optional.ofNullable(index.get(id.trim().toUpperCase(java.util.Locale.ROOT)));
  }
}
