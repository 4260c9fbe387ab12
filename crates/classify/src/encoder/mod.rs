//! Multilingual sentence encoder: multilingual-e5-small (12 layers, 384 dims, XLM-R vocabulary).
//!
//! [`Encoder`] is the one handle the rest of vigia uses. It is cheap to clone (an `Arc` inside),
//! `Send + Sync`, and safe to call from any thread. Model work never runs on the caller's thread:
//! requests are tokenised by the caller, queued on a bounded channel, and picked up by dedicated
//! inference thread(s) that form batches by a token budget and a short deadline (the
//! text-embeddings-inference recipe), pad each batch to its longest text (not to 512), run it on
//! the configured engine and hand the rows back. [`Encoder::embed`] blocks until its rows are
//! back; [`Encoder::submit`] returns a [`Pending`] that is both a blocking handle and a
//! `Future`, so async code can await it without blocking its runtime.
//!
//! Engines sit behind one trait ([`backend::Backend`]): ONNX Runtime through `ort` (fp32 or int8
//! graphs built by `scripts/models fetch`, library loaded from the onnxruntime wheel) and candle's
//! `BertModel` (fp32 safetensors). Which one runs is [`EncoderConfig::engine`]; the default was
//! chosen by measurement (see `benches/encoder.rs` and the README's "Models and inference").
//!
//! Weights are never downloaded at run time: they live in the model cache (`.cache/models`, or
//! `$VIGIA_MODEL_DIR`, or [`EncoderConfig::model_dir`]) and [`Encoder::load`] fails with
//! [`ClassifyError::ModelMissing`] naming `scripts/models fetch` when they are absent.
//!
//! ```no_run
//! use vigia_classify::encoder::{Encoder, EncoderConfig};
//! let enc = Encoder::load(&EncoderConfig::default())?;
//! let v = enc.embed(&["Quatre hores esperant a urgències", "Four hours waiting in A&E"])?;
//! let cosine: f32 = v[0].iter().zip(&v[1]).map(|(a, b)| a * b).sum();
//! # Ok::<(), vigia_classify::ClassifyError>(())
//! ```

pub mod backend;
mod candle;
mod onnx;
mod queue;
mod tokenize;

use crate::ClassifyError;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use queue::Pending;

/// `name@version` of the encoder, as recorded in enriched events.
pub const MODEL_NAME: &str = "multilingual-e5-small@q4-dequant";
/// Width of a sentence embedding.
pub const DIM: usize = 384;
/// Hidden states [`Output::LayerMeans`] returns per text: the embeddings and the 12 layers.
pub const LAYERS: usize = 13;
/// Layers whose per-token hidden states [`Output::LayerMeansAndTokens`] carries, concatenated
/// per token (the graph's `token_states` output; `TOKEN_LAYERS` in training/e5_onnx.py).
pub const TOKEN_LAYERS: [usize; 3] = [8, 10, 12];
/// Width of one token's hidden states in [`Output::LayerMeansAndTokens`].
pub const TOKEN_WIDTH: usize = TOKEN_LAYERS.len() * DIM;
/// The command that installs the model files; named by every "model missing" error.
pub const INSTALL: &str = "scripts/models fetch";

/// Which inference engine runs the encoder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Engine {
    /// ONNX Runtime, int8 dynamically quantised graph.
    OnnxInt8,
    /// ONNX Runtime, fp32 graph.
    #[default]
    OnnxFp32,
    /// candle `BertModel`, fp32 safetensors (pure Rust).
    Candle,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::OnnxInt8 => "onnx-int8",
            Engine::OnnxFp32 => "onnx-fp32",
            Engine::Candle => "candle",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Engine::OnnxInt8, Engine::OnnxFp32, Engine::Candle]
            .into_iter()
            .find(|e| e.name() == s)
    }
}

/// Configuration of the encoder (`[classify.encoder]`). Defaults suit a 2-core machine.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EncoderConfig {
    /// Model cache; default `$VIGIA_MODEL_DIR`, else the nearest `.cache/models` above the
    /// working directory (or the workspace's, for builds run from the source tree).
    pub model_dir: Option<PathBuf>,
    pub engine: Engine,
    /// Inference threads, each with its own copy of the engine.
    pub workers: usize,
    /// Intra-op threads per worker; 0 = all available cores divided by `workers`.
    pub threads: usize,
    /// Most padded tokens (batch size x longest text) in one batch.
    pub max_batch_tokens: usize,
    /// Most texts in one batch.
    pub max_batch_size: usize,
    /// How long a worker waits for more texts once it holds one, in milliseconds.
    pub max_wait_ms: u64,
    /// Capacity of the request queue, in texts; a full queue blocks submitters (backpressure).
    pub queue_capacity: usize,
    /// Texts are cut to this many tokens, specials included (the model's limit is 512).
    pub max_tokens: usize,
}

impl Default for EncoderConfig {
    fn default() -> Self {
        Self {
            model_dir: None,
            engine: Engine::default(),
            workers: 1,
            threads: 0,
            max_batch_tokens: 4096,
            max_batch_size: 64,
            max_wait_ms: 2,
            queue_capacity: 4096,
            max_tokens: 512,
        }
    }
}

/// What the encoder returns for each text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The E5 sentence embedding: last layer, mean-pooled over tokens, L2-normalised ([`DIM`]).
    Sentence,
    /// Mean-pooled hidden states of the embeddings and every layer, not normalised
    /// ([`LAYERS`] x [`DIM`], layer-major): features for task heads.
    LayerMeans,
    /// [`Output::LayerMeans`] of the sentiment branch: the top layers run again with the
    /// sentiment-adapted weights (`resources/sentiment/encoder_delta.npz`, built into the ONNX
    /// graphs by `scripts/models fetch`); the lower layers' means are the shared ones.
    /// ONNX engines only.
    SentimentLayerMeans,
    /// [`Output::LayerMeans`] followed by every token's hidden states in [`TOKEN_LAYERS`]
    /// ([`TOKEN_WIDTH`] floats per token, in token order: `<s>`, the prefix's tokens, the
    /// text's, `</s>`; padding left out): features for the PHI span tagger, from the same pass.
    /// Split a row with [`split_tokens`]. ONNX engines only.
    LayerMeansAndTokens,
    /// [`Output::SentimentLayerMeans`] followed by [`Output::LayerMeans`], from one pass: what a
    /// head on the sentiment branch and the frozen-feature heads read together (the graph
    /// computes every output on every call, so a second call would pay for all of it again).
    /// Split a row with [`split_sentiment`]. ONNX engines only.
    SentimentAndLayerMeans,
    /// [`Output::SentimentLayerMeans`] followed by [`Output::LayerMeansAndTokens`], from one
    /// pass. Split a row with [`split_sentiment`], then [`split_tokens`]. ONNX engines only.
    SentimentAndLayerMeansAndTokens,
}

impl Output {
    /// The output with the sentiment branch's layer means put in front, for the frozen outputs
    /// that have such a combined form.
    pub fn with_sentiment(self) -> Option<Output> {
        match self {
            Output::LayerMeans => Some(Output::SentimentAndLayerMeans),
            Output::LayerMeansAndTokens => Some(Output::SentimentAndLayerMeansAndTokens),
            _ => None,
        }
    }
}

/// A row of [`Output::LayerMeansAndTokens`] as (layer means, per-token states).
pub fn split_tokens(row: &[f32]) -> (&[f32], &[f32]) {
    row.split_at((LAYERS * DIM).min(row.len()))
}

/// A row of [`Output::SentimentAndLayerMeans`] (or `...AndTokens`) as (the sentiment branch's
/// layer means, the frozen row that follows them).
pub fn split_sentiment(row: &[f32]) -> (&[f32], &[f32]) {
    row.split_at((LAYERS * DIM).min(row.len()))
}

/// One text's encoder output as the task heads read it: its sentence embedding and, when the
/// engine serves them, its per-layer mean hidden states. Both come from one encoder pass (see
/// [`TextFeatures::sentence_from_layer_means`]).
#[derive(Debug, Clone, Copy)]
pub struct TextFeatures<'a> {
    /// The E5 sentence embedding ([`Output::Sentence`], [`DIM`]).
    pub sentence: &'a [f32],
    /// [`Output::LayerMeans`] ([`LAYERS`] x [`DIM`]); `None` from engines that serve only the
    /// sentence embedding (candle).
    pub layer_means: Option<&'a [f32]>,
}

impl<'a> TextFeatures<'a> {
    /// Features with the sentence embedding only.
    pub fn sentence(sentence: &'a [f32]) -> Self {
        Self {
            sentence,
            layer_means: None,
        }
    }

    /// The sentence embedding a row of [`Output::LayerMeans`] implies: the last layer's mean,
    /// L2-normalised, which is what the graph's `sentence_embedding` output computes. Saves a
    /// second encoder pass when a caller needs both.
    pub fn sentence_from_layer_means(layer_means: &[f32]) -> Vec<f32> {
        layer_block(layer_means, &[LAYERS - 1], 1.0)
    }
}

/// What task heads read from one row of [`Output::LayerMeans`]: the chosen layers' means,
/// each L2-normalised and times `scale`, concatenated. Layers must be below [`LAYERS`].
pub fn layer_block(layer_means: &[f32], layers: &[usize], scale: f32) -> Vec<f32> {
    let mut x = Vec::with_capacity(layers.len() * DIM);
    for &l in layers {
        let start = x.len();
        x.extend_from_slice(&layer_means[l * DIM..(l + 1) * DIM]);
        let block = &mut x[start..];
        backend::l2_normalise(block);
        block.iter_mut().for_each(|v| *v *= scale);
    }
    x
}

/// The logistic function, which turns a binary head's logit into a probability.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// What a text is: E5 was trained with a `query: ` or `passage: ` prefix on every input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    /// `query: ` — what E5's authors advise for classification and symmetric similarity.
    Query,
    /// `passage: `
    Passage,
    /// No prefix.
    None,
}

impl Prefix {
    fn as_str(self) -> &'static str {
        match self {
            Prefix::Query => "query: ",
            Prefix::Passage => "passage: ",
            Prefix::None => "",
        }
    }
}

/// A loaded encoder with its inference thread(s). See the module docs.
#[derive(Clone)]
pub struct Encoder {
    inner: Arc<queue::Queue>,
    tokenizer: Arc<tokenize::TextTokenizer>,
    engine: Engine,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder")
            .field("engine", &self.engine)
            .finish()
    }
}

impl Encoder {
    /// Load from the model cache dir (default `.cache/models`, overridable by env
    /// `VIGIA_MODEL_DIR` and by config) and start the inference thread(s).
    /// `Err(ClassifyError::ModelMissing { path, install: "scripts/models fetch" })` if absent.
    pub fn load(cfg: &EncoderConfig) -> Result<Self, ClassifyError> {
        let dir = model_dir(cfg);
        let e5 = dir.join("e5-small");
        let needed: &[&str] = match cfg.engine {
            Engine::OnnxInt8 => &["tokenizer.json", "model.int8.onnx"],
            Engine::OnnxFp32 => &["tokenizer.json", "model.onnx"],
            Engine::Candle => &["tokenizer.json", "config.json", "model.safetensors"],
        };
        for f in needed {
            if !e5.join(f).is_file() {
                return Err(missing(&e5.join(f)));
            }
        }
        let tokenizer = Arc::new(tokenize::TextTokenizer::load(
            &e5.join("tokenizer.json"),
            cfg.max_tokens.clamp(3, 512),
        )?);
        let workers = cfg.workers.max(1);
        let threads = if cfg.threads > 0 {
            cfg.threads
        } else {
            (std::thread::available_parallelism().map_or(1, |n| n.get()) / workers).max(1)
        };
        let mut backends: Vec<Box<dyn backend::Backend>> = Vec::with_capacity(workers);
        for _ in 0..workers {
            backends.push(match cfg.engine {
                Engine::OnnxInt8 => Box::new(onnx::OrtBackend::load(
                    &dir,
                    &e5.join("model.int8.onnx"),
                    threads,
                )?),
                Engine::OnnxFp32 => Box::new(onnx::OrtBackend::load(
                    &dir,
                    &e5.join("model.onnx"),
                    threads,
                )?),
                Engine::Candle => Box::new(candle::CandleBackend::load(&e5, threads)?),
            });
        }
        let inner = Arc::new(queue::Queue::start(backends, cfg)?);
        Ok(Self {
            inner,
            tokenizer,
            engine: cfg.engine,
        })
    }

    /// L2-normalised multilingual-e5-small sentence embeddings (384 dims), "query: " prefix,
    /// mean pooling. Blocking; safe to call from any thread; batches internally. Rows are in
    /// input order.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, ClassifyError> {
        self.submit(texts, Prefix::Query, Output::Sentence)?.wait()
    }

    /// Queue `texts` and return at once with a handle on the result: `.wait()` blocks,
    /// `.await` does not. Blocks only while the bounded queue is full.
    pub fn submit(
        &self,
        texts: &[&str],
        prefix: Prefix,
        output: Output,
    ) -> Result<Pending, ClassifyError> {
        let ids = texts
            .iter()
            .map(|t| self.tokenizer.encode(prefix.as_str(), t))
            .collect::<Result<Vec<_>, _>>()?;
        self.inner.submit(ids, output)
    }

    /// The engine this encoder runs.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Where each token of `prefix + text` lies in `text`, in byte offsets, one entry per token
    /// as the encoder sees them (so entry `i` goes with token row `i` of
    /// [`Output::LayerMeansAndTokens`]): `None` for `<s>`, `</s>` and the prefix's tokens. A
    /// token's range leaves out the space SentencePiece folds into it.
    pub fn token_offsets(
        &self,
        prefix: Prefix,
        text: &str,
    ) -> Result<Vec<Option<(usize, usize)>>, ClassifyError> {
        self.tokenizer.offsets(prefix.as_str(), text)
    }

    /// Token count of `text` with the `query: ` prefix and specials, after truncation.
    pub fn token_count(&self, text: &str) -> Result<usize, ClassifyError> {
        Ok(self.tokenizer.encode(Prefix::Query.as_str(), text)?.len())
    }
}

/// Resolve the model cache directory: config, then `$VIGIA_MODEL_DIR`, then the nearest
/// `.cache/models` above the working directory, then the workspace's own.
pub fn model_dir(cfg: &EncoderConfig) -> PathBuf {
    if let Some(d) = &cfg.model_dir {
        return d.clone();
    }
    if let Some(d) = std::env::var_os("VIGIA_MODEL_DIR") {
        return PathBuf::from(d);
    }
    if let Ok(cwd) = std::env::current_dir() {
        for dir in cwd.ancestors() {
            let c = dir.join(".cache/models");
            if c.is_dir() {
                return c;
            }
        }
    }
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.cache/models");
    if ws.is_dir() {
        return ws;
    }
    PathBuf::from(".cache/models")
}

pub(crate) fn missing(path: &Path) -> ClassifyError {
    ClassifyError::ModelMissing {
        path: path.display().to_string(),
        install: INSTALL.to_string(),
    }
}

#[cfg(test)]
mod tests;
