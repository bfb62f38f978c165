//! Reads the preimage export: op-program's `directory` store format, as `fpp4j store convert
//! --from-untyped-keccak --to-format directory` writes it.
//!
//! Layout: `<dir>/kvformat` holds `directory`; the value of typed key `k` (64 lowercase hex digits) is the
//! file `<dir>/k[0:4]/k[4:64].txt`, holding the value as hex. Keccak preimages have key
//! `02 ‖ keccak256(value)[1:]`, so byte 0 of the hash is lost from the name; it is recovered by hashing the
//! value, which also proves every entry is the preimage its name claims.

use alloy_primitives::{B256, Bytes, hex, keccak256};
use std::{collections::HashMap, fs, path::Path};

/// Key type byte of a keccak256 preimage key (the Preimage Oracle ABI's type 2).
const KECCAK_KEY_TYPE: u8 = 0x02;

/// Every keccak256 preimage of the export, by its full 32-byte hash.
pub struct KeccakPreimages {
    by_hash: HashMap<B256, Bytes>,
    /// Entries of other key types (local, sha256, blob, precompile): kona-executor never asks for them.
    pub skipped_other_types: usize,
}

impl KeccakPreimages {
    /// Loads every entry of the directory store at `dir`, or says which file or entry is wrong.
    pub fn load(dir: &Path) -> Result<Self, String> {
        if !dir.is_dir() {
            return Err(format!("preimage directory {} does not exist or is not a directory", dir.display()));
        }
        let marker = dir.join("kvformat");
        let format = fs::read_to_string(&marker).map_err(|e| {
            format!("{} has no readable kvformat marker ({e}); expected a 'directory' store as written by \
                     `fpp4j store convert --to-format directory`", dir.display())
        })?;
        if format.trim() != "directory" {
            return Err(format!("{} says '{}', but this peer reads only the 'directory' store format",
                               marker.display(), format.trim()));
        }
        let mut store = Self { by_hash: HashMap::new(), skipped_other_types: 0 };
        for sub in sorted_entries(dir)? {
            let name = file_name(&sub)?;
            if name == "kvformat" || name.starts_with('.') {
                continue;
            }
            if !sub.is_dir() || !is_lower_hex(&name, 4) {
                return Err(format!("{} is not part of the directory format (expected <4 hex>/<60 hex>.txt)",
                                   sub.display()));
            }
            for entry in sorted_entries(&sub)? {
                let file = file_name(&entry)?;
                if file.starts_with('.') {
                    continue;
                }
                let body = file.strip_suffix(".txt").filter(|b| is_lower_hex(b, 60)).ok_or_else(|| {
                    format!("{} is not a directory-format entry (expected <60 lowercase hex>.txt)", entry.display())
                })?;
                store.add(&entry, &format!("{name}{body}"))?;
            }
        }
        Ok(store)
    }

    fn add(&mut self, file: &Path, typed_key_hex: &str) -> Result<(), String> {
        let typed_key = B256::from_slice(&hex::decode(typed_key_hex).expect("checked to be 64 hex digits"));
        if typed_key[0] != KECCAK_KEY_TYPE {
            self.skipped_other_types += 1;
            return Ok(());
        }
        let content = fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let value = hex::decode(content.trim_ascii_end())
            .map_err(|e| format!("{} does not hold a hex-encoded value: {e}", file.display()))?;
        let hash = keccak256(&value);
        if hash[1..] != typed_key[1..] {
            return Err(format!("corrupt preimage {}: key 0x{typed_key_hex}, but keccak256 of its {}-byte value \
                                is {hash}", file.display(), value.len()));
        }
        self.by_hash.insert(hash, Bytes::from(value));
        Ok(())
    }

    pub fn get(&self, hash: &B256) -> Option<&Bytes> {
        self.by_hash.get(hash)
    }

    pub fn len(&self) -> usize {
        self.by_hash.len()
    }
}

/// The typed key under which the export holds the preimage of `hash`, for error messages.
pub fn typed_key(hash: &B256) -> B256 {
    let mut key = *hash;
    key[0] = KECCAK_KEY_TYPE;
    key
}

fn sorted_entries(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut out = fs::read_dir(dir)
        .and_then(|it| it.map(|e| e.map(|e| e.path())).collect::<Result<Vec<_>, _>>())
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    out.sort();
    Ok(out)
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{} has no UTF-8 file name", path.display()))
}

fn is_lower_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
