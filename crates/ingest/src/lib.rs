//! Ingest stage: turns the bytes of one `mentions.raw` record into a validated [`Mention`].
//!
//! Owns platform detection and decoding ([`decode`]), text normalisation ([`normalise`]), matching
//! of every organisation's tracked terms ([`track`]) and the sources that feed the pipeline
//! ([`source`]: Kafka consumer configuration, JSONL/text files and stdin). It does not dedupe,
//! classify or produce anything: a record either becomes a `Mention` or a [`DecodeError`] whose
//! [`DlqReason`] sends it to the dead-letter topic.

#[cfg(feature = "bench-support")]
#[doc(hidden)]
pub mod bench_support;
pub mod decode;
pub mod normalise;
pub mod source;
pub mod track;

pub use decode::{DecodeConfig, DecodeError, Decoder};
pub use track::{OrganisationConfig, Tracker, TrackingConfig};
pub use vigia_model::{DlqReason, Mention};
