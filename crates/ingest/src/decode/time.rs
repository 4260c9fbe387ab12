//! Timestamps as the platforms write them, all turned into UTC.
//!
//! Every parser returns `None` on failure; the caller names the field in the
//! [`DlqReason::InvalidTimestamp`](vigia_model::DlqReason) detail.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use std::fmt;

/// A timestamp field before interpretation: platforms send strings, epoch integers or (Reddit)
/// epoch floats. Any other JSON type is a `wrong_type` error.
#[derive(Debug, Clone, PartialEq)]
pub enum RawTime {
    Str(String),
    Int(i64),
    Float(f64),
}

impl<'de> Deserialize<'de> for RawTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawTime;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a timestamp string or epoch number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTime, E> {
                Ok(RawTime::Str(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawTime, E> {
                Ok(RawTime::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawTime, E> {
                i64::try_from(v)
                    .map(RawTime::Int)
                    .map_err(|_| E::custom("invalid value: epoch out of range"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawTime, E> {
                Ok(RawTime::Float(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// How a platform writes its timestamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 3339 / ISO 8601 with an offset, `+0000` without colon accepted (Graph API).
    Iso,
    /// X API v1.1: `Wed Oct 10 20:19:24 +0000 2018`.
    TwitterV1,
    /// Seconds since the epoch, integer or fractional.
    EpochSecs,
    /// Milliseconds since the epoch (LinkedIn).
    EpochMillis,
    /// Yelp Fusion: `2016-08-29 00:41:13`, local time of Yelp's servers (US Pacific).
    YelpPacific,
    /// Feeds: RFC 3339 or RFC 2822 (`Tue, 10 Jun 2003 04:00:00 GMT`).
    Feed,
    /// ISO strings or epoch seconds, whichever the payload holds (Foursquare v3 and v2).
    IsoOrEpoch,
}

pub fn parse(raw: &RawTime, format: Format) -> Option<DateTime<Utc>> {
    match (format, raw) {
        (Format::Iso, RawTime::Str(s)) => iso(s),
        (Format::TwitterV1, RawTime::Str(s)) => {
            DateTime::parse_from_str(s.trim(), "%a %b %d %H:%M:%S %z %Y")
                .ok()
                .map(|d| d.with_timezone(&Utc))
        }
        (Format::EpochSecs | Format::IsoOrEpoch, RawTime::Int(i)) => {
            DateTime::from_timestamp(*i, 0)
        }
        (Format::EpochSecs | Format::IsoOrEpoch, RawTime::Float(f)) => epoch_float(*f),
        (Format::EpochSecs, RawTime::Str(s)) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|i| DateTime::from_timestamp(i, 0)),
        (Format::EpochMillis, RawTime::Int(i)) => DateTime::from_timestamp_millis(*i),
        (Format::EpochMillis, RawTime::Str(s)) => s
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(DateTime::from_timestamp_millis),
        (Format::YelpPacific, RawTime::Str(s)) => yelp(s),
        (Format::Feed, RawTime::Str(s)) => iso(s).or_else(|| {
            DateTime::parse_from_rfc2822(s.trim())
                .ok()
                .map(|d| d.with_timezone(&Utc))
        }),
        (Format::IsoOrEpoch, RawTime::Str(s)) => iso(s),
        _ => None,
    }
}

fn epoch_float(f: f64) -> Option<DateTime<Utc>> {
    if !f.is_finite() || f.abs() > 1e13 {
        return None;
    }
    let secs = f.floor();
    let nanos = ((f - secs) * 1e9) as u32;
    DateTime::from_timestamp(secs as i64, nanos.min(999_999_999))
}

/// RFC 3339, and the ISO 8601 variants the Graph APIs use (`2019-03-25T18:57:03+0000`).
pub fn iso(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M:%S%z"] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.with_timezone(&Utc));
        }
    }
    None
}

/// Yelp documents review times as Pacific time without an offset. US rules since 2007: daylight
/// time from the second Sunday of March, 02:00, to the first Sunday of November, 02:00. The
/// repeated hour in November is read as daylight time.
fn yelp(s: &str) -> Option<DateTime<Utc>> {
    let local = NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%d %H:%M:%S").ok()?;
    let year = local.year();
    let start = nth_sunday(year, 3, 2)?.and_hms_opt(2, 0, 0)?;
    let end = nth_sunday(year, 11, 1)?.and_hms_opt(2, 0, 0)?;
    let offset_hours = if local >= start && local < end { 7 } else { 8 };
    Some(Utc.from_utc_datetime(&(local + Duration::hours(offset_hours))))
}

fn nth_sunday(year: i32, month: u32, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> RawTime {
        RawTime::Str(v.into())
    }

    #[test]
    fn formats() {
        let want: DateTime<Utc> = "2018-10-10T20:19:24Z".parse().unwrap();
        assert_eq!(
            parse(&s("Wed Oct 10 20:19:24 +0000 2018"), Format::TwitterV1),
            Some(want)
        );
        assert_eq!(
            parse(&s("2018-10-10T22:19:24+0200"), Format::Iso),
            Some(want)
        );
        assert_eq!(
            parse(&s("2018-10-10T20:19:24.000Z"), Format::Iso),
            Some(want)
        );
        assert_eq!(
            parse(&RawTime::Int(1539202764), Format::EpochSecs),
            Some(want)
        );
        assert_eq!(
            parse(&RawTime::Float(1539202764.0), Format::EpochSecs),
            Some(want)
        );
        assert_eq!(
            parse(&RawTime::Int(1539202764000), Format::EpochMillis),
            Some(want)
        );
        assert_eq!(
            parse(&s("Wed, 10 Oct 2018 20:19:24 GMT"), Format::Feed),
            Some(want)
        );
        assert_eq!(
            parse(&s("Wed, 10 Oct 2018 16:19:24 EDT"), Format::Feed),
            Some(want)
        );
        // 13:19:24 PDT (October is daylight time) = 20:19:24 UTC
        assert_eq!(
            parse(&s("2018-10-10 13:19:24"), Format::YelpPacific),
            Some(want)
        );
        // January is standard time: UTC-8
        assert_eq!(
            parse(&s("2018-01-10 12:00:00"), Format::YelpPacific),
            Some("2018-01-10T20:00:00Z".parse().unwrap())
        );
        assert_eq!(parse(&s("yesterday"), Format::Iso), None);
        assert_eq!(parse(&RawTime::Int(i64::MAX), Format::EpochSecs), None);
        assert_eq!(parse(&RawTime::Float(f64::NAN), Format::EpochSecs), None);
        assert_eq!(parse(&RawTime::Int(5), Format::Iso), None);
    }
}
