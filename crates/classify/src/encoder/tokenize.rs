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

    /// Byte ranges in `text` of the tokens of `prefix + text` (see `Encoder::token_offsets`).
    pub(crate) fn offsets(
        &self,
        prefix: &str,
        text: &str,
    ) -> Result<Vec<Option<(usize, usize)>>, ClassifyError> {
        let input = format!("{prefix}{text}");
        let enc = self
            .tok
            .encode(input.as_str(), true)
            .map_err(|e| ClassifyError::Inference(format!("tokenising: {e}")))?;
        let p = prefix.len();
        Ok(enc
            .get_offsets()
            .iter()
            .map(|&(a, b)| token_range(text, a.max(p) - p, b.saturating_sub(p)))
            .collect())
    }
}

/// A token's byte range in `text` without the leading whitespace SentencePiece folds into it;
/// `None` when nothing of the text is left (specials, the prefix's tokens).
fn token_range(text: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    if b <= a || b > text.len() || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
        return None;
    }
    let lead = text[a..b].len() - text[a..b].trim_start().len();
    (a + lead < b).then_some((a + lead, b))
}

#[cfg(test)]
mod tests {
    use super::token_range;

    #[test]
    fn token_ranges_drop_the_folded_space() {
        let t = "Hola María!";
        assert_eq!(token_range(t, 4, 11), Some((5, 11)));
        assert_eq!(token_range(t, 0, 0), None);
        assert_eq!(token_range(t, 4, 5), None);
        // a range that would cut a character is refused rather than panicking
        assert_eq!(token_range(t, 9, 11), None);
    }
}
