//! `vigia eval ...`: quality measurements over labelled data. One file per evaluation.

use anyhow::Result;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Language identification accuracy on a labelled TSV (lang<TAB>text).
    Lang {
        #[arg(long)]
        tsv: std::path::PathBuf,
    },
}

pub fn run(cmd: EvalCommand) -> Result<()> {
    match cmd {
        EvalCommand::Lang { tsv } => lang::run(&tsv),
    }
}

mod lang;
