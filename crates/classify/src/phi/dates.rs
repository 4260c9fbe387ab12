//! Dates tied to a person: birth, admission, discharge, surgery, death, appointment. Safe Harbor
//! treats every such date (except the year alone) as an identifier; dates of public events are not.

use super::rules::{clause_before, has_cue};
use super::Cand;
use once_cell::sync::Lazy;
use regex::Regex;
use vigia_model::PhiType;

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|novembre|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gener|febrer|març|maig|juny|juliol|agost|setembre|desembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre";

static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{1,2}}(?:st|nd|rd|th|º|°)?\s+(?:of\s+|de\s+|d')?(?:{m})(?:,?\s+(?:de\s+|del\s+)?\d{{4}})?|(?:{m})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)\b",
        m = MONTHS
    ))
    .expect("date regex")
});

/// Words that tie a date to a person (any of en, es, ca, it).
#[rustfmt::skip]
const PERSON_DATE_CUES: &[&str] = &[
    "born", "birth", "dob", "d.o.b", "admitted", "admission", "discharged", "discharge",
    "operated", "surgery", "operation", "diagnosed", "died", "passed away", "death", "seen on",
    "my appointment", "his appointment", "her appointment", "nació", "naci", "nacimiento",
    "nacido", "nacida", "ingres", "alta", "operaron", "operad", "operó", "intervenid", "falleci",
    "murió", "diagnostic", "va néixer", "vaig néixer", "naixement", "nascut", "nascuda", "operar",
    "operat", "mort", "defunció", "nato", "nata", "nascita", "ricover", "dimess", "dimissione",
    "intervento", "decedut", "deceduto", "morto", "morta", "visita del", "mi cita",
    "la meva visita", "il mio appuntamento",
];

pub(crate) fn dates(text: &str, out: &mut Vec<Cand>) {
    for m in DATE.find_iter(text) {
        let s = m.as_str();
        // "may 5" in English is often the verb; require a digit-only or clearly dated form.
        if s.to_lowercase().starts_with("may ") && !s.contains(',') {
            continue;
        }
        let ctx = clause_before(text, m.start(), 70);
        if has_cue(&ctx, PERSON_DATE_CUES) {
            out.push(Cand::new(m.start(), m.end(), PhiType::Date, 70, None));
        }
    }
}
