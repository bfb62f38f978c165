//! kona-executor's data sources over the in-memory export: trie nodes, bytecode and headers by hash,
//! each lookup recorded; and a hinter that only counts the hints it is given.

use crate::store::{KeccakPreimages, typed_key};
use alloy_consensus::Header;
use alloy_primitives::{Address, B256, Bytes, U256};
use alloy_rlp::Decodable;
use kona_executor::TrieDBProvider;
use kona_mpt::{TrieHinter, TrieNode, TrieProvider};
use op_alloy_rpc_types_engine::OpPayloadAttributes;
use std::{
    cell::{Cell, RefCell},
    fmt,
};

/// One per execution: it starts with no record, and kona-executor's `TrieDB` (which caches what it has
/// opened) is built fresh around it, so no decoded node carries over from an earlier repetition.
pub struct RecordingProvider<'a> {
    preimages: &'a KeccakPreimages,
    /// Every hash asked for, in order, duplicates included. A push is cheaper than a set insert, so the
    /// record barely touches the timed path; [`Self::distinct_reads`] deduplicates after the clock stops.
    reads: RefCell<Vec<B256>>,
}

impl<'a> RecordingProvider<'a> {
    pub fn new(preimages: &'a KeccakPreimages) -> Self {
        Self { preimages, reads: RefCell::new(Vec::with_capacity(4096)) }
    }

    pub fn reads(&self) -> usize {
        self.reads.borrow().len()
    }

    pub fn distinct_reads(&self) -> usize {
        let mut seen = self.reads.borrow().clone();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }

    fn fetch(&self, hash: B256, what: &str) -> Result<&'a Bytes, String> {
        self.reads.borrow_mut().push(hash);
        self.preimages.get(&hash).ok_or_else(|| {
            format!("missing preimage: {what} with keccak256 {hash} (typed key {}) is not in the preimage export",
                    typed_key(&hash))
        })
    }
}

impl fmt::Debug for RecordingProvider<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordingProvider({} preimages, {} reads)", self.preimages.len(), self.reads())
    }
}

// Implemented on a reference: the builder takes its provider by value, and the record is read after it.
impl TrieProvider for &RecordingProvider<'_> {
    type Error = String;

    fn trie_node_by_hash(&self, key: B256) -> Result<TrieNode, String> {
        let raw = self.fetch(key, "trie node")?;
        TrieNode::decode(&mut raw.as_ref()).map_err(|e| format!("trie node {key} is not valid RLP: {e}"))
    }
}

impl TrieDBProvider for &RecordingProvider<'_> {
    fn bytecode_by_hash(&self, code_hash: B256) -> Result<Bytes, String> {
        self.fetch(code_hash, "contract code").cloned()
    }

    fn header_by_hash(&self, hash: B256) -> Result<Header, String> {
        let raw = self.fetch(hash, "block header")?;
        Header::decode(&mut raw.as_ref()).map_err(|e| format!("header {hash} is not a valid RLP header: {e}"))
    }
}

/// Counts hints by kind and answers none (there is no host). The trie-node count is the number of nodes
/// kona-executor hinted before opening them for a delete or a branch collapse.
#[derive(Debug, Default)]
pub struct CountingHinter {
    pub trie_nodes: Cell<u64>,
    pub account_proofs: Cell<u64>,
    pub storage_proofs: Cell<u64>,
    pub execution_witnesses: Cell<u64>,
}

// On a reference, as for the provider: the counts are read after the builder is gone.
impl TrieHinter for &CountingHinter {
    type Error = String;

    fn hint_trie_node(&self, _hash: B256) -> Result<(), String> {
        self.trie_nodes.set(self.trie_nodes.get() + 1);
        Ok(())
    }

    fn hint_account_proof(&self, _address: Address, _block_number: u64) -> Result<(), String> {
        self.account_proofs.set(self.account_proofs.get() + 1);
        Ok(())
    }

    fn hint_storage_proof(&self, _address: Address, _slot: U256, _block_number: u64) -> Result<(), String> {
        self.storage_proofs.set(self.storage_proofs.get() + 1);
        Ok(())
    }

    fn hint_execution_witness(&self, _parent: B256, _attributes: &OpPayloadAttributes) -> Result<(), String> {
        self.execution_witnesses.set(self.execution_witnesses.get() + 1);
        Ok(())
    }
}
