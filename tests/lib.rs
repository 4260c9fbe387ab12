//! Helpers for the integration tests: broker address, random topics, produce/consume utilities.
