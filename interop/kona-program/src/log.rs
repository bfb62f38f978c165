//! The Kona crates' own log lines on standard error, when `FPP4J_KONA_LOG` names a level (error, warn, info,
//! debug or trace). Off by default, so a run's output is only the wrapper's lines.
//!
//! Hand-written: `tracing-subscriber` is not among the crates this peer's lock already holds, and the crates only
//! need a sink for events (`target: message field=value`); spans are not shown.

use std::{fmt::Write as _, io::Write as _};
use tracing::{
    Event, Level, Metadata, Subscriber,
    field::{Field, Visit},
    span,
};

/// The environment variable naming the most verbose level shown.
pub const LOG_LEVEL_VAR: &str = "FPP4J_KONA_LOG";

/// Installs the stderr sink if `FPP4J_KONA_LOG` is set; an unknown level is an error naming it.
pub fn install_from_env() -> Result<(), String> {
    let Ok(value) = std::env::var(LOG_LEVEL_VAR) else { return Ok(()) };
    let max = match value.to_ascii_lowercase().as_str() {
        "error" => Level::ERROR,
        "warn" => Level::WARN,
        "info" => Level::INFO,
        "debug" => Level::DEBUG,
        "trace" => Level::TRACE,
        _ => return Err(format!("{LOG_LEVEL_VAR}={value}: not one of error, warn, info, debug, trace")),
    };
    tracing::subscriber::set_global_default(StderrSink { max })
        .map_err(|e| format!("{LOG_LEVEL_VAR}: cannot install the log sink: {e}"))
}

struct StderrSink {
    max: Level,
}

/// Collects an event's fields into one line: the message first, then `name=value`.
struct Line(String);

impl Visit for Line {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, " {value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
}

impl Subscriber for StderrSink {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        // tracing orders levels by verbosity: a level is shown when it is no more verbose than the maximum.
        *metadata.level() <= self.max
    }

    fn new_span(&self, _span: &span::Attributes<'_>) -> span::Id {
        span::Id::from_u64(1)
    }

    fn record(&self, _span: &span::Id, _values: &span::Record<'_>) {}

    fn record_follows_from(&self, _span: &span::Id, _follows: &span::Id) {}

    fn event(&self, event: &Event<'_>) {
        let meta = event.metadata();
        let mut line = Line(format!("kona {} {}:", meta.level(), meta.target()));
        event.record(&mut line);
        let _ = writeln!(std::io::stderr().lock(), "{}", line.0);
    }

    fn enter(&self, _span: &span::Id) {}

    fn exit(&self, _span: &span::Id) {}
}
