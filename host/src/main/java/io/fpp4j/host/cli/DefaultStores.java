package io.fpp4j.host.cli;

import io.fpp4j.host.StoreOpener;
import io.fpp4j.host.store.MemoryPreimageStore;
import io.fpp4j.host.store.PreimageStore;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.host.store.StoreFormat;
import java.nio.file.Path;

/** The real stores behind the CLI: memory when there is no data directory, else the marker-aware opener. */
final class DefaultStores implements StoreOpener {
  static final DefaultStores INSTANCE = new DefaultStores();

  private DefaultStores() {}

  @Override
  public PreimageStore openMemory() {
    return new MemoryPreimageStore();
  }

  @Override
  public PreimageStore open(Path dir, String format) {
    return PreimageStores.open(dir, StoreFormat.parse(format, "--data-format"));
  }
}
