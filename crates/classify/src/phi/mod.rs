//! PHI detection and redaction. Foundation version: e-mail addresses and phone numbers only.

use once_cell::sync::Lazy;
use regex::Regex;
use vigia_model::{PhiInfo, PhiSpan, PhiType};

pub const MODEL_NAME: &str = "phi-rules@1";

static EMAIL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").unwrap());
static PHONE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:\+\d{1,3}[\s.-]?)?(?:\d[\s.-]?){8,12}\d").unwrap());

pub struct PhiDetector;

impl Default for PhiDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl PhiDetector {
    pub fn new() -> Self {
        Self
    }

    /// Find PHI spans and return them with the redacted text.
    pub fn detect_and_redact(&self, text: &str, _lang: Option<&str>) -> (PhiInfo, String) {
        let mut spans: Vec<(usize, usize, PhiType)> = Vec::new();
        for m in EMAIL.find_iter(text) {
            spans.push((m.start(), m.end(), PhiType::Email));
        }
        for m in PHONE.find_iter(text) {
            if !spans.iter().any(|(s, e, _)| m.start() < *e && *s < m.end()) {
                spans.push((m.start(), m.end(), PhiType::Phone));
            }
        }
        spans.sort_by_key(|s| s.0);
        redact(text, &spans)
    }
}

/// Replace byte spans (sorted, non-overlapping) with placeholders; report char offsets.
pub fn redact(text: &str, spans: &[(usize, usize, PhiType)]) -> (PhiInfo, String) {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut info = PhiInfo::default();
    for (s, e, t) in spans {
        out.push_str(&text[last..*s]);
        out.push_str(&t.placeholder());
        last = *e;
        info.spans.push(PhiSpan {
            kind: *t,
            start: text[..*s].chars().count(),
            end: text[..*e].chars().count(),
            validator: None,
        });
        if !info.types.contains(t) {
            info.types.push(*t);
        }
    }
    out.push_str(&text[last..]);
    info.types.sort();
    (info, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_email_and_phone() {
        let (info, red) = PhiDetector::new()
            .detect_and_redact("write to ana.p@example.com or call +34 612 345 678", None);
        assert_eq!(info.types, vec![PhiType::Phone, PhiType::Email]);
        assert_eq!(red, "write to [EMAIL] or call [PHONE]");
    }
}
