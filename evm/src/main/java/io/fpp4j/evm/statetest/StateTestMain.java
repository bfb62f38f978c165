package io.fpp4j.evm.statetest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.evm.SpecId;
import io.fpp4j.precompiles.PrecompileFork;
import io.fpp4j.precompiles.PrecompileSet;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code StateTestMain FILE...}: runs every case of the given state test files for the forks this EVM
 * knows (Berlin on) and prints one JSON line per case, as geth's {@code evm statetest} does:
 * {@code {"name","pass","stateRoot","fork","error"}}. Exits 1 if any case fails, 2 on bad input.
 */
public final class StateTestMain {
  private StateTestMain() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: StateTestMain FILE...");
      System.exit(2);
    }
    ObjectMapper json = new ObjectMapper();
    StateTestRunner runner = new StateTestRunner(StateTestMain::precompilesFor);
    PrintStream out = System.out;
    boolean allPass = true;
    for (String path : args) {
      try {
        for (StateTest t : StateTest.fromJson(json.readTree(new File(path)))) {
          for (StateTest.Post p : t.posts()) {
            if (SpecId.fromTestName(p.fork()) == null) continue;
            StateTestRunner.Result r = runner.run(t, p);
            allPass &= r.pass();
            ObjectNode line = json.createObjectNode();
            line.put("name", r.name());
            line.put("pass", r.pass());
            line.put("stateRoot", r.stateRoot().toHex());
            line.put("fork", r.fork());
            line.put("error", r.error());
            out.println(line);
          }
        }
      } catch (IOException | RuntimeException e) {
        System.err.println(path + ": " + e);
        System.exit(2);
      }
    }
    out.flush();
    System.exit(allPass ? 0 : 1);
  }

  /** The Ethereum precompile table for each fork. */
  public static PrecompileSet precompilesFor(SpecId spec) {
    return PrecompileSet.forFork(spec.atLeast(SpecId.PRAGUE) ? PrecompileFork.PRAGUE
        : spec.atLeast(SpecId.CANCUN) ? PrecompileFork.CANCUN : PrecompileFork.BERLIN);
  }
}
