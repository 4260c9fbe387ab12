//! Dates tied to a person: birth, admission, discharge, surgery, death, appointment. Safe Harbor
//! treats every such date (except the year alone) as an identifier; dates of public events are not.

use super::disclosure;
use super::rules::{before, clause_after, clause_before, has_cue};
use super::Cand;
use once_cell::sync::Lazy;
use regex::Regex;
use vigia_model::PhiType;

const MONTHS: &str = "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|january|february|march|april|may|june|july|august|september|october|november|novembre|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gener|febrer|març|maig|juny|juliol|agost|setembre|desembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre";

static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{1,2}}(?:st|nd|rd|th|\.?º|°)?\s+(?:of\s+|de\s+|d')?(?:{m})(?:,?\s+(?:de\s+|del\s+)?\d{{4}})?|(?:{m})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}(?:[/.-]\d)?|\d{{1,2}}[-/](?:{m})\.?[-/](?:\d{{4}}|\d{{2}})|\d{{1,2}}\s[/.-]\s\d{{1,2}}\s[/.-]\s\d{{4}})\b",
        m = MONTHS
    ))
    .expect("date regex")
});

/// Day and month with a dot and no year ("il 5.11").
static DOT_DAY_MONTH: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b\d{1,2}\.\d{1,2}\b").expect("dot date regex"));
static DOT_ARTICLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:il|el|on|the|em|dia|day|le|del|al|lo|o|due|edd|fpp|dpp)\s+$")
        .expect("dot article regex")
});

static LOCAL_MONTH_CAP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Setiembre|Octubre|Noviembre|Diciembre|Gener|Febrer|Març|Maig|Juny|Juliol|Agost|Setembre|Octubre|Novembre|Desembre|Gennaio|Febbraio|Aprile|Maggio|Giugno|Luglio|Settembre|Ottobre|Dicembre|Janeiro|Fevereiro|Março|Maio|Junho|Julho|Setembro|Outubro|Novembro|Dezembro)\b")
        .expect("local month regex")
});
static YEAR: Lazy<Regex> = Lazy::new(|| Regex::new(r"\d{4}").expect("year regex"));

/// Words that tie a date to a person (any of en, es, ca, it).
#[rustfmt::skip]
const PERSON_DATE_CUES: &[&str] = &[
    // (phi-rules@12) an operation by its idiom ("goes under the knife on 19 November")
    "under the knife", "quirófano", "quiròfan", "sotto i ferri", "bloco operatório",
    "born", "birth", "dob", "d.o.b", "admitted", "admission", "discharged", "discharge",
    "operated", "surgery", "operation", "diagnosed", "died", "passed away", "death", "seen on",
    "my appointment", "his appointment", "her appointment", "nació", "naci", "nacimiento",
    "nacido", "nacida", "ingres", "alta", "operaron", "operad", "operó", "intervenid", "falleci",
    "murió", "diagnostic", "va néixer", "vaig néixer", "naixement", "nascut", "nascuda", "operar",
    "operat", "mort", "defunció", "nato", "nata", "nascita", "ricover", "dimess", "dimissione",
    "intervento", "decedut", "deceduto", "morto", "morta", "visita del", "mi cita",
    "la meva visita", "il mio appuntamento", "a&e", "urgencias", "urgències", "pronto soccorso",
    "i was in", "my scan", "my mri", "my biopsy", "my op ", "my bloods", "my test",
    "mi biopsia", "mi resonancia", "mi prueba", "la meva biòpsia", "la meva prova",
    "la mia biopsia", "la mia risonanza", "il mio esame", "my baby was", "my due date",
    "due on", "fecha de parto", "salgo de cuentas", "data del part", "data presunta",
    "nací", "booked in for", "booked for", "scheduled for", "my appointment", "mi cita es",
    // appointments however they are named, operations, deaths
    "appointment on", "appt", "cita de", "hora de", "appointment is", "appuntamento di",
    "operazione", "operación", "operació", "intervención",
    "intervenció", "cirugía", "cirurgia", "va morir", "morí", "morì", "è morta", "è morto",
    "appointment for", "cita para", "cita el", "cita del", "cita per", "hora per", "hora pel",
    "hora amb", "hora con", "appuntamento", "ho la visita", "visita il", "visita el",
    // first-person operations and procedures booked ("m'operen del genoll el 9 de gener")
    "m'operen", "m'operaran", "me operan", "me operarán", "me opero", "mi operano",
    "mi opereranno", "replacement", "my op", "my surgery", "my operation",
    // (phi-rules@13) a discharge told by its idiom ("was sent home at 2am on 14 November")
    "sent home", "sent him home", "sent her home", "sent me home", "mandaron a casa",
    "mandado a casa", "enviaron a casa", "enviat a casa", "van enviar a casa",
    "mandato a casa", "mandata a casa", "mandaram para casa", "mandaram-n",
    // a birth told by the delivery ("en el parto de Daniela el 3/11", "delivered her on")
    "parto", "el part de", "delivered", "c-section", "cesárea", "cesària", "cesareo",
    "nascimento", "nasceu", "operado", "operada", "internad", "faleceu", "morreu", "nascid",
    // a referral to a specialist ("referred me on 2 Dec", "me derivaron el", "mi hanno inviato")
    "referred", "derivaron", "derivada", "derivado", "derivat", "em van derivar", "inviato",
    "inviata", "encaminhad",
    // abbreviated birth-date labels, operations and appointments however they are owned
    "f. nac", "f.nac", "fecha nac", "fecha de nac", "data naix", "data de naix", "data nasc",
    "nasc.", "his op", "her op", "the op ", "op on", "op is", "op was", "su cita", "tu cita",
    "la seva visita", "la sua visita",
    "óbito", "minha consulta", "a minha consulta", "tive alta", "teve alta", "deu à luz",
    // (phi-rules@9) appointments with someone, whoever has them ("la cita amb el neuròleg és
    // el", "tiene cita con el reumatólogo el", "ho appuntamento con", "tem consulta no dia")
    "cita amb", "cita con", "tiene cita", "tengo cita", "tenemos cita", "tinc cita", "té cita",
    "tenim cita", "ho appuntamento", "ha appuntamento", "abbiamo appuntamento", "tenho consulta",
    "tem consulta", "temos consulta", "consulta com", "consulta marcada", "consulta de",
    "appointment with", "booked in with", "appt with", "seeing the consultant",
    "visita amb", "visita con", "visita com",
    // deaths told gently ("se n'è andato il", "nos dejó el", "ens va deixar el", "left us on")
    "se n'è andat", "ci ha lasciat", "se nos fue", "nos dejó", "nos ha dejado", "ens va deixar",
    "ens ha deixat", "se'n va anar", "nos deixou", "partiu", "left us", "we lost", "lost him",
    "lost her", "passed on", "went to sleep", "gained his wings", "gained her wings",
    // births told by the parents ("had twins on", "dio a luz el", "ha partorito il")
    "had twins", "had a baby", "had the baby", "had a boy", "had a girl", "had our", "had her baby",
    "gave birth", "welcomed", "dio a luz", "ha dado a luz", "di a luz", "va parir", "ha parit",
    "vaig parir", "ha partorito", "ho partorito", "partorito", "nacque", "tuvo gemelos",
    "tuvo mellizos", "tuvo una niña", "tuvo un niño", "ha tingut", "ha avuto", "teve gémeos",
    "teve gêmeos", "induction", "induced", "inducción", "inducció", "induzione", "indução",
    // (phi-rules@10) someone else's operation told with a clitic ("lo opera il professor X il
    // 15 gennaio", "la operan el martes"), and being screened or tested oneself
    "lo opera ", "la opera ", "lo operano", "la operano", "lo operan", "la operan", "le operan",
    "li operen", "l'operen", "o operam", "a operam", "get screened", "be screened",
    "get tested", "be tested", "getting screened", "getting tested",
];

/// Events of an organisation or a campaign, which a date after a condition word belongs to
/// ("cancer awareness day on 4 February", "the new dialysis unit opens on 3 May").
#[rustfmt::skip]
const EVENT_WORDS: &[&str] = &[
    "awareness", "campaign", "campaña", "campanya", "campagna", "day ", "día ", "giornata",
    "week", "semana", "setmana", "settimana", "unit", "opens", "launch", "event",
    "conference", "talk", "charla", "xerrada", "webinar", "screening", "cribado", "cribratge",
    "vaccin", "vacun", "walk", "run", "marathon", "race", "jornada", "congreso", "congrés",
];

/// Predicates that, right after a date, tie it to a person ("el 12 de marzo me operaron",
/// "since 2 March he has been in ICU", "lleva desde el 15 de enero ingresada"). Narrower than
/// [`PERSON_DATE_CUES`]: "on 3 March the hospital opens its new operating theatre" is an event.
#[rustfmt::skip]
const PERSON_DATE_CUES_AFTER: &[&str] = &[
    "i was born", "i was admitted", "i was discharged", "i was diagnosed", "i had my",
    "i had surgery", "i'm having", "i am having", "they operated",
    "was born", "was admitted", "was discharged", "was diagnosed", "had surgery", "passed away",
    "died", "is booked in", "me operaron", "me operan", "me operé", "me ingresaron",
    "me diagnosticaron", "me dieron el alta", "me dan el alta", "le operaron", "la operaron",
    "lo operaron", "le ingresaron", "la ingresaron", "lo ingresaron", "nació", "naci",
    "falleció", "murió", "ingresad", "operad", "intervenid", "diagnosticad", "tengo cita",
    "tiene cita", "em van operar", "m'operen", "m'operaran", "em van ingressar",
    "em van diagnosticar", "em donen l'alta", "el van operar", "la van operar", "li van",
    "va néixer", "vaig néixer", "va morir", "ingressad", "ingressat", "operat ", "tinc hora",
    "mi hanno operat", "mi operano", "mi hanno ricoverat", "mi hanno dimess", "mi hanno diagnosticat",
    "l'hanno operat", "lo hanno operat", "la hanno operat", "sono nat", "è nat", "è mort",
    "me operarán", "me operan", "m'operaran", "em van operar", "mi operano",
    "è decedut", "ricoverat", "dimess", "ho la visita", "ho l'intervento",
    "mi hanno tolt", "me quitaron", "me extirparon", "me han quitado", "m'han tret",
    "em van treure", "they took out", "i had my", "nasceu", "nasci", "foi internad",
    "fui internad", "foi operad", "fui operad", "faleceu", "morreu", "tive alta", "teve alta",
    // (phi-rules@10) a due date told after the date ("el 8 de juny sortim de comptes")
    "salgo de cuentas", "sale de cuentas", "salimos de cuentas", "surto de comptes",
    "surt de comptes", "sortim de comptes", "is my due date", "is our due date",
    "is her due date", "is the due date",
    // (phi-rules@15) a discharge told as leaving hospital ("ha sortit de l'hospital")
    "ha sortit de l'hospital", "va sortir de l'hospital", "ha salido del hospital",
    "salió del hospital", "è uscit", "è stat dimess", "saiu do hospital", "teve alta",
    "came home from hospital", "came out of hospital", "left hospital", "got out of hospital",
];

/// A visit to urgent care: the date is a person's when the clause says whose ("took him to the
/// walk-in on 2 May"); "the walk-in centre opens on 2 May" is an event.
#[rustfmt::skip]
const VISIT_CUES: &[&str] = &["walk-in", "urgent care", "minor injuries", "out of hours"];

/// The post asks for or gives a date of birth: a full date with a year there is one ("What's
/// your date of birth? ... Mine's 29/02/1996").
static BIRTH_IN_POST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:date\s+of\s+birth|dob|d\.o\.b|birthday|born|fecha\s+de\s+nacimiento|nacid[oa]|data\s+de\s+naixement|nascut|nascuda|data\s+di\s+nascita|nat[oa]\s+il|data\s+de\s+nascimento|nascid[oa]|f\.\s?nac|fecha\s+(?:de\s+)?nac|data\s+(?:de\s+)?naix|data\s+(?:di\s+|de\s+)?nasc)\b")
        .expect("birth regex")
});

/// "since", "desde (el)", "des del", "dal" right before the date, a weekday allowed between.
static SINCE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:since|desde(?:\s+el)?|des\s+del?|dal|dalla)\s+(?:\p{L}+\s+)?$")
        .expect("since regex")
});

/// (phi-rules@15) A place closed on the date: "will be closed on", "estará cerrado el",
/// "restarà tancat el", "resterà chiuso il", "estará fechado no dia".
static CLOSED_ON: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:(?:will\s+be|is|are)\s+closed|closes|cerrar[áa]|estar[áa]n?\s+cerrad[oa]s?|permanecer[áa]\s+cerrad[oa]|tancar[àa]|estar[àa]\s+tancat|restar[àa]\s+tancat|chiuder[àa]|rester[àa]\s+chius[oa]|sar[àa]\s+chius[oa]|fechar[áa]|estar[áa]\s+fechad[oa])\b[^.!?]{0,25}$")
        .expect("closed-on regex")
});

/// A place's opening or closing, which a date after "since" then belongs to.
static OPENING_HOURS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:closed|open|opened|shut|cerrad[oa]|abiert[oa]|tancat|tancada|obert|oberta|chius[oa]|apert[oa])\b")
        .expect("opening regex")
});

/// A birthday ("my son turns 5 on", "el cumple de mi hija", "il compleanno di mia nonna"): the
/// date is a person's when the clause names one.
static BIRTHDAY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:birthday|bday|turns\s+\d+|turning\s+\d+|turned\s+\d+|cumpli[óo]\s+\d+|va\s+fer\s+\d+|ha\s+fet\s+\d+|ha\s+compiuto\s+\d+|ha\s+fatto\s+\d+\s+anni|fez\s+\d+|faz\s+\d+|completou\s+\d+|anivers[aá]rio|cumple|cumpleaños|cumplirá|aniversari|fa\s+anys|farà\s+\d+\s+anys|compleanno|compie|compirà|fa\s+\d+\s+anys|fa\s+\d+\s+años|cumple\s+\d+|cumplirá\s+\d+|compie\s+\d+|compirà\s+\d+|fará\s+\d+|faz\s+\d+\s+anos|fa\s+\w+\s+anys)\b")
        .expect("birthday regex")
});

/// A medical test or scan named before the date ("the scan on Nov 20", "la resonancia del 3
/// de mayo", "l'ecografia del 12"): a person's date when the clause names whose.
static TEST_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:scan|mri|ct|biopsy|x-ray|xray|ultrasound|mammogram|colonoscopy|endoscopy|bloods|blood\s+test|ecograf[ií]a|resonancia|resonància|risonanza|tac|radiograf[ií]a|biopsia|biòpsia|mamograf[ií]a|colonoscop[ií]a|endoscop[ií]a|anal[ií]tica|analisi|análisis|exame|exames|eco|echo|ecografie|ecografia|ecocardiograma|ecocardiogramma|ressonância|resson[âa]ncia|tomograf[ií]a|tomografia|tc|ecg|ekg|electro|holter|smear|citolog[ií]a|cytology|prova|prueba|esame|mamografia|ecográfica|scan\w*|mri\w*)\b")
        .expect("test regex")
});

/// A death in the post (a death notice, a loss, a funeral): a full date in it is a person's
/// ("5 years today since we lost our boy ... 4 December 2021.").
static DEATH_IN_POST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:died|passed\s+away|passed\s+on|funeral|obituary|in\s+loving\s+memory|r\.?i\.?p|rest\s+easy|rest\s+in\s+peace|descansa\s+en\s+paz|descansi\s+en\s+pau|riposa\s+in\s+pace|descanse\s+em\s+paz|lost\s+(?:(?:our|my|his|her|their)\s+(?:\p{L}+\s+)?)?(?:boy|girl|son|daughter|mum|mom|mother|dad|father|baby|husband|wife|partner|brother|sister|nan|gran|grandma|grandad|grandpa|granddad|angel)|falleci\w*|murió|ha\s+muerto|esquela|sepelio|entierro|nos\s+(?:ha|has)\s+dejado|nos\s+dej(?:ó|o|aste)|ens\s+(?:ha|has|va|vas)\s+deixar|va\s+morir|ha\s+mort|enterrament|funeral|funerali|è\s+mancat[oa]|è\s+scompars[oa]|è\s+mort[oa]|ci\s+(?:ha|hai)\s+lasciat[oi]|faleceu|morreu|falecimento|velório|funeral)\b")
        .expect("death regex")
});

/// A visit to emergency or a doctor told right after the date ("el día 17 de octubre acudí a
/// urgencias", "on 3 May we took him to A&E", "il 4 marzo sono andata al pronto soccorso").
static VISIT_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\W*(?:\p{L}+\s+){0,2}?(?:acud\p{L}*|fui|fuimos|fue|vaig\s+anar|vam\s+anar|va\s+anar|sono\s+andat[oa]|siamo\s+andati|è\s+andat[oa]|went|took\s+(?:him|her|them|my\s+\p{L}+)|llev[ée]|llevamos|vaig\s+portar|ho\s+portato|fomos|levei|tuve\s+que\s+ir|i\s+ended\s+up)\b.{0,40}\b(?:urgencias|urgències|urgencies|a&e|a\s*&\s*e|er|emergency|emergencias|hospital|ospedale|pronto\s+soccorso|urgent\s+care|walk-in|ambulatori\p{L}*|centro\s+de\s+salud|cap|gp|m[ée]dic[oa]|metge|doctor|urgência|urgências)\b")
        .expect("visit-after regex")
});

/// A pregnancy in the post: "due 4th July" is then the baby's due date ("bills due 4 July" is
/// not).
static PREGNANCY_IN_POST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:baby|bump|pregnan\w*|expecting|embaraz\w*|embarass\w*|incint\w*|gr[áa]vid\w*|beb[éeè]|nadó|bimb[oa]|parto|part|fpp|dpp|salgo\s+de\s+cuentas|surto\s+de\s+comptes|de\s+cuentas|de\s+comptes|twins|gemel\w*|g[êe]meos)\b")
        .expect("pregnancy regex")
});
static DUE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:due|edd|fpp|dpp|previsto\s+para|prevista\s+per|prevista\s+para|termine|previs[ãa]o|data\s+prevista|data\s+presunta|fecha\s+prevista|(?:salgo|sale|sales|salimos|salen|saldr[ée]|saldr[áa])\s+de\s+cuentas|(?:surto|surt|surts)\s+de\s+comptes)\b[^.!?]{0,16}$")
        .expect("due regex")
});

/// (phi-rules@11) A return after an illness, right before the date: "Tommaso rientra lunedì 16
/// marzo", "will be back on 3 June", "vuelve al cole el 9 de mayo", "torna a l'escola el dia
/// 4": in a post that names a condition, the child's or the patient's.
static RETURN_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:rientra|rientrer[àa]|torna|torner[àa]|tornarà|back|returns?|returning|vuelve|volver[áa]|volta|voltar[áa]|off\s+(?:until|till)|de\s+baja\s+hasta|de\s+baixa\s+fins|a\s+casa\s+fins|a\s+casa\s+hasta)\b(?:\s+(?:a\s+scuola|al\s+cole|al\s+colegio|a\s+l'escola|à\s+escola|to\s+school|at\s+school|a\s+clase|a\s+classe|to\s+work|al\s+trabajo|a\s+la\s+feina|al\s+lavoro))?\s*(?:on\s+|el\s+|il\s+|dia\s+|el\s+dia\s+|o\s+dia\s+|the\s+)?(?:\p{L}+\s+)?$")
        .expect("return regex")
});

/// (phi-rules@11) A session of treatment or a scan right before the date: "ho l'infusione il
/// 22 gennaio", "my chemo is on 3 May", "tengo diálisis el 4", "a sessão de rádio é dia 9".
static SESSION_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:infusions?|infusione|infusión|infusió|infusão|chemo|quimio|chemio|radiotherapy|radio|radioterapia|radioteràpia|dialysis|diálisis|dialisi|diàlisi|diálise|transfusion|transfusión|trasfusione|transfusió|transfusão|injection|inyección|iniezione|injecció|injeção|session|sesión|sessió|seduta|sessão|ciclo|cycle|cicle)\b[^.!?]{0,10}?(?:on|el|il|a|dia|the|is|es|è|é)?\s*$")
        .expect("session regex")
});

/// The author as the subject ("io ho", "yo tengo", "eu tenho", "jo tinc"), which
/// [`disclosure::personal`] leaves to the possessives.
static FIRST_PERSON: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:io|ho|yo|tengo|jo|tinc|eu|tenho)\b").expect("first person regex")
});

/// An appointment named right before the date ("Cita: 14/03/2025", "appointment 14.03.25",
/// "consulta: 3 de maio"): a person's.
static APPT_RIGHT_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:appointment|appt|cita|consulta|visita|appuntamento|hora|marcação|marcacao)\s*[:-]?\s*(?:(?:on|el|il|dia|día|the|de|del|do|da|do\s+dia|da\s+dia|del\s+d[ií]a|of)\s+)?$")
        .expect("appointment regex")
});

/// A baby's arrival told with its weight ("arrived on 5th November weighing 8lb", "llegó el 3 de
/// mayo, 3,2 kg").
static ARRIVED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:arrived|came|llegó|llego|va\s+arribar|ha\s+arribat|è\s+arrivat[oa]|arrivat[oa]|chegou|nasceu|born)\b")
        .expect("arrived regex")
});
static BABY_IN_POST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:baby|little\s+(?:man|one|lady|girl|boy)|our\s+(?:son|daughter|boy|girl)|beb[éeè]|nadó|bimb[oa]|neonat[oa]|hij[oa]|fill[a]?|figli[oa]|filh[oa])\b")
        .expect("baby regex")
});
static WEIGHT_IN_POST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b\d{1,2}(?:[.,]\d{1,3})?\s*(?:lbs?|oz|kg|kilos?)\b|\b\d[.,]?\d{3}\s*(?:g|gr|grams|gramos|grammi|gramas)\b")
        .expect("weight regex")
});

/// (phi-rules@10) A clock time right after the date ("14/01/2027 at 09:40", "18/12/2026 10:15",
/// "il 12/02/2027 ore 08:30", "09/01/2027 às 14h30"): a booked slot.
static TIME_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:at|a\s+las|a\s+la|a\s+les|alle|alle\s+ore|ore|às|as|@|-|–)?\s*\d{1,2}(?:[:.h]\d{2}|\s*(?:am|pm|h)\b)")
        .expect("time-after regex")
});

/// An appointment or a reminder of one anywhere in the post: a full date with a clock time
/// there is someone's slot ("NHS: ... your appointment at Rheumatology is on 14/01/2027 at
/// 09:40", "Cita ... Fecha: 18/12/2026 10:15", "Promemoria CUP ... prenotata per il ...").
static APPT_IN_POST: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:appointment|appt|reminder|booked|cita|citaci[óo]n|recordatorio|recordatori|consulta|visita|appuntamento|prenotat[oa]|prenotazione|promemoria|marca[çc][ãa]o|lembrete|agendad[oa]|marcad[oa]|programad[oa]|programat|programmat[oa])\b")
        .expect("appointment-in-post regex")
});

/// (phi-rules@10) A procedure or an appointment had right after the date: "il 20 aprile ha il
/// cesareo programmato", "on 3 May I have my scan", "el 12 tiene la operación".
static HAS_PROCEDURE_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:i|he|she|we|they)\s+)?(?:has|have|had|ha|hanno|abbiamo|ho|tiene|tengo|tenemos|té|tinc|tenim|tem|tenho|temos)\s+(?:(?:the|my|his|her|our|il|la|el|lo|l'|o|a|un|una|uno|um|uma|mi|su|la\s+seva|el\s+seu|il\s+suo|la\s+sua)\s*)?(?:c-section|caesarean|cesarean|cesareo|cesárea|cesària|cesariana|operation|surgery|op\b|operazione|intervento|operación|operació|operação|cirugía|cirurgia|induction|induzione|inducción|inducció|scan|biops\w+|ecograf\w+|appointment|cita|visita|consulta|appuntamento)")
        .expect("has-procedure regex")
});

/// (phi-rules@10) A treatment started on the date, in a post that discloses a condition:
/// "starting abvd on the 22nd of january", "empiezo la quimio el 3 de mayo", "inizio la radio il
/// 4 marzo", "começo a quimio no dia 2".
static TREATMENT_START_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:start(?:ing|s)?|begin(?:ning|s)?|empiezo|empieza|empezamos|comienzo|comienza|començo|comença|comencem|inizio|inizia|iniziamo|comincio|comincia|começo|começa|começamos)\s+(?:[\p{L}\d'’-]+\s+){0,3}?(?:on\s+(?:the\s+)?|el\s+(?:d[ií]a\s+)?|il\s+|no\s+dia\s+|dia\s+|the\s+)?$")
        .expect("treatment-start regex")
});

/// (phi-rules@13) Whose the baby is: "our", "my", "nuestro", "la nostra", "o nosso".
static PERSONAL_PLURAL_OR_MY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:our|my|nuestr[oa]|mi|el\s+nostre|la\s+nostra|el\s+meu|la\s+meva|il\s+nostro|la\s+nostra|il\s+mio|la\s+mia|o\s+nosso|a\s+nossa|o\s+meu|a\s+minha)\b")
        .expect("personal regex")
});

/// (phi-rules@13) A wait told right after "since <date>": "esperando cita", "esperant que em
/// truquin", "aspettando la visita", "à espera de", "waiting for".
static WAITING_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\W*(?:\p{L}+\s+){0,2}?(?:esperando|esperant|aspettando|in\s+attesa|à\s+espera|a\s+esperar|waiting|en\s+espera|en\s+llista\s+d'espera|en\s+lista\s+de\s+espera)\b")
        .expect("waiting-after regex")
});
/// "waiting since", "esperando desde", "aspetto dal": the wait told before.
static WAITING_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:waiting|waited|esperando|espero|esperant|espero|aspetto|aspettiamo|aspettando|in\s+attesa|à\s+espera|espero)\b(?:\s+[\p{L}'’]+){0,4}\s+(?:since|desde(?:\s+el)?|des\s+del?|dal|dalla)\s+(?:\p{L}+\s+)?$")
        .expect("waiting-before regex")
});

/// (phi-rules@13) A trip's return right before the date: "Volví de Cuba el", "got back from
/// Thailand on", "vaig tornar de Mèxic el", "sono tornata dal Kenya il", "voltei de Angola no dia".
static TRAVEL_BACK_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:volv[ií]\w*|volvimos|got\s+back|came\s+back|flew\s+back|returned|vaig\s+tornar|vam\s+tornar|va\s+tornar|sono\s+tornat[oa]|siamo\s+tornati|è\s+tornat[oa]|voltei|voltamos|voltou)\s+(?:home\s+)?(?:from|de|del|da|dal|dalla|dallo|d['’])\s*(?:[\p{L}'’-]+\s+){1,3}(?:on\s+(?:the\s+)?|el\s+(?:d[ií]a\s+)?|il\s+|no\s+dia\s+|dia\s+|the\s+)?$")
        .expect("travel-back regex")
});

/// A thread's numbering right before a day/month shape: "Hilo 🧵 1/3", "thread 2/5".
static THREAD_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:\b(?:hilo|thread|fil|filo)\b|🧵)[^\p{L}\d]*$").expect("thread regex")
});

/// (phi-rules@11) A date that opens its own sentence right after one telling a personal
/// event: "Perdimos al bebé en la semana 11. El 19 de noviembre.", "My dad had his stroke.
/// On 3 May.": it dates that event.
fn opens_after_personal_event(text: &str, at: usize, ctx: &str) -> bool {
    static OPENER: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^\s*(?:el|il|on|on\s+the|the|o|a|dia|el\s+dia|lo)?\s*$")
            .expect("opener regex")
    });
    if !OPENER.is_match(ctx) || before(text, at, 80).trim_end().len() == ctx.trim_end().len() {
        return false;
    }
    let prev = before(text, at, 90);
    let prev = prev.trim_end_matches(|c: char| c != '.' && c != '!' && c != '?');
    (disclosure::personal(prev) || PERSONAL_PLURAL.is_match(prev))
        && (disclosure::mentions_condition(prev) || PREGNANCY_IN_POST.is_match(prev))
}

/// First person plural of a couple telling their loss or their baby ("perdimos", "we lost",
/// "abbiamo perso", "vam perdre", "perdemos").
static PERSONAL_PLURAL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:we|our|us|perdimos|hemos\s+perdido|nuestr[oa]|abbiamo|nostr[oa]|vam|hem|nostre|perdemos|nosso|nossa)\b")
        .expect("personal plural regex")
});

/// Whether a date another detector proposes at `s..e` (the transformer tier's span tagger) is
/// one the rules decline on purpose: a number alone or a year alone (a date here has a day and a
/// month at least), or a capitalised local month without a year, which names a place ("Hospital
/// 12 de Octubre", "Via XX Settembre").
pub(crate) fn tagged_date_declined(text: &str, s: usize, e: usize) -> bool {
    let span = &text[s..e];
    // (phi-rules@15: or no digit at all, "finales de noviembre": a month is no date.)
    if span.chars().all(|c| c.is_ascii_digit()) || !span.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let end = text[e..]
        .char_indices()
        .nth(16)
        .map_or(text.len(), |(i, _)| e + i);
    let around = &text[s..end];
    LOCAL_MONTH_CAP.is_match(around) && !YEAR.is_match(around)
}

pub(crate) fn dates(text: &str, out: &mut Vec<Cand>) {
    // Whether the post discloses a condition at all (computed once, when a date needs it).
    let mut discloses: Option<bool> = None;
    // Dates that passed the shape checks, and whether a cue tied them to a person.
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    for m in DATE.find_iter(text).chain(DOT_DAY_MONTH.find_iter(text)) {
        let s = m.as_str();
        // "il 5.11", "el 3.4": day and month with a dot, only right after an article or "on"
        // and when both are in range (not "5.5 kg", "v2.1").
        if s.len() <= 5 && DOT_DAY_MONTH.is_match(s) && !s.contains(['/', ' ']) {
            if let Some((d, mo)) = s.split_once('.') {
                let ok = |x: &str, hi: u32| x.parse::<u32>().is_ok_and(|v| (1..=hi).contains(&v));
                let art = DOT_ARTICLE.is_match(&super::rules::before(text, m.start(), 12));
                let follows = text[m.end()..].chars().next().is_some_and(|c| {
                    c.is_alphanumeric()
                        || c == '.' && text[m.end() + 1..].starts_with(|x: char| x.is_ascii_digit())
                });
                if !ok(d, 31) || !ok(mo, 12) || !art || follows || s.matches('.').count() != 1 {
                    continue;
                }
            }
        }
        if !YEAR.is_match(s)
            && THREAD_BEFORE.is_match(super::rules::before(text, m.start(), 12).as_str())
        {
            continue;
        }
        // "may 5" in English is often the verb; require a digit-only or clearly dated form.
        if s.to_lowercase().starts_with("may ") && !s.contains(',') {
            continue;
        }
        // Day and month without a year ("on 11/03") only when both are in range; "24/7" is
        // not a date. (A third part means the longer alternatives did not match: skip.)
        if let Some((d, mo)) = s.split_once('/').filter(|_| s.matches('/').count() == 1) {
            let ok = |x: &str, hi: u32| x.parse::<u32>().is_ok_and(|v| (1..=hi).contains(&v));
            if !ok(d, 31) || !ok(mo, 12) || s == "24/7" {
                continue;
            }
        } else if s.matches('/').count() == 2 && s.len() < 8 {
            continue;
        }
        // A capitalised Spanish, Catalan or Italian month without a year names a place
        // ("Hospital 12 de Octubre", "Via XX Settembre"): those languages write months in
        // lower case.
        if LOCAL_MONTH_CAP.is_match(s) && !YEAR.is_match(s) {
            continue;
        }
        let ctx = clause_before(text, m.start(), 70);
        let next = clause_after(text, m.end(), 40);
        // "had my stent fitted on the 2nd of May", "a mio marito è venuto un infarto il 15
        // gennaio": a condition and a person (I, my, a relative) in the same clause tie it.
        let condition = disclosure::mentions_condition(&ctx) && disclosure::personal(&ctx);
        // "il 12 marzo mi hanno tolto le tonsille": the condition and the person right after.
        let condition_after = disclosure::mentions_condition(&next) && disclosure::personal(&next);
        // (phi-rules@12) "Feb 11. Mum's fourth round of chemo.": a date heading the post or a
        // line, a diary entry's, ties to the personal condition of the sentence after it.
        let heading = {
            let head = &text[..m.start()];
            head.trim().is_empty() || head.trim_end_matches([' ', '\t']).ends_with('\n')
        };
        let condition_after = condition_after
            || (heading && {
                let rest: String = text[m.end()..]
                    .trim_start_matches(['.', ':', '-', '—', ' ', ','])
                    .chars()
                    .take(60)
                    .collect();
                disclosure::mentions_condition(&rest) && disclosure::personal(&rest)
            });
        // "Knee replacement on the 14th of March, walking by Easter": an operation or condition
        // right before the date in a post that discloses one, with no person word needed.
        let verbless = disclosure::mentions_condition(&ctx) && !has_cue(&ctx, EVENT_WORDS) && {
            *discloses.get_or_insert_with(|| disclosure::detect(text, &[]).is_some())
        };
        let birth =
            YEAR.is_match(s) && (BIRTH_IN_POST.is_match(text) || DEATH_IN_POST.is_match(text));
        // ("Scan on 19 Jan ... my lymphoma", "Primera eco el 15 de enero" in a pregnancy post:
        // a test in a post that discloses a condition is the author's.)
        let test = TEST_BEFORE.is_match(&ctx)
            && (disclosure::personal(&ctx)
                || *discloses.get_or_insert_with(|| disclosure::detect(text, &[]).is_some()));
        // "my dad's been on a trolley since Sunday 14th April": a person's state since a date.
        // "the clinic has been closed since 3 March" is about the clinic, whoever says it.
        let since = SINCE_BEFORE.is_match(&ctx)
            && disclosure::personal(&ctx)
            && !OPENING_HOURS.is_match(&ctx);
        // (phi-rules@15) "Oakwood Surgery will be closed on Monday 26 May for the bank
        // holiday": a place's closing day, whatever medical word names the place.
        if CLOSED_ON.is_match(&ctx) && !disclosure::personal(&ctx) {
            found.push((m.start(), m.end(), false));
            continue;
        }
        if has_cue(&ctx, PERSON_DATE_CUES)
            || has_cue(&next, PERSON_DATE_CUES_AFTER)
            || condition
            || condition_after
            || verbless
            || (BIRTHDAY.is_match(&ctx) && disclosure::personal(&ctx))
            || birth
            || (has_cue(&ctx, VISIT_CUES) && disclosure::personal(&ctx))
            || since
            || test
            || VISIT_AFTER.is_match(&next)
            || (DUE_BEFORE.is_match(&ctx) && PREGNANCY_IN_POST.is_match(text))
            || (RETURN_BEFORE.is_match(&ctx) && disclosure::mentions_condition(text))
            || (SESSION_BEFORE.is_match(&ctx)
                && (disclosure::personal(&ctx)
                    || FIRST_PERSON.is_match(&ctx)
                    || *discloses.get_or_insert_with(|| disclosure::detect(text, &[]).is_some())))
            || opens_after_personal_event(text, m.start(), &ctx)
            || APPT_RIGHT_BEFORE.is_match(&ctx)
            || (YEAR.is_match(s)
                && TIME_AFTER.is_match(&text[m.end()..])
                && APPT_IN_POST.is_match(text)
                && !has_cue(&ctx, EVENT_WORDS))
            || HAS_PROCEDURE_AFTER.is_match(&next)
            || (TREATMENT_START_BEFORE.is_match(&ctx)
                && *discloses.get_or_insert_with(|| disclosure::detect(text, &[]).is_some()))
            || (ARRIVED.is_match(&ctx)
                && WEIGHT_IN_POST.is_match(text)
                && (disclosure::personal(&ctx) || BABY_IN_POST.is_match(text)))
            // (phi-rules@13) "when our little one arrived on 28th Oct": a baby named in the
            // clause with whose it is needs no weight.
            || (ARRIVED.is_match(&ctx)
                && BABY_IN_POST.is_match(&ctx)
                && PERSONAL_PLURAL_OR_MY.is_match(&ctx))
            // (phi-rules@13) "llevo desde el 7 de enero esperando cita", "porto des del 12 de
            // febrer esperant", "I've been waiting since 3 March for my scan": someone's wait.
            || (SINCE_BEFORE.is_match(&ctx)
                && (WAITING_AFTER.is_match(&next) || WAITING_BEFORE.is_match(&ctx))
                && !OPENING_HOURS.is_match(&ctx))
            // (phi-rules@13) "Volví de Cuba el 18 de agosto y ... fiebre": a trip's return in a
            // post that names a condition dates the exposure.
            || (TRAVEL_BACK_BEFORE.is_match(&ctx) && disclosure::mentions_condition(text))
        {
            found.push((m.start(), m.end(), true));
        } else {
            found.push((m.start(), m.end(), false));
        }
    }
    // A range of life dates ("(8 de març de 1936 – 3 de desembre de 2026)", "1941-2026"): a
    // date joined by a dash to a tied one is tied too.
    static DASH: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"^\s*(?:[-–—]|to|al|a)\s*$").expect("dash regex"));
    found.sort_by_key(|f| f.0);
    let tied: Vec<bool> = (0..found.len())
        .map(|i| {
            let (s, e, t) = found[i];
            t || (i + 1 < found.len() && found[i + 1].2 && DASH.is_match(&text[e..found[i + 1].0]))
                || (i > 0 && found[i - 1].2 && DASH.is_match(&text[found[i - 1].1..s]))
        })
        .collect();
    for ((s, e, _), t) in found.into_iter().zip(tied) {
        if t {
            out.push(Cand::new(s, e, PhiType::Date, 70, None));
        }
    }
}
