package io.fpp4j.host;

import io.fpp4j.preimage.PreimageServer;

/**
 * What running one mode produced.
 *
 * @param programExit the program's exit code, or null in server mode or when it never ran
 * @param serve the serving session, or null when it never started
 * @param startFailure why the program or the session could not start, or null
 */
public record ModeResult(Integer programExit, PreimageServer.Outcome serve, RuntimeException startFailure) {}
