//! Line-oriented sink for batch mode: enriched mentions to one writer, dead letters to another.

use crate::Output;
use std::io::Write;

/// Writes JSON lines. Alerts, stats and restricted records are not part of the batch contract
/// and go to `extra` if given (the demo writes them to files), else are dropped by the caller.
pub struct JsonlSink<W: Write, D: Write> {
    pub enriched: W,
    pub dlq: D,
}

impl<W: Write, D: Write> JsonlSink<W, D> {
    pub fn new(enriched: W, dlq: D) -> Self {
        Self { enriched, dlq }
    }

    /// Write one output; returns false for kinds this sink does not handle.
    pub fn write(&mut self, out: &Output) -> std::io::Result<bool> {
        let w: &mut dyn Write = match out {
            Output::Enriched(_) => &mut self.enriched,
            Output::DeadLetter(_) => &mut self.dlq,
            _ => return Ok(false),
        };
        w.write_all(&out.to_json())?;
        w.write_all(b"\n")?;
        Ok(true)
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.enriched.flush()?;
        self.dlq.flush()
    }
}
