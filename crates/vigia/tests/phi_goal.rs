//! The PHI goal (span recall at least 0.95, precision at least 0.90) held by the transformer tier
//! on the newest dev sets, through `vigia eval phi --encoder` as an operator runs it. Needs the
//! model cache (`scripts/models fetch`, which `scripts/test` runs first).
//!
//! stress16 and stress17 were written blind, measured once, and then used as dev sets (their
//! errors read, the span tagger selected on them): this guards what was tuned, while the honest
//! figure comes from the newest blind sets (`tests/data/phi/README.md`).

use std::process::Command;

/// (precision, recall) from the `overall` line of `vigia eval phi`.
fn overall(stdout: &str) -> (f64, f64) {
    let line = stdout
        .lines()
        .find(|l| l.starts_with("overall"))
        .unwrap_or_else(|| panic!("no overall line in:\n{stdout}"));
    let cols: Vec<&str> = line.split_whitespace().collect();
    let num = |i: usize| cols[i].parse::<f64>().expect("a figure");
    (num(4), num(5))
}

/// `vigia eval phi` (the transformer tier with `encoder`, else the rules alone) on the two dev
/// sets: (precision, recall, the whole report).
fn eval_dev_sets(encoder: bool) -> (f64, f64, String) {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/phi");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vigia"));
    cmd.args(["eval", "phi"]);
    if encoder {
        cmd.arg("--encoder");
    }
    for set in ["stress16", "stress17"] {
        cmd.args(["--data", &format!("{data}/{set}.jsonl")]);
    }
    let run = cmd.output().expect("running vigia eval phi");
    assert!(
        run.status.success(),
        "vigia eval phi failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let (p, r) = overall(&stdout);
    (p, r, stdout)
}

#[test]
fn transformer_tier_meets_the_span_goal_on_the_dev_sets() {
    let (p, r, report) = eval_dev_sets(true);
    assert!(r >= 0.95 && p >= 0.90, "span P {p} R {r}:\n{report}");
    // The rules alone fall short on the same posts: the learned tagger carries the goal.
    let (_, r_rules, _) = eval_dev_sets(false);
    assert!(
        r_rules < r,
        "rules alone R {r_rules} vs transformer tier R {r}"
    );
}
