//! Pattern rules for the structured identifiers: each finds candidates with a regex, then keeps
//! the ones whose checksum validates or whose context (cue words nearby) says what they are.

use super::checks;
use super::Cand;
use once_cell::sync::Lazy;
use regex::Regex;
use vigia_model::PhiType;

fn re(s: &str) -> Regex {
    Regex::new(s).expect("valid PHI regex")
}

/// Up to `n` characters before byte offset `at`, lower-cased.
pub(crate) fn before(text: &str, at: usize, n: usize) -> String {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(0);
    head[start..].to_lowercase()
}

/// Up to `n` characters after byte offset `at`, lower-cased.
pub(crate) fn after(text: &str, at: usize, n: usize) -> String {
    text[at..]
        .chars()
        .take(n)
        .collect::<String>()
        .to_lowercase()
}

/// `before`, cut at the last sentence end so a cue in an earlier sentence does not count.
pub(crate) fn clause_before(text: &str, at: usize, n: usize) -> String {
    let w = before(text, at, n);
    match w.rfind(['!', '?', '\n']).or_else(|| w.rfind(". ")) {
        Some(i) => w[i + 1..].to_string(),
        None => w,
    }
}

/// `after`, cut at the first sentence end so a cue in the next sentence does not count.
pub(crate) fn clause_after(text: &str, at: usize, n: usize) -> String {
    let w = after(text, at, n);
    match w.find(['!', '?', '\n']).or_else(|| w.find(". ")) {
        Some(i) => w[..i].to_string(),
        None => w,
    }
}

/// True when one of `cues` occurs in `ctx` at the start of a word ("naci" is a cue in
/// "nació" but not in "vacunació"). Cues starting with a space or symbol match anywhere.
pub(crate) fn has_cue(ctx: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| {
        let bounded = c.chars().next().is_some_and(char::is_alphanumeric);
        ctx.match_indices(c).any(|(p, _)| {
            !bounded
                || !ctx[..p]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
    })
}

/// True when the character before `start` and after `end` are not letters or digits, so that a
/// match is a whole token.
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let joins = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '/');
    !joins(prev) && !joins(next)
}

static EMAIL: Lazy<Regex> = Lazy::new(|| {
    re(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
});
/// Mailboxes of an organisation's role, not of a person.
#[rustfmt::skip]
const ROLE_MAILBOXES: &[&str] = &[
    "info", "contact", "contacte", "contacto", "contatti", "admin", "press", "prensa", "premsa",
    "stampa", "comunicacio", "comunicacion", "comunicazione", "urp", "atencio.pacient",
    "atencionalpaciente", "atencion.paciente", "citas", "cites", "prenotazioni", "noreply",
    "no-reply", "hello", "support", "privacy", "dpo", "enquiries", "pals", "feedback",
    "patientexperience", "patientrelations", "customerservice", "customerservices",
    "appointments", "bookings", "reception", "complaints", "admissions", "admisiones",
    "admissions", "media", "comms", "webmaster", "office", "accounts", "billing",
    "facturacion", "facturacio", "fatturazione", "referrals", "secretaria", "segreteria",
    "volunteering", "fundraising", "careers", "jobs", "rrhh", "hr", "ufficiostampa",
    "records", "registros", "ouvidoria", "geral", "transcripts",
    // (phi-rules@9) citizen-service desks and booking centres: sac (servei d'atenció al
    // ciutadà), sau, uac, oac, cup (centro unico di prenotazione), cita previa, gabinete do
    // utente, wards and services
    "sac", "sau", "uac", "oac", "cup", "citaprevia", "prenota", "prenotazione", "recepcion",
    "recepcio", "recepcao", "ricoveri", "urgencias", "urgencies", "urgenze", "pharmacy",
    "farmacia", "radiology", "radiologia", "laboratorio", "lab", "gabinete", "gabinetedoutente",
    "expediente", "marcacoes", "consultas", "agendamento", "helpdesk", "servicedesk",
    // (phi-rules@15) bookings and student or staff services ("smears.booking@",
    // "accommodation.support@")
    "booking", "accommodation", "screening", "wellbeing", "residences", "studentservices",
    // (phi-rules@16) community organisations' own mailboxes: festivities, clubs, parishes
    "fete", "fiestas", "festes", "feste", "festas", "scouts", "guides", "club", "choir", "coro",
    "parish", "parroquia", "parrocchia", "paroquia", "masjid", "mosque", "iftar", "committee",
];

/// Starts of a role mailbox's name glued to its service ("atenciousuari@", "recordsdept@",
/// "reclamaciones@"): a role at an organisation's own domain, never at a webmail one.
#[rustfmt::skip]
const ROLE_MAILBOX_PREFIXES: &[&str] = &[
    "atencio", "atencion", "atendimento", "records", "medicalrecords", "healthrecords",
    "reclamac", "reclami", "queix", "queja", "complaint", "patient", "pacient", "paziente",
    "utent", "usuari", "ouvidoria", "segreteria", "secretaria", "admision", "admissio",
    // (phi-rules@10) clinical documentation and archives ("documentacion.clinica@")
    "documentac", "documentaz", "archiv", "arxiu", "arquiv", "historia", "histories",
    // (phi-rules@14) volunteering and events desks ("voluntariado@", "voluntariat@",
    // "volontariato@", "events@", "eventos@"), sign-ups ("inscripciones@", "iscrizioni@")
    "volunt", "volont", "event", "inscri", "iscriz",
];

/// Webmail and internet-provider domains: a mailbox there is a person's, whatever its name.
#[rustfmt::skip]
const WEBMAIL: &[&str] = &[
    "gmail", "googlemail", "hotmail", "outlook", "live", "yahoo", "icloud", "me", "aol",
    "btinternet", "sky", "virginmedia", "proton", "protonmail", "gmx", "libero", "tiscali",
    "alice", "virgilio", "telefonica", "movistar", "terra", "sapo", "uol", "bol",
];

/// Addresses spelt out to dodge scrapers: "jdoe (at) gmail (dot) com", "marta arroba gmail
/// punto com", "nome chiocciola libero punto it".
static EMAIL_SPELT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b[A-Za-z0-9][A-Za-z0-9._%+-]*\s*(?:\(at\)|\[at\]|\{at\}|\bat\b|\barroba\b|\bchiocciola\b)\s*[A-Za-z0-9-]+\s*(?:\(dot\)|\[dot\]|\{dot\}|\bdot\b|\bpunto\b|\bpunt\b)\s*(?:com|es|cat|it|org|net|co\s*(?:\(dot\)|\[dot\]|dot|\.)\s*uk|eu|info)\b",
    )
});

pub(crate) fn emails(text: &str, out: &mut Vec<Cand>) {
    for m in EMAIL_SPELT.find_iter(text) {
        out.push(Cand::new(m.start(), m.end(), PhiType::Email, 88, None));
    }
    for m in EMAIL.find_iter(text) {
        let local = m.as_str().split('@').next().unwrap_or("").to_lowercase();
        // A role with a site or team suffix is still a role: "pals.rwh@", "info-bcn@".
        let role = local.split(['.', '-', '_']).next().unwrap_or("");
        if ROLE_MAILBOXES.contains(&local.as_str()) || ROLE_MAILBOXES.contains(&role) {
            continue;
        }
        let domain = m.as_str().split('@').nth(1).unwrap_or("").to_lowercase();
        let webmail = WEBMAIL.contains(&domain.split('.').next().unwrap_or(""));
        if !webmail && ROLE_MAILBOX_PREFIXES.iter().any(|p| local.starts_with(p)) {
            continue;
        }
        // (phi-rules@15) A role anywhere in the name at an organisation's own domain:
        // "smears.booking@oakwoodsurgery.nhs.uk", "accommodation.support@leeds.ac.uk".
        if !webmail
            && local
                .split(['.', '-', '_'])
                .any(|part| ROLE_MAILBOXES.contains(&part))
        {
            continue;
        }
        out.push(Cand::new(m.start(), m.end(), PhiType::Email, 90, None));
    }
}

static URL: Lazy<Regex> = Lazy::new(|| re(r#"(?i)\b(?:https?://|www\.)[^\s<>"]+"#));
/// Hosts of public health authorities and fact-checkers: their pages cannot identify a patient.
#[rustfmt::skip]
const PUBLIC_HOSTS: &[&str] = &[
    "who.int", "cdc.gov", "nih.gov", "fda.gov", ".gov", "europa.eu", "nhs.uk", ".gov.uk", "gob.es",
    "gencat.cat", "gov.it", "iss.it", "aifa.gov.it", "fullfact.org", "snopes.com", "factcheck.org",
    "maldita.es", "newtral.es", "verificat.cat", "pagellapolitica.it", "facta.news", "open.online",
    "healthfeedback.org",
    // (phi-rules@9) Portuguese and Brazilian authorities and fact-checkers, and others
    ".gov.pt", ".gov.br", ".gob.mx", ".gob.ar", ".gov.au", ".gouv.fr", ".gc.ca", "dgs.pt",
    "infarmed.pt", "insa.pt", "poligrafo.sapo.pt", "observador.pt/fact-check", "aosfatos.org",
    "lupa.uol.com.br", "boatos.org", "politifact.com", "verifica.efe.com", "isciii.es",
    "nice.org.uk", "ecdc.europa.eu", "salute.gov.it", "epicentro.iss.it",
    // (phi-rules@15) regional health authorities of Spain, Italy and Portugal
    "comunidad.madrid", "madrid.org", "juntadeandalucia.es", "sergas.es", "osakidetza.eus",
    "san.gva.es", "saludcastillayleon.es", "murciasalud.es", "aragon.es", "navarra.es",
    "canalsalut.gencat.cat", "ics.gencat.cat", "regione.lombardia.it", "regione.veneto.it",
    "regione.toscana.it", "regione.emilia-romagna.it", "regione.lazio.it", "sns.gov.pt",
    "sns24.gov.pt",
];

pub(crate) fn urls(text: &str, out: &mut Vec<Cand>) {
    for m in URL.find_iter(text) {
        let s = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»', '\'', '"']);
        let end = m.start() + s.len();
        let lower = s.to_lowercase();
        let host = lower
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .split(['/', '?', '#', ':'])
            .next()
            .unwrap_or("");
        let public = PUBLIC_HOSTS.iter().any(|h| {
            if let Some(suffix) = h.strip_prefix('.') {
                host.ends_with(&format!(".{suffix}"))
            } else {
                host == *h || host.ends_with(&format!(".{h}"))
            }
        });
        if !public {
            out.push(Cand::new(m.start(), end, PhiType::Url, 90, None));
        }
    }
}

static IPV4: Lazy<Regex> = Lazy::new(|| re(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"));
static IPV6: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){2,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?\b",
    )
});
#[rustfmt::skip]
const VERSION_CUES: &[&str] = &[
    "version", "versión", "versió", "versione", "firmware", "build", " v", "release", "update to",
    "actualiza",
];

/// Private, loopback and link-local IPv4 addresses (RFC 1918, 127/8, 169.254/16): the address
/// of a router or printer inside some LAN, shared by millions of networks, identifies no one.
fn private_ipv4(ip: &str) -> bool {
    let o: Vec<u32> = ip.split('.').filter_map(|x| x.parse().ok()).collect();
    matches!(
        o.as_slice(),
        [10, ..] | [127, ..] | [192, 168, ..] | [169, 254, ..] | [0, ..]
    ) || matches!(o.as_slice(), [172, b, ..] if (16..=31).contains(b))
}

pub(crate) fn ips(text: &str, out: &mut Vec<Cand>) {
    for m in IPV4.find_iter(text) {
        if !m
            .as_str()
            .split('.')
            .all(|o| o.parse::<u32>().is_ok_and(|v| v <= 255))
        {
            continue;
        }
        let next = text[m.end()..].chars().take(2).collect::<String>();
        if next.starts_with('.') && next.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let prev = before(text, m.start(), 25);
        if has_cue(&prev, VERSION_CUES) && !prev.contains("ip") {
            continue;
        }
        if private_ipv4(m.as_str()) {
            continue;
        }
        out.push(Cand::new(m.start(), m.end(), PhiType::IpAddress, 85, None));
    }
    for m in IPV6.find_iter(text) {
        if m.as_str().chars().filter(|c| c.is_ascii_hexdigit()).count() >= 6 {
            out.push(Cand::new(m.start(), m.end(), PhiType::IpAddress, 85, None));
        }
    }
}

static DNI: Lazy<Regex> = Lazy::new(|| re(r"\b\d{8}[ -]?[A-Za-z]\b"));
static NIE: Lazy<Regex> = Lazy::new(|| re(r"\b[XYZxyz][ -]?\d{7}[ -]?[A-Za-z]\b"));
static CF: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b")
});
static NUSS_CUE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:n[úu]mero de afiliaci[óo]n(?: a la seguridad social)?|n[úu]m\. de afiliaci[óo]n|nuss|naf|n[úu]mero de la seguridad social|n[úu]mero de la seguretat social|n[úu]mero d'afiliaci[óo])\b",
    )
});
static NIF_PT: Lazy<Regex> = Lazy::new(|| re(r"\b\d{3} ?\d{3} ?\d{3}\b"));
/// Portuguese tax and citizen-card cues ("NIF", "contribuinte", "cartão de cidadão").
static PT_ID_CUE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:nif|contribuinte|n[úu]mero (?:de )?contribuinte|n[úu]mero fiscal|cart[ãa]o de cidad[ãa]o|\bcc\b|bilhete de identidade)\b",
    )
});
/// Brazilian CPF ("529.982.247-25", "52998224725").
static CPF: Lazy<Regex> = Lazy::new(|| re(r"\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b"));
static CPF_CUE: Lazy<Regex> = Lazy::new(|| re(r"(?i)\bcpf\b"));
/// UK National Insurance number ("JT 48 21 93 C", "QQ123456C").
static NINO: Lazy<Regex> = Lazy::new(|| re(r"(?i)\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"));
static NINO_CUE: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\b(?:ni|nino|nin|national\s+insurance)(?:\s+(?:no\.?|number|num|#))?\b"));
/// Portuguese Cartão de Cidadão document number ("12345678 9 ZZ4").
static CC_PT: Lazy<Regex> = Lazy::new(|| re(r"\b\d{8}\s?\d\s?[A-Z]{2}\d\b"));
static SSN_DASHED: Lazy<Regex> = Lazy::new(|| re(r"\b\d{3}-\d{2}-\d{4}\b"));
static SSN_PLAIN: Lazy<Regex> = Lazy::new(|| re(r"\b\d{3}[ ]?\d{2}[ ]?\d{4}\b"));

pub(crate) fn national_ids(text: &str, out: &mut Vec<Cand>) {
    for m in DNI.find_iter(text) {
        if checks::dni(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                95,
                Some("dni_letter"),
            ));
        }
    }
    for m in NIE.find_iter(text) {
        if checks::nie(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                95,
                Some("nie_letter"),
            ));
        }
    }
    for m in CF.find_iter(text) {
        if checks::codice_fiscale(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                95,
                Some("codice_fiscale_check"),
            ));
        }
    }
    // A Brazilian CPF: both check digits valid, and either its dotted shape or its cue.
    for m in CPF.find_iter(text) {
        let dotted = m.as_str().contains('.') && m.as_str().contains('-');
        let cued = CPF_CUE.is_match(&before(text, m.start(), 120));
        if (dotted || cued) && checks::cpf(m.as_str()) && standalone(text, m.start(), m.end()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                96,
                Some("cpf_mod11"),
            ));
        }
    }
    // A UK National Insurance number: its letter rules and its cue in the post before it.
    for m in NINO.find_iter(text) {
        if NINO_CUE.is_match(&text[..m.start()]) && checks::nino(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                90,
                Some("nino_format"),
            ));
        }
    }
    // A Portuguese citizen card number: its check digit validates.
    for m in CC_PT.find_iter(text) {
        if checks::cartao_cidadao(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                94,
                Some("cc_pt_check"),
            ));
        }
    }
    // A Portuguese NIF: a valid check digit and its cue before it in the post ("Pedem o NIF
    // em todo o lado... O meu é 2xxxxxxxx").
    for m in NIF_PT.find_iter(text) {
        let prev = before(text, m.start(), 120);
        // (phi-rules@11) a phone cue right before ("Agradeço contacto para o 912 ...") makes it
        // a phone, whatever id was named earlier in the post.
        if PT_ID_CUE.is_match(&prev)
            && checks::nif_pt(m.as_str())
            && !DIRECT_CUE.is_match(&before(text, m.start(), 30))
        {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                93,
                Some("nif_mod11"),
            ));
        }
    }
    // (phi-rules@11) Spain's Social Security number (NUSS, "número de afiliación"): a
    // national identifier like the SSN, not a health card.
    cued_tokens(text, &NUSS_CUE, &ALNUM_ID, 30, PhiType::NationalId, 82, out);
    for m in SSN_DASHED.find_iter(text) {
        if checks::ssn(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                80,
                Some("ssn_rules"),
            ));
        }
    }
    for m in SSN_PLAIN.find_iter(text) {
        let prev = before(text, m.start(), 30);
        if (prev.contains("ssn") || prev.contains("social security")) && checks::ssn(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::NationalId,
                85,
                Some("ssn_rules"),
            ));
        }
    }
}

static NHS_NO: Lazy<Regex> = Lazy::new(|| re(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b"));
/// The NHS number named as such, possessed ("my NHS number", "his NHS no.").
static NHS_NUMBER_NAMED: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)\b(?:my|his|her|their|our|your|mum's|dad's)\s+nhs\s+(?:number|no\.?|num)\b")
});
static CIP: Lazy<Regex> = Lazy::new(|| re(r"\b[A-Z]{4} ?[01] ?\d{6} ?\d{3}\b"));
static TEAM: Lazy<Regex> = Lazy::new(|| re(r"\b8038\d(?: ?\d){15}\b"));
#[rustfmt::skip]
const PHONE_CUES: &[&str] = &[
    "call", "phone", "tel", "text me", "ring", "mobile", "whatsapp", "fax", "llam", "truc",
    "chiam", "móvil", "mòbil", "cellulare", "teléfono", "telèfon", "telefono", "número", "numero",
];
const HEALTH_CARD_CUES: &str = r"(?i)\b(?:cip(?:[- ]sns)?|tsi|tarjeta sanitaria(?: individual)?|targeta sanit[àa]ria(?: individual)?|tessera sanitaria|health card|health insurance card|c[óo]digo sns|codi cip|n[úu]mero sns|n[úu]mero (?:de )?utente|n\.?º (?:de )?utente|cart[ãa]o (?:de )?utente|utente n\.?º|ehic|tes(?:sera)? (?:team|europea)|nuhsa|tarjeta sip|n[úu]mero sip|sip|member(?:ship)? (?:id|number|no\.?)|subscriber (?:id|number)|insurance (?:id|number)|medicare (?:number|card|no\.?)|medicaid (?:id|number)|health plan (?:id|number))\b";
static CNS_BR: Lazy<Regex> = Lazy::new(|| re(r"\b\d{3} ?\d{4} ?\d{4} ?\d{4}\b"));
static CNS_CUE: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\b(?:cns|sus|cart[ãa]o nacional de sa[úu]de|cart[ãa]o do sus)\b"));
static HEALTH_CARD_CUE: Lazy<Regex> = Lazy::new(|| re(HEALTH_CARD_CUES));

pub(crate) fn health_cards(text: &str, out: &mut Vec<Cand>) {
    for m in NHS_NO.find_iter(text) {
        if !checks::nhs(m.as_str()) {
            continue;
        }
        let prev = before(text, m.start(), 40);
        // ("my NHS number ... on the phone to 111. It's 984 678 1164": the number named a
        // sentence or two back.)
        let cued = prev.contains("nhs")
            || prev.contains("health number")
            || prev.contains("chi number")
            || NHS_NUMBER_NAMED.is_match(&before(text, m.start(), 160));
        let phone_like = has_cue(&prev, PHONE_CUES) && !cued;
        let spaced = m.as_str().contains(' ');
        if cued || (spaced && !phone_like) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::HealthCardNumber,
                if cued { 92 } else { 70 },
                Some("nhs_mod11"),
            ));
        }
    }
    // A Brazilian SUS card number: its weighted check and its cue before it in the post.
    for m in CNS_BR.find_iter(text) {
        if CNS_CUE.is_match(&before(text, m.start(), 80)) && checks::cns_br(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::HealthCardNumber,
                93,
                Some("cns_mod11"),
            ));
        }
    }
    for m in CIP.find_iter(text) {
        if checks::cip_catsalut(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::HealthCardNumber,
                90,
                Some("cip_format"),
            ));
        }
    }
    for m in TEAM.find_iter(text) {
        if checks::tessera_sanitaria(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::HealthCardNumber,
                95,
                Some("tessera_luhn"),
            ));
        }
    }
    cued_tokens(
        text,
        &HEALTH_CARD_CUE,
        &ALNUM_ID,
        30,
        PhiType::HealthCardNumber,
        75,
        out,
    );
    // (phi-rules@14) The card named earlier in the sentence and its number given after a
    // holder: "tarjeta sanitaria ... a nombre de Wilson Cárdenas, número AN0412739856",
    // "cartão de utente ... em nome de Adelino Fontes, n.º 284716391".
    for m in ALNUM_ID.find_iter(text) {
        let (s, e, trimmed) = trimmed_token(m.start(), m.as_str());
        let digits = trimmed.chars().filter(char::is_ascii_digit).count();
        if digits >= 6
            && standalone(text, s, e)
            && NUMBER_LABEL_BEFORE.is_match(&before(text, s, 16))
            && HEALTH_CARD_CUE.is_match(&clause_before(text, s, 140))
        {
            out.push(Cand::new(s, e, PhiType::HealthCardNumber, 74, None));
        }
    }
}

/// A number's label right before it: "número", "n.º", "nº", "number", "no.", "num.".
static NUMBER_LABEL_BEFORE: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\b(?:n[úu]mero|number|num\.?|no\.|nr\.?|n\.?\s?º|nº)\s*[:#]?\s*$"));

/// An id-like token: letters, digits and separators, at least four digits in all.
/// A letter prefix is upper-case when a space separates it ("HC 2201", "NHC 3384712"); a
/// lower-case word before a number ("pone 1997") is a word, not a prefix.
static ALNUM_ID: Lazy<Regex> = Lazy::new(|| {
    re(
        r"\b(?:(?:19|20)\d{2}[-/][A-Z]{1,4}[-/]\d{3,12}|(?:[A-Z]{1,4}[-/ ]?|[A-Za-z]{1,4}[-/]?)?\d[\d/ -]{2,22}\d[A-Za-z]?)\b",
    )
});
static SERIAL_ID: Lazy<Regex> = Lazy::new(|| re(r"\b[A-Z0-9][A-Z0-9-]{4,24}\b"));

/// For each match of `cue`, the first token matching `token` that starts within `window`
/// characters after it (and in the same sentence) becomes a candidate of type `kind`.
fn cued_tokens(
    text: &str,
    cue: &Regex,
    token: &Regex,
    window: usize,
    kind: PhiType,
    priority: u8,
    out: &mut Vec<Cand>,
) {
    for c in cue.find_iter(text) {
        let limit = text[c.end()..]
            .char_indices()
            .nth(window)
            .map(|(i, _)| c.end() + i)
            .unwrap_or(text.len());
        // The cue's own abbreviation dot ("account no. X", "núm. X") does not end the sentence.
        let abbreviation = c
            .as_str()
            .rsplit(|x: char| !x.is_alphanumeric())
            .next()
            .is_some_and(|w| ["no", "No", "nº", "núm", "num", "n", "N", "nr", "ref"].contains(&w));
        let from = c.end() + usize::from(abbreviation && text[c.end()..limit].starts_with('.'));
        let mut stop = clause_stop(text, from, limit);
        // (phi-rules@15) Asked for in one line of a chat and given in the next: "Can you
        // confirm the account number?\nMe: 88120-44713".
        if let Some(answer) = ANSWER_LINE.find(&text[stop..]) {
            let line_end = text[stop + answer.end()..]
                .find('\n')
                .map_or(text.len(), |i| stop + answer.end() + i);
            stop = line_end.min(stop + answer.end() + 40);
        }
        for t in token.find_iter(&text[c.end()..]) {
            let s = c.end() + t.start();
            if s >= stop {
                break;
            }
            // (phi-rules@15) A day and month ("la factura de la consulta del 12/03") is a date.
            if DAY_MONTH.is_match(t.as_str().trim()) {
                continue;
            }
            let digits = t.as_str().chars().filter(|x| x.is_ascii_digit()).count();
            let (s2, e2, trimmed) = trimmed_token(s, t.as_str());
            // A year on its own ("pone 1997") is no identifier.
            let year =
                trimmed.len() == 4 && (trimmed.starts_with("19") || trimmed.starts_with("20"));
            if digits < 4 || year || !standalone(text, s2, e2) {
                continue;
            }
            out.push(Cand::new(s2, e2, kind, priority, None));
            same_shape_after(text, s2, e2, kind, priority, out);
            break;
        }
    }
}

/// (phi-rules@14) A second number of the same shape later in the sentence, after the first
/// cued one: "my MRN is 00317752 and my mother's is 00317759", "NHC 123456 y el de mi padre
/// 123457": the same kind of identifier for another person.
fn same_shape_after(
    text: &str,
    s: usize,
    e: usize,
    kind: PhiType,
    priority: u8,
    out: &mut Vec<Cand>,
) {
    let shape = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .map(|c| if c.is_ascii_digit() { '9' } else { 'A' })
            .collect()
    };
    let first = shape(&text[s..e]);
    let limit = text[e..]
        .char_indices()
        .nth(60)
        .map_or(text.len(), |(i, _)| e + i);
    let stop = clause_stop(text, e, limit);
    for t in ALNUM_ID.find_iter(&text[e..stop]) {
        let (s2, e2, trimmed) = trimmed_token(e + t.start(), t.as_str());
        if shape(trimmed) == first && standalone(text, s2, e2) {
            out.push(Cand::new(s2, e2, kind, priority, None));
            return;
        }
    }
}

/// An id-like token found at byte `at` without the separators around it: (start, end, text).
fn trimmed_token(at: usize, token: &str) -> (usize, usize, &str) {
    let trimmed = token.trim_matches([' ', '-', '/']);
    let s = at + token.find(trimmed).unwrap_or(0);
    (s, s + trimmed.len(), trimmed)
}

/// Where the clause from `from` ends before `limit`: a line break, "!" or "?", or a sentence's
/// ". " ([`sentence_stop`]).
fn clause_stop(text: &str, from: usize, limit: usize) -> usize {
    text[from..limit]
        .find(['\n', '!', '?'])
        .map_or(limit, |i| from + i)
        .min(sentence_stop(text, from, limit))
}

/// The answer line of a chat right after a question: a line break, then the author's label.
static ANSWER_LINE: Lazy<Regex> = Lazy::new(|| {
    re(r"(?i)^[?.!]*[ \t]*\r?\n[ \t]*(?:me|yo|eu|jo|io|i|user|usuario|utente)\s*:\s*")
});
/// A day and a month with a slash, perhaps a year: a date, not an identifier.
static DAY_MONTH: Lazy<Regex> =
    Lazy::new(|| re(r"^(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?:/(?:\d{2}|\d{4}))?$"));

/// Abbreviations whose dot does not end a sentence ("factura núm. FA-2024", "ref. 1234").
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "no", "nº", "núm", "num", "n", "nr", "nro", "ref", "tel", "telf", "art", "fra", "exp", "pag",
];

/// Byte offset of the first ". " in `text[from..limit]` that ends a sentence (one after an
/// abbreviation such as `núm.` does not), or `limit`.
fn sentence_stop(text: &str, from: usize, limit: usize) -> usize {
    let w = &text[from..limit];
    for (i, _) in w.match_indices(". ") {
        let word = text[..from + i]
            .rsplit(|x: char| !x.is_alphanumeric() && x != 'º')
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !ABBREVIATIONS.contains(&word.as_str()) {
            return from + i;
        }
    }
    limit
}

/// (phi-rules@13: "Hosp No", "hospital id" as well as "hospital number".)
static MRN_CUE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:mrn|nhc|n\.h\.c\.?|medical record(?: number| no\.?| #)?|hosp(?:ital)?\.? (?:number|no\.?|num\.?|id)|patient (?:id|number|no\.?)|case number|record number|historia cl[íi]nica|hist[òo]ria cl[íi]nica|historial|n[úu]mero de historia|n[úu]mero d'hist[òo]ria|n\.?\s?º? ?de historia|cartella(?: clinica)?|n\.? ?cartella|numero (?:di )?cartella|nosologico|id paziente|codice paziente|n[úu]mero (?:de |do )?processo|processo cl[íi]nico|n\.?º? (?:de |do )?processo|processo (?:n\.?\s?º|n[úu]mero)|prontu[áa]rio(?: m[ée]dico)?|n[úu]mero (?:do |de )?prontu[áa]rio)\b",
    )
});

pub(crate) fn record_numbers(text: &str, out: &mut Vec<Cand>) {
    cued_tokens(
        text,
        &MRN_CUE,
        &ALNUM_ID,
        40,
        PhiType::MedicalRecordNumber,
        80,
        out,
    );
}

static ACCOUNT_CUE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:account(?: number| no\.?| #)?|acct\.?|billing (?:id|number)|invoice(?: number| no\.?)?|policy(?: number| no\.?)|claim(?: number| no\.?| #| id| ref(?:erence)?)?|(?:n[úu]mero de )?(?:siniestro|sinistre|sinistro)|(?:n[úu]mero de )?(?:cuenta|compte|p[óo]liza|p[òo]lissa|factura|conta|fatura|ap[óo]lice)|nib|n[úu]m\. (?:de )?(?:cuenta|compte|factura)|(?:numero (?:di |del )?)?(?:conto|polizza|fattura|pratica)|n\. (?:pratica|fattura|polizza))\b",
    )
});
static IBAN: Lazy<Regex> =
    Lazy::new(|| re(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b"));
static CARD: Lazy<Regex> = Lazy::new(|| re(r"\b\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}\b"));

pub(crate) fn accounts(text: &str, out: &mut Vec<Cand>) {
    for m in IBAN.find_iter(text) {
        if checks::iban(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::AccountNumber,
                95,
                Some("iban_mod97"),
            ));
        }
    }
    for m in CARD.find_iter(text) {
        let digits = m.as_str().chars().filter(|c| c.is_ascii_digit()).count();
        let prev = before(text, m.start(), 40);
        let cued = [
            "card",
            "tarjeta",
            "targeta",
            "carta",
            "visa",
            "mastercard",
            "amex",
        ]
        .iter()
        .any(|c| prev.contains(c));
        if (13..=19).contains(&digits) && cued && checks::luhn(m.as_str()) {
            out.push(Cand::new(
                m.start(),
                m.end(),
                PhiType::AccountNumber,
                90,
                Some("luhn"),
            ));
        }
    }
    cued_tokens(
        text,
        &ACCOUNT_CUE,
        &ALNUM_ID,
        35,
        PhiType::AccountNumber,
        72,
        out,
    );
}

static IMEI_CUE: Lazy<Regex> = Lazy::new(|| re(r"(?i)\b(?:imei|meid)\b"));
static IMEI_TOKEN: Lazy<Regex> = Lazy::new(|| re(r"\b\d[\d -]{13,19}\d\b"));
static SERIAL_CUE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:\bserial(?: number| no\.?| #)?|\bs/n\b|\bsn:|(?-i:\bSN\b)|\bn[úu]mero de serie|\bn[úu]m(?:ero|\.)? de s[èée]rie|\bnumero (?:di )?serie|\bmatricola (?:del )?(?:dispositivo|apparecchio)|\bdevice id|\bid del dispositivo|\budi\b)",
    )
});

pub(crate) fn devices(text: &str, out: &mut Vec<Cand>) {
    for c in IMEI_CUE.find_iter(text) {
        let rest = &text[c.end()..];
        if let Some(t) = IMEI_TOKEN.find(rest) {
            // A Luhn-valid 15 digits may sit a few words after its cue ("l'IMEI del rellotge
            // de la meva mare és ..."), within the sentence.
            if t.start() <= 60
                && !rest[..t.start()].contains(['.', '!', '?', '\n'])
                && checks::imei(t.as_str())
            {
                out.push(Cand::new(
                    c.end() + t.start(),
                    c.end() + t.end(),
                    PhiType::DeviceId,
                    95,
                    Some("imei_luhn"),
                ));
            }
        }
    }
    for c in SERIAL_CUE.find_iter(text) {
        let rest = &text[c.end()..];
        for t in SERIAL_ID.find_iter(rest) {
            // Near the cue, or further in the same sentence when it looks like a serial (digits
            // and letters or dashes: "MMT-1780-55219", "SN3307712").
            let far_ok = t.start() <= 60
                && !rest[..t.start()].contains(['.', '!', '?', '\n'])
                && t.as_str().chars().filter(char::is_ascii_digit).count() >= 5
                && t.as_str()
                    .chars()
                    .any(|x| x.is_ascii_uppercase() || x == '-');
            if t.start() > 25 && !far_ok {
                break;
            }
            let tok = t.as_str();
            if tok.chars().any(|x| x.is_ascii_digit()) && tok.len() >= 5 {
                out.push(Cand::new(
                    c.end() + t.start(),
                    c.end() + t.end(),
                    PhiType::DeviceId,
                    80,
                    None,
                ));
                break;
            }
        }
    }
}

static PLATE_ES: Lazy<Regex> = Lazy::new(|| re(r"\b\d{4}[ -]?[BCDFGHJKLMNPRSTVWXYZ]{3}\b"));
static PLATE_IT: Lazy<Regex> =
    Lazy::new(|| re(r"\b[A-HJ-NPR-TV-Z]{2} ?\d{3} ?[A-HJ-NPR-TV-Z]{2}\b"));
static PLATE_UK: Lazy<Regex> = Lazy::new(|| re(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b"));
/// Portuguese plates: two letters and two pairs of digits, or the older mixes (AA-00-AA,
/// 00-AA-00, 00-00-AA, AA-00-00).
static PLATE_PT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"\b(?:[A-Z]{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|[A-Z]{2}-\d{2}-\d{2})\b",
    )
});
/// Brazilian plates: the Mercosul pattern (ABC1D23) and the older one (ABC-1234).
static PLATE_BR: Lazy<Regex> = Lazy::new(|| re(r"\b(?:[A-Z]{3}\d[A-Z]\d{2}|[A-Z]{3}-\d{4})\b"));
#[rustfmt::skip]
const VEHICLE_CUES: &[&str] = &[
    "car", "plate", "reg ", "registration", "vehicle", "van ", "parked", "towed", "clamped",
    "matrícula", "matricula", "coche", "cotxe", "vehículo", "vehicle", "aparca", "targa", "auto",
    "macchina", "veicolo", "parcheggi", "parking", "multa", "grúa", "grua", "moto",
    // the car named by its make or model ("whoever owns the Corsa YK68 HBV")
    "corsa", "fiesta", "focus", "astra", "clio", "qashqai", "juke", "yaris", "polo ", "golf ",
    "punto", "panda", "ibiza", "león", "leon ", "megane", "mégane", "208", "308", "c3 ", "c4 ",
    "ford", "vauxhall", "opel", "renault", "fiat", "toyota", "nissan", "peugeot", "citroën",
    "citroen", "seat ", "volkswagen", "vw ", "kia ", "hyundai", "bmw", "audi", "mercedes",
    "skoda", "dacia", "tesla", "mini ", "minibus", "ambulance",
    // Portuguese
    "carro", "viatura", "estacionad", "automóvel", "automovel", "matrícula do", "reboque",
    "placa",
];

pub(crate) fn plates(text: &str, out: &mut Vec<Cand>) {
    for rx in [&*PLATE_ES, &*PLATE_IT, &*PLATE_UK, &*PLATE_PT, &*PLATE_BR] {
        for m in rx.find_iter(text) {
            let ctx = format!(
                "{} {}",
                before(text, m.start(), 60),
                after(text, m.end(), 40)
            );
            if has_cue(&ctx, VEHICLE_CUES) {
                out.push(Cand::new(
                    m.start(),
                    m.end(),
                    PhiType::LicencePlate,
                    75,
                    None,
                ));
            }
        }
    }
}

static PHONE: Lazy<Regex> =
    Lazy::new(|| re(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]?\d{2,7}){1,4}"));
/// Numbers introduced by these are codes, not phone numbers.
#[rustfmt::skip]
const NOT_PHONE_CUES: &[&str] = &[
    "order", "pedido", "comanda", "ordine", "lot ", "lot:", "lote", "batch", "ref ", "ref.",
    "ref:", "reference", "referencia", "referència", "riferimento", "tracking", "seguimiento",
    "seguiment", "code", "código", "codi", "codice", "invoice", "factura", "fattura", "ticket",
    "expedient", "expediente", "pratica", "serial", "serie", "sèrie", "imei", "nhs", "account",
    "cuenta", "compte", "conto", "iban", "mrn", "nhc", "cartella", "historia", "història",
    "tessera", "tarjeta", "targeta", "cip", "tsi", "dni", "nie", "ssn", "passport", "pasaporte",
    "passaporte", "receipt", "recibo", "rebut", "ricevuta", "scontrino", "albarán", "albarà",
    "tracking", "parcel", "paquete", "pacchetto", "encomenda", "nif", "contribuinte", "utente",
    "cidadão", "processo",
    // (phi-rules@11) product codes and a Brazilian tax id ("the barcode number on this box")
    "barcode", "bar code", "código de barras", "codi de barres", "codice a barre", "cpf",
    "product", "producto", "producte", "prodotto", "produto", "model", "modelo", "modello",
    // (phi-rules@10) complaints and cases ("Reclamación nº 2026-004417")
    "reclamaci", "reclamo", "queja", "queixa", "segnalazione", "protocol", "case no",
    "case number", "case ref", "incidencia", "incidència", "solicitud nº", "sol·licitud",
];

#[rustfmt::skip]
const FAX_CUES: &[&str] = &["fax", "telefax", "facsímil", "facsimil"];
/// Words that make a number an organisation's contact point (switchboard, booking line).
#[rustfmt::skip]
const ORG_PHONE_CUES: &[&str] = &[
    "hospital", "ospedale", "clínic", "clinic", "clínica", "clinica", "policlinico", "cap ",
    "cup ", " cup", "switchboard", "helpline", "hotline", "appointments", "booking line",
    "centralita", "centraleta", "centralino", "cita previa", "demanar hora", "prenota",
    "numero verde", "número gratuito", "call centre", "call center", "reception", "recepción",
    "servicio de atención", "servei d'atenció", "urp", "pals", "info line", "sant pau",
    "vall d'hebron", "gemelli", "niguarda", "la paz", "marañón", "rocío", "mount sinai", "guy's",
    "st thomas", "hopkins", "raffaele", "sant joan de déu", "centro de salud", "centre de salut",
    "ambulatorio", "farmacia", "farmàcia", "pharmacy", "atención al paciente",
    "atenció al pacient", "atención al usuario", "patient services", "patient advice",
    "ufficio relazioni", "ospedaliera", "asl ", "ausl", "ats ", "trust", "gp surgery",
    "surgery's", "practice", "consultorio", "mútua", "mutua",
    // Other organisations whose desk numbers turn up in posts: courts, offices, councils,
    // schools, a GP practice, a professional's office ("lo studio").
    "gp ", "gp's", "court", "juzgado", "jutjat", "tribunal", "tribunale", "office", "oficina",
    "despacho", "ufficio", "studio", "council", "ayuntamiento", "ajuntament", "comune",
    "school", "escuela", "escola", "scuola", "hospice", "embassy", "consulado", "consolato",
    // an organisation speaking of its own line ("send the forms to our fax")
    "our fax", "our phone", "our number", "our line", "nuestro fax", "nuestro teléfono",
    "el nostre fax", "el nostre telèfon", "il nostro fax", "al nostro fax", "enquiries line",
    // a ward's or a secretary's desk line
    "ward ", "direct line", "extension", "ext.", "secretary", "secretaria", "secretària",
    "segreteria",
    // a number printed by the organisation ("the number on your website")
    "website", "web site", "página web", "pàgina web", "sito web", "sito internet",
    "on the letter", "on your letter", "en la carta", "a la carta", "nella lettera",
    // Portuguese public lines
    "sns 24", "saúde 24", "linha de apoio", "centro de saúde", "atendimento",
    // (phi-rules@15) round-the-clock lines and out-of-hours services
    "24h line", "24-hour line", "24 hour line", "24/7 line", "guardia medica",
    "continuità assistenziale", "punto de atención continuada", "out of hours",
    // (phi-rules@16) a notice's information line ("Informações: 258 809 300")
    "informações:", "información:", "informació:", "informazioni:", "info:", "enquiries:",
    "inscripciones", "inscrições", "inscripcions", "iscrizioni",
];

/// A fax or phone cue right before the number ("per fax al", "tel.:", "call me on").
static DIRECT_CUE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:fax|telefax|tel|tlf|telf|phone|mobile|cell|m[óo]vil|mòbil|telèfon|tel[ée]fono|telefone|telemóvel|cellulare|whatsapp|whats|wpp|zap|bizum|mb\s*way|pix|call|ring|text|llam\w*|truca\w*|truqu\w*|chiama\w*|ligue|liga|contact[oe]?|contactar|contacte|contatto|contato|contattare)\b\.?\s*(?:me\s+|us\s+|-me\s+)?(?:para\s+o|pelo|pro|al|a|at|on|to|no\.?|number|n[úu]mero|nº|para|per)?\s*[:.]?\s*$",
    )
});

/// Words of a call, a text or a voice message: a number so introduced is a phone even in a
/// post that talks of a fax.
#[rustfmt::skip]
const CALL_CUES: &[&str] = &[
    "call", "ring", "phone", "text", "whatsapp", "mobile", "cell", "llam", "truc", "chiam",
    "móvil", "mòbil", "cellulare", "telèfon", "teléfono", "telefono", "tel.", "tel:", "bizum",
    "ligue", "liga", "telemóvel", "telemovel",
];

/// A department's or service's line ("fax del servei de radiologia: 93 ..."): the
/// organisation's, for a landline only (a mobile there may be a person's).
#[rustfmt::skip]
const DEPARTMENT_CUES: &[&str] = &[
    "servei", "servicio", "servizio", "department", "departament", "departamento", "reparto",
    "unitat", "unidad", "unit ",
    // (phi-rules@15) "the medical records dept", "dpto.", "dept."
    "dept", "dpto", "depto",
];

/// Another identifier named a few words before the number ("the NHS number on the letter is
/// 3237418705"): a failed id, not a phone.
static OTHER_ID_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:nhs|account|patient|hospital|record|card|cip|tsi|dni|nie|ssn|social\s+security|tessera|cartella|historia|història|tarjeta|targeta|passport|pasaporte|passaporto|codice\s+fiscale)\s+(?:number|no\.?|num\.?|número|numero|nº|n\.º)\b[^0-9]{0,30}$",
    )
});

/// Whose number it is, said a little further back: "Teléfono de mi madre ...: 612 ...",
/// "el mòbil del meu pare", "il cellulare di mia nonna", "my mum's number".
static PERSONAL_PHONE_HEAD: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:(?:tel[eé]fono|telèfon|telefon|telefono|m[oó]vil|mòbil|mobil|n[uú]mero|numero|cellulare|phone|mobile|number)\s+(?:de|del|di|of)\s+(?:mi|mis|mio|mia|my|la\s+meva|el\s+meu|meu|meva)\b|\bmy\s+\w+'s\s+(?:phone|mobile|number))",
    )
});
#[rustfmt::skip]
const PERSONAL_PHONE_CUES: &[&str] = &[
    "my ", "me ", "me:", "mine", "his ", "her ", "mi ", "mio", "mia ", "meu", "meva", "seu ",
    "seva", "su teléfono", "su móvil", "su número", "llamadme", "llámame", "truca'm", "truqueu-me",
    "chiamatemi", "chiamami", "scrivetemi", "escriviu-me", "escribidme", "text me", "call me",
    "liguem-me", "liga-me", "ligue-me", "contactem-me", "contacte-me", "telemóvel", "minha ",
    "reach me", "contact me", "whatsapp", "mòbil", "móvil", "cellulare", "personal",
    // (phi-rules@10) whose it is as the object ("if the pharmacy needs to send him stuff")
    "him ", "them ", "whats ",
    // (phi-rules@11) someone's own or home fax ("su fax es el", "from home")
    "su fax", "seu fax", "suo fax", "his fax", "her fax", "home fax", "fax de casa",
    "fax di casa", "fax da casa", "desde casa", "from home", "des de casa",
    // (phi-rules@14) a home office or study ("il fax nello studio di casa, 055 ..."), and the
    // author asking to be called with an infinitive ("può chiamarmi al", "puedes llamarme al")
    "di casa", "de casa", "da casa", "em casa", "at home", "a casa mia", "chiamarmi",
    "scrivermi", "contattarmi", "llamarme", "escribirme", "contactarme", "trucar-me",
    "ligar-me", "contactar-me",
];

/// (phi-rules@13) Whoever finds a lost thing is to call: "si alguien la encuentra, llamad al",
/// "if anyone finds it, ring", "se qualcuno lo trova", "si algú la troba", "se alguém encontrar":
/// the number is the owner's, whatever hospital the thing was lost in.
static FINDER_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:si\s+alguien\s+(?:l[oae]s?\s+)?encuentra|si\s+algú\s+(?:l[ae']s?\s*|el\s+|ho\s+)?troba|if\s+(?:any|some)one\s+finds|if\s+found|se\s+qualcuno\s+(?:l[oaie]\s+)?trova|se\s+algu[ée]m\s+(?:[oa]s?\s+)?encontrar|quien\s+l[oa]\s+encuentre|chi\s+(?:l[oaie]\s+)?(?:ha\s+trovato|trova)|whoever\s+(?:found|finds)|quien\s+(?:l[oa]s?\s+)?(?:haya\s+encontrado|encontr[óo])|qui\s+(?:l[ae']s?\s*)?(?:hagi\s+trobat|trobi|va\s+trobar)|quem\s+(?:[oa]s?\s+)?(?:encontrou|encontrar))\b",
    )
});

/// (phi-rules@15) The author dialling the number, right before it: "ringing", "calling",
/// "llamando al", "trucant al", "chiamando il", "a ligar para".
static DIALLED_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:been\s+(?:ringing|calling|phoning|dialling|dialing)|kept\s+(?:ringing|calling)|llevo\s+(?:\p{L}+\s+){0,3}llamando\s+al|llamando\s+al|porto\s+(?:\p{L}+\s+){0,3}trucant\s+al|trucant\s+al|sto\s+chiamando\s+(?:il|lo|al)|continuo\s+a\s+chiamare\s+(?:il|lo|al)|a\s+ligar\s+para\s+o|ligando\s+para\s+o)\s*$",
    )
});

/// (phi-rules@15) The number called a product's or an invoice's code right after it.
static PRODUCT_CODE_AFTER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:product\s+code|product\s+number|c[óo]digo\s+(?:do|del|de)\s+produto|c[óo]digo\s+del\s+producto|codi\s+del\s+producte|codice\s+(?:del\s+)?prodotto|barcode|c[óo]digo\s+de\s+barras)\b",
    )
});

/// (phi-rules@15) Whose line it is, said right after: "(és el fix de casa)", "(home
/// landline)", "è il fisso di casa", "é o telefone de casa".
static HOME_LINE_AFTER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)^\W{0,3}(?:\p{L}+\s+){0,3}?(?:fix\s+de\s+casa|fijo\s+de\s+casa|tel[eé]fono\s+de\s+casa|fisso\s+di\s+casa|telefone\s+de\s+casa|home\s+(?:landline|number|phone)|my\s+landline|mi\s+fijo|el\s+meu\s+fix)\b",
    )
});

/// (phi-rules@13) A product's printed code named before the number: barcode, sticker, label.
static PRODUCT_CODE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:barcode|bar\s+code|código\s+de\s+barras|codi\s+de\s+barres|codice\s+a\s+barre|sticker|pegatina|adesivo|etichetta|etiqueta|ean|upc)\b",
    )
});

/// Words only Portuguese writes (not Spanish or Galician): a 9-digit number starting 91/92/93/96
/// in such a post is a mobile, not a Madrid or Barcelona landline.
static PORTUGUESE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:não|você|vocês|alguém|obrigad[oa]|ligue|liguem|telemóvel|telemovel|também|muito|moro|uma|pra|está\s+internad[oa]|achei|moram|liga-me|agradeço|cartão|cidadão|perto)\b",
    )
});

/// The author's own organisation ("my GP surgery", "mi centro de salud", "el meu CAP", "la mia
/// farmacia", "o meu centro de saúde"): a possessive that makes no number personal.
static MY_ORG: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:my|our|mi|nuestro|nuestra|el\s+meu|la\s+meva|meu|meva|il\s+mio|la\s+mia|mio|mia|o\s+meu|a\s+minha|minha)\s+(?:local\s+)?(?:gp|gp's|doctor's|doctors'|surgery|practice|clinic|hospital|pharmacy|chemist|dentist|centro\s+de\s+salud|centro\s+de\s+sa[úu]de|centre\s+de\s+salut|farmacia|farm[àá]cia|cap|ambulatori|ambulatorio|medico\s+di\s+base|cl[íi]nica|hospital)\b[^.!?]*$",
    )
});

pub(crate) fn phones(text: &str, out: &mut Vec<Cand>) {
    for m in PHONE.find_iter(text) {
        let (mut s, e) = (m.start(), m.end());
        let raw = m.as_str();
        let digits: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
        // The tail of a code ("MMT-1780-55219", "FA-2024-00871") is not a phone number.
        let glued = text[..s].ends_with('-')
            && text[..s - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if !(9..=13).contains(&digits.len()) || glued || !standalone(text, s, e) {
            continue;
        }
        // A date or time is not a phone number.
        if raw.contains('/') || raw.matches('.').count() >= 2 && digits.len() < 9 {
            continue;
        }
        // A year and a running number ("2026-004417") is a case or file reference.
        let year_ref = raw.trim().len() > 5
            && (raw.trim().starts_with("19") || raw.trim().starts_with("20"))
            && raw.trim()[4..].starts_with('-')
            && raw.trim().matches('-').count() == 1;
        if year_ref {
            continue;
        }
        let trimmed_start = raw.len() - raw.trim_start().len();
        s += trimmed_start;
        let ctx = clause_before(text, s, 45);
        // (phi-rules@11) "0034 688 ...": the international prefix written with 00.
        let digits: String = match digits.strip_prefix("00") {
            Some(rest) if digits.len() >= 11 => rest.to_string(),
            _ => digits,
        };
        let raw_intl = raw.trim_start().starts_with('+') || raw.trim_start().starts_with("00");
        let national = digits
            .strip_prefix("34")
            .filter(|_| raw_intl || digits.len() == 11)
            .or_else(|| digits.strip_prefix("39").filter(|_| raw_intl))
            .or_else(|| digits.strip_prefix("44").filter(|_| raw_intl))
            .unwrap_or(&digits);
        // UK non-geographic 03/084/087 lines (0300 123 1234) belong to public bodies and firms.
        let uk_non_geo = digits.len() == 11
            && [
                "0300", "0330", "0343", "0344", "0345", "0370", "0843", "0844", "0845", "0870",
                "0871",
            ]
            .iter()
            .any(|p| digits.starts_with(p));
        // (Portuguese 808 and 707 lines are shared-cost numbers of services.)
        let national = national
            .strip_prefix("351")
            .filter(|_| raw_intl)
            .unwrap_or(national);
        let toll_free = [
            "800", "900", "0800", "0808", "803", "901", "902", "808", "707",
        ]
        .iter()
        .any(|p| national.starts_with(p))
            || uk_non_geo
            || text[..s].ends_with("1-");
        // Named right before by its own cue ("per fax al 0574 ...", "tel. 93 ..."): the
        // number wins over an invoice or record cue further back.
        let direct = DIRECT_CUE.is_match(&before(text, s, 30));
        if (!direct && has_cue(&before(text, s, 25), NOT_PHONE_CUES))
            || OTHER_ID_BEFORE.is_match(&clause_before(text, s, 50))
        {
            continue;
        }
        // ("my GP surgery's fax", "el meu CAP": the author's organisation, not the author.)
        let personal = (has_cue(&ctx, PERSONAL_PHONE_CUES) && !MY_ORG.is_match(&ctx))
            || PERSONAL_PHONE_HEAD.is_match(&clause_before(text, s, 100))
            || FINDER_BEFORE.is_match(&clause_before(text, s, 60))
            || HOME_LINE_AFTER.is_match(&clause_after(text, e, 40));
        // (phi-rules@15) A number the author has been dialling ("been ringing 0161 ... since
        // 8am", "llevo toda la mañana llamando al"): a line that answers the public, unless
        // something says whose it is.
        if !personal && DIALLED_BEFORE.is_match(&before(text, s, 40)) {
            continue;
        }
        // (phi-rules@15) "the number 117007427 on the pharmacy bill ... is the product code":
        // called a code right after.
        if !personal && PRODUCT_CODE_AFTER.is_match(&clause_after(text, e, 90)) {
            continue;
        }
        // (phi-rules@13) "the barcode sticker on my new kettle says 4006...": a product's code
        // on the author's own thing; "my" is the thing's, not the number's.
        if !direct && PRODUCT_CODE_BEFORE.is_match(&clause_before(text, s, 60)) {
            continue;
        }
        // "The code on the glove boxes is 749 ...": a code named a little further back, when
        // nothing says the number is someone's.
        if !personal && !direct && has_cue(&clause_before(text, s, 60), NOT_PHONE_CUES) {
            continue;
        }
        // An organisation named in the question just before ("the patient line of Hospital
        // del Mar? The 93 248 30 00 doesn't answer") still owns the number.
        // A mobile (Spanish 6/7, UK 07, Italian 3) is an organisation's only when the cue is
        // right before it: "cerca del Hospital X, si lo veis llamad al 622..." is a person's.
        // (phi-rules@10) Portuguese mobiles (91, 92, 93, 96) in a Portuguese post, and
        // Brazilian ones: a 9 after the area code ("(11) 98742-3316").
        let pt_mobile = national.len() == 9
            && ["91", "92", "93", "96"]
                .iter()
                .any(|p| national.starts_with(p))
            && PORTUGUESE.is_match(text);
        let br_mobile = (digits.len() == 11 && raw.trim_start().starts_with('(')
            || digits.len() == 13 && digits.starts_with("55") && raw.starts_with('+'))
            && digits[digits.len() - 9..].starts_with('9');
        let mobile = (national.len() == 9 && national.starts_with(['6', '7']))
            || (digits.len() == 11 && digits.starts_with("07"))
            || (national.len() == 10 && national.starts_with('3'))
            || pt_mobile
            || br_mobile;
        // (In the same clause: "... at the hospital reception. Whats (21) 9..." is the finder's.)
        let org = if mobile {
            has_cue(&clause_before(text, s, 25), ORG_PHONE_CUES)
        } else {
            has_cue(&ctx, ORG_PHONE_CUES)
                || has_cue(&before(text, s, 110), ORG_PHONE_CUES)
                || has_cue(&ctx, DEPARTMENT_CUES)
                // (phi-rules@14) "the records department at Leeds General only accepts ...
                // by fax on 0113 ...": the department named further back in the sentence.
                || has_cue(&clause_before(text, s, 110), DEPARTMENT_CUES)
        };
        if (toll_free || org) && !personal {
            continue;
        }
        // A post about a (home) fax: its number is the fax unless a call or a text is asked
        // for ("Mum still has a fax machine ... sent them to her at home, 0161 ...").
        // (A mobile is never a fax.)
        let fax_post = text.to_lowercase().contains("fax") && !mobile && !has_cue(&ctx, CALL_CUES);
        let kind = if has_cue(&ctx, FAX_CUES) || fax_post {
            PhiType::Fax
        } else {
            PhiType::Phone
        };
        out.push(Cand::new(s, e, kind, if direct { 85 } else { 50 }, None));
    }
}

static UK_POSTCODE: Lazy<Regex> =
    Lazy::new(|| re(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b"));
/// Portuguese postcodes: four digits, a dash, three digits ("1000-001 Lisboa").
static PT_POSTCODE: Lazy<Regex> = Lazy::new(|| re(r"\b\d{4}-\d{3}\b"));
/// Brazilian CEP: five digits, a dash, three digits ("01310-100").
static BR_CEP: Lazy<Regex> = Lazy::new(|| re(r"\b\d{5}-\d{3}\b"));
static FIVE_DIGITS: Lazy<Regex> = Lazy::new(|| re(r"\b\d{5}(?:-\d{4})?\b"));
#[rustfmt::skip]
const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
];
#[rustfmt::skip]
const POSTCODE_CUES: &[&str] = &[
    "zip", "postcode", "post code", "postal code", "c.p.", "cp ", "cp:", "código postal",
    "codi postal", "cap ", "cap:", "c.a.p.", "codice postale", "código-postal",
];

/// (phi-rules@16) An area or a pick-up point right before a five-digit code: "zona 28039",
/// "recogerlo en 48901", "recollida a 08024", "ritiro a mano in zona 20137", "collection from".
static AREA_BEFORE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:zona|zone|area|barrio|bairro|quartiere|recog\p{L}*\s+en|recollida\s+a|recull\p{L}*\s+a|ritiro(?:\s+a\s+mano)?\s+(?:in\s+zona|a)|ritirare\s+a|recolha\s+em|levantar\s+em|collection\s+(?:from|in)|pick[- ]?up\s+(?:from|in))\s*$",
    )
});

/// (phi-rules@13: a US house number, a street name and its abbreviated kind, "2208 Magnolia Dr".)
static STREET_WORD: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)(?:\b(?:calle|carrer|avenida|avinguda|avda|plaza|plaça|piazza|corso|viale|via|paseo|passeig|rambla|street|road|lane|avenue|travessera|travesía|travessia|ronda|camino|camí|carretera|rua|rúa|largo|vicolo|strada|piazzale|drive|close|crescent|terrace|travessa|praça|estrada|alameda|calçada|beco|av\.)\b|\bc/|\bav\.|\b\d{1,5}\s+(?:\p{L}+\s+){1,3}(?:st|rd|dr|ave|ln|blvd|ct|pkwy|hwy)\b)",
    )
});

/// Whether `rest` goes on with `sep` and then a capital letter (a place name after a code).
fn capital_after(rest: &str, sep: &str) -> bool {
    rest.strip_prefix(sep)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

pub(crate) fn postal_codes(text: &str, out: &mut Vec<Cand>) {
    for m in UK_POSTCODE.find_iter(text) {
        out.push(Cand::new(m.start(), m.end(), PhiType::PostalCode, 60, None));
    }
    // A Portuguese postcode before a capitalised place, or after its cue or a street.
    for m in PT_POSTCODE.find_iter(text) {
        let place = capital_after(&text[m.end()..], " ");
        let prev = before(text, m.start(), 60);
        if place || has_cue(&prev, POSTCODE_CUES) || STREET_WORD.is_match(&prev) {
            out.push(Cand::new(m.start(), m.end(), PhiType::PostalCode, 60, None));
        }
    }
    // A Brazilian CEP after its cue, a street, or a street and a town.
    for m in BR_CEP.find_iter(text) {
        let prev = before(text, m.start(), 60);
        if prev.contains("cep") || STREET_WORD.is_match(&prev) || street_then_town(text, m.start())
        {
            out.push(Cand::new(m.start(), m.end(), PhiType::PostalCode, 62, None));
        }
    }
    for m in FIVE_DIGITS.find_iter(text) {
        if !standalone(text, m.start(), m.end()) {
            continue;
        }
        let prev = before(text, m.start(), 20);
        let head = &text[..m.start()];
        let state = head
            .trim_end()
            .rsplit([' ', ','])
            .next()
            .is_some_and(|w| US_STATES.contains(&w));
        let cued = has_cue(&prev, POSTCODE_CUES);
        // `, 08025 Barcelona`: after a comma and before a capitalised place name.
        let place = head.trim_end().ends_with(',') && capital_after(&text[m.end()..], " ");
        let street_before = STREET_WORD.is_match(&before(text, m.start(), 60));
        // `calle Mayor 5 28013 Madrid`: right after a street address and before a place name.
        let after_street = street_before && capital_after(&text[m.end()..], " ");
        // `Calle de Embajadores 112, 3º B, 28045 y ...`: after a street and a comma.
        let street_comma = head.trim_end().ends_with(',') && street_before;
        // `2207 W Elm St, Apt 4, Springfield 62704`: a street, then a town, then the code.
        let after_street_town = street_then_town(text, m.start());
        // (phi-rules@12) `calle Almendro 14 (28005)`: in brackets right after a street.
        let street_paren =
            head.trim_end().ends_with('(') && text[m.end()..].starts_with(')') && street_before;
        // (phi-rules@16) "zona 28039", "recollida a 08024", "ritiro in zona 20137": an area
        // or a pick-up point given by its code.
        let area = AREA_BEFORE.is_match(&before(text, m.start(), 30));
        // (phi-rules@14) `(08024, Gràcia)`: in brackets before a comma and a place name.
        let paren_place = head.trim_end().ends_with('(') && capital_after(&text[m.end()..], ", ");
        if state
            || area
            || paren_place
            || cued
            || place
            || after_street
            || street_comma
            || after_street_town
            || street_paren
        {
            out.push(Cand::new(m.start(), m.end(), PhiType::PostalCode, 60, None));
        }
    }
}

/// What lies between a street address and its postcode: a town and perhaps a state.
static TOWN_GAP: Lazy<Regex> = Lazy::new(|| {
    re(r"^,?\s*(?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+,?\s*(?:[A-Z]{2},?\s+)?$")
});

/// A street address ends shortly before `at`, and a town name lies between.
fn street_then_town(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(90);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let win = &text[from..at];
    STREET_EN
        .find_iter(win)
        .chain(STREET_ROMANCE.find_iter(win))
        .any(|m| TOWN_GAP.is_match(&win[m.end()..]))
}

/// Street names: a street-type word, a (mostly capitalised) name, and a house number.
static STREET_ROMANCE: Lazy<Regex> = Lazy::new(|| {
    re(r"(?x)
      \b(?i:calle|c/|carrer|avenida|avda\.|av\.|avinguda|paseo|passeig|pg\.|plaza|plaça|pl\.|ronda|rambla|camino|camí|travessera|travesía|via|viale|corso|piazza|piazzale|vicolo|largo|strada|rúa|rua|travessa|praça|estrada|alameda|calçada|beco|carretera|ctra\.)
      \s*
      (?:(?:de\ la|de\ les|de\ los|de\ las|del|dels|de|della|delle|dei|degli|di|la|el|les|los|das|dos|da|do)\s+|d'|de\ l')?
      (?:[\p{Lu}\d][\p{L}'’.\d-]*)
      (?:\s+(?:(?:de\ la|de\ les|de\ los|de\ las|del|dels|de|della|delle|dei|degli|di|la|el|y|i|e)\s+|d'|de\ l')?\p{Lu}[\p{L}'’.-]*){0,4}
      ,?\s+(?:(?:n[º°o]?|num|núm)\.?\s*)?\d{1,4}(?:\s?[A-Za-z]\b)?
      (?:,?\s*\d{1,2}\s?[º°ªrnt]{1,2}\.?(?:\s*\d{1,2}\s?[ºªa]?|\s?[A-Ha-h]\b|\s(?i:izq|izda|dcha|der|esq|dreta|int|ext|sx|dx|dto|dt|dta|drt|fte|frente)\.?)?)?
    ")
});
static STREET_EN: Lazy<Regex> = Lazy::new(|| {
    re(
        r"\b(?:(?:Flat|Apt\.?|Apartment|Unit)\s+\d{1,4}[A-Za-z]?,?\s+)?\d{1,5}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?(?:(?:[A-Z][a-z']+|\d{1,3}(?:st|nd|rd|th))\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Ter\.?|Close|Crescent|Cres\.?|Square|Sq\.?|Grove|Row|Parade|Gardens|Gdns\.?|Mews|View|Rise|Walk|Hill|Vale|Chase|Croft|Heights|Meadows?|Wynd|Brae|Circle|Cir\.?|Highway|Hwy\.?|Parkway|Pkwy\.?|Trail|Trl\.?|Loop|Pike|Green|Park)\b(?:,?\s+(?:Apt\.?|Apartment|Unit|Suite|Ste\.?|Flat|#)\s*#?\d{1,5}[A-Za-z]?\b)?",
    )
});

pub(crate) fn streets(text: &str, out: &mut Vec<Cand>) {
    for m in STREET_ROMANCE.find_iter(text) {
        let s = m.as_str();
        // "via email 2" or "via WhatsApp": the word after `via` must be a name, not a medium.
        let low = s.to_lowercase();
        if let Some(rest) = low.strip_prefix("via ") {
            let w = rest
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| !c.is_alphanumeric());
            if [
                "email",
                "e-mail",
                "whatsapp",
                "sms",
                "twitter",
                "app",
                "zoom",
                "web",
                "fax",
                "mail",
                "pec",
                "posta",
                "telefono",
                "skype",
                "teams",
                "telegram",
                "internet",
                "correo",
                "instagram",
                "facebook",
            ]
            .contains(&w)
            {
                continue;
            }
        }
        let end = m.start() + s.trim_end_matches([',', ' ']).len();
        out.push(Cand::new(m.start(), end, PhiType::StreetAddress, 65, None));
    }
    for m in STREET_EN.find_iter(text) {
        out.push(Cand::new(
            m.start(),
            m.end(),
            PhiType::StreetAddress,
            65,
            None,
        ));
    }
}
