package io.flytemigrate.flyteproto.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code _F_SS_C} environment variable of a {@code @dynamic} task: base64 of the gzipped
 * JSON of flytekit's {@code SerializationSettings}, which the task reads at run time to compile
 * the workflow it returns (flyte-target.md 2.6). Ours names the task's image as the default
 * image and the fast-registration settings; project, domain and version stay {@code null} so the
 * execution's own are used.
 */
final class SerializedContext {
  static final String ENV_VAR = "_F_SS_C";
  private static final String PYTHON = "/opt/venv/bin/python3";
  private static final String VENV = "/opt/venv";

  private SerializedContext() {}

  static String value(String image, PackageOptions options) {
    String img = image(image);
    String destDir = options.destinationDir().equals(PackageOptions.DEST_DIR_PLACEHOLDER)
        ? "null" : quote(options.destinationDir());
    String json = "{\"image_config\": {\"default_image\": " + img + ", \"images\": [" + img + "]}, "
        + "\"project\": null, \"domain\": null, \"version\": null, \"env\": null, \"default_resources\": null, "
        + "\"git_repo\": null, \"python_interpreter\": " + quote(PYTHON) + ", "
        + "\"flytekit_virtualenv_root\": " + quote(VENV) + ", "
        + "\"fast_serialization_settings\": {\"enabled\": true, \"destination_dir\": " + destDir
        + ", \"distribution_location\": null}, \"source_root\": null}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory failed", e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** flytekit's {@code Image{name, fqn, tag, digest}} of an image reference. */
  private static String image(String ref) {
    String fqn = ref;
    String tag = null;
    String digest = null;
    int at = ref.indexOf('@');
    if (at >= 0) {
      fqn = ref.substring(0, at);
      digest = ref.substring(at + 1);
    } else {
      int colon = ref.lastIndexOf(':');
      if (colon > ref.lastIndexOf('/')) {
        fqn = ref.substring(0, colon);
        tag = ref.substring(colon + 1);
      }
    }
    return "{\"name\": \"default\", \"fqn\": " + quote(fqn) + ", \"tag\": " + (tag == null ? "null" : quote(tag))
        + ", \"digest\": " + (digest == null ? "null" : quote(digest)) + "}";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
