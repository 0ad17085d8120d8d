package io.flytemigrate.flyteproto.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.UnknownFieldSet;
import flyteidl.core.Tasks;
import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.PodSpec;
import io.flytemigrate.flyte.model.PodTemplate;
import io.flytemigrate.flyte.model.Resources;
import io.flytemigrate.flyte.model.SecretRequest;
import io.flytemigrate.flyte.model.TaskBody;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.TaskMetadata;
import io.flytemigrate.flyteproto.Models;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class TaskWriterTest {
  private static Tasks.TaskTemplate write(TaskDef t, PackageOptions o) {
    return new TaskWriter(new IdWriter(o.versions()), o).write(t).getTemplate();
  }

  @Test
  void pythonTasksRunPyflyteExecuteBehindTheFastExecutePrefix() {
    TaskDef t = Models.pythonTask("pkg.tasks", "produce", Models.iface(List.of(Models.var("n", Models.INT)), List.of()));
    Tasks.TaskTemplate tt = write(t, PackageOptions.DEFAULT);
    assertEquals("python-task", tt.getType());
    assertEquals(List.of(), tt.getContainer().getCommandList());
    assertEquals(List.of("pyflyte-fast-execute", "--additional-distribution", "{{ .remote_package_path }}",
        "--dest-dir", "{{ .dest_dir }}", "--", "pyflyte-execute", "--inputs", "{{.input}}", "--output-prefix",
        "{{.outputPrefix}}", "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}", "--checkpoint-path",
        "{{.checkpointOutputPrefix}}", "--prev-checkpoint", "{{.prevCheckpointPrefix}}", "--resolver",
        "flytekit.core.python_auto_container.default_task_resolver", "--", "task-module", "pkg.tasks", "task-name", "produce"),
        tt.getContainer().getArgsList());
    assertEquals("ghcr.io/acme/etl:1.0", tt.getContainer().getImage());
    assertEquals(Tasks.RuntimeMetadata.RuntimeType.FLYTE_SDK, tt.getMetadata().getRuntime().getType());
    assertEquals(PackageOptions.FLYTEKIT_VERSION, tt.getMetadata().getRuntime().getVersion());
    assertEquals("python", tt.getMetadata().getRuntime().getFlavor());
    assertTrue(tt.getMetadata().hasRetries());
    assertFalse(tt.getMetadata().hasTimeout());
    assertEquals(Tasks.TaskMetadata.InterruptibleValueCase.INTERRUPTIBLEVALUE_NOT_SET, tt.getMetadata().getInterruptibleValueCase());
    assertEquals("", tt.getId().getVersion());
  }

  @Test
  void aChosenDestinationDirectoryReplacesThePlaceholder() {
    TaskDef t = Models.pythonTask("pkg.tasks", "produce", Models.iface(List.of(), List.of()));
    PackageOptions o = new PackageOptions(PackageOptions.Versions.MODEL, "/root", "s3://bucket/fast.tar.gz", "1.16.0");
    Tasks.TaskTemplate tt = write(t, o);
    assertEquals(List.of("pyflyte-fast-execute", "--additional-distribution", "s3://bucket/fast.tar.gz", "--dest-dir", "/root", "--"),
        tt.getContainer().getArgsList().subList(0, 6));
    assertEquals("1.16.0", tt.getMetadata().getRuntime().getVersion());
    assertEquals(Models.VERSION, tt.getId().getVersion());
  }

  @Test
  void rawContainersKeepTheirCommandAndGetCopilotSettings() {
    TaskDef t = Models.rawTask("pkg.tasks.consume", Models.iface(List.of(Models.var("text", Models.STR)), List.of()),
        List.of("sh", "-c"), List.of("echo {{.inputs.text}}"));
    Tasks.TaskTemplate tt = write(t, PackageOptions.DEFAULT);
    assertEquals("raw-container", tt.getType());
    assertEquals(List.of("sh", "-c"), tt.getContainer().getCommandList());
    assertEquals(List.of("echo {{.inputs.text}}"), tt.getContainer().getArgsList());
    Tasks.DataLoadingConfig dc = tt.getContainer().getDataConfig();
    assertTrue(dc.getEnabled());
    assertEquals("/var/flyte/inputs", dc.getInputPath());
    assertEquals("/var/flyte/outputs", dc.getOutputPath());
    assertEquals(Tasks.DataLoadingConfig.LiteralMapFormat.JSON, dc.getFormat());
  }

  @Test
  void metadataCarriesCachingRetriesTimeoutAndInterruptible() {
    TaskDef base = Models.pythonTask("pkg.tasks", "produce", Models.iface(List.of(), List.of()));
    TaskDef t = new TaskDef(base.id(), base.kind(), base.iface(), new TaskMetadata(true, "1.0", true, 3, Optional.of(90L), Optional.of(true)),
        base.container(), base.pod(), List.of(new SecretRequest("db", "password", SecretRequest.MountType.ENV_VAR)), base.body(),
        base.python(), base.description(), base.sourceComponent(), base.span());
    Tasks.TaskTemplate tt = write(t, PackageOptions.DEFAULT);
    assertTrue(tt.getMetadata().getDiscoverable());
    assertEquals("1.0", tt.getMetadata().getDiscoveryVersion());
    assertTrue(tt.getMetadata().getCacheSerializable());
    assertEquals(3, tt.getMetadata().getRetries().getRetries());
    assertEquals(90, tt.getMetadata().getTimeout().getSeconds());
    assertTrue(tt.getMetadata().getInterruptible());
    assertEquals("db", tt.getSecurityContext().getSecrets(0).getGroup());
    assertEquals("password", tt.getSecurityContext().getSecrets(0).getKey());
    assertEquals(flyteidl.core.Security.Secret.MountType.ENV_VAR, tt.getSecurityContext().getSecrets(0).getMountRequirement());
  }

  @Test
  void resourcesKeepFlytekitsOrderAndEnvItsSourceOrder() {
    TaskDef base = Models.pythonTask("pkg.tasks", "produce", Models.iface(List.of(), List.of()));
    Container c = new Container("img:1", Optional.empty(), List.of(), List.of(),
        new Resources(List.of(new Resources.Entry(Resources.Name.CPU, "500m"), new Resources.Entry(Resources.Name.MEMORY, "2Gi")),
            List.of(new Resources.Entry(Resources.Name.GPU, "1"))),
        List.of(new KeyValue("B", "2"), new KeyValue("A", "1")), Optional.empty());
    TaskDef t = new TaskDef(base.id(), base.kind(), base.iface(), base.metadata(), Optional.of(c), Optional.empty(), List.of(),
        base.body(), base.python(), base.description(), base.sourceComponent(), base.span());
    Tasks.Container tc = write(t, PackageOptions.DEFAULT).getContainer();
    assertEquals(Tasks.Resources.ResourceName.CPU, tc.getResources().getRequests(0).getName());
    assertEquals("500m", tc.getResources().getRequests(0).getValue());
    assertEquals(Tasks.Resources.ResourceName.MEMORY, tc.getResources().getRequests(1).getName());
    assertEquals(Tasks.Resources.ResourceName.GPU, tc.getResources().getLimits(0).getName());
    assertEquals("B", tc.getEnv(0).getKey());
    assertEquals("A", tc.getEnv(1).getKey());
  }

  @Test
  void dynamicTasksCarryTheSerializedSettings() throws Exception {
    TaskDef base = Models.pythonTask("pkg.workflows.p", "for_loop_1", Models.iface(List.of(), List.of()));
    TaskDef t = new TaskDef(base.id(), TaskKind.DYNAMIC, base.iface(), base.metadata(), base.container(), Optional.empty(), List.of(),
        new TaskBody.DynamicLoop("items", Models.workflowId("pkg.workflows.p.for_loop_1_body"), List.of(), List.of()),
        base.python(), base.description(), base.sourceComponent(), base.span());
    Tasks.TaskTemplate tt = write(t, PackageOptions.DEFAULT);
    assertEquals("python-task", tt.getType());
    assertEquals("_F_SS_C", tt.getContainer().getEnv(0).getKey());
    byte[] gz = Base64.getDecoder().decode(tt.getContainer().getEnv(0).getValue());
    String json = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"image_config\": {\"default_image\": {\"name\": \"default\", \"fqn\": \"ghcr.io/acme/etl\", \"tag\": \"1.0\""), json);
    assertTrue(json.contains("\"fast_serialization_settings\": {\"enabled\": true, \"destination_dir\": null"), json);
  }

  @Test
  void aPodTemplateMovesTheContainerIntoThePrimaryContainer() throws Exception {
    TaskDef base = Models.rawTask("pkg.tasks.consume", Models.iface(List.of(), List.of()), List.of("run"), List.of("--fast"));
    PodSpec spec = new PodSpec(List.of(new PodSpec.Volume.Pvc("data", "my-claim")),
        List.of(new PodSpec.VolumeMount("data", "/data", Optional.empty())),
        List.of(new PodSpec.EnvVar.FromSecret("TOKEN", "creds", "token", false)),
        List.of(new KeyValue("pool", "big")),
        List.of(new PodSpec.Toleration(Optional.of("gpu"), Optional.of("Exists"), Optional.empty(), Optional.of("NoSchedule"),
            Optional.empty())),
        Optional.empty(), List.of("regcred"), Optional.of("Always"), Optional.of(600L), Optional.of(1000L));
    PodTemplate pod = new PodTemplate("primary", spec, List.of(new KeyValue("team", "data")), List.of());
    TaskDef t = new TaskDef(base.id(), base.kind(), base.iface(), base.metadata(), base.container(), Optional.of(pod), List.of(),
        base.body(), base.python(), base.description(), base.sourceComponent(), base.span());
    Tasks.TaskTemplate tt = write(t, PackageOptions.DEFAULT);
    assertFalse(tt.hasContainer());
    assertEquals("primary", tt.getConfigMap().get("primary_container_name"));
    assertEquals("data", tt.getK8SPod().getMetadata().getLabelsMap().get("team"));
    com.google.protobuf.Struct ps = tt.getK8SPod().getPodSpec();
    com.google.protobuf.Struct primary = ps.getFieldsOrThrow("containers").getListValue().getValues(0).getStructValue();
    assertEquals("primary", primary.getFieldsOrThrow("name").getStringValue());
    assertEquals("alpine:3.19", primary.getFieldsOrThrow("image").getStringValue());
    assertEquals("run", primary.getFieldsOrThrow("command").getListValue().getValues(0).getStringValue());
    assertEquals("Always", primary.getFieldsOrThrow("imagePullPolicy").getStringValue());
    assertEquals("creds", primary.getFieldsOrThrow("env").getListValue().getValues(0).getStructValue()
        .getFieldsOrThrow("valueFrom").getStructValue().getFieldsOrThrow("secretKeyRef").getStructValue()
        .getFieldsOrThrow("name").getStringValue());
    assertEquals("my-claim", ps.getFieldsOrThrow("volumes").getListValue().getValues(0).getStructValue()
        .getFieldsOrThrow("persistentVolumeClaim").getStructValue().getFieldsOrThrow("claimName").getStringValue());
    assertEquals("big", ps.getFieldsOrThrow("nodeSelector").getStructValue().getFieldsOrThrow("pool").getStringValue());
    assertEquals(1000, ps.getFieldsOrThrow("securityContext").getStructValue().getFieldsOrThrow("runAsUser").getNumberValue());
    UnknownFieldSet.Field dc = tt.getK8SPod().getUnknownFields().getField(PodWriter.K8S_POD_DATA_CONFIG);
    Tasks.DataLoadingConfig parsed = Tasks.DataLoadingConfig.parseFrom(dc.getLengthDelimitedList().get(0));
    assertEquals("/var/flyte/outputs", parsed.getOutputPath());
    assertTrue(parsed.getEnabled());
  }
}
