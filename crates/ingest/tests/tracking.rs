//! Property tests of the tracking matcher: case, accents and separators never hide a term, and
//! word boundaries always hold.

use proptest::prelude::*;
use vigia_ingest::track::fold;
use vigia_ingest::{Tracker, TrackingConfig};
use vigia_model::MatchKind;

/// Terms are made of letters a–m, filler text of letters n–z: filler can never spell a term.
fn term() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[a-m]{2,7}", 1..4)
}

fn filler() -> impl Strategy<Value = String> {
    prop::collection::vec("[n-z]{1,8}", 0..6).prop_map(|w| w.join(" "))
}

fn tracker(words: &[String]) -> Tracker {
    let cfg: TrackingConfig = toml::from_str(&format!(
        "[[organisations]]\nid = \"org\"\nbrands = [{{ name = \"{}\" }}]\n",
        words.join(" ")
    ))
    .unwrap();
    Tracker::new(&cfg)
}

fn accent(c: char) -> String {
    match c {
        'a' => "à".into(),
        'e' => "é".into(),
        'i' => "ï".into(),
        'c' => "ç".into(),
        // decomposed: a base letter and a combining acute accent
        other => format!("{other}\u{301}"),
    }
}

/// Write `words` as a person might: mixed case, accents, various separators.
fn disguise(words: &[String], seed: u64) -> String {
    let seps = [" ", "-", "  ", " · ", "_", "'", ", "];
    let mut out = String::new();
    let mut s = seed;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(seps[(s % seps.len() as u64) as usize]);
            s /= 7;
        }
        for c in w.chars() {
            let pick = s % 4;
            s = (s / 4) ^ (s << 13);
            match pick {
                0 => out.extend(c.to_uppercase()),
                1 => out.push_str(&accent(c)),
                _ => out.push(c),
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn disguised_term_matches(words in term(), before in filler(), after in filler(), seed in any::<u64>()) {
        let t = tracker(&words);
        let text = format!("{before} {} {after}!", disguise(&words, seed));
        let hits = t.matches(&text, &[]);
        prop_assert_eq!(hits.len(), 1, "{:?} in {:?}", words, text);
        prop_assert_eq!(hits[0].kind, MatchKind::Brand);
    }

    /// As a hashtag, written joined in any case: `#SantPau`, `#santpau`, `#SANTPAU`.
    #[test]
    fn hashtag_matches(words in term(), before in filler(), upper in any::<bool>()) {
        let t = tracker(&words);
        let camel: String = words.iter().map(|w| {
            let mut c = w.chars();
            let first = c.next().unwrap();
            let rest: String = c.collect();
            if upper { format!("{}{}", first.to_uppercase(), rest) } else { w.clone() }
        }).collect();
        let text = format!("{before} #{camel}");
        prop_assert_eq!(t.matches(&text, std::slice::from_ref(&camel)).len(), 1, "{}", text);
    }

    /// Letters glued to either end make another word: no match.
    #[test]
    fn word_boundaries_hold(words in term(), before in filler(), prefix in "[n-z]{0,3}", suffix in "[n-z]{1,3}", glue_front in any::<bool>()) {
        let t = tracker(&words);
        let joined = words.join(" ");
        let glued = if glue_front {
            format!("{suffix}{joined}")
        } else {
            format!("{prefix}{joined}{suffix}")
        };
        let text = format!("{before} {glued} {before}");
        prop_assert!(t.matches(&text, &[]).is_empty(), "{}", text);
    }

    #[test]
    fn fold_is_idempotent(s in "\\PC{0,40}") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn matching_never_panics(text in "\\PC{0,200}", tags in prop::collection::vec("\\PC{0,20}", 0..4)) {
        let t = tracker(&["sant".to_string(), "pau".to_string()]);
        let _ = t.matches(&text, &tags);
    }
}

#[test]
fn exclusion_vetoes_only_its_organisation() {
    let cfg: TrackingConfig = toml::from_str(
        r#"
        [[organisations]]
        id = "santpau"
        brands = [{ name = "Sant Pau" }]
        exclude = ["Sant Pau del Camp"]
        [[organisations]]
        id = "clinic"
        brands = [{ name = "Hospital Clínic" }]
        "#,
    )
    .unwrap();
    let t = Tracker::new(&cfg);
    let hits = t.matches(
        "Concert a Sant Pau del Camp i després a l'Hospital Clinic",
        &[],
    );
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].organisation, "clinic");
}

#[test]
fn empty_terms_are_ignored() {
    let cfg: TrackingConfig = toml::from_str(
        "[[organisations]]\nid = \"o\"\nbrands = [{ name = \"!!!\" }]\nkeywords = [\"urgències\"]\n",
    )
    .unwrap();
    let t = Tracker::new(&cfg);
    assert!(t.matches("res a veure", &[]).is_empty());
    assert_eq!(t.matches("Urgencies col·lapsades", &[]).len(), 1);
}
