use super::*;
use vigia_model::{Author, Platform};

fn mention(text: &str) -> Mention {
    let mut m: Mention = serde_json::from_value(serde_json::json!({
        "id": "x:1", "platform": "x", "author": {"id": "a"}, "text": text,
        "created_at": "2024-05-01T10:00:00Z"
    }))
    .unwrap();
    m.platform = Platform::X;
    m
}

fn detector() -> &'static MisinfoDetector {
    static D: once_cell::sync::Lazy<MisinfoDetector> =
        once_cell::sync::Lazy::new(MisinfoDetector::new);
    &D
}

#[test]
fn spreading_a_myth_scores_high_and_names_the_claim() {
    let d = detector();
    let info = d.assess(
        &mention(
            "Vaccines cause autism. They don't want you to know! Share before they delete it!!!",
        ),
        None,
    );
    assert_eq!(info.claims[0].id, "vaccines-autism");
    assert_eq!(info.claims[0].stance, Stance::Supports);
    // Text features only (the fast tier): 0.77 with the session-6 lexical head, whose everyday
    // background reads exclamation marks as common talk; the transformer tier gives 0.99.
    assert!(info.score >= 0.7, "{info:#?}");
    assert!(
        info.explanation.contains("Vaccines cause autism"),
        "{}",
        info.explanation
    );
    let kinds: Vec<&str> = info.signals.iter().map(|s| s.kind.as_str()).collect();
    assert!(
        kinds.contains(&"claim_match") && kinds.contains(&"bias") && kinds.contains(&"detector")
    );
}

#[test]
fn debunking_a_myth_is_not_flagged() {
    let d = detector();
    for t in [
        "No, vaccines don't cause autism. Decades of studies show it.",
        "Es falso que las vacunas causen autismo.",
        "Bufala: i vaccini non provocano l'autismo.",
        // Its closest claim is debunked; a negative claim on the same subject that it does not
        // repeat ("hand sanitiser does not destroy the virus") must not outvote that.
        "Hot baths do not prevent coronavirus infection",
    ] {
        let info = d.assess(&mention(t), None);
        assert!(info.score < 0.5, "{t}: {info:#?}");
        if let Some(c) = info.claims.first() {
            assert_eq!(c.stance, Stance::Refutes, "{t}");
        }
    }
}

#[test]
fn ordinary_hospital_posts_score_low() {
    let d = detector();
    for t in [
        "Four hours waiting in A&E at Hospital del Mar, the staff were lovely though",
        "Gràcies a l'equip d'infermeria de l'hospital per tot!",
        "The new parking at St Mary's is a nightmare, no spaces after 9am",
    ] {
        let info = d.assess(&mention(t), None);
        assert!(info.claims.is_empty(), "{t}: {:?}", info.claims);
        assert!(info.score < 0.3, "{t}: {info:#?}");
    }
}

#[test]
fn credibility_signals_move_the_score() {
    let d = detector();
    let total = |i: &MisinformationInfo| i.signals.iter().map(|s| s.weight).sum::<f32>();
    let base = total(&d.assess(&mention("Apricot kernels cure cancer"), None));
    let mut m =
        mention("Apricot kernels cure cancer https://www.naturalnews.com/2015/03/02/apricot.html");
    m.author = Author {
        id: "a".into(),
        created_at: Some("2024-04-28T00:00:00Z".parse().unwrap()),
        followers: Some(2),
        ..Default::default()
    };
    let worse = d.assess(&m, None);
    assert!(total(&worse) > base, "{} vs {base}", total(&worse));
    for k in ["source", "date", "author"] {
        assert!(worse.signals.iter().any(|s| s.kind == k), "{k}");
    }
    let better = d.assess(
        &mention("Do apricot kernels cure cancer? https://www.cancer.gov/about-cancer/treatment/cam/hp/laetrile-pdq"),
        None,
    );
    assert!(total(&better) < total(&worse));
}

#[test]
fn details_never_quote_the_mention() {
    let d = detector();
    let t = "ZYXWV miracle: bicarbonate of soda wipes out tumours, doctors won't tell you!!!";
    let info = d.assess(&mention(t), None);
    assert!(!info.explanation.contains("ZYXWV"));
    assert!(info
        .signals
        .iter()
        .all(|s| !s.detail.contains("ZYXWV") && !s.detail.contains("wipes out")));
}

fn detector_signal(info: &MisinformationInfo) -> &Signal {
    info.signals
        .iter()
        .find(|s| s.kind == "detector")
        .expect("the head contributes")
}

#[test]
fn anchor_stems_split_elisions_and_skip_words_of_every_topic() {
    let s = stance::anchor_stems("L'ospedale ha detto che because vaccines cause autism");
    assert!(s.contains("osped") && s.contains("vacci") && s.contains("autis"));
    assert!(!s.contains("becau"), "{s:?}");
    assert!(!s.iter().any(|x| x.chars().count() != 5));
}

#[test]
fn the_head_is_damped_on_languages_it_was_not_trained_on() {
    let d = detector();
    let m = mention("Drinking bleach cures covid, doctors hide it from you!!!");
    let en = d.assess_in(&m, None, Some("en"));
    let es = d.assess_in(&m, None, Some("es"));
    // damped, and only upwards: its "reliable" on other languages reflects the language
    assert!((0.0..=1.0).contains(&detector_signal(&es).weight));
    assert!(detector_signal(&es).detail.contains("English posts only"));
    // off a health-claim topic, a post it cannot read keeps the prior whatever the gate
    let complaint = mention("Cuatro horas esperando en urgencias y nadie nos dijo nada");
    let c = d.assess_in(&complaint, None, Some("es"));
    assert_eq!(MisinfoConfig::default().head_gate, HeadGate::Always);
    assert!(c.score < 0.15, "{c:#?}");
    assert!(!detector_signal(&en).detail.contains("English posts only"));
    // unknown language: as English (what `assess` does)
    assert_eq!(d.assess(&m, None).score, en.score);
}

#[test]
fn head_gates_decide_when_the_head_counts_fully() {
    let cfg: MisinfoConfig = serde_json::from_value(serde_json::json!({"head_gate": "always"}))
        .expect("head_gate parses");
    assert_eq!(cfg.head_gate, HeadGate::Always);
    assert_eq!(MisinfoConfig::default().head_gate, HeadGate::Always);
    // A post about nothing health-related: the topic gate damps the head, `always` does not.
    let m = mention("Breaking: the mayor secretly sold the city's water to foreign investors");
    let with_gate = |g| {
        let cfg = MisinfoConfig {
            head_gate: g,
            ..MisinfoConfig::default()
        };
        MisinfoDetector::with_config(&cfg, None).unwrap()
    };
    let topic = with_gate(HeadGate::Topic);
    let always = detector();
    assert!(detector_signal(&topic.assess(&m, None))
        .detail
        .contains("damped"));
    assert!(!detector_signal(&always.assess(&m, None))
        .detail
        .contains("damped"));
    let corroborated = with_gate(HeadGate::Corroborated);
    // a health-topic post with no claim and no credibility signal: only `topic` opens
    let m = mention("Vaccination appointment letter came after the date");
    assert!(!detector_signal(&topic.assess(&m, None))
        .detail
        .contains("damped"));
    assert!(detector_signal(&corroborated.assess(&m, None))
        .detail
        .contains("damped"));
}

#[test]
fn two_head_profiles_ship_and_differ_on_patient_posts() {
    let cfg: MisinfoConfig =
        serde_json::from_value(serde_json::json!({"head": "news"})).expect("head parses");
    assert_eq!(cfg.head, HeadProfile::News);
    let news = head::DetectorHead::bundled_profile(HeadProfile::News).unwrap();
    let hospital = head::DetectorHead::bundled_profile(HeadProfile::Hospital).unwrap();
    assert_ne!(news.model_name(), hospital.model_name());
    // The news head (CONSTRAINT alone) reads an everyday patient post as fake; the hospital
    // head, trained with everyday posts as negatives, does not.
    let post = "Got my flu jab at the pharmacy today, took five minutes.";
    let n = news.score(post, &[], None);
    let h = hospital.score(post, &[], None);
    assert!(n.probability > 0.5, "news {}", n.probability);
    assert!(h.probability < n.probability, "hospital {}", h.probability);
}

/// A shortened link is named in the explanation (the WHO's "check the source" step) but moves
/// nothing: on CONSTRAINT train it goes with reliable posts more often than not.
#[test]
fn a_shortened_link_is_advice_not_evidence() {
    let d = detector();
    let info = d.assess(
        &mention("New guidance on booster doses https://t.co/AbC123xyz"),
        None,
    );
    let short = info
        .signals
        .iter()
        .find(|s| s.detail.contains("shortener"))
        .unwrap_or_else(|| panic!("{info:#?}"));
    assert_eq!(short.weight, 0.0);
}
