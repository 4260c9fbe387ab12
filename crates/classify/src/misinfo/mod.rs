//! Misinformation. Foundation version: no detector yet; every mention scores 0 with an
//! explanation saying so. Claim matching, credibility signals and the supervised head replace it.

use vigia_model::{Mention, MisinformationInfo};

pub struct MisinfoDetector;

impl Default for MisinfoDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl MisinfoDetector {
    pub fn new() -> Self {
        Self
    }

    pub fn assess(&self, _m: &Mention) -> MisinformationInfo {
        MisinformationInfo {
            score: 0.0,
            claims: vec![],
            signals: vec![],
            explanation: "no misinformation detector configured".into(),
        }
    }
}
