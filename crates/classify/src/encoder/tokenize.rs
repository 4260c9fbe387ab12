//! XLM-R SentencePiece tokenisation with the E5 prefix, cut to the model's token limit.

use crate::ClassifyError;
use std::path::Path;
use tokenizers::{Tokenizer, TruncationParams};

pub(crate) struct TextTokenizer {
    tok: Tokenizer,
}

impl TextTokenizer {
    pub(crate) fn load(path: &Path, max_tokens: usize) -> Result<Self, ClassifyError> {
        let mut tok = Tokenizer::from_file(path).map_err(|e| ClassifyError::InvalidResource {
            name: path.display().to_string(),
            detail: e.to_string(),
        })?;
        tok.with_padding(None);
        tok.with_truncation(Some(TruncationParams {
            max_length: max_tokens,
            ..Default::default()
        }))
        .map_err(|e| ClassifyError::InvalidResource {
            name: path.display().to_string(),
            detail: e.to_string(),
        })?;
        Ok(Self { tok })
    }

    /// Token ids of `prefix + text`, with `<s>` and `</s>`.
    pub(crate) fn encode(&self, prefix: &str, text: &str) -> Result<Vec<u32>, ClassifyError> {
        let input = if prefix.is_empty() {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(format!("{prefix}{text}"))
        };
        let enc = self
            .tok
            .encode(input.as_ref(), true)
            .map_err(|e| ClassifyError::Inference(format!("tokenising: {e}")))?;
        Ok(enc.get_ids().to_vec())
    }
}
