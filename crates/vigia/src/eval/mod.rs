//! `vigia eval ...`: quality measurements over labelled data. One file per evaluation.

use anyhow::Result;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Sentiment macro-F1, accuracy and per-class F1 on UMSAB-format files (one text per line;
    /// labels 0 negative, 1 neutral, 2 positive), or per language under --umsab DIR.
    Sentiment {
        #[arg(long, requires = "labels")]
        texts: Option<std::path::PathBuf>,
        #[arg(long, requires = "texts")]
        labels: Option<std::path::PathBuf>,
        /// UMSAB folder (<language>/<split>_text.txt, <split>_labels.txt), e.g. ../shared/data/umsab.
        #[arg(long, conflicts_with = "texts")]
        umsab: Option<std::path::PathBuf>,
        #[arg(long, default_value = "val")]
        split: String,
        /// `encoder` (multilingual-e5-small + the shipped head) or `lexicon`.
        #[arg(long, default_value = "encoder")]
        model: String,
        /// Encoder engine: onnx-fp32 or onnx-int8 (default: the configured default).
        #[arg(long)]
        engine: Option<String>,
    },
    /// Misinformation detector on a CONSTRAINT-format CSV (id,tweet,label real/fake): weighted
    /// F1 and fake-class F1 of the supervised head and of the combined score.
    Misinfo {
        #[arg(long)]
        csv: std::path::PathBuf,
        /// Do not load the encoder (lexical head and lexical claim matching only).
        #[arg(long)]
        no_encoder: bool,
        /// Also count false alarms on patient and hospital posts (tests/data; run from the
        /// repository root).
        #[arg(long)]
        hospital: bool,
        /// Write one JSON line per post (set, row, gold label, head probability, combined
        /// score and signal weights under the default gate, with the embedding) for error
        /// analysis. Carries row numbers, not text.
        #[arg(long)]
        dump: Option<std::path::PathBuf>,
    },
    /// Claim matching on paraphrases held apart from the knowledge base, in and across
    /// languages: precision, recall and F1 at the threshold, and top-1 accuracy.
    Claims {
        /// Knowledge base to evaluate (default: the bundled one).
        #[arg(long)]
        kb: Option<std::path::PathBuf>,
        /// Health posts that repeat no claim (lang<TAB>text).
        #[arg(long, default_value = "tests/data/misinfo/negatives.tsv")]
        negatives: std::path::PathBuf,
        /// A CONSTRAINT CSV whose `real` rows (up to 500) are added as negatives.
        #[arg(long)]
        constraint: Option<std::path::PathBuf>,
        /// Do not load the encoder (lexical matching only).
        #[arg(long)]
        no_encoder: bool,
        /// Write the thresholds chosen here to this calibration file.
        #[arg(long)]
        write_calibration: Option<std::path::PathBuf>,
    },
    /// PHI detection: span-level precision and recall per identifier type, and self-disclosure,
    /// on labelled JSONL (tests/data/phi/dev.jsonl, tests/data/phi/heldout.jsonl).
    Phi {
        /// Labelled file(s); repeat the flag to pool several.
        #[arg(long, required = true)]
        data: Vec<std::path::PathBuf>,
        /// Print every missed, spurious or mis-categorised item.
        #[arg(long)]
        show_errors: bool,
        /// Classify as `vigia enrich` does with the transformer tier (needs the model cache), so
        /// that spans include the learned span tagger's and self-disclosure the learned head's.
        #[arg(long)]
        encoder: bool,
    },
    /// Duplicate detection (exact and near) on labelled pairs (tests/data/dedupe/pairs.jsonl):
    /// precision, recall and F1, per language and per edit.
    Dedupe {
        #[arg(long, default_value = "tests/data/dedupe/pairs.jsonl")]
        pairs: std::path::PathBuf,
        /// Grid-search shingle size, hashes, bands/rows and threshold.
        #[arg(long)]
        sweep: bool,
        /// Print every misjudged pair.
        #[arg(long)]
        show_errors: bool,
    },
    /// Language identification accuracy on a labelled TSV (lang<TAB>text).
    Lang {
        #[arg(long)]
        tsv: std::path::PathBuf,
        /// Grid-search the reliability thresholds and print the best settings.
        #[arg(long)]
        sweep: bool,
        /// Print every text the detector got wrong or withheld.
        #[arg(long)]
        show_errors: bool,
    },
    /// Sentiment macro-F1 and throughput of the fast, transformer and mixed tiers on UMSAB-format
    /// files (one text per line; labels 0/1/2).
    Tiers {
        #[arg(long)]
        texts: std::path::PathBuf,
        #[arg(long)]
        labels: std::path::PathBuf,
        /// Uncertainty margins to measure the mixed tier at.
        #[arg(long, value_delimiter = ',', default_value = "0.1,0.2,0.3,0.4,0.6")]
        margins: Vec<f32>,
        /// Texts per transformer batch.
        #[arg(long, default_value_t = 32)]
        batch: usize,
    },
    /// Healthcare aspect tagging on hand-labelled JSONL: per-aspect P/R/F1, micro and macro F1.
    Aspects {
        #[arg(long)]
        data: std::path::PathBuf,
        #[arg(long, value_enum, default_value = "semantic")]
        mode: aspects::Mode,
        /// Choose the trigger weight and per-aspect thresholds on this file (a dev split).
        #[arg(long)]
        tune: bool,
    },
}

pub fn run(cmd: EvalCommand) -> Result<()> {
    match cmd {
        EvalCommand::Sentiment {
            texts,
            labels,
            umsab,
            split,
            model,
            engine,
        } => sentiment::run(sentiment::Args {
            texts,
            labels,
            umsab,
            split,
            model,
            engine,
        }),
        EvalCommand::Misinfo {
            csv,
            no_encoder,
            hospital,
            dump,
        } => misinfo::run(&csv, no_encoder, hospital, dump.as_deref()),
        EvalCommand::Claims {
            kb,
            negatives,
            constraint,
            no_encoder,
            write_calibration,
        } => claims::run(claims::Args {
            kb,
            negatives,
            constraint,
            no_encoder,
            write_calibration,
        }),
        EvalCommand::Phi {
            data,
            show_errors,
            encoder,
        } => phi::run(phi::Args {
            data,
            show_errors,
            encoder,
        }),
        EvalCommand::Dedupe {
            pairs,
            sweep,
            show_errors,
        } => dedupe::run(dedupe::Args {
            pairs: &pairs,
            sweep,
            show_errors,
        }),
        EvalCommand::Lang {
            tsv,
            sweep,
            show_errors,
        } => lang::run(&tsv, sweep, show_errors),
        EvalCommand::Aspects { data, mode, tune } => aspects::run(&data, mode, tune),
        EvalCommand::Tiers {
            texts,
            labels,
            margins,
            batch,
        } => tiers::run(
            tiers::Args {
                texts: &texts,
                labels: &labels,
                margins,
                batch,
            },
            tiers::load_transformer()?,
        ),
    }
}

/// A minimal mention carrying `text` (the `i`th of an evaluation set), for evaluations that
/// classify plain text.
fn text_mention(i: usize, text: &str) -> vigia_model::Mention {
    serde_json::from_value(serde_json::json!({
        "id": format!("eval:{i}"), "platform": "x", "author": {"id": "eval"}, "text": text,
        "created_at": "2020-09-01T00:00:00Z"
    }))
    .expect("a minimal mention deserialises")
}

mod aspects;
mod claims;
mod csv;
mod dedupe;
mod lang;
mod misinfo;
mod phi;
mod sentiment;
mod tiers;
