//! ONNX Runtime backend through `ort`, with the library loaded at run time from the onnxruntime
//! wheel that `scripts/models fetch` unpacks (`<model dir>/onnxruntime/libonnxruntime.so`, or
//! `$ORT_DYLIB_PATH`). The graphs are the project's own (training/e5_onnx.py): inputs
//! `input_ids`, `attention_mask`; outputs `sentence_embedding`, `layer_means`, `token_states`
//! and `sentiment_layer_means`.

use super::backend::{Backend, Batch};
use super::{missing, Output, DIM, LAYERS, TOKEN_WIDTH};
use crate::ClassifyError;
use ort::session::builder::GraphOptimizationLevel;
use ort::session::Session;
use ort::value::Tensor;
use std::path::Path;
use std::sync::OnceLock;

pub(crate) struct OrtBackend {
    session: Session,
    name: &'static str,
}

fn err(e: ort::Error) -> ClassifyError {
    ClassifyError::Inference(format!("onnxruntime: {e}"))
}

/// ONNX Runtime can be loaded once per process; later calls reuse (or report) the first result.
fn init_runtime(model_dir: &Path) -> Result<(), ClassifyError> {
    static INIT: OnceLock<Result<(), String>> = OnceLock::new();
    let lib = std::env::var_os("ORT_DYLIB_PATH")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| model_dir.join("onnxruntime/libonnxruntime.so"));
    if !lib.is_file() {
        return Err(missing(&lib));
    }
    INIT.get_or_init(|| {
        ort::init_from(lib.display().to_string())
            .with_name("vigia")
            .commit()
            .map(|_| ())
            .map_err(|e| format!("loading {}: {e}", lib.display()))
    })
    .clone()
    .map_err(ClassifyError::Inference)
}

impl OrtBackend {
    pub(crate) fn load(
        model_dir: &Path,
        graph: &Path,
        threads: usize,
    ) -> Result<Self, ClassifyError> {
        init_runtime(model_dir)?;
        let session = Session::builder()
            .and_then(|b| b.with_optimization_level(GraphOptimizationLevel::Level3))
            .and_then(|b| b.with_intra_threads(threads))
            .and_then(|b| b.with_inter_threads(1))
            .and_then(|b| b.commit_from_file(graph))
            .map_err(err)?;
        let name = if graph.to_string_lossy().contains("int8") {
            "onnx-int8"
        } else {
            "onnx-fp32"
        };
        Ok(Self { session, name })
    }
}

impl Backend for OrtBackend {
    fn name(&self) -> &'static str {
        self.name
    }

    fn forward(&mut self, batch: &Batch, output: Output) -> Result<Vec<Vec<f32>>, ClassifyError> {
        let shape = [batch.size as i64, batch.seq as i64];
        let ids = Tensor::from_array((shape, batch.input_ids.clone())).map_err(err)?;
        let mask = Tensor::from_array((shape, batch.attention_mask.clone())).map_err(err)?;
        let outputs = self
            .session
            .run(ort::inputs!["input_ids" => ids, "attention_mask" => mask])
            .map_err(err)?;
        // The combined outputs: the sentiment branch's means, then the frozen row, per text.
        let (sentiment, output) = match output {
            Output::SentimentAndLayerMeans => (true, Output::LayerMeans),
            Output::SentimentAndLayerMeansAndTokens => (true, Output::LayerMeansAndTokens),
            other => (false, other),
        };
        let (name, width) = match output {
            Output::Sentence => ("sentence_embedding", DIM),
            Output::SentimentLayerMeans => ("sentiment_layer_means", LAYERS * DIM),
            _ => ("layer_means", LAYERS * DIM),
        };
        let data = tensor(&outputs, name, batch.size * width)?;
        let mut rows: Vec<Vec<f32>> = if sentiment {
            let branch = tensor(&outputs, "sentiment_layer_means", batch.size * width)?;
            branch
                .chunks_exact(width)
                .zip(data.chunks_exact(width))
                .map(|(s, f)| [s, f].concat())
                .collect()
        } else {
            data.chunks_exact(width).map(<[f32]>::to_vec).collect()
        };
        if output == Output::LayerMeansAndTokens {
            let per_row = batch.seq * TOKEN_WIDTH;
            let states = tensor(&outputs, "token_states", batch.size * per_row)?;
            for (i, row) in rows.iter_mut().enumerate() {
                let n = batch.attention_mask[i * batch.seq..(i + 1) * batch.seq]
                    .iter()
                    .filter(|&&m| m != 0)
                    .count();
                row.extend_from_slice(&states[i * per_row..i * per_row + n * TOKEN_WIDTH]);
            }
        }
        Ok(rows)
    }
}

/// The graph output `name` as a flat slice of `len` floats.
fn tensor<'a>(
    outputs: &'a ort::session::SessionOutputs<'_>,
    name: &str,
    len: usize,
) -> Result<&'a [f32], ClassifyError> {
    let Some(value) = outputs.get(name) else {
        return Err(ClassifyError::Inference(format!(
            "onnxruntime: the graph has no {name} output; rebuild it with `{}`",
            super::INSTALL
        )));
    };
    let (_, data) = value.try_extract_tensor::<f32>().map_err(err)?;
    if data.len() != len {
        return Err(ClassifyError::Inference(format!(
            "onnxruntime: {name} has {} values, expected {len}",
            data.len()
        )));
    }
    Ok(data)
}
