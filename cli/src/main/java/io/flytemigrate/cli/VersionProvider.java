package io.flytemigrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Supplies {@code --version} from the build-filtered {@code version.properties} resource. */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "/io/flytemigrate/cli/version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {"flyte-migrate " + version()};
  }

  /** The project version this jar was built from, or {@code unknown} outside a Maven build. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
