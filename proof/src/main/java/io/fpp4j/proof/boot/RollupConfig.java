package io.fpp4j.proof.boot;

import com.fasterxml.jackson.databind.JsonNode;
import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Bytes32;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The parts of an OP Stack rollup config that the providers and programs need, parsed from either Kona's
 * serde form ({@code kona_genesis::RollupConfig}) or op-node's ({@code rollup.Config}). Both use snake_case
 * keys; they differ in details this parser tolerates: op-node writes chain ids as arbitrary-size integers
 * and has no {@code granite_channel_timeout} (a constant 50 there), Kona has extra fields. Unknown fields
 * are ignored; the whole document stays available through {@link #json()}.
 *
 * <p>Chain ids, times and numbers are unsigned 64-bit values held in {@code long}s. Addresses that the
 * file leaves out are null.
 */
public record RollupConfig(
    Genesis genesis,
    long blockTime,
    long maxSequencerDrift,
    long seqWindowSize,
    long channelTimeout,
    long graniteChannelTimeout,
    long l1ChainId,
    long l2ChainId,
    Map<Hardfork, Long> activationTimes,
    Address batchInboxAddress,
    Address depositContractAddress,
    Address l1SystemConfigAddress,
    JsonNode json) {

  /** The channel timeout once Granite is active, a protocol constant in op-node and Kona's default. */
  public static final long GRANITE_CHANNEL_TIMEOUT = 50;


  /** The L1 and L2 anchors of the rollup. */
  public record Genesis(BlockId l1, BlockId l2, long l2Time, SystemConfig systemConfig) {}

  /** A block by hash and number. */
  public record BlockId(Bytes32 hash, long number) {}

  /** The genesis system config; Ecotone-era fields that only some writers include are left out. */
  public record SystemConfig(Address batcherAddress, Bytes32 overhead, Bytes32 scalar, long gasLimit) {}

  public RollupConfig {
    Objects.requireNonNull(genesis, "genesis");
    Map<Hardfork, Long> copy = new EnumMap<>(Hardfork.class);
    copy.putAll(activationTimes);
    activationTimes = Collections.unmodifiableMap(copy);
    json = json.deepCopy();
  }

  /** Parses the JSON text of a rollup config (either form). */
  public static RollupConfig parse(byte[] json) {
    return fromJson(ConfigJson.readObject(json, "rollup config"));
  }

  public static RollupConfig parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a parsed rollup config object. */
  public static RollupConfig fromJson(JsonNode root) {
    JsonFields f = new JsonFields("rollup config");
    JsonNode g = f.requireObject(root, "genesis", "genesis");
    JsonNode l1 = f.requireObject(g, "genesis.l1", "l1");
    JsonNode l2 = f.requireObject(g, "genesis.l2", "l2");
    JsonNode sys = JsonFields.field(g, "system_config", "systemConfig");
    SystemConfig systemConfig = null;
    if (sys != null) {
      systemConfig = new SystemConfig(
          f.optionalAddress(sys, "genesis.system_config.batcherAddr", "batcherAddr", "batcher_addr"),
          f.optionalBytes32(sys, "genesis.system_config.overhead", Bytes32.ZERO, "overhead"),
          f.optionalBytes32(sys, "genesis.system_config.scalar", Bytes32.ZERO, "scalar"),
          f.optionalU64(sys, "genesis.system_config.gasLimit", "gasLimit", "gas_limit").orElse(0));
    }
    Genesis genesis = new Genesis(
        new BlockId(f.requireBytes32(l1, "genesis.l1.hash", "hash"), f.requireU64(l1, "genesis.l1.number", "number")),
        new BlockId(f.requireBytes32(l2, "genesis.l2.hash", "hash"), f.requireU64(l2, "genesis.l2.number", "number")),
        f.requireU64(g, "genesis.l2_time", "l2_time", "l2Time"),
        systemConfig);
    Map<Hardfork, Long> forks = new EnumMap<>(Hardfork.class);
    for (Hardfork h : Hardfork.values()) {
      OptionalLong t = f.optionalU64(root, h.field(), h.field(), h.camelField());
      if (t.isPresent()) forks.put(h, t.getAsLong());
    }
    return new RollupConfig(
        genesis,
        f.requireU64(root, "block_time", "block_time", "blockTime"),
        f.optionalU64(root, "max_sequencer_drift", "max_sequencer_drift", "maxSequencerDrift").orElse(0),
        f.requireU64(root, "seq_window_size", "seq_window_size", "seqWindowSize"),
        f.requireU64(root, "channel_timeout", "channel_timeout", "channelTimeout"),
        f.optionalU64(root, "granite_channel_timeout", "granite_channel_timeout", "graniteChannelTimeout")
            .orElse(GRANITE_CHANNEL_TIMEOUT),
        f.requireU64(root, "l1_chain_id", "l1_chain_id", "l1ChainId", "l1ChainID"),
        f.requireU64(root, "l2_chain_id", "l2_chain_id", "l2ChainId", "l2ChainID"),
        forks,
        f.optionalAddress(root, "batch_inbox_address", "batch_inbox_address", "batchInboxAddress"),
        f.optionalAddress(root, "deposit_contract_address", "deposit_contract_address", "depositContractAddress"),
        f.optionalAddress(root, "l1_system_config_address", "l1_system_config_address", "l1SystemConfigAddress"),
        root);
  }

  /** When {@code fork} activates, if it is scheduled. */
  public OptionalLong activationTime(Hardfork fork) {
    Long t = activationTimes.get(fork);
    return t == null ? OptionalLong.empty() : OptionalLong.of(t);
  }

  /** Whether {@code fork} is active for a block with this timestamp (unsigned comparison). */
  public boolean isActive(Hardfork fork, long timestamp) {
    Long t = activationTimes.get(fork);
    return t != null && Long.compareUnsigned(timestamp, t) >= 0;
  }

  public boolean isCanyonActive(long timestamp) {
    return isActive(Hardfork.CANYON, timestamp);
  }

  public boolean isEcotoneActive(long timestamp) {
    return isActive(Hardfork.ECOTONE, timestamp);
  }

  public boolean isIsthmusActive(long timestamp) {
    return isActive(Hardfork.ISTHMUS, timestamp);
  }

  /** The channel timeout in L1 blocks for an L2 block with this timestamp: shorter from Granite on. */
  public long channelTimeout(long timestamp) {
    return isActive(Hardfork.GRANITE, timestamp) ? graniteChannelTimeout : channelTimeout;
  }

  /** The L2 timestamp of block {@code number}, from genesis and the block time. */
  public long timestampOf(long number) {
    return genesis.l2Time() + (number - genesis.l2().number()) * blockTime;
  }

  @Override
  public JsonNode json() {
    return json.deepCopy();
  }

  @Override
  public String toString() {
    return "RollupConfig[l2 chain " + Long.toUnsignedString(l2ChainId) + ", l1 chain " + Long.toUnsignedString(l1ChainId)
        + ", genesis l2 " + genesis.l2() + ", block time " + blockTime + ", forks " + activationTimes + "]";
  }

}
