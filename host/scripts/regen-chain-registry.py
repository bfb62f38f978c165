#!/usr/bin/env python3
"""Regenerates fpp4j's bundled chain registry (proof/src/main/resources/io/fpp4j/proof/boot/chain-registry.json).

The resource lives in the proof module, next to RollupConfig, because fpp4j's program builds a known chain's
rollup config from it (io.fpp4j.proof.boot.ChainRegistry, as op-program's client and Kona's registry do for a
chain id that is not the custom-chain marker); the host reads it from there too.

op-program's --network takes a superchain-registry chain name ("op-mainnet", "base-sepolia", or the legacy
"mainnet"/"sepolia") and op-challenger passes those names through unchanged. fpp4j resolves them offline
from this resource: per chain its name, network, chain id, L1 chain id, the rollup parameters the registry
lists (hardfork times, genesis anchors, block time, windows, system config, contract addresses) and the path
of its L2 genesis inside the registry (extra/genesis/<network>/<chain>.json.zst, not bundled: too large).

The registry's configs are not on the Go module proxy in a module that carries them (only its `validation`
module is published there, without the chain files), so this script reads a git copy of
github.com/ethereum-optimism/superchain-registry:

  host/scripts/regen-chain-registry.py --git-dir PATH/TO/superchain-registry[.git] [--ref REF]
      [--keep-removed-since REF]

--keep-removed-since REF also bundles chains that the registry listed at REF but has since removed (marked
"removed": true), so that names op-program releases built before the removal still know keep resolving:
the registry dropped base-mainnet and base-sepolia in its commit 0d9aefc4, and the committed resource was
made with --keep-removed-since 0d9aefc4^.

Only the standard library is used (tomllib, Python 3.11+).
"""
import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent.parent / "proof/src/main/resources/io/fpp4j/proof/boot/chain-registry.json"


class GitTree:
    def __init__(self, git_dir, ref):
        self.git_dir, self.ref = git_dir, ref
        self.commit = self._git("rev-parse", ref).strip()

    def _git(self, *args):
        return subprocess.run(["git", "--git-dir", self.git_dir, *args], check=True, capture_output=True,
                              text=True).stdout

    def list(self, folder):
        out = self._git("ls-tree", "--name-only", self.commit, folder.rstrip("/") + "/")
        return [line.rsplit("/", 1)[-1] for line in out.splitlines() if line]

    def read(self, path):
        return self._git("show", f"{self.commit}:{path}")


def chains(tree):
    result = {}
    for network in tree.list("superchain/configs"):
        if "." in network:
            continue  # README.md
        superchain = tomllib.loads(tree.read(f"superchain/configs/{network}/superchain.toml"))
        l1_chain_id = superchain.get("l1", {}).get("chain_id")
        for file in tree.list(f"superchain/configs/{network}"):
            if not file.endswith(".toml") or file == "superchain.toml":
                continue
            short = file[: -len(".toml")]
            cfg = tomllib.loads(tree.read(f"superchain/configs/{network}/{file}"))
            if "chain_id" not in cfg:
                continue
            name = f"{short}-{network}"
            result[name] = entry(name, short, network, l1_chain_id, cfg)
    return result


def entry(name, short, network, l1_chain_id, cfg):
    rollup = {
        "l2_chain_id": cfg["chain_id"],
        "l1_chain_id": l1_chain_id,
        "block_time": cfg.get("block_time"),
        "max_sequencer_drift": cfg.get("max_sequencer_drift"),
        "seq_window_size": cfg.get("seq_window_size"),
        "batch_inbox_address": cfg.get("batch_inbox_addr"),
        "genesis": cfg.get("genesis"),
        "hardforks": cfg.get("hardforks", {}),
        "optimism": cfg.get("optimism"),
        "alt_da": cfg.get("alt_da"),
        "interop": cfg.get("interop"),
        "addresses": {k: v for k, v in cfg.get("addresses", {}).items()
                      if k in ("OptimismPortalProxy", "SystemConfigProxy", "L1StandardBridgeProxy",
                               "DisputeGameFactoryProxy", "AnchorStateRegistryProxy")},
    }
    return {
        "name": name,
        "display_name": cfg.get("name"),
        "network": network,
        "chain_id": cfg["chain_id"],
        "rollup": {k: v for k, v in rollup.items() if v not in (None, {})},
        "l2_genesis": f"superchain/extra/genesis/{network}/{short}.json.zst",
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--git-dir", required=True, help="git directory of a superchain-registry copy")
    p.add_argument("--ref", default="HEAD")
    p.add_argument("--keep-removed-since", help="also bundle chains listed at this ref but removed since")
    p.add_argument("--out", type=Path, default=OUT)
    a = p.parse_args()
    head = GitTree(a.git_dir, a.ref)
    listed = chains(head)
    removed = {}
    if a.keep_removed_since:
        old = GitTree(a.git_dir, a.keep_removed_since)
        for name, e in chains(old).items():
            if name not in listed:
                removed[name] = dict(e, removed=True)
    all_chains = dict(sorted({**listed, **removed}.items()))
    doc = {
        "source": "github.com/ethereum-optimism/superchain-registry",
        "commit": head.commit,
        "removed_since": old.commit if a.keep_removed_since else None,
        "legacy_names": {"mainnet": "op-mainnet", "sepolia": "op-sepolia"},
        "chains": all_chains,
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(doc, indent=1, sort_keys=False) + "\n")
    print(f"wrote {len(all_chains)} chains ({len(removed)} removed from the registry since "
          f"{a.keep_removed_since}) to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
