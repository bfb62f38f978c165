package io.fpp4j.host.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fpp4j.host.TestStores;
import io.fpp4j.preimage.KeyNotFoundException;
import io.fpp4j.preimage.PreimageKey;
import org.junit.jupiter.api.Test;

class OfflineBackendTest {
  @Test
  void servesTheStoreAndIgnoresHints() {
    TestStores.Memory store = new TestStores.Memory("directory:/data");
    PreimageKey key = PreimageKey.keccak256Of(new byte[] {1});
    store.put(key, new byte[] {1});
    OfflineBackend b = new OfflineBackend(store);
    b.routeHint("this is not even a valid hint");
    assertThat(b.getPreimage(key)).containsExactly(1);
    assertThat(b.stats()).isEqualTo(FetchStats.NONE);
  }

  @Test
  void aMissNamesTheKeyAndTheLastHint() {
    OfflineBackend b = new OfflineBackend(new TestStores.Memory("directory:/data"));
    PreimageKey key = PreimageKey.keccak256Of(new byte[] {2});
    assertThatThrownBy(() -> b.getPreimage(key)).isInstanceOf(KeyNotFoundException.class)
        .hasMessage("preimage " + key.hex() + " is not in directory:/data, and this host is offline (no RPC endpoints), "
            + "so it cannot fetch it; last hint: none received");
    b.routeHint("l1-block-header 0x" + "ab".repeat(32));
    assertThatThrownBy(() -> b.getPreimage(key))
        .hasMessageEndingWith("last hint: 'l1-block-header 0x" + "ab".repeat(32) + "'");
  }
}
