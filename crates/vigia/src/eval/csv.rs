//! A small RFC 4180 reader for the evaluation files (quoted fields, doubled quotes, newlines
//! inside quotes). Enough for CONSTRAINT-style CSVs without another dependency.

/// Rows of `text`, the header included.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else {
            match c {
                '"' if field.is_empty() => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\r' => {}
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                _ => field.push(c),
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.retain(|r| !(r.len() == 1 && r[0].is_empty()));
    rows
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_and_newlines() {
        let r = super::parse("id,tweet,label\n1,\"a, \"\"b\"\"\nc\",fake\r\n2,plain,real\n");
        assert_eq!(r.len(), 3);
        assert_eq!(r[1], vec!["1", "a, \"b\"\nc", "fake"]);
        assert_eq!(r[2], vec!["2", "plain", "real"]);
    }
}
