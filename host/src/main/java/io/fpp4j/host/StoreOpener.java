package io.fpp4j.host;

import io.fpp4j.host.store.PreimageStore;
import java.nio.file.Path;

/** Opens the global preimage store a host serves from; the store implementations plug in here. */
public interface StoreOpener {
  /** An empty in-memory store, for a host that fetches everything and keeps nothing. */
  PreimageStore openMemory();

  /**
   * The store in {@code dir}. {@code format} is the format asked for on the command line; a {@code kvformat}
   * marker already in {@code dir} takes precedence, as in both peers.
   *
   * @throws io.fpp4j.host.store.StoreException naming the directory if it cannot be opened
   */
  PreimageStore open(Path dir, String format);
}
