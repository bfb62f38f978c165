package io.fpp4j.derive;

import io.fpp4j.proof.boot.RollupConfig;

/** Rollup configs for unit tests: the devnet's shape with chosen fork times. */
final class TestConfigs {
  private TestConfigs() {}

  /** Genesis L2 time 1000, block time 2, channel timeout 10, sequencing window 20, drift 600; forks as given (-1: unset). */
  static RollupConfig config(long canyon, long ecotone, long fjord, long holocene, long isthmus) {
    return config(canyon, ecotone, fjord, holocene, isthmus, -1);
  }

  /** As {@link #config(long, long, long, long, long)}, with Jovian at {@code jovian} (-1: unset). */
  static RollupConfig config(long canyon, long ecotone, long fjord, long holocene, long isthmus, long jovian) {
    StringBuilder forks = new StringBuilder("\"regolith_time\": 0");
    if (canyon >= 0) forks.append(", \"canyon_time\": ").append(canyon).append(", \"delta_time\": ").append(canyon);
    if (ecotone >= 0) forks.append(", \"ecotone_time\": ").append(ecotone);
    if (fjord >= 0) forks.append(", \"fjord_time\": ").append(fjord);
    if (holocene >= 0) forks.append(", \"granite_time\": ").append(holocene).append(", \"holocene_time\": ").append(holocene);
    if (isthmus >= 0) forks.append(", \"isthmus_time\": ").append(isthmus);
    if (jovian >= 0) forks.append(", \"jovian_time\": ").append(jovian);
    return RollupConfig.parse("""
        {"genesis": {"l1": {"hash": "0x%s", "number": 100}, "l2": {"hash": "0x%s", "number": 0}, "l2_time": 1000,
          "system_config": {"batcherAddr": "0x99c8e26ac6bde6bfa0e01f88d51ff4560f4fd3ee",
            "overhead": "0x0000000000000000000000000000000000000000000000000000000000000000",
            "scalar": "0x00000000000000000000000000000000000000000000000000000000000f4240", "gasLimit": 30000000}},
         "block_time": 2, "max_sequencer_drift": 600, "seq_window_size": 20, "channel_timeout": 10,
         "l1_chain_id": 900, "l2_chain_id": 901, %s,
         "batch_inbox_address": "0xff00000000000000000000000000000000042069",
         "deposit_contract_address": "0x4c4585d9986020e821d78ed84000342740530960",
         "l1_system_config_address": "0xd267f4f9028cf3c5b867114bf46bfdb32881eccc"}
        """.formatted("11".repeat(32), "22".repeat(32), forks));
  }

  static RollupConfig preCanyon() {
    return config(-1, -1, -1, -1, -1);
  }

  static RollupConfig fjord() {
    return config(0, 0, 0, -1, -1);
  }

  static RollupConfig holocene() {
    return config(0, 0, 0, 0, -1);
  }
}
