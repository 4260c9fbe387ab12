//! Batch mode: the pipeline over files or stdin, no Kafka. Backs `vigia enrich` and `vigia demo`.

use anyhow::{Context, Result};
use chrono::Utc;
use std::io::{BufRead, Write};
use vigia_emit::file::JsonlSink;
use vigia_emit::Output;
use vigia_ingest::source::{read_lines, text_line_to_payload, InputFormat, RawRecord};
use vigia_model::Platform;

use crate::pipeline::{Disposition, Pipeline};

/// Records handed to the pipeline at once (lets model backends batch).
pub const BATCH: usize = 64;

/// Counts of one batch run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RunCounts {
    pub records: u64,
    pub enriched: u64,
    pub dead_letters: u64,
    pub redeliveries: u64,
    pub unmatched: u64,
    pub alerts: u64,
}

/// Run `pipeline` over `input`, writing enriched mentions and dead letters to `sink`, and
/// every output (alerts included) to `observer`. Stops only at end of input or on an I/O error.
pub fn run<R: BufRead, W: Write, D: Write>(
    pipeline: &mut Pipeline,
    input: R,
    source_name: &str,
    format: InputFormat,
    text_platform: Platform,
    sink: &mut JsonlSink<W, D>,
    mut observer: impl FnMut(&Output),
) -> Result<RunCounts> {
    let started = Utc::now();
    let mut counts = RunCounts::default();
    let mut batch: Vec<RawRecord> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<RawRecord>, counts: &mut RunCounts| -> Result<()> {
        for p in pipeline.process_batch(batch) {
            counts.records += 1;
            match p.disposition {
                Disposition::Enriched => counts.enriched += 1,
                Disposition::DeadLetter => counts.dead_letters += 1,
                Disposition::Redelivery => counts.redeliveries += 1,
                Disposition::UnmatchedDropped | Disposition::UnmatchedRouted => {
                    counts.unmatched += 1
                }
            }
            for o in &p.outputs {
                if matches!(o, Output::Alert(_)) {
                    counts.alerts += 1;
                }
                sink.write(o).context("writing output")?;
                observer(o);
            }
        }
        batch.clear();
        Ok(())
    };
    for rec in read_lines(input, source_name) {
        let mut rec = rec.context("reading input")?;
        if format == InputFormat::Text {
            let line = rec.position.offset.unwrap_or(0);
            rec.payload = text_line_to_payload(&rec.payload, line, text_platform, started);
        }
        batch.push(rec);
        if batch.len() >= BATCH {
            flush(&mut batch, &mut counts)?;
        }
    }
    if !batch.is_empty() {
        flush(&mut batch, &mut counts)?;
    }
    for o in pipeline.flush_stats() {
        observer(&o);
    }
    sink.flush().context("flushing output")?;
    Ok(counts)
}
