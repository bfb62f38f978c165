package io.fpp4j.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.primitives.Address;
import io.fpp4j.primitives.Hex;
import org.junit.jupiter.api.Test;

/** CREATE and CREATE2 addresses against published vectors. */
class EvmAddressesTest {
  @Test
  void createAddressFromSenderAndNonce() {
    Address sender = Address.fromHex("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
    assertThat(Evm.createAddress(sender, 0)).isEqualTo(Address.fromHex("0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"));
    assertThat(Evm.createAddress(sender, 1)).isEqualTo(Address.fromHex("0x343c43a37d37dff08ae8c4a11544c718abb4fcf8"));
  }

  @Test
  void create2AddressesFromEip1014() {
    assertThat(Evm.create2Address(Address.ZERO, UInt256.ZERO, Hex.decode("00")))
        .isEqualTo(Address.fromHex("0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38"));
    assertThat(Evm.create2Address(Address.fromHex("0xdeadbeef00000000000000000000000000000000"), UInt256.ZERO, Hex.decode("00")))
        .isEqualTo(Address.fromHex("0xb928f69bb1d91cd65274e3c79d8986362984fda3"));
    assertThat(Evm.create2Address(Address.fromHex("0x00000000000000000000000000000000deadbeef"),
        UInt256.fromHex("0x00000000000000000000000000000000000000000000000000000000cafebabe"),
        Hex.decode("deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef")))
        .isEqualTo(Address.fromHex("0x1d8bfdc5d46dc4f61d6b6115972536ebe6a8854c"));
    assertThat(Evm.create2Address(Address.ZERO, UInt256.ZERO, new byte[0]))
        .isEqualTo(Address.fromHex("0xe33c0c7f7df4809055c3eba6c09cfe4baf1bd9e0"));
  }
}
