//! fpp4j-kona-executor: executes one OP Stack block with the published kona-executor crate, statelessly,
//! from a fixture.json (Kona's executor test fixture) and a preimage export, and prints one JSON line.
//!
//! Usage: fpp4j-kona-executor [--repeat K] [--warmup-seconds S] FIXTURE_JSON PREIMAGE_DIR
//!
//! What is timed (`executeMicros`, one entry per repetition): building a fresh `StatelessL2Builder`
//! (with a fresh `TrieDB`, provider and hinter, so nothing decoded carries over) and its `build_block`,
//! i.e. preimage decoding, EVM execution, the state-root update and header sealing. Not timed: reading
//! the fixture, loading and hash-checking the whole export into memory, sealing the parent header. So
//! repetitions after the first measure a warm process on cold data.
//!
//! With `--warmup-seconds S` (the time-based rule of interop/README.md, the same as `fpp4j execute`'s):
//! the block is first executed untimed, again and again, until S seconds have passed (at least once; the
//! first of these is reported as `coldMicros`), then K more executions are timed. `executeMicros` then holds
//! only those K, `warmMedianMicros` their median (the mean of the middle two for an even K) and
//! `warmupExecutions` how many ran before them. Without the option the output is as before.
//!
//! Exit codes: 0 executed (whether or not the hash matches `expected_block_hash`: the caller compares);
//! 2 bad command line, fixture or preimage export; 3 execution failed (a missing preimage, an invalid
//! transaction) or two repetitions disagreed.

mod provider;
mod store;

use alloy_consensus::{Header, Sealable};
use alloy_op_evm::OpEvmFactory;
use alloy_primitives::B256;
use kona_executor::StatelessL2Builder;
use kona_genesis::RollupConfig;
use op_alloy_rpc_types_engine::OpPayloadAttributes;
use provider::{CountingHinter, RecordingProvider};
use serde::{Deserialize, Serialize};
use std::{path::PathBuf, process::ExitCode, time::Instant};
use store::KeccakPreimages;

const USAGE: &str = concat!(
    "usage: fpp4j-kona-executor [--repeat K] [--warmup-seconds S] FIXTURE_JSON PREIMAGE_DIR\n",
    "  FIXTURE_JSON  Kona executor fixture: rollup_config, parent_header, executing_payload, expected_block_hash\n",
    "  PREIMAGE_DIR  'directory' preimage store (fpp4j store convert --from-untyped-keccak --to-format directory)\n",
    "  --repeat K    execute K times in this process (default 1); one executeMicros entry per execution\n",
    "  --warmup-seconds S  first execute untimed for at least S seconds (a decimal number > 0), then time K",
);

/// Kona's executor test fixture (kona-executor's `ExecutorTestFixture`, which sits behind its RocksDB
/// feature, so it is declared again here).
#[derive(Deserialize)]
struct Fixture {
    rollup_config: RollupConfig,
    parent_header: Header,
    executing_payload: OpPayloadAttributes,
    expected_block_hash: B256,
}

/// The one output line; fields in this order. `preimagesRead` counts every provider lookup of the first
/// execution (trie nodes, code, headers; repeats included), `distinctPreimagesRead` the different hashes.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    block: u64,
    hash: B256,
    expected_hash: B256,
    state_root: B256,
    receipts_root: B256,
    transactions_root: B256,
    gas_used: u64,
    transactions: usize,
    preimages_read: usize,
    distinct_preimages_read: usize,
    preimages_available: usize,
    hints: Hints,
    execute_micros: Vec<u64>,
    /// Only with `--warmup-seconds`: the first (cold) execution, how many ran untimed, and the median of
    /// the K timed after them.
    #[serde(skip_serializing_if = "Option::is_none")]
    cold_micros: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warmup_executions: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warm_median_micros: Option<u64>,
}

/// Hints kona-executor gave during the first execution, by kind.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Hints {
    trie_node: u64,
    account_proof: u64,
    storage_proof: u64,
}

struct Args {
    fixture: PathBuf,
    preimages: PathBuf,
    repeat: usize,
    /// `None`: the count-based rule (the caller takes the second half of `executeMicros`).
    warmup: Option<std::time::Duration>,
}

/// What one execution produced and read.
struct Run {
    header: alloy_consensus::Sealed<Header>,
    micros: u128,
    reads: usize,
    distinct_reads: usize,
    hints: CountingHinter,
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1).collect()) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => return fail(2, &format!("{msg}\n{USAGE}")),
    };
    let (fixture, preimages) = match load(&args) {
        Ok(loaded) => loaded,
        Err(msg) => return fail(2, &msg),
    };
    let parent = fixture.parent_header.clone().seal_slow();

    // With a time-based warm-up, the untimed executions come first; the first of them is the cold one and
    // is kept as the reference every later execution must agree with.
    let mut first: Option<Run> = None;
    let mut warmup_executions = 0usize;
    if let Some(warmup) = args.warmup {
        let warmup_start = Instant::now();
        while warmup_executions == 0 || warmup_start.elapsed() < warmup {
            let run = match execute_once(&fixture, &parent, &preimages, warmup_executions + 1) {
                Ok(r) => r,
                Err(msg) => return fail(3, &msg),
            };
            if let Err(msg) = agree(first.as_ref(), &run, warmup_executions + 1) {
                return fail(3, &msg);
            }
            first.get_or_insert(run);
            warmup_executions += 1;
        }
    }
    let cold_micros = first.as_ref().map(|r| r.micros as u64);
    let mut micros: Vec<u64> = Vec::with_capacity(args.repeat);
    for i in 0..args.repeat {
        let n = warmup_executions + i + 1;
        let run = match execute_once(&fixture, &parent, &preimages, n) {
            Ok(r) => r,
            Err(msg) => return fail(3, &msg),
        };
        if let Err(msg) = agree(first.as_ref(), &run, n) {
            return fail(3, &msg);
        }
        micros.push(run.micros as u64);
        first.get_or_insert(run);
    }

    let first = first.expect("at least one execution ran");
    let h = first.header.inner();
    let report = Report {
        block: h.number,
        hash: first.header.seal(),
        expected_hash: fixture.expected_block_hash,
        state_root: h.state_root,
        receipts_root: h.receipts_root,
        transactions_root: h.transactions_root,
        gas_used: h.gas_used,
        transactions: fixture.executing_payload.transactions.as_ref().map_or(0, Vec::len),
        preimages_read: first.reads,
        distinct_preimages_read: first.distinct_reads,
        preimages_available: preimages.len(),
        hints: Hints {
            trie_node: first.hints.trie_nodes.get(),
            account_proof: first.hints.account_proofs.get(),
            storage_proof: first.hints.storage_proofs.get(),
        },
        warm_median_micros: args.warmup.map(|_| median(&micros)),
        execute_micros: micros,
        cold_micros,
        warmup_executions: args.warmup.map(|_| warmup_executions),
    };
    let line = serde_json::to_string(&report).expect("a report of plain fields serializes");
    println!("{line}");
    ExitCode::SUCCESS
}

/// One execution, timed: a fresh builder, provider and hinter around the shared export. `n` numbers it
/// (from 1) for the error message.
fn execute_once(fixture: &Fixture, parent: &alloy_consensus::Sealed<Header>, preimages: &KeccakPreimages,
                n: usize) -> Result<Run, String> {
    let provider = RecordingProvider::new(preimages);
    let hints = CountingHinter::default();
    let attributes = fixture.executing_payload.clone();
    let parent = parent.clone();
    let start = Instant::now();
    let mut builder =
        StatelessL2Builder::new(&fixture.rollup_config, OpEvmFactory::default(), &provider, &hints, parent);
    let outcome = builder.build_block(attributes);
    let micros = start.elapsed().as_micros();
    drop(builder);
    let header = outcome
        .map_err(|e| format!("execution {n} of block {} failed: {e}", fixture.parent_header.number + 1))?
        .header;
    Ok(Run { header, micros, reads: provider.reads(), distinct_reads: provider.distinct_reads(), hints })
}

/// Every execution must give the first one's hash after the same number of preimage reads.
fn agree(first: Option<&Run>, run: &Run, n: usize) -> Result<(), String> {
    match first {
        Some(f) if f.header.seal() != run.header.seal() || f.reads != run.reads => Err(format!(
            "execution {n} disagrees with execution 1: hash {} after {} preimage reads, then hash {} after {}",
            f.header.seal(), f.reads, run.header.seal(), run.reads)),
        _ => Ok(()),
    }
}

/// The median, as compare.sh's Python takes it: the mean of the middle two (rounded) for an even count.
fn median(micros: &[u64]) -> u64 {
    let mut sorted = micros.to_vec();
    sorted.sort_unstable();
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 { sorted[mid] } else { (sorted[mid - 1] + sorted[mid] + 1) / 2 }
}

/// `Ok(None)` asks for the usage text.
fn parse_args(args: Vec<String>) -> Result<Option<Args>, String> {
    let mut repeat = 1usize;
    let mut warmup = None;
    let mut positional = Vec::new();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--repeat" => {
                let v = it.next().ok_or("--repeat needs a count")?;
                repeat = v.parse().ok().filter(|&k| k >= 1)
                    .ok_or_else(|| format!("--repeat wants a whole number of at least 1, not '{v}'"))?;
            }
            "--warmup-seconds" => {
                let v = it.next().ok_or("--warmup-seconds needs a number of seconds")?;
                let secs = v.parse::<f64>().ok().filter(|s| s.is_finite() && *s > 0.0 && *s <= 86_400.0)
                    .ok_or_else(|| format!("--warmup-seconds wants a number of seconds above 0 and at most 86400, \
                                            not '{v}'"))?;
                warmup = Some(std::time::Duration::from_secs_f64(secs));
            }
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'")),
            _ => positional.push(PathBuf::from(arg)),
        }
    }
    match <[PathBuf; 2]>::try_from(positional) {
        Ok([fixture, preimages]) => Ok(Some(Args { fixture, preimages, repeat, warmup })),
        Err(p) => Err(format!("expected FIXTURE_JSON and PREIMAGE_DIR, got {} path argument(s)", p.len())),
    }
}

fn load(args: &Args) -> Result<(Fixture, KeccakPreimages), String> {
    let text = std::fs::read(&args.fixture)
        .map_err(|e| format!("cannot read fixture {}: {e}", args.fixture.display()))?;
    let fixture: Fixture = serde_json::from_slice(&text)
        .map_err(|e| format!("fixture {} is not a Kona executor fixture: {e}", args.fixture.display()))?;
    let preimages = KeccakPreimages::load(&args.preimages)?;
    if preimages.len() == 0 {
        return Err(format!("preimage export {} holds no keccak256 preimages", args.preimages.display()));
    }
    Ok((fixture, preimages))
}

fn fail(code: u8, msg: &str) -> ExitCode {
    eprintln!("fpp4j-kona-executor: {msg}");
    ExitCode::from(code)
}
