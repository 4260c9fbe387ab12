//! Throughput of the classification tiers on the Catalan healthcare set: the fast tier (language,
//! lexicon sentiment, trigger aspects) per batch of 64 mentions, and, when the model cache is
//! present, the transformer tier (encoder + sentiment head) on the same batch. `phi` measures
//! PHI detection and redaction, which every tier runs, on the labelled PHI posts (free-form sets
//! in five languages, most of them carrying identifiers or disclosures).
//! `cargo bench -p vigia-benches --bench classify_tiers`; `vigia eval tiers` gives the same
//! figures end to end with F1 beside them.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use vigia_classify::aspects::{AspectTagger, AspectsConfig};
use vigia_classify::lang::LanguageDetector;
use vigia_classify::phi::PhiDetector;
use vigia_classify::sentiment::LexiconSentiment;

fn texts() -> Vec<String> {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/catalan/healthcare_text.txt"
    );
    std::fs::read_to_string(p)
        .expect("Catalan set")
        .lines()
        .take(64)
        .map(str::to_string)
        .collect()
}

/// Texts of the labelled PHI sets named here (not every file in the folder: the newest set is
/// kept blind until it is measured).
fn phi_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/phi/");
    ["dev.jsonl", "stress10.jsonl", "stress11.jsonl"]
        .iter()
        .flat_map(|f| {
            let body = std::fs::read_to_string(format!("{dir}{f}")).expect("PHI set");
            body.lines()
                .map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).expect("PHI line");
                    v["text"].as_str().expect("text").to_string()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn bench_phi(c: &mut Criterion) {
    let texts = phi_texts();
    let det = PhiDetector::new();
    let mut g = c.benchmark_group("phi");
    g.throughput(Throughput::Elements(texts.len() as u64));
    g.bench_function("detect_and_redact", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(det.detect_and_redact(t, None));
            }
        })
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let det = LanguageDetector::new();
    let lex = LexiconSentiment::new();
    let tagger = AspectTagger::new(&AspectsConfig::default()).unwrap();
    let mut g = c.benchmark_group("classify_tiers");
    g.throughput(Throughput::Elements(refs.len() as u64));
    g.bench_function("fast", |b| {
        b.iter(|| {
            for t in &refs {
                let l = det.detect(t, None);
                let s = lex.classify(t, l.code.as_deref());
                std::hint::black_box(tagger.tag(t, Some(s.label)));
            }
        })
    });
    match vigia_classify::sentiment::head::EncoderSentiment::load(&Default::default()) {
        Ok(m) => {
            g.sample_size(10);
            g.bench_function("transformer", |b| {
                b.iter(|| std::hint::black_box(m.probs_batch(&refs).unwrap()))
            });
        }
        Err(e) => eprintln!("transformer tier skipped: {e}"),
    }
    g.finish();
}

criterion_group!(benches, bench, bench_phi);
criterion_main!(benches);
