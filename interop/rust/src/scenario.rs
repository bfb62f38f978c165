//! Reader for the line-based scenario files described in `interop/scenarios/FORMAT.md`.

use std::collections::HashMap;

pub enum Step {
    Hint(Vec<u8>),
    Get([u8; 32]),
}

pub struct Origin {
    pub key: [u8; 32],
    pub kind: String,
    pub args: String,
}

#[derive(Default)]
pub struct Scenario {
    pub preimages: HashMap<[u8; 32], Vec<u8>>,
    pub steps: Vec<Step>,
    pub verify: bool,
    pub origins: Vec<Origin>,
}

pub fn load(path: &str) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read scenario {path}: {e}"))?;
    let mut scenario = Scenario::default();
    for (index, line) in text.lines().enumerate() {
        parse_line(&mut scenario, line)
            .map_err(|e| format!("{path}:{}: {e}: {:?}", index + 1, truncate(line)))?;
    }
    Ok(scenario)
}

fn truncate(line: &str) -> &str {
    match line.char_indices().nth(80) {
        Some((i, _)) => &line[..i],
        None => line,
    }
}

fn parse_line(scenario: &mut Scenario, line: &str) -> Result<(), String> {
    if line.is_empty() || line.starts_with('#') {
        return Ok(());
    }
    let (directive, rest) = line.split_once(' ').unwrap_or((line, ""));
    match directive {
        "preimage" => {
            let (key, data) = rest.split_once(' ').ok_or("preimage needs <key> <data>")?;
            scenario.preimages.insert(parse_key(key)?, parse_data(data)?);
        }
        "hint" => scenario.steps.push(Step::Hint(parse_data(rest)?)),
        "get" => scenario.steps.push(Step::Get(parse_key(rest)?)),
        "option" if rest == "verify" => scenario.verify = true,
        "expect" => {}
        "origin" => {
            let (key, kind_args) = rest.split_once(' ').ok_or("origin needs <key> <kind>")?;
            let (kind, args) = kind_args.split_once(' ').unwrap_or((kind_args, ""));
            scenario.origins.push(Origin { key: parse_key(key)?, kind: kind.to_string(), args: args.to_string() });
        }
        _ => return Err(format!("unknown directive {directive:?}")),
    }
    Ok(())
}

pub fn parse_key(text: &str) -> Result<[u8; 32], String> {
    let digits = text.strip_prefix("0x").ok_or_else(|| format!("key {text:?} lacks 0x"))?;
    let bytes = parse_hex(digits)?;
    bytes.try_into().map_err(|b: Vec<u8>| format!("key {text:?} has {} bytes, not 32", b.len()))
}

pub fn parse_hex(digits: &str) -> Result<Vec<u8>, String> {
    alloy_primitives::hex::decode(digits).map_err(|e| format!("bad hex {:?}: {e}", truncate(digits)))
}

pub fn parse_data(spec: &str) -> Result<Vec<u8>, String> {
    if let Some(digits) = spec.strip_prefix("hex:") {
        parse_hex(digits)
    } else if let Some(text) = spec.strip_prefix("text:") {
        Ok(text.as_bytes().to_vec())
    } else if let Some(args) = spec.strip_prefix("pattern:") {
        let (length, seed) = args.split_once(':').ok_or("pattern needs <length>:<seed>")?;
        let length: usize = length.parse().map_err(|e| format!("pattern length {length:?}: {e}"))?;
        let seed: u64 = seed.parse().map_err(|e| format!("pattern seed {seed:?}: {e}"))?;
        Ok(pattern(length, seed))
    } else {
        Err(format!("data {:?} is not hex:, text: or pattern:", truncate(spec)))
    }
}

pub fn pattern(length: usize, seed: u64) -> Vec<u8> {
    (0..length as u64)
        .map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(seed) >> 56) as u8)
        .collect()
}
