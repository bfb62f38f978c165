package io.fpp4j.evm;

import io.fpp4j.primitives.Address;

/** One executing call frame: code, stack, memory, pc and gas, plus the message it runs. */
final class Frame {
  final Message msg;
  final Code code;
  final Address address;
  final byte[] input;
  final long[] stack;
  final Memory memory = new Memory();
  byte[] returnData = CallResult.NO_OUTPUT;
  int sp;
  int pc;
  long gas;

  Frame(Message msg, Code code, long[] stack) {
    this.msg = msg;
    this.code = code;
    this.address = msg.recipient();
    this.input = msg.input();
    this.stack = stack;
    this.gas = msg.gas();
  }
}
