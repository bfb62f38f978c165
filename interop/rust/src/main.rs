//! fpp4j interop peer on the published `kona-preimage` crate. Command line and output format:
//! `interop/scenarios/FORMAT.md`.

mod channel;
mod scenario;

use alloy_primitives::{hex, keccak256};
use async_trait::async_trait;
use channel::{FdChannel, block_on};
use kona_preimage::{
    HintReader, HintReaderServer, HintRouter, HintWriter, HintWriterClient, OracleReader, OracleServer,
    PreimageFetcher, PreimageKey, PreimageKeyType, PreimageOracleClient, PreimageOracleServer,
    errors::{ChannelError, PreimageOracleError, PreimageOracleResult},
};
use scenario::{Scenario, Step};
use sha2::{Digest, Sha256};
use std::{
    collections::HashMap,
    fs::File,
    io::Write,
    os::fd::FromRawFd,
    process::exit,
    sync::{Arc, Mutex},
    time::Instant,
};

const EXIT_ORACLE_FAILURE: i32 = 2;
const EXIT_USAGE: i32 = 3;
const ROUTER_REJECTION: &str = "hint rejected by the scenario router";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[1..] {
        ["client", path] => load(path).map(|s| run_client(&s)),
        ["server", path] => load(path).map(|s| run_server(&s, None)),
        ["server", path, record] => load(path).map(|s| run_server(&s, Some(record))),
        ["bench", path, n] => match n.parse::<usize>() {
            Ok(n) if n > 0 => load(path).map(|s| run_bench(&s, n)),
            _ => Err(format!("bench count {n:?} is not a positive integer")),
        },
        ["keys", path] => load(path).and_then(|s| run_keys(&s)),
        _ => Err("usage: fpp4j-kona-peer client|server|bench|keys <scenario> [record file|count]".into()),
    };
    match result {
        Ok(code) => exit(code),
        Err(message) => {
            eprintln!("fpp4j-kona-peer: {message}");
            exit(EXIT_USAGE);
        }
    }
}

fn load(path: &str) -> Result<Scenario, String> {
    scenario::load(path)
}

fn hint_channel() -> FdChannel {
    FdChannel::new(3, 4)
}

fn preimage_channel() -> FdChannel {
    FdChannel::new(5, 6)
}

fn key_of(raw: [u8; 32]) -> Result<PreimageKey, String> {
    PreimageKey::try_from(raw).map_err(|e| format!("key 0x{}: {e}", hex::encode(raw)))
}

// ---------------------------------------------------------------- client

fn run_client(scenario: &Scenario) -> i32 {
    let hints = hint_channel();
    let writer = HintWriter::new(hints);
    let reader = OracleReader::new(preimage_channel());
    for (index, step) in scenario.steps.iter().enumerate() {
        let outcome = match step {
            Step::Hint(bytes) => send_hint(&writer, hints, bytes).map(|()| format!("hint-acked {}", bytes.len())),
            Step::Get(raw) => match key_of(*raw) {
                Ok(key) => block_on(reader.get(key))
                    .map(|data| format!("get 0x{} {} {}", hex::encode(raw), data.len(), hex::encode(Sha256::digest(&data))))
                    .map_err(|e| e.to_string()),
                Err(message) => {
                    eprintln!("fpp4j-kona-peer client: step {}: {message}", index + 1);
                    return EXIT_USAGE;
                }
            },
        };
        match outcome {
            Ok(line) => println!("{line}"),
            Err(message) => {
                eprintln!("fpp4j-kona-peer client: step {} failed: {message}", index + 1);
                return EXIT_ORACLE_FAILURE;
            }
        }
    }
    println!("done");
    0
}

/// UTF-8 hints go through the crate's `HintWriter`; other bytes cannot be passed as `&str`, so they are
/// framed here exactly as the crate frames a hint (u32 BE length, payload, one ack byte read). This path
/// also checks that the ack is the zero byte the specification prescribes.
fn send_hint(writer: &HintWriter<FdChannel>, channel: FdChannel, bytes: &[u8]) -> Result<(), String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => block_on(writer.write(text)).map_err(|e| e.to_string()),
        Err(_) => {
            let err = |e: ChannelError| e.to_string();
            channel.write_raw(&(bytes.len() as u32).to_be_bytes()).map_err(err)?;
            channel.write_raw(bytes).map_err(err)?;
            let mut ack = [0u8; 1];
            channel.read_exact_blocking(&mut ack).map_err(err)?;
            // The crate ignores the ack's value; the specification defines it as one zero byte.
            if ack[0] != 0 {
                return Err(format!("hint ack was 0x{:02x}, not 0x00", ack[0]));
            }
            Ok(())
        }
    }
}

// ---------------------------------------------------------------- server

/// Hint events and key events are kept apart: the crate acks a non-UTF-8 hint before returning its error,
/// so only the order within each channel is deterministic.
#[derive(Default)]
struct Record {
    hints: Mutex<Vec<String>>,
    keys: Mutex<Vec<String>>,
}

struct ScenarioBackend {
    preimages: HashMap<[u8; 32], Vec<u8>>,
    record: Arc<Record>,
}

#[async_trait]
impl PreimageFetcher for ScenarioBackend {
    async fn get_preimage(&self, key: PreimageKey) -> PreimageOracleResult<Vec<u8>> {
        self.record.keys.lock().unwrap().push(format!("key {key}"));
        let raw: [u8; 32] = key.into();
        self.preimages
            .get(&raw)
            .cloned()
            .ok_or_else(|| PreimageOracleError::Other(format!("no pre-image for key {key}")))
    }
}

#[async_trait]
impl HintRouter for ScenarioBackend {
    async fn route_hint(&self, hint: String) -> PreimageOracleResult<()> {
        let encoded = hex::encode(hint.as_bytes());
        if hint.starts_with("reject") {
            self.record.hints.lock().unwrap().push(format!("hint-rejected 0x{encoded}"));
            return Err(PreimageOracleError::Other(ROUTER_REJECTION.into()));
        }
        self.record.hints.lock().unwrap().push(format!("hint 0x{encoded}"));
        Ok(())
    }
}

/// kona-preimage 0.3.0 (the newest on crates.io) has no `VerifyingPreimageFetcher`; this wrapper applies the
/// same rule the newer kona and op-preimage verifiers apply: keccak-256 and sha-256 keys must match
/// `H(data)[1..32]`, other types pass through.
struct Verifying<F>(Arc<F>);

#[async_trait]
impl<F: PreimageFetcher + Send + Sync> PreimageFetcher for Verifying<F> {
    async fn get_preimage(&self, key: PreimageKey) -> PreimageOracleResult<Vec<u8>> {
        let data = self.0.get_preimage(key).await?;
        let raw: [u8; 32] = key.into();
        let digest: [u8; 32] = match key.key_type() {
            PreimageKeyType::Keccak256 => keccak256(&data).0,
            PreimageKeyType::Sha256 => Sha256::digest(&data).into(),
            _ => return Ok(data),
        };
        if digest[1..] != raw[1..] {
            return Err(PreimageOracleError::Other(format!("incorrect data for key {key} ({} bytes)", data.len())));
        }
        Ok(data)
    }
}

fn run_server(scenario: &Scenario, record_path: Option<&str>) -> i32 {
    let record = Arc::new(Record::default());
    let backend = Arc::new(ScenarioBackend { preimages: scenario.preimages.clone(), record: record.clone() });
    let verify = scenario.verify;

    let router = backend.clone();
    let hint_loop = std::thread::spawn(move || -> Result<(), String> {
        let reader = HintReader::new(hint_channel());
        loop {
            match block_on(reader.next_hint(router.as_ref())) {
                Ok(()) => {}
                Err(PreimageOracleError::IOError(ChannelError::Closed)) => return Ok(()),
                Err(PreimageOracleError::Other(m)) if m == ROUTER_REJECTION => {}
                Err(PreimageOracleError::Other(m)) if m.starts_with("Failed to decode hint payload") => {
                    router.record.hints.lock().unwrap().push("hint-invalid-utf8".into());
                }
                Err(e) => return Err(format!("hint channel: {e}")),
            }
        }
    });

    let fetcher = backend.clone();
    let oracle_loop = std::thread::spawn(move || -> Result<(), String> {
        let server = OracleServer::new(preimage_channel());
        let verifying = Verifying(fetcher.clone());
        let result = loop {
            let served = if verify {
                block_on(server.next_preimage_request(&verifying))
            } else {
                block_on(server.next_preimage_request(fetcher.as_ref()))
            };
            match served {
                Ok(()) => {}
                Err(PreimageOracleError::IOError(ChannelError::Closed)) => break Ok(()),
                Err(e) => break Err(format!("pre-image channel: {e}")),
            }
        };
        // Close our ends so the client sees EOF instead of waiting for an answer that will never come.
        unsafe {
            drop(File::from_raw_fd(5));
            drop(File::from_raw_fd(6));
        }
        result
    });

    let mut code = 0;
    for (name, handle) in [("hint", hint_loop), ("pre-image", oracle_loop)] {
        match handle.join() {
            Ok(Ok(())) => {}
            Ok(Err(message)) => {
                eprintln!("fpp4j-kona-peer server: {message}");
                code = 1;
            }
            Err(_) => {
                eprintln!("fpp4j-kona-peer server: {name} loop panicked");
                code = 1;
            }
        }
    }
    if let Some(path) = record_path {
        let mut lines = record.hints.lock().unwrap().clone();
        lines.extend(record.keys.lock().unwrap().iter().cloned());
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        if let Err(e) = File::create(path).and_then(|mut f| f.write_all(text.as_bytes())) {
            eprintln!("fpp4j-kona-peer server: cannot write record {path}: {e}");
            code = 1;
        }
    }
    code
}

// ---------------------------------------------------------------- bench

fn run_bench(scenario: &Scenario, n: usize) -> i32 {
    let hints = hint_channel();
    let writer = HintWriter::new(hints);
    let reader = OracleReader::new(preimage_channel());
    let hint = scenario.steps.iter().find_map(|s| if let Step::Hint(h) = s { Some(h.clone()) } else { None });
    let key = scenario.steps.iter().find_map(|s| if let Step::Get(k) = s { Some(*k) } else { None });
    if let Some(hint) = hint {
        match time_trips(n, || send_hint(&writer, hints, &hint)) {
            Ok(median) => println!("bench hint n={n} median_ns={median}"),
            Err(message) => {
                eprintln!("fpp4j-kona-peer bench: hint failed: {message}");
                return EXIT_ORACLE_FAILURE;
            }
        }
    }
    if let Some(raw) = key {
        let key = match key_of(raw) {
            Ok(key) => key,
            Err(message) => {
                eprintln!("fpp4j-kona-peer bench: {message}");
                return EXIT_USAGE;
            }
        };
        match time_trips(n, || block_on(reader.get(key)).map(|_| ()).map_err(|e| e.to_string())) {
            Ok(median) => println!("bench get n={n} median_ns={median}"),
            Err(message) => {
                eprintln!("fpp4j-kona-peer bench: get failed: {message}");
                return EXIT_ORACLE_FAILURE;
            }
        }
    }
    0
}

fn time_trips(n: usize, mut trip: impl FnMut() -> Result<(), String>) -> Result<u128, String> {
    for _ in 0..n / 10 {
        trip()?;
    }
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n {
        let start = Instant::now();
        trip()?;
        samples.push(start.elapsed().as_nanos());
    }
    samples.sort_unstable();
    Ok(samples[n / 2])
}

// ---------------------------------------------------------------- keys

fn run_keys(scenario: &Scenario) -> Result<i32, String> {
    for origin in &scenario.origins {
        let derived = derive_key(origin)
            .map_err(|e| format!("origin 0x{} {}: {e}", hex::encode(origin.key), origin.kind))?;
        let derived: [u8; 32] = derived.into();
        println!("origin 0x{} 0x{}", hex::encode(origin.key), hex::encode(derived));
    }
    Ok(0)
}

fn derive_key(origin: &scenario::Origin) -> Result<PreimageKey, String> {
    let args: Vec<&str> = origin.args.split(' ').collect();
    Ok(match origin.kind.as_str() {
        "local" => PreimageKey::new_local(origin.args.parse().map_err(|e| format!("local index: {e}"))?),
        "keccak256" => PreimageKey::new_keccak256(keccak256(scenario::parse_data(&origin.args)?).0),
        "sha256" => PreimageKey::new(Sha256::digest(scenario::parse_data(&origin.args)?).into(), PreimageKeyType::Sha256),
        "blob" if args.len() == 2 => {
            let mut body = scenario::parse_hex(args[0])?;
            body.extend(scenario::parse_hex(args[1])?);
            PreimageKey::new(keccak256(&body).0, PreimageKeyType::Blob)
        }
        // The crate's `new_precompile` hashes address ‖ input (the pre-gas layout); the deployed contract and
        // every current client hash address ‖ gas ‖ input, so the key is built from the digest here.
        "precompile" if args.len() == 3 => {
            let mut body = scenario::parse_hex(args[0])?;
            body.extend(args[1].parse::<u64>().map_err(|e| format!("gas: {e}"))?.to_be_bytes());
            body.extend(scenario::parse_hex(args[2])?);
            PreimageKey::new(keccak256(&body).0, PreimageKeyType::Precompile)
        }
        "global-generic" => PreimageKey::new(origin.key, PreimageKeyType::GlobalGeneric),
        other => return Err(format!("unknown origin kind {other:?} or wrong argument count")),
    })
}
