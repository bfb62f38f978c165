package io.fpp4j.proof.boot;

/** OP Stack network upgrades activated by L2 timestamp, with their rollup-config field names. */
public enum Hardfork {
  REGOLITH("regolith_time", "regolithTime"),
  CANYON("canyon_time", "canyonTime"),
  DELTA("delta_time", "deltaTime"),
  ECOTONE("ecotone_time", "ecotoneTime"),
  FJORD("fjord_time", "fjordTime"),
  GRANITE("granite_time", "graniteTime"),
  HOLOCENE("holocene_time", "holoceneTime"),
  /** Not a hard fork of L2 but activated the same way, by L1 origin time (op-node and Kona). */
  PECTRA_BLOB_SCHEDULE("pectra_blob_schedule_time", "pectraBlobScheduleTime"),
  ISTHMUS("isthmus_time", "isthmusTime"),
  JOVIAN("jovian_time", "jovianTime"),
  INTEROP("interop_time", "interopTime");

  private final String field;
  private final String camelField;

  Hardfork(String field, String camelField) {
    this.field = field;
    this.camelField = camelField;
  }

  /** The snake_case JSON field, as written by both Kona and op-node. */
  public String field() {
    return field;
  }

  String camelField() {
    return camelField;
  }
}
