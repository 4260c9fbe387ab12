//! Shared helpers for vigia's benchmarks (the bench targets live next to this file).
