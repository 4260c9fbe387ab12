//! The engine trait every backend implements, and the padded batch they all take.

use super::Output;
use crate::ClassifyError;

/// A batch padded to its longest text (row-major `[size, seq]`), `<pad>` = 1, mask 0 on padding.
#[derive(Debug, Clone)]
pub struct Batch {
    pub size: usize,
    pub seq: usize,
    pub input_ids: Vec<i64>,
    pub attention_mask: Vec<i64>,
}

impl Batch {
    pub const PAD: i64 = 1;

    pub fn from_ids(rows: &[&[u32]]) -> Self {
        let size = rows.len();
        let seq = rows.iter().map(|r| r.len()).max().unwrap_or(0).max(1);
        let mut input_ids = vec![Self::PAD; size * seq];
        let mut attention_mask = vec![0i64; size * seq];
        for (i, r) in rows.iter().enumerate() {
            for (j, &id) in r.iter().enumerate() {
                input_ids[i * seq + j] = id as i64;
                attention_mask[i * seq + j] = 1;
            }
        }
        Self {
            size,
            seq,
            input_ids,
            attention_mask,
        }
    }
}

/// One inference engine. A worker thread owns its backend, so `&mut self` is fine.
pub trait Backend: Send {
    /// Short name for logs and benches (`onnx-int8`, `onnx-fp32`, `candle`).
    fn name(&self) -> &'static str;
    /// One row per text: [`super::DIM`] floats for [`Output::Sentence`] (L2-normalised),
    /// [`super::LAYERS`] x [`super::DIM`] for [`Output::LayerMeans`].
    fn forward(&mut self, batch: &Batch, output: Output) -> Result<Vec<Vec<f32>>, ClassifyError>;
}

/// Mean-pool `hidden` (`[size, seq, dim]`, row-major) over the mask into `out` (`[size, dim]`).
pub(crate) fn mean_pool(hidden: &[f32], batch: &Batch, dim: usize) -> Vec<Vec<f32>> {
    (0..batch.size)
        .map(|i| {
            let mut acc = vec![0f32; dim];
            let mut n = 0f32;
            for t in 0..batch.seq {
                if batch.attention_mask[i * batch.seq + t] == 0 {
                    continue;
                }
                n += 1.0;
                let row = &hidden[(i * batch.seq + t) * dim..(i * batch.seq + t + 1) * dim];
                for (a, h) in acc.iter_mut().zip(row) {
                    *a += h;
                }
            }
            let inv = 1.0 / n.max(1.0);
            acc.iter_mut().for_each(|a| *a *= inv);
            acc
        })
        .collect()
}

pub(crate) fn l2_normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= n);
}
