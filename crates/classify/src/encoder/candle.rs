//! candle backend: candle-transformers' `BertModel` over the fp32 safetensors (pure Rust, CPU).
//! It exposes the last hidden state only, so it serves [`Output::Sentence`]; task heads that
//! need [`Output::LayerMeans`] run on an ONNX engine.

use super::backend::{l2_normalise, mean_pool, Backend, Batch};
use super::{Output, DIM};
use crate::ClassifyError;
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::Path;

pub(crate) struct CandleBackend {
    model: BertModel,
    device: Device,
}

fn err(e: candle_core::Error) -> ClassifyError {
    ClassifyError::Inference(format!("candle: {e}"))
}

impl CandleBackend {
    pub(crate) fn load(dir: &Path, _threads: usize) -> Result<Self, ClassifyError> {
        let cfg_path = dir.join("config.json");
        let cfg: Config = serde_json::from_str(
            &std::fs::read_to_string(&cfg_path).map_err(|_| super::missing(&cfg_path))?,
        )
        .map_err(|e| ClassifyError::InvalidResource {
            name: cfg_path.display().to_string(),
            detail: e.to_string(),
        })?;
        let device = Device::Cpu;
        // SAFETY: the file is memory-mapped read-only; the cache is not rewritten while we run
        // (scripts/models writes to a temporary name and renames).
        let vb = unsafe {
            VarBuilder::from_mmaped_safetensors(
                &[dir.join("model.safetensors")],
                DType::F32,
                &device,
            )
        }
        .map_err(err)?;
        let model = BertModel::load(vb, &cfg).map_err(err)?;
        Ok(Self { model, device })
    }
}

impl Backend for CandleBackend {
    fn name(&self) -> &'static str {
        "candle"
    }

    fn forward(&mut self, batch: &Batch, output: Output) -> Result<Vec<Vec<f32>>, ClassifyError> {
        if output != Output::Sentence {
            return Err(ClassifyError::Inference(
                "the candle engine serves sentence embeddings only; use an onnx engine for layer features"
                    .into(),
            ));
        }
        let shape = (batch.size, batch.seq);
        let ids = Tensor::from_slice(&batch.input_ids, shape, &self.device).map_err(err)?;
        let mask = Tensor::from_slice(&batch.attention_mask, shape, &self.device).map_err(err)?;
        let types = ids.zeros_like().map_err(err)?;
        let hidden = self.model.forward(&ids, &types, Some(&mask)).map_err(err)?;
        let flat: Vec<f32> = hidden
            .flatten_all()
            .and_then(|t| t.to_vec1())
            .map_err(err)?;
        let mut rows = mean_pool(&flat, batch, DIM);
        rows.iter_mut().for_each(|r| l2_normalise(r));
        Ok(rows)
    }
}
