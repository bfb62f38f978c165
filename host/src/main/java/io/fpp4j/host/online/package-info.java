/**
 * The online side of the host: JSON-RPC and beacon clients, the hint handlers of both dialects that fetch
 * L1, blob, precompile and L2 data and store every preimage a client (and op-challenger) will ask for, and
 * the {@link io.fpp4j.host.online.OnlineHandlerFactory} that puts them together for the CLI.
 */
package io.fpp4j.host.online;
