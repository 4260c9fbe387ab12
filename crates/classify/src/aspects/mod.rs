//! Healthcare aspects. Foundation version: multilingual keyword stems per aspect from the
//! configured taxonomy (a baseline, to be replaced by a learned tagger).

use crate::ClassifyError;
use serde::Deserialize;
use vigia_model::AspectLabel;

pub const MODEL_NAME: &str = "aspect-keywords@1";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspectDef {
    pub id: String,
    /// Lower-case, accent-free stems; a word starting with one counts.
    pub stems: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AspectsConfig {
    pub taxonomy: Vec<AspectDef>,
}

impl Default for AspectsConfig {
    fn default() -> Self {
        let d = |id: &str, stems: &[&str]| AspectDef {
            id: id.to_string(),
            stems: stems.iter().map(|s| s.to_string()).collect(),
        };
        Self {
            taxonomy: vec![
                d(
                    "wait_times",
                    &[
                        "wait", "queue", "espera", "esper", "cola", "attesa", "aspett", "cua",
                        "hores", "horas", "hours", "ore ",
                    ],
                ),
                d(
                    "appointments",
                    &[
                        "appointment",
                        "cita",
                        "visita",
                        "appuntament",
                        "prenota",
                        "reschedul",
                        "booking",
                    ],
                ),
                d(
                    "staff_attitude",
                    &[
                        "rude",
                        "kind",
                        "friendly",
                        "nurse",
                        "doctor",
                        "metge",
                        "medico",
                        "enfermer",
                        "infermer",
                        "infermier",
                        "amable",
                        "gentil",
                        "maleduc",
                        "borde",
                    ],
                ),
                d(
                    "clinical_care",
                    &[
                        "treatment",
                        "diagnos",
                        "surgery",
                        "tratamiento",
                        "tractament",
                        "cirug",
                        "operaci",
                        "cura",
                        "terapi",
                        "intervent",
                    ],
                ),
                d(
                    "communication",
                    &[
                        "explain",
                        "inform",
                        "nobody told",
                        "nadie",
                        "ningu",
                        "nessuno",
                        "llamad",
                        "trucad",
                        "phone call",
                    ],
                ),
                d(
                    "billing_cost",
                    &[
                        "bill",
                        "charge",
                        "cost",
                        "price",
                        "factura",
                        "pagar",
                        "cobr",
                        "precio",
                        "preu",
                        "prezzo",
                        "ticket",
                        "insurance",
                        "seguro",
                        "asseguran",
                    ],
                ),
                d(
                    "cleanliness",
                    &[
                        "dirty", "clean", "sucio", "limpi", "brut", "net ", "sporc", "pulit",
                        "higien", "igien", "hygien",
                    ],
                ),
                d(
                    "facilities_parking",
                    &[
                        "parking",
                        "aparcam",
                        "parcheggi",
                        "room",
                        "habitaci",
                        "camera",
                        "lift",
                        "ascensor",
                        "building",
                        "edifici",
                    ],
                ),
                d(
                    "food",
                    &[
                        "food", "meal", "comida", "menjar", "cibo", "pasto", "dinar", "cena",
                    ],
                ),
                d(
                    "privacy",
                    &[
                        "privacy",
                        "privacidad",
                        "privadesa",
                        "confidential",
                        "dades",
                        "datos",
                        "dati ",
                    ],
                ),
                d(
                    "emergency_care",
                    &[
                        "emergency",
                        " er ",
                        "a&e",
                        "urgencia",
                        "urgenci",
                        "pronto soccorso",
                        "ambulanc",
                    ],
                ),
                d(
                    "vaccines",
                    &["vaccin", "vacun", "jab", "booster", "dose", "dosis"],
                ),
                d(
                    "medication",
                    &[
                        "medication",
                        "medicin",
                        "prescription",
                        "medicament",
                        "farmac",
                        "pharmac",
                        "receta",
                        "recepta",
                        "ricett",
                        "pill",
                    ],
                ),
            ],
        }
    }
}

pub struct AspectTagger {
    config: AspectsConfig,
}

impl AspectTagger {
    pub fn new(config: &AspectsConfig) -> Result<Self, ClassifyError> {
        for a in &config.taxonomy {
            if a.id.is_empty() || a.stems.is_empty() {
                return Err(ClassifyError::InvalidResource {
                    name: "aspects.taxonomy".into(),
                    detail: format!("aspect `{}` needs an id and at least one stem", a.id),
                });
            }
        }
        Ok(Self {
            config: config.clone(),
        })
    }

    pub fn tag(&self, text: &str, _lang: Option<&str>) -> Vec<AspectLabel> {
        use unicode_normalization::UnicodeNormalization;
        let folded: String = format!(" {} ", text)
            .nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect();
        self.config
            .taxonomy
            .iter()
            .filter(|a| a.stems.iter().any(|s| folded.contains(s.as_str())))
            .map(|a| AspectLabel {
                aspect: a.id.clone(),
                confidence: 0.6,
                sentiment: None,
            })
            .collect()
    }
}
