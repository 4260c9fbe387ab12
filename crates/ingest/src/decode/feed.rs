//! RSS 2.0, Atom and JSON Feed items, one item per record, as feed connectors write them.
//!
//! Accepted shape (a superset of what rss-parser, feedparser-style converters and JSON Feed 1.1
//! write; the first field present wins):
//!
//! | meaning   | fields |
//! |-----------|--------|
//! | id        | `guid`, `id`, else `link` / `url` |
//! | link      | `link` (string, `{"href"}` or Atom `[{"href","rel"}]`, `rel=alternate` preferred), `url` |
//! | title     | `title` |
//! | body      | `content_text`, `content:encoded`, `content`, `content_html`, `description`, `summary`, `contentSnippet` (HTML removed) |
//! | published | `isoDate`, `published`, `date_published`, `pubDate`, `dc:date`, `updated`, `date_modified` (RFC 3339 or RFC 2822) |
//! | author    | `creator`, `dc:creator`, `author` (string or `{"name"}`), `authors[0].name` |
//! | language  | `language`, `lang`, `feed.language` |
//! | feed      | optional `feed: {"title", "link" or "url" or "home_page_url", "feed_url", "language"}` |
//!
//! Values may be strings or the `{"#text": …}` / `{"value": …}` objects XML-to-JSON converters
//! emit. The title is the first line of the text.

use serde_json::Value;
use vigia_model::{Author, Channel, Mention, MentionKind, Platform};

use super::fields::{self, lang, non_empty, title_and_body};
use super::time::{Format, RawTime};
use super::DecodeError;
use crate::normalise;
use vigia_model::DlqReason;

/// Plain string of a feed value: a string, a converter's text object, or the first of an array.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["#text", "value", "_", "$t", "name", "href"]
            .iter()
            .find_map(|k| o.get(*k).and_then(text_of)),
        Value::Array(a) => a.iter().find_map(text_of),
        _ => None,
    }
}

fn first(o: &serde_json::Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| o.get(*k).and_then(text_of))
        .and_then(|s| non_empty(Some(s)))
}

/// An Atom link array prefers `rel="alternate"` (the article), then a link without `rel`.
fn link_of(v: &Value) -> Option<String> {
    match v {
        Value::Array(links) => links
            .iter()
            .find(|l| l.get("rel").and_then(Value::as_str) == Some("alternate"))
            .or_else(|| links.iter().find(|l| l.get("rel").is_none()))
            .or(links.first())
            .and_then(text_of),
        other => text_of(other),
    }
}

pub fn decode(v: &Value) -> Result<Mention, DecodeError> {
    let Some(o) = v.as_object() else {
        return Err(DecodeError::new(
            DlqReason::WrongType,
            "feed item must be an object",
        ));
    };
    for k in [
        "title",
        "description",
        "content",
        "summary",
        "pubDate",
        "isoDate",
        "published",
        "updated",
    ] {
        if o.get(k).is_some_and(|v| v.is_boolean()) {
            return Err(DecodeError::new(
                DlqReason::WrongType,
                format!("feed item: `{k}` has the wrong JSON type"),
            ));
        }
    }
    let link = o
        .get("link")
        .and_then(link_of)
        .or_else(|| first(o, &["url"]));
    let native = first(o, &["guid", "id"])
        .or_else(|| link.clone())
        .ok_or_else(|| fields::missing("feed item", "guid"))?;
    let date_key = [
        "isoDate",
        "published",
        "date_published",
        "pubDate",
        "pubdate",
        "dc:date",
        "updated",
        "date_modified",
    ]
    .into_iter()
    .find(|k| o.get(*k).is_some_and(|v| !v.is_null()))
    .ok_or_else(|| fields::missing("feed item", "pubDate"))?;
    let raw = match &o[date_key] {
        Value::String(s) => RawTime::Str(s.clone()),
        other => RawTime::Str(text_of(other).unwrap_or_default()),
    };
    let created = fields::timestamp(&raw, Format::Feed, date_key)?;

    let title = first(o, &["title"]).map(|t| normalise::html_to_text(&t));
    let body = first(
        o,
        &[
            "content_text",
            "content:encoded",
            "content",
            "content_html",
            "description",
            "summary",
            "contentSnippet",
        ],
    )
    .map(|b| normalise::html_to_text(&b));
    let text = title_and_body(title.as_deref(), body.as_deref());

    let author_name = first(o, &["creator", "dc:creator", "author"])
        .or_else(|| o.get("authors").and_then(text_of));
    let author = Author {
        id: author_name.clone().unwrap_or_else(|| "unknown".into()),
        name: author_name,
        ..Author::default()
    };
    let feed = o.get("feed").and_then(Value::as_object);
    let mut m = Mention::new(Platform::News, &native, author, text, created);
    m.kind = Some(MentionKind::Article);
    m.title = title;
    m.url = link.clone();
    m.lang_hint = lang(
        first(o, &["language", "lang"]).or_else(|| feed.and_then(|f| first(f, &["language"]))),
    );
    m.channel = match feed {
        Some(f) => {
            let home = first(f, &["link", "url", "home_page_url"]);
            Some(Channel {
                id: first(f, &["feed_url", "id"]).or(home.clone()),
                name: first(f, &["title"]),
                url: home,
            })
        }
        None => link.as_deref().and_then(domain).map(|d| Channel {
            id: Some(d.to_string()),
            name: None,
            url: Some(format!("https://{d}/")),
        }),
    };
    Ok(m)
}

/// Host of an http(s) URL.
fn domain(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then_some(host)
}
