package io.fpp4j.host.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.preimage.PreimageKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitPreimageStoreTest {
  @TempDir Path dir;

  @Test
  void localKeysFromTheLocalSourceEverythingElseFromTheGlobalStore() {
    MemoryPreimageStore local = new MemoryPreimageStore();
    local.put(PreimageKey.local(1), new byte[] {1});
    try (KeyValueStore global = DirectoryPreimageStore.open(dir);
        SplitPreimageStore split = new SplitPreimageStore(local, global)) {
      // The global store also has something under the local key: it must not be what is served.
      global.put(PreimageKey.local(1), new byte[] {99});
      byte[] v = {5, 6};
      split.put(PreimageKey.keccak256Of(v), v);
      assertThat(split.get(PreimageKey.local(1))).hasValueSatisfying(x -> assertThat(x).containsExactly(1));
      assertThat(split.get(PreimageKey.local(2))).isEmpty();
      assertThat(split.get(PreimageKey.keccak256Of(v))).hasValueSatisfying(x -> assertThat(x).isEqualTo(v));
      assertThat(global.get(PreimageKey.keccak256Of(v))).isPresent();
      assertThat(local.get(PreimageKey.keccak256Of(v))).isEmpty();
    }
  }

  @Test
  void writingALocalKeyIsRefusedNamingIt() {
    SplitPreimageStore split = new SplitPreimageStore(new MemoryPreimageStore(), new MemoryPreimageStore());
    assertThatThrownBy(() -> split.put(PreimageKey.local(3), new byte[] {1})).isInstanceOf(StoreException.class)
        .hasMessageContaining(PreimageKey.local(3).hex()).hasMessageContaining("boot inputs");
    assertThat(split.global().get(PreimageKey.local(3))).isEmpty();
  }

  @Test
  void closeClosesBoth() {
    KeyValueStore global = DirectoryPreimageStore.open(dir);
    new SplitPreimageStore(new MemoryPreimageStore(), global).close();
    assertThatThrownBy(() -> global.get(PreimageKey.local(1))).hasMessageContaining("closed");
  }
}
