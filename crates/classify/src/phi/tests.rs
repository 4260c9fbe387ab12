use super::*;

fn run(text: &str) -> (PhiInfo, String) {
    PhiDetector::new().detect_and_redact(text, None)
}

fn types(text: &str) -> Vec<PhiType> {
    run(text).0.spans.iter().map(|s| s.kind).collect()
}

#[test]
fn redacts_email_and_phone() {
    let (info, red) = run("write to ana.p@example.com or call me on +34 612 345 678");
    assert_eq!(info.types, vec![PhiType::Phone, PhiType::Email]);
    assert_eq!(red, "write to [EMAIL] or call me on [PHONE]");
}

#[test]
fn names_need_context() {
    let (_, red) = run("My mother Maria Lopez was diagnosed with breast cancer");
    assert_eq!(
        red,
        "My mother [PERSON_NAME] was diagnosed with breast cancer"
    );
    let (_, red) = run("La pacient Núria Puig porta dos dies al passadís");
    assert_eq!(red, "La pacient [PERSON_NAME] porta dos dies al passadís");
    assert!(types("Anthony Fauci says the vaccine is safe").is_empty());
    assert!(types("Thanks to everyone at Sant Joan de Déu").is_empty());
}

#[test]
fn checksummed_ids_validate() {
    let (info, _) = run("DNI 12345678Z, NIE X1234567L, CF RSSMRA85T10A562S, NHS 943 476 5919");
    assert_eq!(info.spans.len(), 4);
    assert!(info.spans.iter().all(|s| s.validator.is_some()));
    // Same shapes, wrong check characters: product codes, not ids.
    assert!(types("lote 12345678A, codice RSSMRA85T10A562T").is_empty());
}

#[test]
fn organisational_numbers_are_not_phi() {
    assert!(types("call Sant Pau on 93 291 90 00 to book").is_empty());
    // A saint's name stays a place even next to a kinship cue.
    assert!(
        types("Després de tres setmanes a l'UCI de Sant Pau, el meu pare torna a casa").is_empty()
    );
    assert_eq!(types("call me on 93 291 90 00"), vec![PhiType::Phone]);
    assert_eq!(
        types("fax the referral to 93 291 90 01"),
        vec![PhiType::Fax]
    );
}

#[test]
fn dates_only_when_tied_to_a_person() {
    assert_eq!(types("she was born on 12 March 1985"), vec![PhiType::Date]);
    assert!(types("the open day is on 12 March 2025").is_empty());
}

#[test]
fn self_disclosure() {
    let d = |t: &str| run(t).0.condition_category;
    assert_eq!(
        d("I was diagnosed with leukaemia last year").as_deref(),
        Some("oncology")
    );
    assert_eq!(
        d("m'han diagnosticat una depressió").as_deref(),
        Some("mental_health")
    );
    assert_eq!(
        d("a mi madre la operaron de la cadera").as_deref(),
        Some("surgery")
    );
    assert_eq!(
        d("ho scoperto di avere il diabete").as_deref(),
        Some("chronic")
    );
    assert_eq!(d("my son has leukaemia").as_deref(), Some("oncology"));
    assert_eq!(d("Cancer screening saves lives"), None);
    assert_eq!(d("If you have asthma, carry your inhaler"), None);
    assert_eq!(d("Study finds 1 in 3 people will get cancer"), None);
}

#[test]
fn spans_never_overlap_and_offsets_are_chars() {
    let text =
        "Núria: mi DNI és 12345678Z i el mòbil 612 345 678, c/ Mallorca 401, 08025 Barcelona";
    let (info, red) = run(text);
    for w in info.spans.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    let chars: Vec<char> = text.chars().collect();
    let dni = info
        .spans
        .iter()
        .find(|s| s.kind == PhiType::NationalId)
        .unwrap();
    assert_eq!(
        chars[dni.start..dni.end].iter().collect::<String>(),
        "12345678Z"
    );
    assert!(!red.contains("12345678Z") && !red.contains("612 345 678") && !red.contains("08025"));
}
