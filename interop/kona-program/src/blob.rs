//! The peer's blob provider: kona-proof's oracle protocol for blobs (the `l1-blob` hint, the commitment under the
//! versioned hash's sha256 key, 4,096 field elements under blob keys), with the field-element key of the
//! fault-proof specification: `keccak256(commitment ‖ z_i)`, z_i the i-th evaluation point of the EIP-4844
//! domain (the 4,096th roots of unity of the BLS12-381 scalar field, in bit-reversed order).
//!
//! Why not kona-proof 0.3.0's `OracleBlobProvider`: it keys element i by `commitment ‖ uint256(i)`, the form
//! op-program and Kona used before the April 2025 fix of the "incorrect blob preimages" disclosure (optimism
//! PR #15354, op-rs/kona PR #1473, released after 0.3.0, the newest kona-proof on crates.io). op-program
//! v1.19.0 and fpp4j ask by root of unity, so one data store cannot answer both forms: z_0 = 1 is also the old
//! key of element 1. Served a store in today's form, 0.3.0's provider reads element 0 twice, every blob is
//! corrupted from its second field element on, kona-derive's batch reader drops each channel without a log
//! line, and derivation ends where the L1 data does (docs/interop.md). Everything else in this program is
//! the published crates' own code.
//!
//! Hand-written (about 30 lines of field arithmetic on alloy's U256) rather than pulling ark-bls12-381 into a
//! lock that is pinned to what kona-proof 0.3.0 was built with.

use crate::Oracle;
use alloy_consensus::Blob;
use alloy_eips::eip4844::{FIELD_ELEMENTS_PER_BLOB, IndexedBlobHash};
use alloy_primitives::{U256, hex, keccak256};
use async_trait::async_trait;
use kona_derive::traits::BlobProvider;
use kona_preimage::{PreimageKey, PreimageKeyType, PreimageOracleClient};
use kona_proof::{HintType, errors::OracleProviderError};
use kona_protocol::BlockInfo;
use std::sync::Arc;

/// The BLS12-381 scalar field modulus r, big-endian.
const BLS_MODULUS_BE: [u8; 32] = hex!("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
/// The generator EIP-4844 (and the consensus specs' `compute_roots_of_unity`) raise to (r - 1) / 4096.
const PRIMITIVE_ROOT: u64 = 7;
const LOG2_ELEMENTS: u32 = 12;

/// The 4,096 evaluation points, z_i = w^bitrev(i) with w = 7^((r-1)/4096), as 32 big-endian bytes each.
pub fn evaluation_points() -> Vec<[u8; 32]> {
    let r = U256::from_be_bytes(BLS_MODULUS_BE);
    let n = FIELD_ELEMENTS_PER_BLOB as usize;
    let order = U256::from(n as u64);
    let w = U256::from(PRIMITIVE_ROOT).pow_mod((r - U256::from(1u64)) / order, r);
    let mut powers = Vec::with_capacity(n);
    let mut p = U256::from(1u64);
    for _ in 0..n {
        powers.push(p);
        p = p.mul_mod(w, r);
    }
    (0..n)
        .map(|i| {
            let j = (i as u32).reverse_bits() >> (32 - LOG2_ELEMENTS);
            powers[j as usize].to_be_bytes::<32>()
        })
        .collect()
}

/// Reads blobs through the oracle, keyed by evaluation point.
#[derive(Debug, Clone)]
pub struct SpecBlobProvider {
    oracle: Arc<Oracle>,
    points: Arc<Vec<[u8; 32]>>,
}

impl SpecBlobProvider {
    pub fn new(oracle: Arc<Oracle>) -> Self {
        Self { oracle, points: Arc::new(evaluation_points()) }
    }

    async fn blob(&self, block: &BlockInfo, hash: &IndexedBlobHash) -> Result<Blob, OracleProviderError> {
        // The hint as kona-proof 0.3.0 sends it (versioned hash ‖ index ‖ L1 timestamp), so the host sees the
        // same requests from this program as from kona-client of that release.
        let mut hint = [0u8; 48];
        hint[..32].copy_from_slice(hash.hash.as_slice());
        hint[32..40].copy_from_slice(&hash.index.to_be_bytes());
        hint[40..].copy_from_slice(&block.timestamp.to_be_bytes());
        HintType::L1Blob.with_data(&[hint.as_slice()]).send(self.oracle.as_ref()).await?;

        let mut commitment = [0u8; 48];
        self.oracle
            .get_exact(PreimageKey::new(*hash.hash, PreimageKeyType::Sha256), &mut commitment)
            .await
            .map_err(OracleProviderError::Preimage)?;

        let mut blob = Blob::default();
        let mut key_preimage = [0u8; 80];
        key_preimage[..48].copy_from_slice(&commitment);
        for (i, z) in self.points.iter().enumerate() {
            key_preimage[48..].copy_from_slice(z);
            let key = PreimageKey::new(*keccak256(key_preimage), PreimageKeyType::Blob);
            self.oracle
                .get_exact(key, &mut blob[i * 32..(i + 1) * 32])
                .await
                .map_err(OracleProviderError::Preimage)?;
        }
        Ok(blob)
    }
}

#[async_trait]
impl BlobProvider for SpecBlobProvider {
    type Error = OracleProviderError;

    async fn get_blobs(
        &mut self,
        block: &BlockInfo,
        hashes: &[IndexedBlobHash],
    ) -> Result<Vec<Box<Blob>>, Self::Error> {
        let mut blobs = Vec::with_capacity(hashes.len());
        for hash in hashes {
            blobs.push(Box::new(self.blob(block, hash).await?));
        }
        Ok(blobs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_domain_starts_with_one_and_minus_one_and_has_order_4096() {
        let points = evaluation_points();
        let r = U256::from_be_bytes(BLS_MODULUS_BE);
        assert_eq!(U256::from_be_bytes(points[0]), U256::from(1u64));
        // bitrev(1) = 2048: w^2048 is the square root of unity other than 1.
        assert_eq!(U256::from_be_bytes(points[1]), r - U256::from(1u64));
        let w = U256::from_be_bytes(points[FIELD_ELEMENTS_PER_BLOB as usize / 2]); // bitrev(2048) = 1
        assert_ne!(w.pow_mod(U256::from(2048u64), r), U256::from(1u64));
        assert_eq!(w.pow_mod(U256::from(4096u64), r), U256::from(1u64));
    }
}
