package io.flytemigrate.flyteproto.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import flyteidl.admin.TaskOuterClass;
import flyteidl.core.IdentifierOuterClass;
import flyteidl.core.Tasks;
import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyteproto.PackageJson;
import io.flytemigrate.flyteproto.write.RegistrableEntity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryNamesTest {
  /** pyflyte's {@code _determine_text_chars}: ceil(log10(N)). */
  @ParameterizedTest
  @CsvSource({"1,0", "2,1", "9,1", "10,1", "11,2", "99,2", "100,2", "101,3", "1000,3", "1001,4"})
  void theIndexWidthIsCeilLog10OfTheCount(int total, int width) {
    assertEquals(width, EntryNames.width(total));
  }

  @ParameterizedTest
  @CsvSource({
    "1, 0_t.0_1.pb, 0_t.0_1.pb",
    "9, 0_t.0_1.pb, 8_t.8_1.pb",
    "10, 0_t.0_1.pb, 9_t.9_1.pb",
    "11, 00_t.0_1.pb, 10_t.10_1.pb",
    "100, 00_t.0_1.pb, 99_t.99_1.pb",
    "101, 000_t.0_1.pb, 100_t.100_1.pb"})
  void packagesNumberTheirFilesSoThatLexicalOrderIsRegistrationOrder(int total, String first, String last) {
    List<RegistrableEntity> entities = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      String name = "t." + i;
      Tasks.TaskTemplate t = Tasks.TaskTemplate.newBuilder()
          .setId(IdentifierOuterClass.Identifier.newBuilder().setResourceType(IdentifierOuterClass.ResourceType.TASK).setName(name))
          .setType("raw-container").build();
      entities.add(new RegistrableEntity(name, Identifier.ResourceType.TASK, TaskOuterClass.TaskSpec.newBuilder().setTemplate(t).build()));
    }
    FlytePackage pkg = FlytePackage.of(entities, List.of());
    List<String> names = pkg.entries();
    assertEquals(total, names.size());
    assertEquals(first, names.get(0));
    assertEquals(last, names.get(total - 1));
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(null);
    assertEquals(sorted, names);
    List<String> inArchive = PackageJson.untar(PackageJson.gunzip(pkg.bytes())).stream().map(PackageJson.Member::name).toList();
    assertEquals(names, inArchive);
    for (int i = 0; i < total; i++) {
      assertEquals(i, Integer.parseInt(names.get(i).substring(0, names.get(i).indexOf('_'))));
    }
  }
}
