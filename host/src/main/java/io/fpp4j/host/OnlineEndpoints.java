package io.fpp4j.host;

/** The data sources of an online host: L1 execution JSON-RPC, L2 execution JSON-RPC, L1 beacon REST API. */
public record OnlineEndpoints(String l1, String l2, String beacon) {}
