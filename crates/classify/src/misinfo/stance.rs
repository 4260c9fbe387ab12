//! Stance of a mention toward a matched claim: does it spread the claim, debunk it, or ask?
//!
//! Cue lexicons in en, es, ca, it and pt, matched on accent-folded lower-case words:
//! debunk cues ("bulo", "bufala", "és fals", "not true", "myth"...), fact-check links, and a
//! polarity test (the clause closest to the claim is negated while the claim is not, or the
//! reverse: "vaccines don't cause autism" against "vaccines cause autism"; a negative claim is
//! refuted only by a post asserting the verb it denies). A cue that occurs in the claim's own
//! wording does not count, and "false positive(s)" is a test result, not a cue.

use super::domains::{DomainLists, LinkClass};
use once_cell::sync::Lazy;
use std::collections::HashSet;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use vigia_model::Stance;

/// Phrases that say a claim is false (folded: lower case, no accents).
const DEBUNK: &[&str] = &[
    // en
    "myth",
    "myths",
    "hoax",
    "hoaxes",
    "debunk",
    "debunked",
    "debunking",
    "debunks",
    "false",
    "falsely",
    "fake news",
    "not true",
    "untrue",
    "isn't true",
    "is not true",
    "misinformation",
    "disinformation",
    "conspiracy theory",
    "conspiracy theories",
    "no evidence",
    "no scientific evidence",
    "fact check",
    "fact-check",
    "factcheck",
    "fact checked",
    "bogus",
    "baseless",
    "pseudoscience",
    "quackery",
    "snake oil",
    "misleading",
    "busted",
    "not a cure",
    "there is no cure",
    "don't believe",
    "do not believe",
    "stop spreading",
    "don't fall for",
    "do not fall for",
    "has been debunked",
    "been debunked",
    "no link",
    "no proof",
    // es
    "bulo",
    "bulos",
    "falso",
    "es falso",
    "mentira",
    "mentiras",
    "no es cierto",
    "no es verdad",
    "desmentido",
    "desmiente",
    "desmentimos",
    "desinformacion",
    "mito",
    "mitos",
    "no hay evidencia",
    "no hay pruebas",
    "sin evidencia",
    "sin pruebas",
    "pseudociencia",
    "pseudoterapia",
    "engano",
    "teoria conspirativa",
    "teoria de la conspiracion",
    "no funciona",
    "no te lo creas",
    "no lo compartas",
    "no existe relacion",
    "no hay relacion",
    // ca
    "fals",
    "es fals",
    "mentida",
    "mentides",
    "no es cert",
    "no es veritat",
    "desmentit",
    "desinformacio",
    "mite",
    "mites",
    "no hi ha proves",
    "no hi ha evidencia",
    "pseudociencia",
    "pseudoterapia",
    "no t'ho creguis",
    "no hi ha relacio",
    // it
    "bufala",
    "bufale",
    "e falso",
    "non e vero",
    "disinformazione",
    "miti",
    "nessuna prova",
    "non ci sono prove",
    "smentita",
    "smentito",
    "smentisce",
    "pseudoscienza",
    "complottismo",
    "complottisti",
    "leggenda metropolitana",
    "non funziona",
    "nessun legame",
    "nessuna correlazione",
    // pt
    "boato",
    "boatos",
    "e falso",
    "nao e verdade",
    "desinformacao",
    "nao ha provas",
    "nao ha evidencia",
    "sem evidencia",
    "sem provas",
    "pseudociencia",
    "enganoso",
    "enganosa",
    "teoria da conspiracao",
    "nao funciona",
    "checagem",
    "fato ou fake",
    "nao existe relacao",
];

/// Negation words (folded). `n't` is expanded to ` not` before matching.
const NEGATION: &[&str] = &[
    "not", "no", "never", "nothing", "none", "neither", "nor", "cannot", "nobody", // en
    "nunca", "jamas", "ni", "tampoco", "ningun", "ninguna", "ninguno", "nada", // es
    "mai", "tampoc", // ca ("cap" and "res" have other common senses)
    "non", "nessun", "nessuno", "nessuna", "niente", "nemmeno", "neanche", // it
    "nao", "jamais", "nem", "nenhum", "nenhuma", // pt
];

/// Auxiliaries and clitics between a negation and the verb it negates ("does not destroy",
/// "no se pueden contagiar", "non si può"): skipped when looking for that verb.
const AUXILIARY: &[&str] = &[
    "can", "could", "does", "did", "do", "will", "would", "should", "must", "may", "might", "is",
    "are", "was", "were", "be", "been", "have", "has", "had", "get", "gets", "really", "even",
    "actually", "puede", "pueden", "pot", "poden", "puo", "possono", "pode", "podem", "se", "si",
    "es", "son", "lo", "la", "le", "les", "li", "ha", "han", "hanno", "e", "sao", "esta", "estan",
    "va", "van", "fa", "hace", "hacen", "te", "ti", "me", "mi", "ens", "nos", "ci", "vi",
];

/// Phrases that ask whether something is true.
const QUESTION: &[&str] = &[
    "is it true",
    "is this true",
    "does anyone know",
    "anyone know if",
    "can someone confirm",
    "es verdad que",
    "es cierto que",
    "alguien sabe",
    "es veritat que",
    "es cert que",
    "algu sap",
    "e vero che",
    "qualcuno sa",
    "e verdade que",
    "alguem sabe",
];

/// Accent-folded lower-case text with `n't` expanded.
pub fn fold(text: &str) -> String {
    let s: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase();
    s.replace("n't", " not").replace(['’', '`'], "'")
}

/// Words of a folded text (letters, digits and apostrophes inside words).
pub(crate) fn words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.trim_matches(['\'', '-']))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Does `phrase` (folded, space-separated words) occur as whole words in `ws`?
pub(crate) fn has_phrase(ws: &[&str], phrase: &str) -> bool {
    let p: Vec<&str> = words(phrase);
    if p.is_empty() {
        return false;
    }
    ws.windows(p.len()).any(|w| w == p.as_slice())
}

static NEG: Lazy<HashSet<&'static str>> = Lazy::new(|| NEGATION.iter().copied().collect());

/// What the stance analysis knows about one claim.
#[derive(Debug, Clone)]
pub struct ClaimCues {
    /// The statement is itself negative ("hand sanitiser does not destroy the virus").
    pub negated: bool,
    /// Folded words of all of the claim's texts (for clause selection).
    pub vocabulary: HashSet<String>,
    /// Debunk cues that occur in the claim's own wording and so prove nothing.
    pub excluded: HashSet<&'static str>,
    /// Of a negative claim: the four-letter stems of the verbs its texts negate ("cannot detect"
    /// gives "dete"). A post refutes a negative claim by asserting one of them; a post on the
    /// claim's subject that simply lacks a negation may as well be spreading it in other words
    /// ("PCR tests give false positives").
    pub negated_stems: HashSet<String>,
}

/// Hashtags written in camel case split into their words ("#StopBulos" reads "Stop Bulos"), so
/// that a cue inside one counts.
fn split_hashtags(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut in_tag = false;
    let mut prev_lower = false;
    for c in text.chars() {
        if c == '#' {
            in_tag = true;
            prev_lower = false;
            out.push(' ');
            continue;
        }
        if in_tag && !(c.is_alphanumeric() || c == '_') {
            in_tag = false;
        }
        if in_tag && c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    out
}

/// Words to look for debunk cues in: without the test-result terms "false positive(s)" and
/// "false negative(s)" (and their es/ca/it/pt forms), where "false" says nothing about a claim.
fn cue_words<'a>(ws: &[&'a str]) -> Vec<&'a str> {
    let falsy = |w: &str| {
        matches!(
            w,
            "false" | "falso" | "falsa" | "falsos" | "falsas" | "fals" | "falsi" | "false's"
        )
    };
    let result = |w: &str| w.starts_with("positi") || w.starts_with("negati");
    let mut out = Vec::with_capacity(ws.len());
    let mut i = 0;
    while i < ws.len() {
        if falsy(ws[i]) && ws.get(i + 1).is_some_and(|w| result(w)) {
            i += 2;
            continue;
        }
        out.push(ws[i]);
        i += 1;
    }
    out
}

/// The four-letter stem a negated verb is compared by ("detect", "detects", "detectan" give
/// "dete").
fn verb_stem(w: &str) -> String {
    w.chars().take(4).collect()
}

/// Stems of the verbs that negations in a folded text's words negate: the first word after a
/// negation that is not an auxiliary, and a second one joined to it by "or" ("cannot catch or
/// spread").
fn negated_verb_stems(ws: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        if !NEG.contains(w) {
            continue;
        }
        let mut rest = ws[i + 1..]
            .iter()
            .skip_while(|w| AUXILIARY.contains(w) || NEG.contains(*w));
        if let Some(v) = rest.next().filter(|v| v.chars().count() >= 3) {
            out.push(verb_stem(v));
            if let (Some(&or), Some(v2)) = (rest.next(), rest.next()) {
                if ["or", "o", "ou", "ni", "nor", "ne"].contains(&or) && v2.chars().count() >= 3 {
                    out.push(verb_stem(v2));
                }
            }
        }
    }
    out
}

/// Long words common to any topic, which anchor nothing.
const STEM_STOP: &[&str] = &[
    "about", "after", "again", "aquel", "aques", "becau", "befor", "being", "cuand", "could",
    "despu", "desde", "doesn", "donde", "entre", "every", "falso", "false", "hasta", "molto",
    "mucho", "muito", "nomes", "other", "peopl", "perch", "perqu", "perso", "porqu", "pesso",
    "quand", "quest", "sobre", "tambe", "tambi", "their", "there", "these", "thing", "those",
    "todos", "tutti", "which", "while", "would", "gente", "siemp", "sempr", "ningu", "nobod",
    "altre", "otros", "outro",
];

/// Five-letter stems of a text's words of five letters or more ("l'ospedale" gives "osped"),
/// without the few long words every topic uses. A claim match found by embedding similarity
/// alone must share one of these with the claim's texts: short posts in any language sit close
/// to many claims in the encoder's space, but a post that repeats a claim names its subject.
pub fn anchor_stems(text: &str) -> HashSet<String> {
    let f = fold(text);
    words(&f)
        .iter()
        .flat_map(|w| w.split(['\'', '-']))
        .filter(|w| w.chars().count() >= 5)
        .map(|w| w.chars().take(5).collect::<String>())
        .filter(|s| !STEM_STOP.contains(&s.as_str()))
        .collect()
}

impl ClaimCues {
    pub fn new<'a>(statement: &'a str, texts: impl Iterator<Item = &'a str>) -> Self {
        let st = fold(statement);
        let negated = words(&st).iter().any(|w| NEG.contains(w));
        let mut vocabulary = HashSet::new();
        let mut excluded = HashSet::new();
        let mut negated_stems = HashSet::new();
        for t in std::iter::once(statement).chain(texts) {
            let f = fold(t);
            let ws = words(&f);
            if negated {
                negated_stems.extend(negated_verb_stems(&ws));
            }
            let cw = cue_words(&ws);
            for d in DEBUNK {
                if has_phrase(&cw, d) {
                    excluded.insert(*d);
                }
            }
            vocabulary.extend(
                ws.iter()
                    .filter(|w| w.chars().count() >= 4)
                    .map(|w| w.to_string()),
            );
        }
        Self {
            negated,
            vocabulary,
            excluded,
            negated_stems,
        }
    }
}

/// Why a stance was chosen, for explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StanceReason {
    FactCheckLink,
    DebunkCue,
    Negation,
    Question,
    Repeats,
}

/// Stance of `text` (with `urls`) toward the claim described by `cues`.
pub fn stance(text: &str, urls: &[String], cues: &ClaimCues) -> (Stance, StanceReason) {
    let lists = DomainLists::bundled();
    if urls
        .iter()
        .any(|u| lists.classify(u) == LinkClass::FactChecker)
    {
        return (Stance::Refutes, StanceReason::FactCheckLink);
    }
    let folded = fold(&split_hashtags(text));
    let ws = words(&folded);
    let cw = cue_words(&ws);
    if DEBUNK
        .iter()
        .any(|d| !cues.excluded.contains(d) && has_phrase(&cw, d))
        || starts_with_interjection(&folded)
    {
        return (Stance::Refutes, StanceReason::DebunkCue);
    }
    // The clause(s) sharing most words with the claim decide polarity.
    let clauses: Vec<Vec<&str>> = folded
        .split(['.', '!', '?', ';', ':', ',', '\n', '(', ')'])
        .map(words)
        .filter(|c| !c.is_empty())
        .collect();
    let overlap = |c: &Vec<&str>| c.iter().filter(|w| cues.vocabulary.contains(**w)).count();
    let best = clauses.iter().map(overlap).max().unwrap_or(0);
    if best > 0 {
        // A negative claim may be restated across clauses ("give false positives, they cannot
        // detect anything"): any related clause's negation then keeps the polarity.
        let min_overlap = if cues.negated { 1 } else { best };
        let negated = clauses
            .iter()
            .filter(|c| overlap(c) >= min_overlap)
            .any(|c| c.iter().any(|w| NEG.contains(w)));
        if negated && !cues.negated {
            return (Stance::Refutes, StanceReason::Negation);
        }
        if negated && cues.negated {
            // Repeating a negative claim means denying what it denies ("hand sanitiser does
            // not destroy the virus"); denying something else on the same subject ("hot baths
            // do not prevent infection") repeats nothing we can tell.
            let denies_the_same = clauses
                .iter()
                .filter(|c| overlap(c) >= 1)
                .flat_map(|c| negated_verb_stems(c))
                .any(|s| cues.negated_stems.contains(&s));
            if !denies_the_same {
                return (Stance::Neutral, StanceReason::Negation);
            }
        }
        if cues.negated && !negated {
            // Refuting a negative claim means asserting what it denies; without that verb the
            // post may be restating the claim in other words, so it takes no side we can tell.
            let asserts = clauses
                .iter()
                .filter(|c| overlap(c) >= 1)
                .flatten()
                .any(|w| cues.negated_stems.contains(&verb_stem(w)));
            return if asserts {
                (Stance::Refutes, StanceReason::Negation)
            } else {
                (Stance::Neutral, StanceReason::Negation)
            };
        }
    }
    if text.contains('?') || QUESTION.iter().any(|q| has_phrase(&ws, q)) {
        return (Stance::Neutral, StanceReason::Question);
    }
    (Stance::Supports, StanceReason::Repeats)
}

/// "No, ...", "Nope", "Não, ..." opening a sentence: the author contradicts what follows.
fn starts_with_interjection(folded: &str) -> bool {
    folded
        .split(['.', '!', '?', '\n'])
        .map(str::trim_start)
        .any(|s| {
            [
                "no,", "no!", "nope", "nao,", "no no", "non,", "falso:", "fals:", "bufala:",
                "bulo:", "boato:",
            ]
            .iter()
            .any(|p| s.starts_with(p))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(statement: &str, more: &[&str]) -> ClaimCues {
        ClaimCues::new(statement, more.iter().copied())
    }

    #[test]
    fn debunks_in_five_languages() {
        let c = cues(
            "Vaccines cause autism.",
            &[
                "Las vacunas causan autismo.",
                "Les vacunes causen autisme.",
                "I vaccini provocano l'autismo.",
                "As vacinas causam autismo.",
            ],
        );
        for t in [
            "No, vaccines don't cause autism.",
            "Vaccines do not cause autism, stop it",
            "Es falso que las vacunas causen autismo",
            "BULO: las vacunas no causan autismo",
            "És fals que les vacunes causin autisme",
            "Bufala: i vaccini non provocano l'autismo",
            "É falso que as vacinas causam autismo",
            "The vaccines-autism myth again...",
        ] {
            assert_eq!(stance(t, &[], &c).0, Stance::Refutes, "{t}");
        }
        for t in [
            "Vaccines cause autism and they know it",
            "Les vacunes causen autisme, obriu els ulls",
            "They don't want you to know: vaccines cause autism",
        ] {
            assert_eq!(stance(t, &[], &c).0, Stance::Supports, "{t}");
        }
        assert_eq!(
            stance("Do vaccines cause autism?", &[], &c).0,
            Stance::Neutral
        );
        let fc = vec!["https://maldita.es/malditobulo/x".to_string()];
        assert_eq!(stance("vaccines and autism", &fc, &c).0, Stance::Refutes);
    }

    #[test]
    fn negative_claims_flip_polarity() {
        let c = cues(
            "Shaking hands cannot spread the coronavirus.",
            &["You cannot catch covid from a handshake"],
        );
        assert!(c.negated);
        assert_eq!(
            stance("you can't catch covid from shaking hands", &[], &c).0,
            Stance::Supports
        );
        assert_eq!(
            stance("shaking hands can spread the coronavirus", &[], &c).0,
            Stance::Refutes
        );
        assert!(c.negated_stems.contains("spre") && c.negated_stems.contains("catc"));
    }

    /// "False positive" is a test result, not a debunk: it neither counts as a cue in a post nor
    /// excuses "false" from counting in posts about a claim that mentions false positives.
    #[test]
    fn false_positives_are_no_debunk_cue() {
        let c = cues(
            "PCR tests cannot detect the coronavirus and give false positives on purpose.",
            &["Los test PCR dan falsos positivos a propósito"],
        );
        assert!(c.excluded.is_empty(), "{:?}", c.excluded);
        assert_eq!(
            stance(
                "It is false that PCR tests cannot detect the virus",
                &[],
                &c
            )
            .0,
            Stance::Refutes
        );
        let plain = cues("Vaccines cause autism.", &[]);
        assert_eq!(
            stance(
                "my vaccine gave me a false positive and autism",
                &[],
                &plain
            )
            .0,
            Stance::Supports
        );
    }

    #[test]
    fn camel_case_hashtags_carry_cues() {
        assert_eq!(
            split_hashtags("ok #StopBulos, #covid19 #NoEsVerdad"),
            "ok  Stop Bulos,  covid19  No Es Verdad"
        );
        let c = cues("Flu vaccines contain graphene.", &[]);
        assert_eq!(
            stance("Flu vaccines contain graphene #StopBulos", &[], &c).0,
            Stance::Refutes
        );
        assert_eq!(
            stance("Flu vaccines contain graphene #stopbulos", &[], &c).0,
            Stance::Supports
        );
    }

    /// A post on a negative claim's subject without its denied verb is not read as a debunk:
    /// it may be restating the claim in other words.
    #[test]
    fn negative_claims_need_the_denied_verb_to_be_refuted() {
        let c = cues(
            "PCR tests cannot detect the coronavirus and give false positives on purpose.",
            &[
                "Los test PCR no detectan el coronavirus",
                "I test PCR non possono rilevare il virus",
            ],
        );
        assert!(["dete", "rile"]
            .iter()
            .all(|s| c.negated_stems.contains(*s)));
        assert_eq!(
            stance("Flu jabs make the PCR test come back positive", &[], &c).0,
            Stance::Neutral
        );
        assert_eq!(
            stance("PCR tests detect the coronavirus very well", &[], &c).0,
            Stance::Refutes
        );
        assert_eq!(
            stance("I test PCR rilevano benissimo il virus", &[], &c).0,
            Stance::Refutes
        );
        let c = cues(
            "Children cannot catch or spread COVID-19.",
            &["Los niños no se contagian ni contagian la COVID"],
        );
        assert!(["catc", "spre", "cont"]
            .iter()
            .all(|s| c.negated_stems.contains(*s)));
    }

    /// Symmetric to the rule above: a negated post supports a negative claim only by denying
    /// the verb the claim denies.
    #[test]
    fn negative_claims_are_repeated_only_by_denying_the_same_verb() {
        let c = cues(
            "Commercial hand sanitiser does not destroy the coronavirus.",
            &["El gel hidroalcohólico no destruye el coronavirus"],
        );
        assert_eq!(
            stance("Shop hand sanitiser does not destroy the virus", &[], &c).0,
            Stance::Supports
        );
        assert_eq!(
            stance("El gel de farmacia no destruye el virus", &[], &c).0,
            Stance::Supports
        );
        assert_eq!(
            stance("Hot baths do not prevent coronavirus infection", &[], &c).0,
            Stance::Neutral
        );
    }

    #[test]
    fn cues_in_the_claim_itself_do_not_count() {
        let c = cues(
            "PCR tests cannot detect the coronavirus and give false positives on purpose.",
            &[],
        );
        assert_eq!(
            stance(
                "PCR tests give false positives on purpose, they cannot detect anything",
                &[],
                &c
            )
            .0,
            Stance::Supports
        );
    }
}
