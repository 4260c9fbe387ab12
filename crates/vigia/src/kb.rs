//! `vigia kb validate [--path F]`: check a knowledge base of debunked health claims.

use anyhow::{bail, Result};
use clap::Subcommand;
use std::path::PathBuf;
use vigia_classify::misinfo::kb::KnowledgeBase;

#[derive(Subcommand)]
pub enum KbCommand {
    /// Validate a knowledge-base file (default: the bundled one): schema version, unique ids,
    /// paraphrases in every required language, http(s) sources, allowed categories, version.
    Validate {
        /// File to check instead of the bundled knowledge base.
        #[arg(long)]
        path: Option<PathBuf>,
    },
}

pub fn run(cmd: KbCommand) -> Result<()> {
    match cmd {
        KbCommand::Validate { path } => validate(path),
    }
}

fn validate(path: Option<PathBuf>) -> Result<()> {
    let name = path.as_ref().map_or_else(
        || "bundled knowledge base".to_string(),
        |p| p.display().to_string(),
    );
    let kb = match &path {
        Some(p) => KnowledgeBase::load(p),
        None => KnowledgeBase::bundled(),
    };
    match kb {
        Ok(kb) => {
            println!(
                "{name}: valid (version {}, {} claims, {} texts in {})",
                kb.version,
                kb.claims.len(),
                kb.text_count(),
                kb.languages.join(", ")
            );
            for (cat, n) in kb.category_counts() {
                println!("  {cat:<24} {n}");
            }
            Ok(())
        }
        Err(e) => {
            for p in &e.0 {
                eprintln!("{name}: {p}");
            }
            bail!("{name}: {} problem(s)", e.0.len())
        }
    }
}
