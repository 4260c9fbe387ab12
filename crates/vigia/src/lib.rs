//! The vigia binary's library half: configuration, the stage wiring ([`pipeline`]), batch mode
//! ([`batch`]: `vigia enrich` and `vigia demo`) and the Kafka runtime ([`runtime`]: `vigia run`).
//! Everything stage-specific lives in the stage crates; this crate only connects them.

pub mod batch;
pub mod config;
pub mod dedupe_handover;
pub mod pipeline;
pub mod replay;
pub mod runtime;
pub mod validate;

pub use config::Config;
pub use pipeline::{Disposition, Pipeline, Processed};
