package io.fpp4j.host.store;

import java.nio.file.Path;

class MemoryPreimageStoreTest extends PreimageStoreContract {
  @Override
  KeyValueStore open(Path dir) {
    return new MemoryPreimageStore();
  }

  @Override
  boolean persistent() {
    return false;
  }
}
