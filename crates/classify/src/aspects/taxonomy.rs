//! The default healthcare aspect taxonomy: lexical triggers, exclusions and prototype sentences
//! for each aspect, in English, Spanish, Catalan and Italian (with a few Portuguese, French and
//! German triggers). Every piece can be replaced from `[[classify.aspects.taxonomy]]`.
//!
//! Triggers are matched against the folded text (lower case, accents removed, punctuation and
//! apostrophes turned into spaces, so `l'hospital` reads `l hospital`): a trigger matches where a
//! word starts with it, and a trailing space demands the whole word (`"net "` is Catalan "clean",
//! not "network"). Exclusions are phrases removed before this aspect's triggers run ("sala
//! d'espera" is a place, not a wait). Prototypes are short sentences in the four languages whose
//! E5 embeddings stand for the aspect; a mention is compared with each of them.
//! Thresholds were tuned on `tests/data/aspects/dev.jsonl` with `vigia eval aspects --tune`.

use super::AspectDef;

fn d(id: &str, threshold: f32, stems: &str, exclude: &[&str], prototypes: &[&str]) -> AspectDef {
    AspectDef {
        id: id.to_string(),
        stems: stems
            .split('|')
            .map(|s| s.trim_start().to_string())
            .filter(|s| !s.trim().is_empty())
            .collect(),
        exclude: exclude.iter().map(|s| s.to_string()).collect(),
        prototypes: prototypes.iter().map(|s| s.to_string()).collect(),
        threshold: Some(threshold),
    }
}

pub fn default_taxonomy() -> Vec<AspectDef> {
    vec![
        d(
            "wait_times",
            0.94,
            "wait|queue|hours |hrs |delay|took ages|straight away|seen within|quick|\
             espera|esperar|esperand|esperado|cola |colas |horas |retras|tarda|rapid|enseguida|\
             esperat|esperant|cua |cues |hores |retard|endarrer|trig|de seguida|\
             attesa|attes|aspett|ore |ritard|veloc|subito|\
             demora|fila |warte|attente|attendu",
            &["waiting room", "sala de espera", "sala d espera", "sala d attesa", "sala de espera"],
            &[
                "We waited for hours before anyone saw us.",
                "Months on the waiting list for surgery.",
                "Horas de espera en urgencias sin que nadie nos atienda.",
                "Meses en lista de espera para una prueba.",
                "Hores d'espera i ningú ens atén.",
                "Mesos en llista d'espera per a una operació.",
                "Ore di attesa prima di essere visitati.",
                "Mesi di lista d'attesa per un esame.",
                "Seen quickly, hardly any wait at all.",
            ],
        ),
        d(
            "appointments",
            0.964,
            "appointment|appt|booking|book |booked|rebook|reschedul|cancel|postpon|referral|slot |\
             cita |citas|consulta|anulad|anular|aplaz|volante|derivaci|\
             visita|hora amb|anul|ajorn|\
             appuntament|prenot|annull|rinvi|spost|impegnativa|cup |\
             consulta|rendez|termin",
            &[],
            &[
                "I can't get an appointment with my GP.",
                "They cancelled my appointment again.",
                "Imposible conseguir cita con el médico.",
                "Me han cambiado la cita tres veces.",
                "No hi ha manera de tenir visita amb el metge.",
                "M'han anul·lat la visita programada.",
                "Impossibile prenotare una visita.",
                "Mi hanno spostato l'appuntamento.",
                "Booking and rescheduling appointments online was easy.",
            ],
        ),
        d(
            "staff_attitude",
            0.876,
            "rude|kind|friendly|lovely|caring|polite|attitude|dismissive|patient with|heroes|angel|\
             amable|borde|maleducad|grosero|trato |simpatic|antipatic|atent|encantador|trataron|\
             borda|tracte|tractar|tracta |\
             gentil|scortes|maleducat|sgarbat|cortes|dolcissim|\
             simpatico|freundlich|gentille",
            &[],
            &[
                "The nurses were so kind and caring.",
                "The receptionist was rude and dismissive.",
                "El personal fue muy amable y atento.",
                "La enfermera me trató fatal.",
                "Les infermeres són encantadores i molt atentes.",
                "El metge em va tractar amb molt mala educació.",
                "Il personale è stato gentilissimo.",
                "Un'infermiera scortese e maleducata.",
            ],
        ),
        d(
            "clinical_care",
            0.956,
            "treatment|diagnos|surgery|operation|operated|physio|therap|chemo|recover|fracture|\
             tratamiento|cirug|operaci|opera |operan|operado|interven|fisio|fractura|\
             tractament|cirurg|operat|operen|\
             terapi|intervent|chirurg|cura |cure |frattur|\
             tratamento|traitement|behandlung",
            &[],
            &[
                "They misdiagnosed my condition.",
                "The surgery went perfectly and I'm recovering well.",
                "El médico no vio la fractura.",
                "Me operaron y todo salió bien.",
                "El tractament ha funcionat molt bé.",
                "Un diagnòstic equivocat.",
                "L'intervento è andato benissimo.",
                "Hanno sbagliato la diagnosi.",
            ],
        ),
        d(
            "communication",
            0.892,
            "explain|inform|nobody told|no one told|told us|update|call back|called|answer|phone|\
             reminder|listen|\
             explic|inform|avis|llam|telefono|contest|nadie nos|escuch|recordar|\
             truc|telefon|ningu ens|escolt|\
             spieg|avvis|chiam|rispond|nessuno ci|ascolt|ricordar|\
             expliqu|erklart",
            &[],
            &[
                "Nobody told us what was happening.",
                "The doctor explained everything clearly.",
                "Nadie nos informó de nada.",
                "No contestan nunca al teléfono.",
                "Ningú ens va explicar res.",
                "Ens van trucar per donar-nos els resultats.",
                "Nessuno ci ha avvisato.",
                "Il medico mi ha spiegato tutto con calma.",
            ],
        ),
        d(
            "billing_cost",
            0.948,
            "bill|charge|cost|price|pay |paid|fee |fees|insurance|expensive|overpriced|£|$|\
             factura|cobr|pag|precio|cuesta|caro |cara |carisim|seguro|mutua|euro|\
             preu|costa |car |caris|quota|asseguran|\
             ticket|prezz|carissim|tariff|fattur|\
             preco|prix|kostet",
            &[],
            &[
                "They charged me hundreds for a short visit.",
                "The bill was far too expensive.",
                "Me cobraron una barbaridad por la consulta.",
                "La factura del seguro es abusiva.",
                "M'han cobrat massa i la mútua no paga.",
                "El preu és caríssim.",
                "Il ticket è troppo caro.",
                "Mi hanno fatto pagare una fortuna.",
            ],
        ),
        d(
            "cleanliness",
            0.932,
            "dirty|filth|clean|spotless|hygien|smell|stink|dust|cockroach|\
             suci|limpi|asco|higien|olor|mancha|\
             brut|net |neta |netej|netissim|fastig|pudor|pols |tacat|\
             sporc|pulit|pulizi|igien|schif|puzz|macchiat|\
             sujo|sale |dreckig",
            &[],
            &[
                "The toilets were filthy.",
                "Everything was spotless.",
                "Los baños estaban sucios.",
                "Todo muy limpio.",
                "Els lavabos estaven bruts.",
                "Tot molt net.",
                "I bagni erano sporchi.",
                "Reparto pulitissimo.",
            ],
        ),
        d(
            "facilities_parking",
            0.94,
            "parking|car park|park |lift|elevator|building|wing |chairs|wheelchair|corridor|\
             aparcamiento|aparcar|ascensor|edificio|habitaci|instalacion|sillas|pasillo|cama |camas|\
             aparcament|edifici|instal|cadires|passadis|llit|\
             parchegg|padiglion|camer|struttur|sedie|corridoio|barell|\
             estacionamento|stationnement|parkplatz|parken",
            &[],
            &[
                "There's never anywhere to park at the hospital.",
                "The building is modern with bright rooms.",
                "No hay aparcamiento en el hospital.",
                "Pacientes en los pasillos porque no hay camas.",
                "L'aparcament de l'hospital és caríssim.",
                "L'edifici nou té habitacions àmplies.",
                "Non c'è parcheggio vicino all'ospedale.",
                "L'ascensore è rotto e le stanze sono vecchie.",
            ],
        ),
        d(
            "food",
            0.948,
            "food|meal|breakfast|lunch|dinner|tray|cafeteria|canteen|sandwich|coffee|\
             comida|menu|desayun|almuerz|cena |cafeteria|bocadillo|cafe |\
             menjar|dinar|sopar|esmorzar|entrepa|\
             cibo|pasto|pranzo|colazion|vitto|mensa|bar |caffe|\
             refeic|repas|essen",
            &[],
            &[
                "The hospital food was cold and tasteless.",
                "The meals were actually good.",
                "La comida del hospital es malísima.",
                "El menjar de l'hospital era fred.",
                "Il cibo in ospedale è pessimo.",
                "La cafetería es carísima.",
            ],
        ),
        d(
            "privacy",
            0.916,
            "privacy|confidential|records|my chart|my notes|my data|status|photo|\
             privacidad|intimidad|datos|confidencial|historial|foto|voz alta|\
             privadesa|intimitat|dades|informe medic|veu alta|\
             riservat|dati |cartell|alta voce|referto|\
             privacidade|vie privee|datenschutz",
            &[],
            &[
                "They discussed my diagnosis loudly in front of everyone.",
                "My medical records were shared without consent.",
                "Publicaron mis datos médicos.",
                "No respetaron mi intimidad.",
                "Van filtrar el meu informe mèdic.",
                "Van dir el meu diagnòstic en veu alta.",
                "Hanno violato la mia privacy.",
                "Hanno mandato il mio referto a un altro paziente.",
            ],
        ),
        d(
            "emergency_care",
            0.96,
            "emergency|a&e|a e |er |ed |ambulance|paramedic|999|911|triage|\
             urgencias|ambulancia|112|061|triaje|\
             urgencies|triatge|\
             pronto soccorso|ps |ambulanz|118|soccorr|\
             urgencia|urgences|notaufnahme",
            &[],
            &[
                "Hours in A&E waiting to be seen.",
                "The ambulance arrived quickly.",
                "Urgencias colapsadas otra vez.",
                "La ambulancia tardó una hora.",
                "A urgències ens van atendre molt bé.",
                "L'ambulància va trigar molt.",
                "Al pronto soccorso ci hanno lasciato sulla barella.",
                "L'ambulanza è arrivata in dieci minuti.",
            ],
        ),
        d(
            "vaccines",
            0.968,
            "vaccin|jab|booster|flu shot|\
             vacun|dosis|\
             dosi |\
             antinfluenzal|terza dose|vacin|impf",
            &[],
            &[
                "I got my flu jab today.",
                "They ran out of vaccines.",
                "Me pusieron la tercera dosis de la vacuna.",
                "M'han vacunat de la grip.",
                "Fatto il vaccino oggi.",
            ],
        ),
        d(
            "medication",
            0.956,
            "medication|medicine|meds|prescription|pharmac|pill|tablet|drug|insulin|painkiller|\
             pain relief|\
             medicament|medicina|receta|farmac|pastill|calmante|ibuprof|paracetamol|\
             medicacio|recepta|calmant|\
             farmac|ricett|pastigl|compress|antidolorific|\
             remedio|medicament|medikament|apotheke",
            &[],
            &[
                "The pharmacy gave me the wrong medication.",
                "My prescription still isn't ready.",
                "En la farmacia no tenían mi medicamento.",
                "No me explicaron qué pastillas tomar.",
                "La recepta electrònica no surt a la farmàcia.",
                "Mi hanno dato il farmaco sbagliato.",
            ],
        ),
    ]
}
