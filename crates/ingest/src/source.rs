//! Where raw records come from: Kafka (configured here, consumed by the binary's runtime) or
//! line-oriented files and stdin for batch mode.

use std::io::BufRead;
use vigia_model::{DeadLetter, DlqReason, SourcePosition, Stage};

/// One raw record as read from a source: bytes plus where they came from.
#[derive(Debug, Clone, Default)]
pub struct RawRecord {
    pub payload: Vec<u8>,
    /// Value of the `vigia.platform` header, if the source carried one.
    pub platform_header: Option<String>,
    pub position: SourcePosition,
    /// The Kafka record key (`None` for keyless records and line sources).
    pub key: Option<Vec<u8>>,
    /// Every header of the Kafka record, in order, `vigia.platform` included (empty for line
    /// sources). A dead letter carries them so that a replay restores them.
    pub headers: Vec<(String, Option<Vec<u8>>)>,
}

impl RawRecord {
    /// The dead letter of this record: its bytes, position, key and headers with the reason
    /// (boxed, as `Output::DeadLetter` holds it).
    pub fn dead_letter(
        &self,
        stage: Stage,
        reason: DlqReason,
        detail: impl Into<String>,
    ) -> Box<DeadLetter> {
        let dl = DeadLetter::new(stage, reason, detail, self.position.clone(), &self.payload);
        Box::new(dl.with_original(
            self.key.as_deref(),
            self.headers.iter().map(|(k, v)| (k.as_str(), v.as_deref())),
        ))
    }
}

/// How a batch input file is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON payload per line (canonical or any platform's native shape).
    Jsonl,
    /// One mention text per line; see [`text_line_to_payload`].
    Text,
}

/// Read `reader` line by line, keeping raw bytes (invalid UTF-8 is the decoder's business).
/// Blank lines are skipped but still advance the line counter, so offsets are line numbers.
pub fn read_lines<R: BufRead>(
    mut reader: R,
    source_name: &str,
) -> impl Iterator<Item = std::io::Result<RawRecord>> {
    let source_name = source_name.to_string();
    let mut line_no: i64 = 0;
    std::iter::from_fn(move || loop {
        let mut buf = Vec::new();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {
                line_no += 1;
                while matches!(buf.last(), Some(b'\n' | b'\r')) {
                    buf.pop();
                }
                if buf.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                return Some(Ok(RawRecord {
                    payload: buf,
                    position: SourcePosition {
                        topic: source_name.clone(),
                        partition: None,
                        offset: Some(line_no),
                    },
                    ..RawRecord::default()
                }));
            }
            Err(e) => return Some(Err(e)),
        }
    })
}

/// Wrap a plain-text line as a canonical mention payload (`--format text`): the id is
/// `<platform>:line-<N>` and the author unknown. Invalid UTF-8 is kept invalid so that the
/// decoder dead-letters it like any other record.
pub fn text_line_to_payload(
    text: &[u8],
    line_no: i64,
    platform: vigia_model::Platform,
    created_at: chrono::DateTime<chrono::Utc>,
) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(text) else {
        return text.to_vec();
    };
    let value = serde_json::json!({
        "id": format!("{}:line-{line_no}", platform.as_str()),
        "platform": platform,
        "author": {"id": "unknown"},
        "text": text,
        "created_at": created_at,
    });
    serde_json::to_vec(&value).expect("json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_numbers_and_bytes() {
        let input: &[u8] = b"a\n\n\xff\r\nc";
        let recs: Vec<_> = read_lines(input, "stdin").map(Result::unwrap).collect();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[1].payload, vec![0xff]);
        assert_eq!(recs[1].position.offset, Some(3));
        assert_eq!(recs[2].position.offset, Some(4));
    }

    #[test]
    fn dead_letter_keeps_key_and_headers() {
        let rec = RawRecord {
            payload: b"{".to_vec(),
            platform_header: Some("reddit".into()),
            position: SourcePosition {
                topic: "mentions.raw".into(),
                partition: Some(2),
                offset: Some(7),
            },
            key: Some(b"k1".to_vec()),
            headers: vec![
                ("vigia.platform".into(), Some(b"reddit".to_vec())),
                ("x-null".into(), None),
            ],
        };
        let dl = rec.dead_letter(Stage::Ingest, DlqReason::MalformedJson, "line 1");
        assert_eq!(dl.payload().unwrap(), b"{");
        assert_eq!(dl.source, rec.position);
        assert_eq!(dl.key().unwrap(), Some(b"k1".to_vec()));
        assert_eq!(
            dl.original_headers().unwrap(),
            vec![
                ("vigia.platform", Some(b"reddit".to_vec())),
                ("x-null", None)
            ]
        );
        // line sources: nothing to keep
        let line = read_lines(&b"x\n"[..], "stdin").next().unwrap().unwrap();
        let dl = line.dead_letter(Stage::Ingest, DlqReason::MalformedJson, "line 1");
        assert_eq!(dl.key().unwrap(), None);
        assert!(dl.original.is_none());
    }
}
