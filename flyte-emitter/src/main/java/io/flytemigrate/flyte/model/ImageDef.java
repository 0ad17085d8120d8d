package io.flytemigrate.flyte.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image built from a spec: flytekit's {@code ImageSpec(name=, base_image=, packages=,
 * pip_extra_index_url=, registry=)}. The Python writer emits one module-level {@code ImageSpec}
 * per image; tasks refer to it by {@link #name()}.
 *
 * @param name the ImageSpec name and the Python variable that holds it, e.g. {@code flip_coin_image}
 * @param baseImage the image to build on (the source's base image), if any
 * @param packages pip requirement strings, in source order
 * @param pipExtraIndexUrls extra package indexes, in source order
 * @param registry where the built image is pushed, if the user said
 * @param reference the image string the package writes into task containers: the
 *     {@code --image} override or {@code <name>:<content hash>}
 */
public record ImageDef(
    String name,
    Optional<String> baseImage,
    List<String> packages,
    List<String> pipExtraIndexUrls,
    Optional<String> registry,
    String reference) {
  public ImageDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseImage, "baseImage");
    packages = List.copyOf(packages);
    pipExtraIndexUrls = List.copyOf(pipExtraIndexUrls);
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(reference, "reference");
  }
}
