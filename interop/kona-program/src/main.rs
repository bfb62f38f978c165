//! fpp4j-kona-program: a fault-proof client program on the published Kona crates, the reference peer for
//! fpp4j's own program (issue 14).
//!
//! A host runs it with `--exec`: hints go out on fd 4 (answers on fd 3), pre-image requests on fd 6
//! (answers on fd 5). It boots from the local keys (kona-proof's `BootInfo`: Kona's map, the rollup config
//! under key 6 when the chain is not in Kona's registry), derives with kona-derive through kona-proof's
//! oracle-backed providers, executes with kona-executor under kona-driver, and compares the output root of
//! the claimed block with the claim.
//!
//! Exit codes, those of kona-client and fpp4j's program: 0 the claim holds, 1 it does not, 2 the program
//! failed (no verdict). Standard output gets the derived range, the computed output root and the verdict.

mod blob;
mod channel;
mod log;

use alloy_consensus::Sealable;
use alloy_primitives::B256;
use blob::SpecBlobProvider;
use channel::{FdChannel, block_on};
use kona_driver::Driver;
use kona_executor::TrieDBProvider;
use kona_preimage::{HintWriter, OracleReader, PreimageKey, PreimageOracleClient};
use kona_proof::{
    BootInfo, CachingOracle, HintType,
    executor::KonaExecutor,
    l1::{OracleL1ChainProvider, OraclePipeline},
    l2::OracleL2ChainProvider,
    sync::new_pipeline_cursor,
};
use std::{process::exit, sync::Arc};

const EXIT_VALID: i32 = 0;
const EXIT_INVALID: i32 = 1;
const EXIT_FAILURE: i32 = 2;

/// Pre-images kept by the caching oracle; kona-client's own choice, ample for a 20-block run.
const ORACLE_CACHE_SIZE: usize = 1024;

/// The fd pairs of the preimage ABI, as the program sees them: (read, write).
const HINT_FDS: (i32, i32) = (3, 4);
const PREIMAGE_FDS: (i32, i32) = (5, 6);

/// An output root v0 pre-image: version, state root, message-passer storage root, block hash (32 bytes each).
const OUTPUT_ROOT_V0_LEN: usize = 128;

type Oracle = CachingOracle<OracleReader<FdChannel>, HintWriter<FdChannel>>;

enum Verdict {
    Valid,
    Invalid,
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("usage: fpp4j-kona-program (no arguments; a host runs it with the preimage ABI on fds 3-6)");
        exit(EXIT_FAILURE);
    }
    if let Err(reason) = log::install_from_env() {
        eprintln!("Program failed: {reason}");
        exit(EXIT_FAILURE);
    }
    let code = match block_on(run()) {
        Ok(Verdict::Valid) => EXIT_VALID,
        Ok(Verdict::Invalid) => EXIT_INVALID,
        Err(reason) => {
            eprintln!("Program failed: {reason}");
            EXIT_FAILURE
        }
    };
    exit(code);
}

async fn run() -> Result<Verdict, String> {
    let oracle: Arc<Oracle> = Arc::new(CachingOracle::new(
        ORACLE_CACHE_SIZE,
        OracleReader::new(FdChannel::new(PREIMAGE_FDS.0, PREIMAGE_FDS.1)),
        HintWriter::new(FdChannel::new(HINT_FDS.0, HINT_FDS.1)),
    ));
    let boot = BootInfo::load(oracle.as_ref()).await.map_err(|e| format!("boot inputs: {e}"))?;
    println!(
        "boot: L1 head {}, agreed output root {}, claim {} at L2 block {}, chain {}",
        boot.l1_head,
        boot.agreed_l2_output_root,
        boot.claimed_l2_output_root,
        boot.claimed_l2_block_number,
        boot.chain_id
    );
    let rollup_config = Arc::new(boot.rollup_config.clone());

    let safe_head_hash = agreed_block_hash(oracle.as_ref(), boot.agreed_l2_output_root).await?;
    let mut l1_provider = OracleL1ChainProvider::new(boot.l1_head, oracle.clone());
    let mut l2_provider = OracleL2ChainProvider::new(safe_head_hash, rollup_config.clone(), oracle.clone());
    // Not kona-proof's OracleBlobProvider: see src/blob.rs for the field-element key it gets wrong.
    let beacon = SpecBlobProvider::new(oracle.clone());

    let safe_head = l2_provider
        .header_by_hash(safe_head_hash)
        .map_err(|e| format!("agreed L2 block {safe_head_hash}: {e}"))?
        .seal_slow();
    println!("agreed L2 block {} {}", safe_head.number, safe_head.hash());

    // Trace extension: a claim at or below the agreed block is checked against the agreed output root,
    // with nothing derived (the output root of an earlier block is not recomputed, as in kona-client).
    if boot.claimed_l2_block_number <= safe_head.number {
        println!("claimed block {} is at or below the agreed block {}", boot.claimed_l2_block_number, safe_head.number);
        // The same line as after derivation, so a comparison reads every run's checked root one way.
        println!("output root of L2 block {}: {}", safe_head.number, boot.agreed_l2_output_root);
        return Ok(verdict(boot.agreed_l2_output_root, boot.claimed_l2_output_root));
    }

    let agreed_number = safe_head.number;
    let cursor = new_pipeline_cursor(rollup_config.as_ref(), safe_head, &mut l1_provider, &mut l2_provider)
        .await
        .map_err(|e| format!("pipeline cursor: {e}"))?;
    l2_provider.set_cursor(cursor.clone());

    let pipeline = OraclePipeline::new(
        rollup_config.clone(),
        cursor.clone(),
        oracle.clone(),
        beacon,
        l1_provider.clone(),
        l2_provider.clone(),
    )
    .await
    .map_err(|e| format!("derivation pipeline: {e}"))?;
    let executor = KonaExecutor::new(rollup_config.as_ref(), l2_provider.clone(), l2_provider, None, None);
    let mut driver = Driver::new(cursor, executor, pipeline);

    let (safe_head_info, mut output_root) = driver
        .advance_to_target(rollup_config.as_ref(), Some(boot.claimed_l2_block_number))
        .await
        .map_err(|e| format!("derivation and execution: {e}"))?;
    let reached = safe_head_info.block_info.number;
    println!(
        "derived and executed L2 blocks {}..={}, head {}",
        agreed_number + 1,
        reached,
        safe_head_info.block_info.hash
    );
    if reached == agreed_number {
        // Nothing was derived: kona-proof's cursor starts with a zero output root for the agreed block (it never
        // recomputes it), so the agreed block's output root is the agreed one from the boot inputs.
        output_root = boot.agreed_l2_output_root;
    }
    if reached != boot.claimed_l2_block_number {
        // kona-driver stops at the last block the L1 data yields; the claim is then about a block the
        // chain up to the L1 head does not have, and the program checks the output root it reached.
        println!("L1 data ends at L2 block {reached}, before the claimed block {}", boot.claimed_l2_block_number);
    }
    println!("output root of L2 block {reached}: {output_root}");
    Ok(verdict(output_root, boot.claimed_l2_output_root))
}

/// The agreed L2 block's hash: the last word of the agreed output root's v0 pre-image.
async fn agreed_block_hash(oracle: &Oracle, agreed_output_root: B256) -> Result<B256, String> {
    HintType::StartingL2Output
        .with_data(&[agreed_output_root.as_slice()])
        .send(oracle)
        .await
        .map_err(|e| format!("hint for the agreed output root: {e}"))?;
    let preimage = oracle
        .get(PreimageKey::new_keccak256(*agreed_output_root))
        .await
        .map_err(|e| format!("agreed output root {agreed_output_root}: {e}"))?;
    if preimage.len() != OUTPUT_ROOT_V0_LEN {
        return Err(format!(
            "agreed output root {agreed_output_root}: pre-image of {} bytes, not the {OUTPUT_ROOT_V0_LEN} of an output root v0",
            preimage.len()
        ));
    }
    Ok(B256::from_slice(&preimage[96..]))
}

fn verdict(computed: B256, claimed: B256) -> Verdict {
    if computed == claimed {
        println!("verdict: valid claim");
        Verdict::Valid
    } else {
        println!("verdict: invalid claim");
        eprintln!("Claim is invalid: the output root is {computed}, not the claimed {claimed}");
        Verdict::Invalid
    }
}
