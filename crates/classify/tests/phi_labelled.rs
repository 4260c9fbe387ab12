//! The PHI detector against the labelled sets in `tests/data/phi` (same matching rule as
//! `vigia eval phi`: same type, character Jaccard >= 0.5, one prediction per gold span). Guards the
//! goals (recall >= 0.95, precision >= 0.90) against regressions; the figures themselves come
//! from `vigia eval phi`.

use serde_json::Value;
use std::path::PathBuf;
use vigia_classify::phi::PhiDetector;

struct Score {
    gold: usize,
    pred: usize,
    tp: usize,
    sd: [usize; 3], // tp, fp, fn
}

fn score(file: &str) -> Score {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/phi")
        .join(file);
    let data = std::fs::read_to_string(&path).expect("labelled PHI set");
    let det = PhiDetector::new();
    let mut s = Score {
        gold: 0,
        pred: 0,
        tp: 0,
        sd: [0; 3],
    };
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("json row");
        let (info, _) = det.detect_and_redact(row["text"].as_str().unwrap(), None);
        let mut used = vec![false; info.spans.len()];
        for g in row["spans"].as_array().unwrap() {
            s.gold += 1;
            let (gs, ge) = (
                g["start"].as_u64().unwrap() as usize,
                g["end"].as_u64().unwrap() as usize,
            );
            let hit = info.spans.iter().enumerate().position(|(j, p)| {
                let inter = p.end.min(ge).saturating_sub(p.start.max(gs));
                let union = p.end.max(ge) - p.start.min(gs);
                !used[j] && p.kind.as_str() == g["type"].as_str().unwrap() && inter * 2 >= union
            });
            if let Some(j) = hit {
                used[j] = true;
                s.tp += 1;
            }
        }
        s.pred += info.spans.len();
        match (
            row["self_disclosure"].as_bool().unwrap(),
            info.self_disclosure,
        ) {
            (true, true) => s.sd[0] += 1,
            (false, true) => s.sd[1] += 1,
            (true, false) => s.sd[2] += 1,
            _ => {}
        }
    }
    s
}

fn check(file: &str, min_recall: f64, min_precision: f64) {
    let s = check_spans(file, min_recall, min_precision);
    let [tp, fp, fn_] = s.sd;
    let (sp, sr) = (tp as f64 / (tp + fp) as f64, tp as f64 / (tp + fn_) as f64);
    assert!(
        sr >= min_recall && sp >= min_precision,
        "{file}: self-disclosure P {sp:.3} R {sr:.3}"
    );
}

/// Spans only: for a set whose self-disclosure the rules alone are not held to (see its test).
fn check_spans(file: &str, min_recall: f64, min_precision: f64) -> Score {
    let s = score(file);
    let (p, r) = (s.tp as f64 / s.pred as f64, s.tp as f64 / s.gold as f64);
    assert!(r >= min_recall, "{file}: span recall {r:.3} < {min_recall}");
    assert!(
        p >= min_precision,
        "{file}: span precision {p:.3} < {min_precision}"
    );
    s
}

#[test]
fn dev_set_meets_the_goal() {
    check("dev.jsonl", 0.95, 0.90);
}

#[test]
fn held_out_set_meets_the_goal() {
    check("heldout.jsonl", 0.95, 0.90);
}

#[test]
fn free_form_stress_set_stays_close() {
    check("stress.jsonl", 0.90, 0.90);
}

/// stress2 was measured once (span R 0.870, self-disclosure R 0.556), then tuned on: it is a
/// dev set now and must keep the goal.
#[test]
fn free_form_stress2_set_meets_the_goal() {
    check("stress2.jsonl", 0.95, 0.90);
}

/// stress3 was measured once (span P 0.911 R 0.900, self-disclosure R 0.659), then tuned on in
/// session 2: a dev set now.
#[test]
fn free_form_stress3_set_meets_the_goal() {
    check("stress3.jsonl", 0.95, 0.90);
}

/// stress4 was measured once (span P 0.905 R 0.864, self-disclosure R 0.628), then generalised
/// from (phi-rules@5): a dev set now.
#[test]
fn free_form_stress4_set_meets_the_goal() {
    check("stress4.jsonl", 0.95, 0.90);
}

/// stress5 was measured once (span P 0.927 R 0.894, self-disclosure P 0.974 R 0.691), then
/// generalised from (phi-rules@6): a dev set now.
#[test]
fn free_form_stress5_set_meets_the_goal() {
    check("stress5.jsonl", 0.95, 0.90);
}

/// stress6 was measured once with phi-rules@5 (span P 0.913 R 0.888, self-disclosure P 0.954
/// R 0.729), partly used for @6, then generalised from (phi-rules@7): a dev set now.
#[test]
fn free_form_stress6_set_meets_the_goal() {
    check("stress6.jsonl", 0.95, 0.90);
}

/// stress7 was written blind to the rules and measured with phi-rules@6 (span P 0.944 R 0.867,
/// self-disclosure P 0.903 R 0.718) and @7 (span P 0.944 R 0.872, self-disclosure P 0.922
/// R 0.756), then generalised from (phi-rules@8: span P 1.000 R 1.000, self-disclosure P 1.000
/// R 1.000): a dev set now, held to the goal.
#[test]
fn free_form_stress7_set_meets_the_goal() {
    check("stress7.jsonl", 0.95, 0.90);
}

/// stress8 was written blind to the rules by another session and measured once with
/// phi-rules@8 (span P 0.943 R 0.842, self-disclosure P 0.984 R 0.660, category 59 of 62), then
/// its errors were read and generalised from (phi-rules@9: span P 1.000 R 1.000, exact
/// boundaries 213 of 215, self-disclosure P 1.000 R 1.000, category 91 of 94): a dev set now,
/// held to the goal.
#[test]
fn free_form_stress8_set_meets_the_goal() {
    check("stress8.jsonl", 0.95, 0.90);
}

/// stress9 was written blind to the rules by another session and measured once with
/// phi-rules@9 (span P 0.970 R 0.840, self-disclosure P 0.976 R 0.853, category 76 of 81), then
/// its errors were read and generalised from (phi-rules@10: span P 0.996 R 1.000, exact
/// boundaries 231 of 231, self-disclosure P 1.000 R 1.000, category 93 of 95): a dev set now,
/// held to the goal.
#[test]
fn free_form_stress9_set_meets_the_goal() {
    check("stress9.jsonl", 0.95, 0.90);
}

/// stress10 was written blind to the rules by another session and measured once with
/// phi-rules@10 (span P 0.917 R 0.882; person_name P 0.887 R 0.853, date R 0.854, phone P/R
/// 0.857, fax R 0.667, national_id P/R 0.909, account_number R 0.900, health_card P 0.889,
/// medical_record P 0.833; by language R ca 0.907, en 0.894, es 0.855, it 0.911, pt 0.833, en P
/// 0.884; self-disclosure P 1.000 R 0.788, category 73 of 78), then its errors were read and
/// generalised from (phi-rules@11: span P 0.997 R 1.000, exact boundaries 283 of 287,
/// self-disclosure P 1.000 R 0.960, category 90 of 95): a dev set now, held to the goal.
#[test]
fn free_form_stress10_set_meets_the_goal() {
    check("stress10.jsonl", 0.95, 0.90);
}

/// stress11 was written blind to the rules by another session and measured once with
/// phi-rules@11 (span P 0.961 R 0.891; person_name P 0.935 R 0.853, date R 0.846, phone P/R
/// 0.833, postal_code R 0.800; by language R ca 0.880, en 0.823, es 0.946, it 0.933, pt 1.000;
/// P es 0.921, it 0.933; self-disclosure P 0.957 R 0.733, category 60 of 66), then its errors
/// were read and generalised from (phi-rules@12: span P 0.989 R 0.953, person_name R 0.912,
/// every other type R 1.000, exact boundaries 183 of 184; self-disclosure P 0.989 R 0.956,
/// category 80 of 86): a dev set now, held to the goal.
#[test]
fn free_form_stress11_set_meets_the_goal() {
    check("stress11.jsonl", 0.95, 0.90);
}

/// stress12 was written blind to the rules by another session and measured once with
/// phi-rules@12 (span P 0.952 R 0.894; person_name P 0.935 R 0.888, date R 0.806, phone P 0.778
/// R 0.875, postal_code R 0.800, medical_record R 0.800, account_number P 0.800; by language R
/// ca 0.963, en 0.800, es 0.902, it 1.000, pt 0.958; P es 0.902; self-disclosure with the rules
/// only P 0.955 R 0.656), then its span errors were read and generalised from (phi-rules@13:
/// span P 0.975 R 0.980, en R 0.947): a dev set now, held to the span goal only. Disclosure
/// recall of the rules alone is below the goal on fresh sets (R 0.667 here with @13); this round
/// left disclosure to the learned head of the transformer tier, measured separately
/// (`vigia eval phi --encoder`).
/// stress13, the next honest estimate, is deliberately not here.
#[test]
fn free_form_stress12_set_meets_the_goal() {
    check_spans("stress12.jsonl", 0.95, 0.90);
}
