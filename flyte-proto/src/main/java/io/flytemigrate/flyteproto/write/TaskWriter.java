package io.flytemigrate.flyteproto.write;

import com.google.protobuf.Duration;
import flyteidl.admin.TaskOuterClass;
import flyteidl.core.Literals;
import flyteidl.core.Security;
import flyteidl.core.Tasks;
import io.flytemigrate.flyte.model.Container;
import io.flytemigrate.flyte.model.DataLoadingConfig;
import io.flytemigrate.flyte.model.KeyValue;
import io.flytemigrate.flyte.model.SecretRequest;
import io.flytemigrate.flyte.model.TaskDef;
import io.flytemigrate.flyte.model.TaskKind;
import io.flytemigrate.flyte.model.TaskMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One task as {@code TaskSpec{template}}, the way flytekit's {@code get_serializable_task} builds
 * it (flyte-target.md 2): type, metadata with the flytekit runtime, interface, and either a
 * container or a pod. Native Python tasks get the fast-registration {@code pyflyte-execute}
 * arguments; raw containers keep their own command and get copilot's {@code data_config}.
 */
final class TaskWriter {
  static final String PRIMARY_CONTAINER_KEY = "primary_container_name";

  private final IdWriter ids;
  private final PackageOptions options;

  TaskWriter(IdWriter ids, PackageOptions options) {
    this.ids = ids;
    this.options = options;
  }

  TaskOuterClass.TaskSpec write(TaskDef task) {
    Tasks.TaskTemplate.Builder t = Tasks.TaskTemplate.newBuilder()
        .setId(ids.write(task.id()))
        .setType(task.kind().typeName())
        .setMetadata(metadata(task.metadata()))
        .setInterface(InterfaceWriter.write(task.iface()));
    if (task.container().isPresent()) {
      Container c = task.container().get();
      List<String> command = isPython(task.kind()) ? List.of() : c.command();
      List<String> args = isPython(task.kind()) ? PythonCommand.args(task.python(), options) : c.args();
      List<KeyValue> env = env(task, c);
      Optional<Tasks.DataLoadingConfig> dataConfig = c.dataConfig().map(TaskWriter::dataConfig);
      if (task.pod().isPresent()) {
        Container primary = new Container(c.image(), c.imageSpec(), command, args, c.resources(), env, c.dataConfig());
        t.setK8SPod(PodWriter.write(task.pod().get(), primary, dataConfig));
        t.putConfig(PRIMARY_CONTAINER_KEY, task.pod().get().primaryContainerName());
      } else {
        Tasks.Container.Builder cb = Tasks.Container.newBuilder()
            .setImage(c.image())
            .addAllCommand(command)
            .addAllArgs(args)
            .setResources(ResourceWriter.write(c.resources()));
        for (KeyValue kv : env) {
          cb.addEnv(Literals.KeyValuePair.newBuilder().setKey(kv.key()).setValue(kv.value()));
        }
        dataConfig.ifPresent(cb::setDataConfig);
        t.setContainer(cb);
      }
    }
    if (!task.secrets().isEmpty()) {
      Security.SecurityContext.Builder sc = Security.SecurityContext.newBuilder();
      for (SecretRequest s : task.secrets()) {
        sc.addSecrets(Security.Secret.newBuilder()
            .setGroup(s.group())
            .setKey(s.key())
            .setMountRequirement(Security.Secret.MountType.forNumber(s.mountType().number())));
      }
      t.setSecurityContext(sc);
    }
    return TaskOuterClass.TaskSpec.newBuilder().setTemplate(t).build();
  }

  private static boolean isPython(TaskKind kind) {
    return kind == TaskKind.PYTHON || kind == TaskKind.DYNAMIC;
  }

  /** The container env; a dynamic task also carries flytekit's serialized settings. */
  private List<KeyValue> env(TaskDef task, Container c) {
    List<KeyValue> env = new ArrayList<>(c.env());
    if (task.kind() == TaskKind.DYNAMIC && env.stream().noneMatch(kv -> kv.key().equals(SerializedContext.ENV_VAR))) {
      env.add(new KeyValue(SerializedContext.ENV_VAR, SerializedContext.value(c.image(), options)));
    }
    return env;
  }

  private Tasks.TaskMetadata metadata(TaskMetadata m) {
    Tasks.TaskMetadata.Builder b = Tasks.TaskMetadata.newBuilder()
        .setDiscoverable(m.cacheable())
        .setRuntime(Tasks.RuntimeMetadata.newBuilder()
            .setType(Tasks.RuntimeMetadata.RuntimeType.FLYTE_SDK)
            .setVersion(options.flytekitVersion())
            .setFlavor("python"))
        .setRetries(Literals.RetryStrategy.newBuilder().setRetries(m.retries()))
        .setDiscoveryVersion(m.cacheVersion())
        .setCacheSerializable(m.cacheSerializable());
    m.timeoutSeconds().ifPresent(s -> b.setTimeout(Duration.newBuilder().setSeconds(s)));
    m.interruptible().ifPresent(b::setInterruptible);
    return b.build();
  }

  static Tasks.DataLoadingConfig dataConfig(DataLoadingConfig dc) {
    return Tasks.DataLoadingConfig.newBuilder()
        .setEnabled(true)
        .setInputPath(dc.inputPath())
        .setOutputPath(dc.outputPath())
        .setFormat(Tasks.DataLoadingConfig.LiteralMapFormat.forNumber(dc.format().number()))
        .build();
  }
}
