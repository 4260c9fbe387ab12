//! Health self-disclosure: the author tells of a condition of their own ("I was diagnosed
//! with...", "m'han diagnosticat...", "ho scoperto di avere...") or of a close or named person
//! ("a mi madre la operaron de...", "my son has leukaemia"). General statements ("cancer
//! screening saves lives"), hypotheticals ("if you have asthma...") and news are not disclosures.

use once_cell::sync::Lazy;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// Condition terms (lower-case stems, matched at a word start; a trailing `$` marks a short
/// abbreviation that must be a whole word: "ms", "af") and their category. The term
/// mentioned first in the disclosing sentence decides; a surgery with no condition named is
/// `surgery`, a diagnosis with none is `other`.
#[rustfmt::skip]
const CONDITIONS: &[(&str, &[&str])] = &[
    (
        "oncology",
        &[
            "dcis$", "cancer", "cáncer", "càncer", "cancro", "tumour", "tumor", "tumore", "leukaemia",
            "leukemia", "leucemia", "lymphoma", "linfoma", "limfoma", "melanoma", "carcinoma", "sarcoma",
            // (phi-rules@11) childhood and brain tumours by name
            "neuroblastoma", "retinoblastoma", "glioblastoma", "medulloblastoma", "glioma",
            "malignant", "maligno", "maligna", "maligne", "myeloma", "mieloma", "chemo", "quimio", "chemio", "radiotherap", "radioterap",
            "metasta", "oncolog", "mastectom", "neoplas", "immunotherap", "inmunoterap",
            "immunoterap", "bone marrow transplant", "trasplante de médula", "trasplantament de medul·la",
            "trapianto di midollo", "glioblastoma", "mesothelioma", "mesotelioma", "hodgkin",
            "quimioterap", "chemioterap", "chemotherap", "tamoxifen", "letrozol", "herceptin",
            // chemotherapy regimens and drugs named instead of "chemo"
            "folfox", "folfiri", "folfirinox", "capox", "r-chop", "carboplatin", "cisplatin",
            "docetaxel", "paclitaxel", "doxorubicin", "capecitabin", "pembrolizumab", "keytruda",
        ],
    ),
    (
        "cardiology",
        &[
            // (phi-rules@9) heart transplants and open-heart operations in every language
            "heart transplant", "trasplante de corazón", "trasplante cardiaco",
            "trasplantament de cor", "trapianto di cuore", "transplante de coração",
            "transplante cardíaco", "open heart", "corazón abierto", "cor obert", "cuore aperto",
            "coração aberto",
            "heart attack", "heart failure", "heart surgery", "bypass", "arrhythmi", "arritmi",
            "infarto", "infart", "insuficiencia cardi", "insuficiència cardí", "scompenso",
            "angina", "pacemaker", "marcapasos", "marcapassos", "marca-passo", "marcapasso", "stent", "cardiopat",
            "del cor", "al cor", "al cuore", "del corazón", "de corazón", "heart condition",
            "heart problem", "heart disease", "cardiac", "cardíac", "cardiaco", "fibrillation",
            "fibrilación", "fibril·lació", "fibrillazione", "aortic", "aórtic", "aortic", "valvulop",
            "cardiomyopath", "miocardiopat", "miocardit", "myocardit", "pericardit", "heart transplant",
            "trasplante de corazón", "trapianto di cuore", "open heart", "ataque al corazón",
            "atac de cor", "enfarte", "ataque cardíaco", "hole in the heart", "hole in his heart", "hole in her heart", "hole in my heart", "congenital heart", "cardiopatía congénita",
            "operació de cor", "operacio de cor", "cateterism", "angioplast", "heart op", "cardioversion", "cardioversión",
            "cardioversió", "cardioversione", "af$", "afib", "a-fib",
            // implanted defibrillators
            "icd$", "defibrillator", "desfibrilador", "defibrillatore",
        ],
    ),
    (
        "mental_health",
        &[
            // (phi-rules@9) Portuguese words, crisis services, antidepressants and antipsychotics
            "depressão", "ansiedade", "depre$", "psych ward", "psychiatric ward",
            "psychiatric unit", "mental health unit", "planta de psiquiatría",
            "unidad de psiquiatría", "reparto di psichiatria", "internamento psiquiátrico", "crisis team", "equipo de crisis", "transtorno alimentar",
            "perturbação alimentar", "fluoxetin", "citalopram", "venlafaxin", "mirtazapin",
            "quetiapin", "olanzapin", "aripiprazol",
            "depression", "depresión", "depressió", "depressione", "anxiety", "ansiedad",
            "ansietat", "ansia", "bipolar", "schizophren", "esquizofren", "schizofren", "ptsd",
            "estrés postraum", "anorexi", "anoressi", "bulimi", "eating disorder", "ocd", "adhd",
            "tdah", "panic attack", "ataques de pánico", "atacs de pànic", "attacchi di panico",
            "suicid", "self-harm", "autolesi", "psicosi", "psychosis", "trastorno mental",
            "trastorn mental", "disturbo", "burnout", "autism", "autismo", "autisme", "autistic", "autista", "tca",
            "trastorno alimentario", "trastorn alimentari", "ataque de ansiedad", "atac d'ansietat",
            "panic disorder", "ingreso en psiquiatría", "psychiatric ward", "psiquiatr", "psichiatr",
            "addiction", "adicción", "addicció", "dipendenza", "alcoholism", "alcoholisme", "alcolismo",
            "sertralin", "fluoxetin", "prozac", "antidepress", "antidepresiv", "lithium", "litio",
            "quetiapin", "olanzapin", "therapist", "psychiatrist", "psiquiatra", "psicòleg",
            "psicòloga", "psicólog", "psicolog", "psychotherap", "psicoterap", "sober",
            "sobriety", "sobriedad", "sobrietat", "sobrietà", "sectioned", "detained under the mental health act",
            // personality disorders
            "tlp$", "bpd$", "borderline", "trastorno límite", "trastorn límit",
            "personality disorder", "trastorno de personalidad",
            "trastorn de personalitat", "disturbo di personalità",
        ],
    ),
    (
        "infectious",
        &[
            // (phi-rules@9) kidney and urinary infections
            "infeção", "infecção", "infección", "infecció", "infezione", "infection", "la grip",
            "una grip", "de grip", "amb grip",
            "pyelonephritis", "pielonefritis", "pielonefrite", "kidney infection", "cystitis",
            "cistitis", "cistite", "infección de orina", "infecció d'orina", "infezione urinaria",
            "infeção urinária", "infecção urinária",
            "hiv", "vih", "covid", "coronavirus", "hepatitis", "epatite", "tuberculo", "tubercolo", "tb$",
            "measles", "sarampión", "xarampió", "morbillo", "sepsis", "sepsi", "flu ", "gripe",
            "grip ", "influenza", "pneumonia", "neumonía", "pneumònia", "polmonite", "meningit",
            "syphilis", "sífilis", "sifilide", "chlamydia", "clamidia", "positive for", "positivo en",
            "positiu en", "positivo al", "mpox", "monkeypox", "gonorr", "herpes", "bronchiolitis",
            "bronquiolitis", "bronquiolitis", "bronchiolite", "rsv", "vrs", "long covid", "shingles",
            "culebrilla", "fuoco di sant", "varicela", "chickenpox", "varicella", "whooping cough",
            "tosferina", "tos ferina", "pertosse", "scabies", "sarna", "scabbia", "infection",
            "infección", "infecció", "infezione", "scarlet fever", "escarlatina", "scarlattina",
            "tonsillitis", "amigdalitis", "tonsillite", "gastroenteritis", "gastroenterite",
            "norovirus", "strep throat", "mumps", "paperas", "galteres", "parotite",
            "glandular fever", "mononucleos", "conjunctivitis", "conjuntivitis", "congiuntivite",
            "bronchitis", "bronquitis", "bronchite", "otitis", "otite", "uti$",
            "urinary infection", "cystitis", "cistitis", "cistite", "lyme", "dengue", "malaria",
            "sieropositiv", "seropositiv", "hiv positive", "hiv+", "vih positivo",
            "chest infection", "kidney infection", "infección respiratoria", "infecció respiratòria",
            "infezione respiratoria",
            // (phi-rules@12) the school-chat infections and waterborne/foodborne ones
            "conjuntivite", "hand, foot and mouth", "hand foot and mouth", "hand-foot-and-mouth",
            "boca-mano-pie", "boca mano pie", "mano-pie-boca", "mà-peu-boca", "ma-peu-boca",
            "mano-piede-bocca", "mani-piedi-bocca", "mão-pé-boca", "quinta malattia",
            "quinta enfermedad", "fifth disease", "sesta malattia", "impetig", "rotavirus",
            "legionel", "listeri", "salmonel", "hep c$", "hep b$", "hepatite",
        ],
    ),
    (
        "maternity",
        &[
            // (phi-rules@9) neonatal units, miscarriage as a verb, stillbirth
            "nicu", "scbu", "neonatal unit", "neonatal intensive", "miscarried", "born sleeping",
            "stillborn", "stillbirth", "mortinato", "nado mort", "nato morto", "natimorto",
            "pregnant", "pregnancy", "embarazada", "embarazo", "embarassada", "embaràs", "incinta",
            "gravidanza", "miscarriage", "aborto", "avortament", "c-section", "cesárea", "cesària",
            "cesareo", "expecting a baby", "ivf", "fiv$", "fivet$", "icsi$", "preeclampsia", "pre-eclampsia",
            "gestational diabetes", "diabetes gestacional", "diabetis gestacional",
            "diabete gestazionale", "ectopic", "ectópico", "ectòpic", "extrauterino",
            "in vitro", "postpartum", "posparto", "postpart", "prenatal",
            // labour
            "waters broke", "waters have broken", "in labour", "into labour", "labour ward",
            "de parto", "rompí aguas", "roto aguas", "trencat aigües", "rotto le acque",
            "contractions", "contracciones", "contraccions", "contrazioni",
            "gave birth", "given birth", "dado a luz", "dio a luz", "donat a llum", "partorit",
            // pregnancy scans
            "week scan", "wk scan", "dating scan", "anomaly scan", "ecografia morfolog",
            "ecografía de las 20", "ecografia de les 20",
            // labour told by its length, pregnancy in Portuguese, a lost pregnancy
            "hours of labour", "hrs of labour", "hours in labour", "hrs in labour",
            "horas de parto", "hores de part", "ore di travaglio", "travaglio", "grávida",
            // waters breaking however said, a birth told by the delivery
            "waters went", "water went", "water broke", "waters have gone", "rompió la bolsa",
            "rompi la bolsa", "roto la bolsa", "rotura de bolsa", "bolsa rota", "trencat la bossa",
            "rotto il sacco", "rottura delle acque", "rompeu a bolsa", "bolsa rompeu", "parto$",
            "gravidez", "lost the baby", "lost our baby", "lost my baby", "perdí al bebé",
            "perdimos al bebé", "vaig perdre el nadó", "ho perso il bambino",
        ],
    ),
    (
        "neurology",
        &[
            "dravet", "west syndrome", "síndrome de west", "lennox",
            "stroke", "ictus", "alzheimer", "parkinson", "epileps", "epiless", "dementia",
            // (phi-rules@11) cerebral palsy
            "cerebral palsy", "paralisis cerebral", "paralisi cerebral", "paralisia cerebral",
            "demencia", "demència", "demenza", "migraine", "migraña", "migrany", "emicrania",
            "amyotrophic", "esclerosis lateral", "esclerosi lateral", "sclerosi laterale",
            "esclerose lateral", "seizure", "convulsion", "convulsió", "convulsione", "brain injury",
            "aneurysm", "aneurisma", "derrame cerebral", "hemorragia cerebral", "emorragia cerebrale",
            "concussion", "neuropat", "avc$", "motor neurone", "motor neuron", "mnd$",
            "motoneurona",
            // head injuries
            "head injury", "trauma cranico", "traumatismo craneal", "traumatismo craneoencef",
            "traumatisme cranial", "traumatisme cranioencef", "traumatismo cranian",
            "traumatismo cranioencef",
            // multiple sclerosis (a neurological disease), neuromuscular diseases
            "multiple sclerosis", "esclerosis múltiple", "esclerosi múltiple", "sclerosi multipla",
            "esclerose múltipla", "ms$", "spinal muscular atrophy", "atrofia muscular espinal",
            "atròfia muscular espinal", "atrofia muscolare spinale", "muscular dystrophy",
            "distrofia muscular", "distròfia muscular", "distrofia muscolare",
            // (phi-rules@12) medicines that name the condition they treat: MS, epilepsy, Parkinson's
            "ocrevus", "ocrelizumab", "tysabri", "natalizumab", "tecfidera", "copaxone",
            "gilenya", "kesimpta", "lacosamid", "levetiracetam", "keppra", "lamotrigin",
            "depakin", "valproat", "levodopa", "sinemet",
        ],
    ),
    (
        "surgery",
        &[
            // operations named by the organ or the procedure ("me quitan el apéndice")
            "appendix", "appendicitis", "apéndice", "apendicitis", "apèndix", "apendicitis",
            "appendice", "appendicite", "gallbladder", "vesícula", "cistifellea", "hernia repair",
            "knee replacement", "hip replacement", "prótesis de", "pròtesi de", "protesi d",
            "tonsillectom", "amigdalectom", "tonsillectom", "cataract", "catarata", "cataratta",
            "tonsil", "tonsille", "amígdalas", "amígdales", "hernia", "hèrnia", "ernia",
            "transplant", "trasplant", "trapiant",
            // -ectomies and reconstructions named instead of "surgery"
            "vasectom", "hysterectom", "histerectom", "isterectom", "appendectom", "apendicectom",
            "appendicectom", "cholecystectom", "colecistectom", "colecistectom",
            "acl reconstruction", "ligament reconstruction", "reconstrucción de ligamento",
            "ligamento cruzado", "lligament creuat", "legamento crociato",
            // weight-loss operations (before "bypass", a heart operation)
            "bariatric", "bariátric", "bariàtric", "gastric bypass", "bypass gástrico",
            "bypass gastric", "gastric sleeve", "manga gástrica", "sleeve gastrectom",
        ],
    ),
    (
        "other",
        &[
            // (phi-rules@11) hearing loss
            "deaf in one ear", "deaf in both ears", "sorda da un orecchio", "sordo da un orecchio",
            "sorda de un oído", "sordo de un oído", "sorda d'una orella", "sord d'una orella",
            "surda de um ouvido", "surdo de um ouvido", "hearing loss", "perdita dell'udito",
            "pérdida auditiva", "pèrdua auditiva", "perda auditiva", "hipoacusia", "ipoacusia",
            // injuries: fractures
            "broken hip", "broken her hip", "broken his hip", "broke her hip", "broke his hip",
            "broken wrist", "broken leg", "broken arm", "broken ankle", "fractured hip",
            "fractured wrist", "fractured ankle", "fractured leg", "fractured arm",
            "fractured skull", "fractured vertebra", "hip fracture", "wrist fracture",
            "fractura de", "fractura del", "fractura al", "frattura del", "frattura di",
            "frattura al", "rotura de cadera",
            // (phi-rules@9) a coma
            "in a coma", "induced coma", "en coma", "in coma", "em coma", "coma inducido",
            "coma induït", "coma indotto", "coma induzido",
            // hearing loss, pancreatitis
            "hearing aid", "audífono", "audiòfon", "apparecchio acustico", "aparelho auditivo", "deaf in", "profoundly deaf", "hearing loss", "sordera", "pèrdua auditiva",
            "perdita dell'udito", "cochlear implant", "implante coclear", "pancreatitis",
            "pancreatite",
        ],
    ),
    (
        "chronic",
        &[
            "diabetes", "diabète", "diabete", "diabetic", "diabétic", "diabètic", "asthma", "asma",
            "copd", "epoc", "bpco", "lupus", "crohn", "colitis", "colite", "arthritis",
            "prediabet", "prediabèt", "pre-diabet", "pre-diabèt", "dka$", "ketoacidosis", "cetoacidosis", "chetoacidosi", "methotrexat", "metotrexat", "artrosis", "artrosi", "artrose", "osteoarthritis", "osteoartritis", "osteoartrite", "artritis", "artrite", "fibromyalgi", "fibromialgi", "celiac", "celíac", "celiach",
            "kidney failure", "insuficiencia renal", "insuficiència renal", "insufficienza renale",
            "dialysis", "diálisis", "diàlisi", "dialisi", "hypertension", "hipertensión",
            "hipertensió", "ipertensione", "endometriosi", "psoriasis", "psoriasi",
            "cystic fibrosis", "fibrosis quística", "fibrosi", "diabetis", "type 1", "type 2",
            "tipo 1", "tipo 2", "tipus 1", "tipus 2", "insulin", "insulina", "kidney disease",
            "enfermedad renal", "malaltia renal", "malattia renale", "thyroid", "tiroides", "tiroide",
            "hashimoto", "hypothyroid", "hipotiroid", "ipotiroid", "ehlers", "sickle cell",
            "drepanocit", "anemia falciform", "falcemia", "anaemia", "anemia", "osteoporo",
            "gout", "gota", "emphysema", "enfisema", "metformin", "levothyrox", "eutirox", "long-term condition", "chronic pain",
            "dolor crónico", "dolor crònic", "dolore cronico", "endometriosis",
            // a flare-up, dialysing someone, the devices of diabetes and asthma
            "flare", "dialitz", "dializ", "glucometer", "glucometr", "glucómetr", "glucòmetr",
            "glucose monitor", "inhaler", "inhalador", "inalatore", "coeliac", "ibs$",
            "irritable bowel", "intestino irritable", "intestí irritable", "intestino irritabile",
            "colon irritable", "kidney stone", "cálculos renales", "piedras en el riñón",
            "càlculs renals", "pedres al ronyó", "calcoli renali", "stoma", "estoma", "ileostom",
            "colostom", "ostomía", "ostomia", "sciatica", "ciática", "ciàtica", "slipped disc",
            "t1d$", "t2d$", "type one diabet", "type two diabet",
            // kidney transplants (renal, not surgery), autoimmune disease
            "kidney transplant", "renal transplant", "trasplante renal", "trasplante de riñón",
            "trasplantament renal", "trasplantament de ronyó", "trapianto di rene",
            "trapianto renale", "autoimmun", "autoinmun", "auto-immune",
            // insulin pumps and glucose sensors
            "insulin pump", "bomba de insulina", "bomba d'insulina", "microinfus", "pompa di insulina",
            "pompa insulinica", "cgm$", "dexcom", "freestyle libre", "omnipod",
            "hemodialysis", "hemodiálisis", "hemodiàlisi", "emodialisi", "hemodiálise",
            "eczema", "eccema", "dermatitis atòpica", "dermatitis atópica", "dermatite atopica",
        ],
    ),
];

/// First-person predicates that disclose by themselves (a diagnosis, surgery or pregnancy), or
/// that need a condition term shortly after ("I have ...", "tengo ...", "ho ...").
static SELF_STRONG: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \bi\s+(?:was|'ve\s+been|have\s+been|got|just\s+got|am|'m|was\s+just|was\s+recently|have\s+just\s+been)\s+(?:\w+\s+)?diagnosed
        | ^\s*(?:just\s+|recently\s+)?diagnosed\s+with
        | \bi\s+tested\s+(?:\w+\s+)?positive
        | \bi(?:'m|\s+am)\s+(?:pregnant|expecting)
        | \b(?:i\s+am|we\s+are|we're|i\s+was|we\s+were)\s+(?:finally|now|officially|so|still|actually|also)\s+(?:pregnant|expecting\s+(?:a\s+baby|our\s+\w+\s+baby|twins|a\s+boy|a\s+girl|baby))\b
        | \b(?:estamos|estem|siamo|estamos)\s+(?:por\s+fin\s+|per\s+fi\s+|finalmente\s+|finalment\s+)?(?:embarazados|embarassats|incinti|gravidos)\b
        | \bi\s+(?:had|'m\s+having|am\s+having|need|have\s+to\s+have|underwent)\s+(?:\w+\s+){0,3}?(?:surgery|an\s+operation|chemo|a\s+mastectomy|a\s+transplant)
        | \bmy\s+(?:diagnosis|chemo|surgery|operation|dialysis|treatment\s+for)
        | \bme\s+(?:han\s+|ha\s+|acaban\s+de\s+|van\s+a\s+)?(?:diagnosticad[oa]|detectad[oa]|diagnosticaron|detectaron|diagnosticar|detectar|operad[oa]|operaron|operan|operar)
        | \bestoy\s+(?:embarazada|en\s+tratamiento|con\s+quimio|en\s+quimio)
        | \bhe\s+dado\s+positivo | \bdi\s+positivo
        | ^[^\w]*(?:(?:otra\s+vez|de\s+nuevo|again|di\s+nuovo|ancora|un\s+altre\s+cop|de\s+nou|outra\s+vez|de\s+novo)\s+)?(?:positiv[oae]|positiu|positive)\s+(?:again\s+)?(?:en|a|al|per|para|no|na|in|for|de|di|pel|pela|pelo|al|a\s+la)\s+(?:el\s+|la\s+|o\s+|a\s+|il\s+)?(?:covid|coronavirus|sars|gripe|grip|influenza|flu|tb|tuberculos\w*|tubercolos\w*|strep)
        | \bm'han\s+(?:diagnosticat|detectat|operat) | \bem\s+van\s+(?:diagnosticar|detectar|operar) | \bm'operen | \bm'operaran
        | \bestic\s+(?:embarassada|en\s+tractament|fent\s+quimio)
        | \bhe\s+donat\s+positiu
        | \bmi\s+(?:hanno|è\s+stat[oa]|han)\s+(?:diagnosticat[oa]|operat[oa]|riscontrat[oa]) | \bho\s+scoperto\s+di\s+avere
        | \bsono\s+(?:incinta|stat[oa]\s+operat[oa]|risultat[oa]\s+positiv[oa]|in\s+chemio)
        | \bmi\s+operano
        | ^\s*(?:\d+\s+(?:weeks|semanas|setmanes|settimane|months|meses|mesos|mesi)\s+)?(?:pregnant|embarazada|embarassada|incinta|gravida)\b
        | ^\s*(?:(?:i|we)\s+)?(?:finally\s+|just\s+)?(?:got|have|had|been\s+given|received)\s+(?:a|my|the|our)\s+(?:diagnosis|dx)\s+(?:today|yesterday|this\s+week|at\s+last|finally|after)\b
        | \bme\s+(?:han\s+|ha\s+)?(?:quitaron|quitado|extirparon|extirpado|pusieron|puesto|trasplantaron|trasplantado|amputaron|amputado)
        | \bm'han\s+(?:tret|extirpat|posat|trasplantat) | \bem\s+van\s+(?:treure|extirpar|posar|trasplantar)
        | \bmi\s+hanno\s+(?:tolto|asportato|messo|trapiantato|impiantato)
        | ^\s*(?:just\s+|finally\s+|recently\s+|officially\s+|today\s+|and\s+)?(?:tested\s+positive|got\s+diagnosed|been\s+diagnosed|got\s+my\s+diagnosis)
        | \b(?:and|just|then|finally)\s+tested\s+positive
        | \bi\s+am\s+(?:\d+|\w+)\s+(?:weeks|wks|months)\s+(?:pregnant|along)
        | \bestoy\s+de\s+(?:\d+|\w+)\s+(?:meses|semanas)
        | \bestic\s+de\s+(?:\d+|\w+)\s+(?:mesos|setmanes)
        | \bsono\s+(?:al|alla|di)\s+(?:\d+|\w+)\s+(?:mese|mesi|settimana|settimane)
        | \bm'(?:acaben\s+de|han\s+de|han\s+d'|hauran\s+d'|van\s+a)\s*(?:diagnosticar|detectar|operar|ingressar)
        | \bem\s+(?:diagnostiquen|operen|ingressen|acaben\s+de\s+(?:diagnosticar|detectar|operar))
        | \bmi\s+(?:hanno\s+appena|devono|dovranno|hanno\s+dovuto)\s+(?:diagnosticat[oa]|operat[oa]|operare|ricoverare|ricoverat[oa])
        | \bme\s+(?:tienen\s+que|tendran\s+que|van\s+a)\s+(?:operar|ingresar|quitar|extirpar)
        | ^\s*(?:recien\s+|appena\s+|ya\s+|ja\s+|finally\s+|just\s+)?(?:operad[oa]|operat[oa]?|diagnosticad[oa]|diagnosticat[oa]?)\s+(?:(?:ieri|oggi|stamattina|ayer|hoy|anteayer|ahir|avui|abans\s+d'ahir|yesterday|today|last\s+week|la\s+semana\s+pasada|la\s+setmana\s+passada|la\s+settimana\s+scorsa)\s+)?(?:(?:de|del|dels|de\s+la|al|alla|della|dello|con|amb|di|with)\b|all'|dell'|d')
        | ^\s*(?:(?:day|week|wk|month|dia|semana|setmana|giorno|settimana)\s+\w+\s+)?post(?:-|\s)?op(?:eratori[oa]?|eratiu|eratoria)?\b | \bi\s+am\s+(?:\w+\s+)?post(?:-|\s)?op\b
        | \bestou\s+(?:gravida|em\s+tratamento|com\s+quimio)
        | ^\s*(?:just\s+|finally\s+)?(?:got\s+|came\s+)?(?:out\s+of|back\s+from|home\s+from)\s+(?:my\s+)?surgery\b
        | \bi\s+(?:am\s+|have\s+)?(?:just\s+)?(?:got|came|been|am)\s+(?:out\s+of|back\s+from|home\s+from)\s+(?:my\s+)?surgery\b
        | ^\s*(?:(?:still|now|officially|finally|and)\s+)?in\s+remission\b | \bi\s+am\s+(?:\w+\s+)?in\s+remission\b
        | \b(?:estoy|sigo)\s+en\s+remision\b | ^\s*en\s+remision\b | \b(?:estic|segueixo)\s+en\s+remissio\b
        | \bsono\s+(?:ancora\s+)?in\s+remissione\b | ^\s*in\s+remissione\b
        | ^\s*(?:(?:we|i)\s+(?:have\s+|just\s+)?)?lost\s+(?:the|our|my)\s+baby\b
        | ^\s*(?:(?:i|we)\s+)?(?:finally\s+|just\s+)?(?:got|have|had|been\s+given)\s+a\s+(?:name|diagnosis|dx)\s+for\b
        | ^\s*(?:i\s+|we\s+)?(?:just\s+)?(?:miscarried|had\s+a\s+miscarriage|lost\s+the\s+baby|tuve\s+un\s+aborto|he\s+tingut\s+un\s+avortament|ho\s+avuto\s+un\s+aborto|tive\s+um\s+aborto)\b
        | \bwe(?:'re|\s+are)\s+expecting\b | \bme\s+and\s+(?:the\s+|my\s+)?\w+\s+(?:are|'re)\s+(?:\w+\s+)?expecting\b | \bestamos\s+esperando\s+(?:un|una|nuestro|nuestra)\s+(?:bebe|hij|nin)
        | \besperem\s+(?:un|una|el\s+nostre|la\s+nostra)\s+(?:nado|fill|bebe) | \baspettiamo\s+(?:un|una)\s+(?:bambin|figli)
        | \b(?:me|m'|mi)\s*(?:han\s+|ha\s+|hanno\s+|acaban\s+de\s+|acaben\s+de\s+|hanno\s+appena\s+)?(?:confirmado|confirmat|confermato|confirmar|confermare|dado|donat|dato)\s+(?:el|la|il)\s+(?:diagnostico|diagnostic|diagnosi)
        | \b(?:tengo|tinc|ho|tenho|i\s+have|i\s+got|finally\s+got|finally\s+have)\s+(?:(?:un|una|a|um|uma|el|mi|my|il|mio|la\s+meva|o\s+meu)\s+)?(?:diagnostico|diagnostic|diagnosi|diagnosis)\b
        | \b(?:fui|sono\s+stat[oa]|he\s+sido|he\s+estat)\s+(?:\w+\s+)?(?:diagnosticad[oa]|diagnosticat[oa]?|operad[oa]|operat[oa]?|internad[oa])\b
        | \b(?:fiz|me\s+hice|me\s+he\s+hecho|em\s+vaig\s+fer|m'he\s+fet|mi\s+sono\s+fatt[oa]|ho\s+fatto|i\s+had|i\s+have\s+had)\s+(?:(?:uma|una|un|a|an|l'|la|el|il|o|a\s+minha|la\s+mia|mi|my)\s+)?(?:cirurgia|cirugia|cirurgia|operacao|operacion|operacio|operazione|intervento|intervencion|intervencio|biopsia)\b
        | \b(?:had|having|getting|got|get)\s+(?:my|his|her|a|both)\s+(?:\w+\s+)?(?:hip|knee|gallbladder|appendix|tonsils|thyroid|womb|uterus|ovary|ovaries|kidney|spleen|breast|breasts|prostate|cataracts?|shoulder|adenoids|bowel|colon|lung)s?\s+(?:replaced|removed|out|taken\s+out|done|fused|reconstructed)\b
        | \b(?:me\s+opere|m'he\s+operat|em\s+vaig\s+operar|mi\s+sono\s+operat[oa]|mi\s+sono\s+fatt[oa]\s+operare|me\s+operei|operei)\b
        | \b(?:descobri|soube|descubri|descobreixo|ho\s+saputo)\s+que\s+(?:tenho|tengo|tinc|tenia|tinha)\b | \b(?:testei|dei)\s+positivo\b
        | ^\s*(?:(?:por\s+fin|ya|per\s+fi|ja|finalment|finalmente|finally|just|at\s+last|al\s+fin|dopo\s+tanto|enfim)\s+)?(?:en\s+casa|a\s+casa|em\s+casa|home|back\s+home|de\s+alta|dado\s+de\s+alta|dada\s+de\s+alta|donat\s+d'alta|donada\s+d'alta|dimess[oa]|discharged|out)\s+(?:tras|despues\s+de|despres\s+de|dopo|depois\s+d[aeo]|apos|after|from)\s+(?:(?:la|el|my|mi|the|una|un|l'|a|an|il|mia|meva|minha|mio|meu)\s*)*(?:surgery|op|operation|operacion|operacio|operazione|intervento|intervencion|intervencio|cirugia|cirurgia|operacao)\b
        | ^\s*\d+\s*(?:weeks|wks|w)\s+(?:today|now|tomorrow|pregnant|along|and\s+counting)\b
        | ^\s*(?:ya\s+)?de\s+\d+\s+semanas\b | \b(?:estamos|estem)\s+de\s+(?:\d+|\w+)\s+(?:meses|semanas|mesos|setmanes)\b
        | ^\s*(?:alla|a)\s+\d+\w*\s+settimana\b
        | \bbaby\s+(?:no\.?\s*\d+\s+|number\s+\w+\s+|\#\s*\d+\s+)?(?:is\s+)?due\s+(?:in|on|at|any|next|this|the)\b
        | \b(?:i\s+am|we\s+are|we're)\s+due\s+(?:in|on|any|next|this)\b | \bmy\s+due\s+date\b
        | \bsalgo\s+de\s+cuentas\b | \bsurto\s+de\s+comptes\b
        | \b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:days?|weeks?|months?|years?)\s+sober\b
        | \bi\s+(?:am|have\s+been)\s+(?:\w+\s+)?sober\s+(?:for|since)\b
        | \b(?:into|back\s+from|out\s+of|wheeled\s+(?:in)?to|taken\s+(?:in)?to|went\s+(?:in)?to|go\s+(?:in)?to|going\s+(?:in)?to)\s+theatre\b
        | \b(?:entro|entre|entrare|sali|salgo|me\s+llevan|me\s+llevaron|me\s+bajan|me\s+bajaron|me\s+meten|me\s+metieron)\s+(?:a|al|del|de|en)\s+(?:el\s+)?quirofano\b
        | \b(?:entro|vaig\s+entrar|surto|vaig\s+sortir|em\s+porten|em\s+van\s+portar|em\s+baixen|em\s+van\s+baixar)\s+(?:a|al|de|del)\s+quirofan\b
        | \b(?:entro|sono\s+entrat[oa]|esco|sono\s+uscit[oa]|mi\s+portano|mi\s+hanno\s+portat[oa])\s+(?:in|dalla|dalle)\s+sala\s+operatoria\b
        | \bi\s+am\s+having\s+a\s+biopsy\b | \bme\s+(?:hacen|van\s+a\s+hacer|han\s+hecho)\s+una\s+biopsia\b
        | \bem\s+(?:fan|faran|van\s+fer)\s+una\s+biopsia\b | \bmi\s+(?:fanno|faranno|hanno\s+fatto)\s+una\s+biopsia\b
        | \b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:years?|months?)\s+(?:cancer|tumou?r|seizure)[\s-]free\b
        | ^\s*(?:the\s+|my\s+)?biopsy\s+(?:results?|came\s+back|was|is)\b | ^\s*results?\s+(?:of|from)\s+(?:the\s+|my\s+)?biopsy\b
        | ^\s*(?:resultados?|resultats?|esito|risultat[oi])\s+(?:de\s+la\s+|de\s+mi\s+|de\s+la\s+meva\s+|della\s+|della\s+mia\s+|del\s+)?biopsia\b
        ",
    )
});

/// A condition-specific treatment (chemo, radiotherapy, dialysis, immunotherapy) that the
/// author starts, finishes or has, with or without a subject: "just finished my last round of
/// chemo", "acabo de terminar la quimio", "avui em toca diàlisi", "ieri ho fatto la chemio".
static SELF_TREATMENT: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        (?:
          (?:^\s*|\bi\s+|\bjust\s+|\bfinally\s+|\btoday\s+|\band\s+)(?:have\s+|had\s+|just\s+|finally\s+|officially\s+)?(?:finished|finish|started|start|starting|finishing|completed|had|have|got|done|doing|began|begin|beginning|rang\s+the\s+bell\s+after|back\s+(?:on|in\s+for))
          | \b(?:sto\s+facendo|estoy\s+haciendo|estoy\s+recibiendo|estic\s+fent|estou\s+a\s+fazer|estou\s+fazendo|i\s+am\s+doing|i\s+am\s+having|i\s+am\s+starting|i\s+am\s+finishing)
          | \bmy\s+(?:\w+\s+){0,2}?(?:round|cycle|session|dose|course|infusion|week|day|month)s?\s+of
          | \b(?:acabo\s+de|he|hoy|ya)\s+(?:terminar|terminado|empezar|empezado|acabar|acabado|hacer|hecho|tengo|toca|termino|empiezo)
          | \b(?:termino|empiezo|termine|empece|acabe|me\s+tocan?|me\s+ponen|me\s+dan)
          | \b(?:acabo\s+de|he|avui|ja)\s+(?:fer|fet|acabar|acabat|comencar|comencat|tinc|toca)
          | \b(?:acabo|comenco|vaig\s+(?:acabar|comencar|fer)|em\s+toca|em\s+posen|em\s+fan)
          | \b(?:ho|oggi|ieri|domani)\s+(?:finito|iniziato|fatto|cominciato|terminato|faccio|inizio|comincio|ho)
          | \b(?:inizio|finisco|faccio|comincio|mi\s+fanno|mi\s+tocca)
          | ^\s*(?:my\s+|la\s+|el\s+|l'|la\s+mia\s+|mi\s+|la\s+meva\s+)?(?:last|final|first|next|ultima|ultimo|primera|primer|prima|darrera|ultim|proxima|prossima)
        )
        \s+(?:\w+\s+){0,4}?(?:chemo|chemotherapy|quimio|quimioterapia|chemio|chemioterapia|radiotherap|radiotherapy|radiation|radioterapia|radioterapia|radio\b|dialysis|dialisis|dialisi|immunotherap|inmunoterapia|immunoterapia|hormone\s+therapy|hormonoterapia)
        ",
    )
});

static SELF_WEAK: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \bi\s+(?:have|'ve\s+got|'ve\s+had|have\s+had|had|got|suffer\s+from|am\s+living\s+with|'m\s+living\s+with|live\s+with|'ve\s+been\s+living\s+with|have\s+been\s+living\s+with|am\s+(?:fighting|battling|recovering\s+from)|'m\s+(?:fighting|battling|recovering\s+from)|survived|beat|am\s+on|was\s+on|have\s+been\s+on|started\s+on|take)\b
        | \b(?:they|the\s+doctors?|the\s+consultant|doctors?)\s+(?:said|say|says|told\s+me|confirmed)\s+(?:it'?s|its|it\s+is|it\s+was|i\s+have|i\s+had|i\s+have\s+got)\b
        | \b(?:me\s+(?:dijeron|han\s+dicho|dicen)|em\s+van\s+dir|m'han\s+dit|em\s+diuen|mi\s+hanno\s+detto|mi\s+dicono|disseram-me|me\s+disseram|dizem-me)\s+que\s+(?:es|era|tengo|tenia|tinc|tenia|e|ho|avevo|tenho|tinha)\b
        | \b(?:vado|andavo|sono\s+andat[oa]|voy|iba|he\s+ido|vaig|anava|he\s+anat|vou|ia|fui|i\s+see|i\s+saw|i\s+am\s+seeing|i\s+go\s+to|i\s+went\s+to|i\s+have\s+been\s+seeing)\s+(?:(?:a|an|the|my|un|una|uno|el|la|al|il|lo|dal|dalla|dallo|da|ao|a\s+la|o|mi|mio|mia|al\s+meu|a\s+la\s+meva)\s+)*(?:\w*(?:olog|oleg)\w*|psichiatr\w*|psiquiatr\w*|psicoterapeut\w*|therapist|psychologist|psychiatrist|counsel+or|terapeuta|endocrin\w*|gastro\w*)\s+(?:per|por|para|for|pel|pels|pela|pelo|perche|because|porque|perque)\b
        | \b(?:started|put|got|switched)\s+me\s+on\b | \bthey(?:'re|\s+are|'ll|\s+will|\s+have|'ve)\s+(?:\w+\s+)?(?:putting|fitting|inserting|put|fit|fitted|inserted|giving)\s+(?:me\s+)?(?:in\s+|with\s+)?(?:a|an)\b | \b(?:me\s+han\s+puesto|me\s+pusieron|m'han\s+posat|em\s+van\s+posar|mi\s+hanno\s+messo|puseram-me)\s+(?:\w+\s+)?(?:con|amb|in|a)?\b
        | \bas\s+(?:a|an|someone\s+with|somebody\s+with|a\s+person\s+with)\b
        | \b(?:tomo|prenc|prendo|como\s+(?:paciente|enferm[oa])\s+de|com\s+a\s+pacient\s+de|da\s+paziente)\b
        | \b(?:tengo|tenía|padezco|sufro|soy|convivo\s+con|lucho\s+contra)\b
        | \b(?:tinc|tenia|pateixo|sóc|convisc\s+amb|visc\s+amb|lluito\s+contra)\b
        | \b(?:ho|avevo|soffro\s+di|sono|convivo\s+con|combatto\s+contro)\b
        | \b(?:vivo\s+con)\b
        | ^\s*(?:living|life|been\s+living|dealing)\s+with\b
        | \b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:days?|weeks?|months?|years?)\s+(?:clean|free)\s+(?:from|of)\b
        | \bmi\s+hanno\s+(?:trovato|scoperto|riscontrato) | \bme\s+(?:han\s+)?(?:encontrado|encontraron|detectado|detectaron|visto|vieron)
        | \bm'han\s+(?:trobat|vist) | \bem\s+van\s+(?:trobar|veure) | \bthey\s+(?:have\s+)?found
        | \bturns?\s+out\s+(?:i\s+have|i\s+had|it'?s|it\s+is|it\s+was)
        | \bi\s+(?:was|am|got|have\s+been)\s+(?:\w+\s+)?(?:hospitali[sz]ed|admitted|readmitted|rushed\s+in|taken\s+in|kept\s+in)\s+(?:with|for)\b
        | \b(?:been|was|got|were)\s+told\s+(?:it'?s|it\s+is|it\s+was|i\s+have|i\s+had|(?:s?he|they)\s+(?:has|had))
        | ^\s*(?:my\s+|the\s+|today'?s\s+|latest\s+|last\s+)?(?:scan|mri|ct\s+scan|pet\s+scan|biopsy)\s+(?:showed|shows|confirmed|found)\b | \bapparently\s+(?:it'?s|it\s+is|i\s+have|i\s+got)
        | \bresulta\s+que\s+(?:tengo|tenia|es|era|tinc|és) | \ba\s+quanto\s+pare\s+(?:ho|è)
        | \b(?:me|m'|mi)\s*(?:han|hanno|ha)\s+(?:dado|donat|dato|entregado)\s+(?:los|els|i|el|il)\s+(?:resultados?|resultats?|risultat[io])\b
        | \bgot\s+(?:my|the)\s+(?:\w+\s+)?results?(?:\s+back)?
        | \b(?:llevo|llevamos|porto|portem)\s+(?:\w+\s+){0,3}?(?:con|amb)\b
        | ^\s*(?:\w+\s+){1,2}?(?:years|months|anos|meses|anys|mesos|anni|mesi)\s+(?:with|con|amb|living\s+with)\b
        | ^\s*(?:(?:ngl|tbh|honestly|lol|so|and|but|well|yeah)\s+)?(?:been|having|had|got|feeling|struggling|dealing|living|battling|fighting|recovering|suffering|being)\b
        | \b(?:he\s+superado|supere|he\s+vencido|he\s+superat|vaig\s+superar|superei|ultrapassei|venci|i\s+overcame|i\s+got\s+through|sono\s+guarit[oa]\s+da|me\s+he\s+curado\s+de|m'he\s+curat\s+de|curei-me\s+d[eao])\b
        | \b(?:he\s+tenido|tuve|he\s+sufrido|sufri|he\s+pasado|pase|he\s+tingut|vaig\s+tenir|he\s+patit|vaig\s+patir|he\s+passat|vaig\s+passar|ho\s+avuto|ho\s+sofferto|ho\s+passato|ho\s+fatto)\b
        | \b(?:my|mi|mis|meu|meva|meves|mio|mia|mie|miei)\b
        | (?:^|,)\s*(?:\w+\s+)?(?:ingresad[oa]|ingressad[oa]|ingressat|ricoverat[oa]|internad[oa]|hospitalizad[oa]|hospitalitzad[oa]|admitted|hospitali[sz]ed)\s+(?:por|per|con|amb|da|com|with|for|de)\b
        | \b(?:estoy|estic|sono|estou|sigo|segueixo|continuo|llevo|porto)\s+(?:\w+\s+){0,3}?(?:ingresad[oa]|ingressad[oa]|ingressat|ricoverat[oa]|internad[oa])\s+(?:(?:ha|hace|fa|da|desde|des\s+de|dal)\s+(?:\w+\s+){1,2}?)?(?:por|per|con|amb|da|com|de)\b
        | \b(?:tenho|tive|tinha|sofro\s+de|convivo\s+com|vivo\s+com|estou\s+com|luto\s+contra|fiz|faco|comecei|terminei)\b
        | \b(?:ando\s+com|ando\s+con|ando\s+amb|vaig\s+amb|estoy\s+con|estic\s+amb|sto\s+con|i\s+am\s+down\s+with)\b
        ",
    )
});

/// A close person as the subject or object: possessive and kinship word.
static KIN: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:my|our)\s+(?:[\w-]+\s+){0,3}?(?:mother|mum|mom|father|dad|son|daughter|husband|wife|partner|brother|sister|grandmother|grandma|gran|nan|grandfather|grandpa|granddad|grandad|grandson|granddaughter|stepson|stepdaughter|uncle|aunt|auntie|cousin|boyfriend|girlfriend|baby|child|kid|fiancée?|niece|nephew|youngest|eldest|oldest|little\s+one|boy|girl|lad|twins|missus|hubby|stepdad|stepmum)\b
        | \b(?:mi|mis|nuestr[oa])\s+(?:(?:querid[oa]|amad[oa]|estimad[oa]|adorad[oa]|car[oa]|adorat[oa]|amat[oa]|pobre|pover[oa]|vell[oa]|viej[oa]|vecchi[oa]|gran|grande|benvolgud[ao]|dolc[ea])\s+)?(?:madre|padre|mamá|papá|hijo|hija|marido|esposo|esposa|mujer|hermano|hermana|abuela|abuelo|tío|tía|primo|prima|pareja|bebé|novio|novia|sobrino|sobrina|suegra|suegro)\b
        | \b(?:meu|meva|nostre|nostra)\s+(?:(?:querid[oa]|amad[oa]|estimad[oa]|adorad[oa]|car[oa]|adorat[oa]|amat[oa]|pobre|pover[oa]|vell[oa]|viej[oa]|vecchi[oa]|gran|grande|benvolgud[ao]|dolc[ea])\s+)?(?:mare|pare|fill|filla|home|dona|marit|germà|germana|àvia|avi|iaia|iaio|oncle|tia|cosí|cosina|parella|nadó|xicot|xicota|nebot|neboda|sogra|sogre)\b
        | \b(?:mio|mia|nostro|nostra)\s+(?:(?:querid[oa]|amad[oa]|estimad[oa]|adorad[oa]|car[oa]|adorat[oa]|amat[oa]|pobre|pover[oa]|vell[oa]|viej[oa]|vecchi[oa]|gran|grande|benvolgud[ao]|dolc[ea])\s+)?(?:madre|padre|mamma|papà|figlio|figlia|marito|moglie|fratello|sorella|nonna|nonno|zio|zia|cugino|cugina|compagno|compagna|fidanzato|fidanzata|bambino|bambina|nipote|suocera|suocero)\b
        | \b(?:mum|mom|dad|mama|mamá|papá|mamma|papà|grandma|grandpa|grandad|granddad|granny|nan|nonna|nonno|iaia|iaio|avó|avô|vovó|vovô)\b
        | \b(?:my|our)\s+(?:other|better)\s+half\b
        | \b(?:la\s+mare|el\s+pare|l'avi|l'avia|la\s+iaia|el\s+iaio|la\s+mama|el\s+papa|la\s+mamma|il\s+papa|il\s+babbo|la\s+nonna|il\s+nonno|a\s+mae|o\s+pai|a\s+avo|o\s+avo)\b
        | ^\s*(?:wife|hubby|husband|missus|partner|son|daughter|lad|boyfriend|girlfriend|fiance|fiancee|grandad|granddad|grandma|nan|eldest|youngest)(?:'s)?\s
        | \b(?:la|el)\s+(?:nena|nene|peque|niña|niño|nen|petit|petita)\b | \b(?:il|la)\s+(?:piccol[oa]|bimb[oa])\b
        | \b(?:meu|nosso)\s+(?:pai|filho|irmão|marido|avô|tio|namorado|neto|bebe|menino|pequeno)\b | \b(?:minha|nossa)\s+(?:mãe|filha|irmã|esposa|mulher|avó|vó|tia|namorada|neta|bebe|menina|pequena|afilhada|sogra)\b | \b(?:meu|nosso)\s+(?:vô|afilhado|sogro)\b
        | ^\s*(?:dd|ds|dd\d|ds\d)\b | \b(?:my|our)\s+(?:dd|ds|dh|dp|dd\d|ds\d)\b | \b(?:dd|ds|dh)\d?\s*\(\s*\d{1,2}\s*\)
        | \b(?:mi|nuestr[oa])\s+(?:pequen[oa]|peque|nene|nena|chiquitin[a]?)\b | \b(?:el|la)\s+(?:meu|meva|nostre|nostra)\s+(?:petit|petita|nen|nena)\b | \b(?:il|la)\s+(?:mio|mia|nostr[oa])\s+(?:piccol[oa]|bimb[oa])\b
        ",
    )
});

/// Predicates saying something happened to a third person: diagnosis, surgery, a condition.
static THIRD_EVENT: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        diagnos | detect | found\s+out | tested\s+positive | operat | operar | surgery | bypass
        | \b(?:has|had|have|got|is\s+living\s+with|is\s+fighting|is\s+battling|battled|fought|beat|survived|is\s+recovering\s+from|started|starts|is\s+on|is\s+having|suffers\s+from|lives\s+with)\b
        | \b(?:tiene|tenía|tuvo|padece|sufre|le\s+han|la\s+operaron|lo\s+operaron|le\s+operaron|está\s+embarazada|lleva|convive\s+con|vive\s+con)\b
        | \b(?:té|tenia|pateix|li\s+han|l'han|el\s+van|la\s+van|li\s+van|està\s+embarassada|porta|conviu\s+amb|viu\s+amb)\b
        | \b(?:ha|aveva|soffre|è\s+stat[oa]|hanno|è\s+incinta|gli\s+hanno|le\s+hanno)\b
        | trobat | trovato | encontrado | riscontrat | scoperto
        | \b(?:esta|sta)\s+(?:fent|haciendo|recibiendo|facendo|fazendo|a\s+fazer)\b | \bis\s+(?:doing|getting|undergoing|receiving)\b
        | \b(?:colocou|colocaram|implantou|implantaram|le\s+pusieron|li\s+han\s+posat|li\s+van\s+posar|gli\s+hanno\s+messo|gli\s+hanno\s+impiantato|had\s+(?:a|his|her)\s+\w+\s+fitted|got\s+(?:a|his|her)\s+\w+\s+fitted)\b
        | \b(?:quitaron|extirparon|pusieron|tret|tolto|asportato|messo)\b
        | \b(?:teve|tem|está\s+com|foi\s+operad[oa]|foi\s+diagnosticad[oa]|esta\s+lutando|lutando|luta\s+contra|lutou|sofre\s+de|convive\s+com|vive\s+com|descobriu)\b
        | \b(?:internad[oa]|ingresad[oa]|ingressad[oa]|ricoverat[oa]|hospitali[sz]ed|admitted)\s+(?:com|con|amb|per|por|with|for|de)\b
        | \b(?:needs|need|necesita|necessita|ha\s+bisogno\s+di|precisa\s+de)\s+(?:(?:a|an|un|una|um|uma|urgent|urgently|another|otra|otro|un'|urgente|urgentemente)\s+)*(?:\w+\s+)?(?:surgery|operation|transplant|chemo|dialysis|operacion|operacio|operazione|intervento|cirugia|cirurgia|trasplante|trasplantament|trapianto|transplante|quimio|chemio|dialisis|dialisi)
        | \b(?:broke|broken|fractured|se\s+rompio|se\s+ha\s+roto|es\s+va\s+trencar|s'ha\s+trencat|si\s+e\s+rott[oa]|ha\s+rotto|fraturou|partiu)\b
        | \b(?:is|was|got|became|is\s+now|are|were)\s+(?:\w+\s+)?pregnant\b | \b(?:esta|estaba|estava|era|e)\s+(?:gravida|embarazada|embarassada|incinta)\b
        | \bhad\s+(?:twins|triplets|a\s+baby|the\s+baby|their\s+baby|a\s+(?:baby\s+)?(?:boy|girl))\b
        | (?:'s|\b(?:is|are|has\s+been|esta|sta|e|esta)\b)\s+(?:now\s+|officially\s+|still\s+|finally\s+|ya\s+|ja\s+|ora\s+)?(?:in|en|em)\s+(?:remission|remision|remissio|remissione|remissao)\b
        | \b(?:after|since|following|tras|despues\s+de|desde|dopo|depois\s+d[aeo]|despres\s+de|des\s+de)\s+(?:the\s+|la\s+|l'|el\s+|a\s+|o\s+|his\s+|her\s+)?(?:operation|op|surgery|operacion|operacio|operazione|intervento|operacao|cirurgia|cirugia|intervencion|intervencio)\b
        | \b(?:after|since|following|recovering\s+from|tras|despues\s+de|dopo|depois\s+d[aeo]|despres\s+de)\s+(?:his|her|their|su|la\s+seva|el\s+seu|il\s+suo|la\s+sua|a\s+sua|o\s+seu)\b
        | \b(?:lost\s+(?:his|her|their)\s+(?:battle|fight)|lucha\s+contra|lucho\s+contra|luchando\s+contra|lluita\s+contra|lluitant\s+contra|va\s+lluitar\s+contra|lotta\s+contro|lottando\s+contro|ha\s+lottato\s+contro|combatte\s+contro)\b
        ",
    )
});

/// Generic statements, hypotheticals and reported news.
static NOT_PERSONAL: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        ^[\s¿¡'(]*(?:(?:and|but|so|what|y|i|e|o|pero|ma|mas|and\s+what)\s+)?(?:if|si|se|in\s+case|en\s+caso|in\s+caso|en\s+cas|when\s+you|cuando\s+tienes|quan\s+tens|quando\s+hai)\b
        | ^[\s¿¡'(]*(?:pregnant|diabetic|asthmatic|autistic|epileptic|embarazadas|diabeticos|diabeticas|asmaticos|embarassades|diabetics|donne\s+incinte|incinte|diabetici|gravidas|diabeticos)\s+(?:women|people|patients|mothers|mums|moms|ladies|kids|children|adults|mujeres|personas|pacientes|madres|ninos|dones|persones|pacients|mares|nens|donne|persone|pazienti|madri|bambini|mulheres|pessoas|maes|criancas)\b
        | \b(?:study|studies|research|trial|trials|ensayo|assaig|sperimentazione|estudio|estudios|estudi|studio|studi|according\s+to|según|segons|secondo|says\s+the|report)\b
        ",
    )
});

/// A group of people ("people with", "la gente que"): a general statement when it comes
/// before the condition ("people with diabetes should..."), not when it follows a disclosure
/// ("mi hermano tiene epilepsia ... gracias a la gente que le ayudó").
static GROUP: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:people|patients|those|anyone|everyone|la\s+gente|las\s+personas|les\s+persones|le\s+persone|los\s+pacientes|els\s+pacients|i\s+pazienti)\s+(?:with|who|con|amb|que|che)\b",
    )
});

/// A group of people named before the sentence's first condition term.
fn group_before_condition(sent: &str) -> bool {
    GROUP.find(sent).is_some_and(|g| {
        condition_terms(sent)
            .first()
            .is_none_or(|(start, _, _)| g.start() < *start)
    })
}

static NEGATED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:\bnot|n't|\bno|\bnon|\bnever|\bnunca|\bmai|\bmai\s+no|\bsin|\bsense|\bsenza)\s*$",
    )
    .expect("negation regex")
});

fn category_in(s: &str) -> Option<&'static str> {
    // The earliest-mentioned condition wins. A term must start a word: "sida" is not in
    // "considerada".
    let (ac, cats, _) = &*CONDITION_MATCHER;
    ac.find_iter(s)
        .find(|m| term_at_word(s, m))
        .map(|m| cats[m.pattern().as_usize()])
}

/// A condition term starts a word (not a hashtag), and an abbreviation marked whole-word also ends one ("ms"
/// is not in "msg", "af" not in "after").
fn term_at_word(s: &str, m: &aho_corasick::Match) -> bool {
    let (_, _, whole) = &*CONDITION_MATCHER;
    // (A hashtag is a topic, not a condition: "#coronavirus".)
    let starts = !s[..m.start()]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '#');
    let ends = !whole[m.pattern().as_usize()]
        || !s[m.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
    starts && ends
}

/// True when `s` names a health condition (any language of [`CONDITIONS`]).
pub(crate) fn mentions_condition(s: &str) -> bool {
    category_of(s).is_some()
}

/// The category of the first condition `s` names (any language of [`CONDITIONS`]).
pub(crate) fn category_of(s: &str) -> Option<&'static str> {
    category_in(&fold(s))
}

/// True when `s` speaks of the author or a close person: a first-person word ("I", "my", "mi",
/// "em", "m'"), a third-person pronoun or clitic ("he", "his", "le", "li", "gli") or a kinship
/// word ([`KIN`]).
pub(crate) fn personal(s: &str) -> bool {
    static PERSON: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"\b(?:i|my|me|mine|he|she|his|her|him|mi|mis|meu|meva|meus|meves|mio|mia|miei|mie|em|le|li|gli|lui|lei|ell|ella|el\s+van|la\s+van)\b|\bm'",
        )
        .expect("person regex")
    });
    let f = fold(s);
    PERSON.is_match(&f) || KIN.is_match(&f)
}

/// Sentences: cut after `!`, `?`, `;` and line breaks, and after a full stop followed by a space
/// or the end ("baby no.2", "3.5 kg" and "e.g." inside a word stay whole).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut cuts = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|(_, n)| *n);
        let end = match c {
            // ("(94!!) broke her hip": a bracket or another mark after it keeps the sentence.)
            '!' | '?' => !matches!(next, Some(')' | '!' | '?')),
            '\n' | ';' => true,
            '.' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if end {
            cuts.push(i + c.len_utf8());
        }
    }
    let mut from = 0;
    let mut out = Vec::new();
    for c in cuts.into_iter().chain(std::iter::once(text.len())) {
        if c > from {
            out.push(text[from..c].trim());
            from = c;
        }
    }
    out.into_iter().filter(|s| !s.is_empty())
}

/// The category when the text discloses a health condition of the author or a close/named
/// person; `person_names` are the byte spans of detected names (a named person counts as close).
pub fn detect(text: &str, person_names: &[(usize, usize)]) -> Option<&'static str> {
    // "ALS", "ELA", "SLA" are the disease only in capitals ("als" is Catalan for "to the", "ela"
    // Portuguese for "she").
    let lower = fold(&ACRONYMS.replace_all(text, "amyotrophic"));
    // "cáncer de mama", "cancro da mama": the breast, not mum.
    let lower = BREAST.replace_all(&lower, "$1 mamaria").into_owned();
    // Byte offsets of `lower` are not those of `text` once folded; names are therefore re-found
    // by their folded form.
    let names: Vec<String> = person_names
        .iter()
        .map(|(s, e)| fold(&text[*s..*e]))
        .collect();
    // Names with a professional title ("Dr. X died of COVID-19 while treating patients") are
    // staff or public figures, not anchors for the general rule below.
    let anchor_names: Vec<String> = person_names
        .iter()
        .filter(|(s, _)| {
            let before = fold(&text[..*s]);
            !TITLE_BEFORE.is_match(last_chars(&before, 12))
                && !PLACE_BEFORE.is_match(last_chars(&before, 12))
        })
        .map(|(s, e)| fold(&text[*s..*e]))
        .collect();
    // (A fund-raising link is the family's appeal, not news.)
    let news = {
        let unfunded = CROWDFUNDING.replace_all(&lower, " ");
        unfunded.contains("http") || unfunded.contains('#') || unfunded.contains("www.")
    };
    // Links are not sentences: "https://www.iss.it/covid-19" names no one's condition (and its
    // dots and words would be read as text).
    let lower = URL_TOKEN.replace_all(&lower, " ").into_owned();
    let post_person = !anchor_names.is_empty() || KIN.is_match(&lower);
    // The author speaks of themself somewhere in the post ("I've been so ill ... Lyme disease.").
    // (phi-rules@12: "i" is the author only in an English post; Catalan "i" is "and".)
    let english = english_post(text);
    let author_post = author_in(&lower, english);
    // (phi-rules@11) A myth passed on or a myth debunked ("no t'ho diran, però el vaccí porta
    // grafè", "Falso: il bicarbonato non cura il cancro"), with no one of the post's own in
    // it: general health talk, no one's condition.
    let author_words = author_post;
    if MYTH.is_match(&lower) && !author_words && !post_person {
        return None;
    }
    for sent in sentences(&lower) {
        // "Si alguien tiene la misma enfermedad que mi hijo Hugo (síndrome de Dravet)": the same
        // condition as a close or named person's is theirs, whatever the sentence asks.
        if let Some(c) = same_as(sent, &anchor_names) {
            return Some(c);
        }
        // "If anyone has a spare wheelchair ... for my father in law Ray after his knee
        // replacement": a request to anyone, not a hypothetical, when a close or named person
        // follows.
        let request = REQUEST_IF.is_match(sent)
            && (KIN.is_match(sent) || anchor_names.iter().any(|n| sent.contains(n.as_str())));
        // Idioms ("mi viene un infarto", "em provocarà un infart") are read before anything
        // else: their first-person words would otherwise tie the condition to the author.
        if (NOT_PERSONAL.is_match(sent) && !request)
            || group_before_condition(sent)
            || IDIOM.is_match(sent)
        {
            continue;
        }
        // A dream or a question of what might be ("I dreamt I had cancer", "could my dad have
        // diabetes?"), and a job or studies named by the condition ("works as a cardiac
        // surgeon", "estudia enfermería oncológica"): no one's condition.
        if DREAM.is_match(sent) || (sent.ends_with('?') && MAYBE.is_match(sent)) || job_only(sent) {
            continue;
        }
        if let Some(c) = ninth_round(
            sent,
            &lower,
            &anchor_names,
            post_person,
            author_post,
            english,
        ) {
            return Some(c);
        }
        if let Some(c) = tenth_round(sent, &lower, &anchor_names, author_post) {
            return Some(c);
        }
        // "my dog's cancer treatment", "la perra de mi vecina tiene diabetes": a pet's illness.
        // (The condition right after the pet; not a CAT scan.)
        if PET.find_iter(sent).any(|m| {
            let rest = &sent[m.end()..];
            !rest.trim_start().starts_with("scan")
                && category_in(&rest.chars().take(30).collect::<String>()).is_some()
        }) && !KIN.is_match(sent)
        {
            continue;
        }
        let cat = category_in(sent);
        // "Diagnosed ADHD at 39", "diagnosticada de lupus el año pasado": a diagnosis heading
        // the sentence, the condition right after.
        // (Not a headline's question, "Diagnosed with cancer? Read this", nor "diagnosed
        // cases".)
        if let Some(m) = DIAGNOSED_HEAD.find(sent) {
            let rest: String = sent[m.end()..].chars().take(40).collect();
            let counted = rest.split_whitespace().next().is_some_and(|w| {
                [
                    "cases",
                    "patients",
                    "people",
                    "casos",
                    "pacientes",
                    "pacients",
                    "casi",
                    "pazienti",
                    "persone",
                    "personas",
                    "persones",
                    "pessoas",
                ]
                .contains(&w)
            });
            if let Some(c) = category_in(&rest).filter(|_| !counted && !sent.ends_with('?')) {
                return Some(c);
            }
        }
        // "after a brave fight with pancreatic cancer", "dopo una lunga battaglia contro la
        // SLA", "died of a stroke": an illness told by a struggle or a death, in a post about a
        // close or named person.
        if post_person && !TALK.is_match(sent) {
            if let Some(m) = STRUGGLE
                .find_iter(sent)
                .find(|m| !other_subject_before(sent, m.start()))
            {
                let rest: String = sent[m.end()..].chars().take(45).collect();
                if let Some(c) = category_in(&rest) {
                    return Some(c);
                }
            }
        }
        // "Mio figlio è nato il 28 ottobre, 3,2 kg", "Alfie was born at 31 weeks": a birth with
        // its weight, gestation or midwife, of the author's child.
        // (The detail may be in the next sentence: "La Aina va néixer el 21/11. Mare i filla
        // perfectes".)
        if post_person
            && BIRTH.is_match(sent)
            && (BIRTH_DETAIL.is_match(sent) || BIRTH_DETAIL.is_match(&lower))
            && !TALK.is_match(sent)
        {
            return Some("maternity");
        }
        // (A short subjectless question is a headline: "Diagnosed with diabetes?".)
        let headline = sent.ends_with('?') && sent.split_whitespace().count() <= 4;
        if let Some(m) = SELF_STRONG
            .find(sent)
            .filter(|m| !(headline && m.start() == 0))
        {
            if !NEGATED.is_match(&sent[..m.start()]) && !NOT_A_PROCEDURE.is_match(&sent[m.end()..])
            {
                let tail = &sent[m.start()..];
                return Some(
                    category_in(tail)
                        .or(cat)
                        .unwrap_or_else(|| default_category(m.as_str())),
                );
            }
        }
        if let Some(m) = SELF_TREATMENT.find(sent) {
            if !NEGATED.is_match(&sent[..m.start()])
                && !other_subject_before(sent, m.start())
                && !condition_as_modifier(&sent[m.start()..], false)
            {
                return Some(category_in(&sent[m.start()..]).unwrap_or("oncology"));
            }
        }
        // "last radiotherapy session done", "quimio acabada": a treatment reported finished.
        if let Some(m) = TREATMENT_DONE.find(sent) {
            if !other_subject_before(sent, m.start()) {
                return Some(category_in(m.as_str()).unwrap_or("oncology"));
            }
        }
        // "Someone on my ward has covid", "una señora en urgencias tenía un infarto": an
        // unnamed stranger is the subject; the author's words around are no disclosure.
        if SOMEONE_AT_START.is_match(sent) {
            continue;
        }
        for m in SELF_WEAK.find_iter(sent) {
            if NEGATED.is_match(&sent[..m.start()]) {
                continue;
            }
            // A possessive counts only with the condition right after it ("my anxiety",
            // "la meva depressió"); a verb may have it a few words later.
            let possessive = POSSESSIVES.contains(&m.as_str().trim());
            // "as a diabetic" names the condition at once; "as a cure for..." is talk.
            let reach = if possessive || m.as_str().trim_start().starts_with("as ") {
                16
            } else {
                45
            };
            let tail: String = sent[m.end()..].chars().take(reach).collect();
            if let Some(c) = category_in(&tail) {
                if condition_as_modifier(&tail, possessive) {
                    continue;
                }
                // "ho letto un articolo sul diabete", "tinha medo de ter cancro": reading or
                // fear between the verb and the condition.
                let between = condition_terms(&tail)
                    .first()
                    .map_or("", |(start, _, _)| &tail[..*start]);
                if !possessive && (READ.is_match(between) || FEAR.is_match(between)) {
                    continue;
                }
                return Some(c);
            }
            // "I had knee surgery", "tengo una operación": an operation with no condition.
            if !possessive && SURGERY_NOUN.is_match(&tail.chars().take(30).collect::<String>()) {
                return Some("surgery");
            }
        }
        let mut subjects: Vec<usize> = KIN.find_iter(sent).map(|m| m.end()).collect();
        // "My father ... He has Parkinson's disease": a third-person pronoun stands for the
        // close or named person of the post.
        if post_person {
            subjects.extend(PRONOUN3.find_iter(sent).map(|m| m.end()));
        }
        for n in &names {
            if let Some(p) = sent.find(n.as_str()) {
                subjects.push(p + n.len());
            }
        }
        // "... del meu pare ... mentre el dialitzaven": a clitic for the close person and a
        // treatment done to them, however far apart in the sentence.
        if !subjects.is_empty() {
            if let Some(m) = TREATED_CLITIC.find(sent) {
                return Some(category_in(m.as_str()).unwrap_or("oncology"));
            }
        }
        for end in subjects {
            // (A stay or an address may come between: "mi tia lleva 3 dias en el pasillo de
            // urgencias del hospital de jerez con una neumonia".)
            let tail: String = sent[end..].chars().take(100).collect();
            // "the surgery" is the GP practice in British English, not an operation.
            let ev = THIRD_EVENT
                .find_iter(&tail)
                .find(|ev| ev.as_str() != "surgery" || !surgery_is_a_place(&tail, ev.start()));
            if let Some(ev) = ev {
                let after = &tail[ev.start()..];
                if let Some(c) = category_in(after) {
                    // "has been waiting 2 years for an ADHD assessment": not yet a diagnosis.
                    // (The word after the condition may lie beyond the window.)
                    if condition_as_modifier(&sent[end + ev.start()..], false) {
                        continue;
                    }
                    return Some(c);
                }
                // "è stato operato", "ha sido operada": the event word may follow the auxiliary.
                let verb: String = after.chars().take(30).collect();
                let verb = verb.as_str();
                if [
                    "operat",
                    "operar",
                    "surgery",
                    "bypass",
                    "quitaron",
                    "extirparon",
                    "tret",
                    "tolto",
                    "asportato",
                    "amput",
                    "replaced",
                    "operad",
                    "operaz",
                    "operac",
                    "cirurg",
                    "cirug",
                    "interven",
                ]
                .iter()
                .any(|w| verb.contains(w))
                {
                    return Some("surgery");
                }
                // "fractured her wrist", "se rompió la cadera", "si è rotto il femore": an
                // injury to a named body part.
                // (An operation for it told in the same sentence makes it surgery: "si è
                // rotta il femore ed è stata operata ieri".)
                if BROKEN_BONE.is_match(verb) {
                    return Some(if OPERATED.is_match(after) {
                        "surgery"
                    } else {
                        "other"
                    });
                }
                // "Mum's in remission": remission is said of cancer.
                if ["remission", "remision", "remissio", "remissao"]
                    .iter()
                    .any(|w| verb.contains(w))
                {
                    return Some("oncology");
                }
                // "had twins on the 2nd", "had a baby girl": a birth.
                if [
                    "twins",
                    "triplets",
                    "a baby",
                    "the baby",
                    "their baby",
                    "a boy",
                    "a girl",
                ]
                .iter()
                .any(|w| verb.starts_with("had ") && verb.contains(w))
                {
                    return Some("maternity");
                }
                if [
                    "diagnos",
                    "detect",
                    "found",
                    "trobat",
                    "trovato",
                    "encontrado",
                    "riscontrat",
                    "scoperto",
                ]
                .iter()
                .any(|w| verb.contains(w))
                {
                    return Some("other");
                }
            }
        }
        // "a mi madre la operaron de...": the object comes first, the verb after it.
        // "la chemio della mamma", "el cáncer de mi padre", "my mum's cancer": the condition
        // is attached to the person.
        for m in KIN.find_iter(sent) {
            let head = &sent[..m.start()];
            if OF_BEFORE.is_match(head) {
                let w: String = head
                    .chars()
                    .rev()
                    .take(30)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if let Some(c) = category_in(&w) {
                    return Some(c);
                }
                // "la operación de mi madre", "the operation of my dad"
                if OPERATION_OF.is_match(&w) {
                    return Some("surgery");
                }
            }
            if let Some(rest) = sent[m.end()..].strip_prefix("'s ") {
                let w: String = rest.chars().take(25).collect();
                // "my mum's flu jab" is a vaccine, not her condition.
                if let Some(c) = category_in(&w).filter(|_| !condition_as_modifier(rest, true)) {
                    return Some(c);
                }
            }
        }
        for m in KIN.find_iter(sent) {
            let head = &sent[..m.start()];
            if head.ends_with("a ") || head.ends_with("al ") || head.ends_with("a la ") {
                let tail: String = sent[m.end()..].chars().take(70).collect();
                if tail.contains("oper") {
                    return Some(category_in(&tail).unwrap_or("surgery"));
                }
            }
        }
        if let Some(c) = tied(sent, &anchor_names, post_person, news, author_post, english) {
            return Some(c);
        }
    }
    // (phi-rules@11) Families read only when nothing above found a disclosure in any
    // sentence, so they never change a category found before.
    for sent in sentences(&lower) {
        if NOT_PERSONAL.is_match(sent)
            || group_before_condition(sent)
            || IDIOM.is_match(sent)
            || DREAM.is_match(sent)
            || job_only(sent)
        {
            continue;
        }
        if let Some(c) = eleventh_round(sent, &lower, &anchor_names, post_person, author_post) {
            return Some(c);
        }
    }
    // (phi-rules@12) The same, for the families found missing on stress11; the idioms are
    // read per family there (an onset age, "infarto con 44 años", is no idiom).
    for sent in sentences(&lower) {
        if NOT_PERSONAL.is_match(sent)
            || group_before_condition(sent)
            || DREAM.is_match(sent)
            || job_only(sent)
        {
            continue;
        }
        if let Some(c) = twelfth_round(sent, &lower, &anchor_names, post_person, author_post) {
            return Some(c);
        }
    }
    None
}

/// Letters stretched for emphasis ("incintaaaa", "pregnanttt") squeezed to one.
fn squeeze(s: &str) -> String {
    // Runs of three or more of one letter become one; doubled letters stay ("carro").
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut j = i + 1;
        while j < chars.len() && chars[j] == c {
            j += 1;
        }
        let n = if c.is_alphabetic() && j - i >= 3 {
            1
        } else {
            j - i
        };
        out.extend(std::iter::repeat_n(c, n));
        i = j;
    }
    out
}

/// phi-rules@12: the disclosure families found missing on stress11, each in its general form.
static PREGNANT_AT_START: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        ^[^\w]*(?:(?:\d{1,2}|\d{1,2}\+\d)\s*(?:weeks|wks|semanas|setmanes|settimane)\s+)?(?:pregnant|embarazada|embarassada|incinta|gravida)\b
        | \b(?:estamos|estem|siamo|somos)\s+(?:por\s+fin\s+|per\s+fi\s+|finalmente\s+|finalment\s+)?(?:embarazad[oa]s|embarassad[ae]s|embarassats|incint[aei]|gravidos|gravidas)\b
        | \b(?:is|she'?s|i'?m|i\s+am|esta|estoy|estic|sono|e|estou|ja\s+esta|ya\s+esta|ja\s+estic|ya\s+estoy)\s+(?:now\s+|ya\s+|ja\s+|gia\s+)?(?:de\s+|di\s+|a\s+)?\d{1,2}(?:\+\d)?\s*(?:weeks|wks|semanas|setmanes|settimane)\b(?:\s+(?:and|y|i|e|today|hoy|avui|oggi|hoje|now|ya|pregnant|embarazada|embarassada|incinta|gravida|de\s+embarazo|d'embaras|di\s+gravidanza|de\s+gravidez)\b|\s*[,.!;]|\s*$)
        | \b(?:termine\s+previsto|data\s+prevista\s+(?:del|de|do)\s+parto|data\s+prevista\s+de\s+part|fecha\s+prevista\s+de\s+parto|fpp|due\s+date\s+(?:is|was)|my\s+due\s+date|our\s+due\s+date|her\s+due\s+date)\b
        ",
    )
});
/// A condition with the age it came at ("infarto con 44 años", "heart attack at 44",
/// "fibrillazione atriale a 38 anni").
static ONSET_AGE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^[^.;]{0,25}?\b(?:at|aged|at\s+the\s+age\s+of|con|amb|a|als|aos|com|a\s+los|all'eta\s+di|alla\s+eta\s+di|a\s+l'edat\s+de)\s+\d{1,2}\b(?:\s*(?:years?(?:\s+old)?|yo|y/o|anos|años|anys|anni))?",
    )
});
static YEARS_UNIT: Lazy<Regex> =
    Lazy::new(|| folded_regex(r"\b(?:years?|yo|y/o|anos|años|anys|anni)\b|^[^\d]*\bat\s+\d"));
/// The author's own medical document and what it says ("my discharge paper says ... under
/// diagnosis", "en el informe de alta pone", "nel referto c'è scritto").
static DOCUMENT_SAYS: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:discharge\s+(?:paper|papers|letter|summary|notes|sheet)|hospital\s+letter|clinic\s+letter|my\s+(?:notes|records|report|results|letter)|informe(?:\s+de\s+alta|\s+medico)?|parte\s+de\s+alta|informe\s+d'alta|l'informe|referto|lettera\s+di\s+dimissioni|foglio\s+di\s+dimissione|relatorio(?:\s+de\s+alta)?|laudo|carta\s+de\s+alta|nota\s+de\s+alta)\b
        [^.;]{0,60}?\b(?:says|said|reads|states|pone|puso|dice|decia|diu|posa|deia|c'e\s+scritto|riporta|dice|diz|dizia|consta|under\s+diagnosis|diagnosis|diagnostico|diagnosi|diagnostic)\b
        ",
    )
});
/// Told us/them what it is ("ens han dit que és una leucèmia", "ci hanno detto che è").
static TOLD_US: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:nos\s+(?:han\s+dicho|dijeron|dicen|ha\s+dicho|dijo|confirmaron|han\s+confirmado)|ens\s+(?:han\s+dit|van\s+dir|diuen|ha\s+dit|han\s+confirmat|van\s+confirmar)|ci\s+(?:hanno\s+detto|dicono|ha\s+detto|hanno\s+confermato)|disseram-nos|nos\s+disseram|nos\s+confirmaram|(?:they|the\s+doctors?|doctors|the\s+consultant|the\s+vet)\s+(?:told|have\s+told|confirmed\s+to)\s+(?:us|him|her|them)|we\s+(?:were|have\s+been|got)\s+told|we\s+found\s+out)
        \s+(?:que\s+|che\s+|that\s+)?(?:(?:it'?s|it\s+is|it\s+was|she\s+has|he\s+has|s?he'?s\s+got|she\s+had|he\s+had|es|era|e|te|tiene|tenia|ha|aveva|tem|tinha|se\s+trata\s+de|si\s+tratta\s+di|es\s+tracta\s+d[e'])\b)
        ",
    )
});
/// A third-person sentence with no subject, in a post about a named or close person ("Tiene
/// alzhéimer.", "Està fent quimio i li farà il·lusió").
static SUBJECTLESS3: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^[^\w]*(?:y\s+|i\s+|e\s+|and\s+|pero\s+|pero\s+|però\s+|ma\s+|mas\s+)?(?:ahora\s+|ara\s+|ora\s+|agora\s+|now\s+|ya\s+|ja\s+|gia\s+)?(?:tiene|tenia|padece|sufre|esta\s+con|esta\s+(?:haciendo|recibiendo|en)|te|pateix|esta\s+fent|esta\s+amb|aveva|soffre\s+di|sta\s+facendo|sta\s+fando|tem|tinha|esta\s+com|esta\s+a\s+fazer|esta\s+fazendo|sofre\s+de|is\s+having|is\s+on|is\s+doing|is\s+getting|suffers\s+from|lives\s+with|is\s+living\s+with|has\s+got)\b",
    )
});
/// A relative clause on a named or close person ("A.K., who starts radiotherapy on
/// Monday", "la família del Marcel, que té un tumor cerebral", "Enric, che ha la SLA").
static WHO_HAS: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:who|que|che|qui)\s+(?:(?:ja|ya|gia|already|now|ahora|ara|ora)\s+)?(?:has|had|has\s+had|is|was|starts|started|begins|began|is\s+having|is\s+starting|has\s+been|got|tiene|tenia|tuvo|empieza|comienza|inicia|esta|estaba|te|tenia|comenca|va\s+tenir|ha|aveva|ha\s+avuto|inizia|comincia|sta|tem|tinha|teve|comeca|esta)\b",
    )
});
/// The author's adjective for a condition ("I'm pre-diabetic", "I am asthmatic").
static I_AM_ADJ: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:i'?m|i\s+am|i\s+was|i've\s+been|i\s+have\s+been|soc|soy|sono|sou|era|ero|estoy)\s+(?:now\s+|officially\s+|still\s+|also\s+|ya\s+|ja\s+|ora\s+)?(?:a\s+|an\s+)?(?:pre-?diabetic|diabetic|asthmatic|epileptic|coeliac|celiac|anaemic|anemic|bipolar|autistic|hypertensive|diabetic\w*|diabetico|diabetica|diabetic|asmatic\w*|epileptic\w*|epilettic\w*|celiac\w*|celiach\w*|prediabetic\w*|pre-?diabetic\w*|anemic\w*|hipertens\w*|ipertes\w*)\b",
    )
});
/// "Turns out he's got a hole in his heart", "resulta que tiene", "si è scoperto che ha".
static TURNS_OUT3: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:turns?\s+out|turned\s+out|resulta\s+que|resulto\s+que|va\s+resultar\s+que|resulta\s+que|si\s+e\s+scoperto\s+che|e\s+venuto\s+fuori\s+che|afinal|descobriu-se\s+que|descobriram\s+que)\s+(?:that\s+)?(?:he'?s|she'?s|he\s+has|she\s+has|he\s+had|she\s+had|they'?ve|they\s+have|tiene|tenia|te|ha|aveva|tem|tinha)\s+(?:got\s+)?",
    )
});
/// A course of treatment finished or started ("Finished my 12 weeks of hep C tablets",
/// "he terminado el tratamiento de la hepatitis", "ho finito la terapia per l'epatite").
static COURSE_DONE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:finished|completed|done|started|starting|halfway\s+through|through|terminado|terminé|termine|acabado|acabe|empezado|empece|comenzado|acabat|vaig\s+acabar|he\s+acabat|començat|vaig\s+començar|finito|terminato|iniziato|cominciato|terminei|acabei|comecei|concluí|conclui)\s+(?:with\s+)?(?:my|mis|mi|el|la|els|les|il|la\s+mia|le\s+mie|i\s+miei|o|a|os|as|meu|meus|minha|minhas|el\s+meu|la\s+meva|els\s+meus|les\s+meves|the\s+last\s+of\s+my)\s+(?:\S+\s+){0,4}?(?:of|de|del|di|della|dello|do|da|for|para|per|pel|pela|pelo|contra|contro|against)\s+",
    )
});
/// "Anyone else on ocrevus", "alguien más con fibromialgia", "qualcun altro con la
/// celiachia", "algú més amb", "mais alguém com": the author has what they ask about.
static ANYONE_ELSE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:anyone|anybody|someone)\s+else\s+(?:here\s+)?(?:on|taking|with|have|has|had|got|living\s+with|dealing\s+with|suffering\s+(?:from|with)|going\s+through|doing)\b|\b(?:alguien|alguna|alguno)\s+mas\s+(?:con|que\s+(?:tome|tenga|padezca|este|haya))\b|\balgu\s+mes\s+(?:amb|que\s+(?:prengui|tingui|pateixi))\b|\bqualcun\s+altr[oa]\s+(?:con|che\s+(?:prende|ha|soffre|fa))\b|\bmais\s+alguem\s+(?:com|que\s+(?:toma|tem|sofre|faz))\b",
    )
});
/// The author signed off or on leave after an operation or with a condition.
static LEAVE_AFTER: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:signed\s+off|off\s+(?:work|sick)|on\s+sick\s+leave|de\s+baja|de\s+baixa|in\s+malattia|de\s+licenca|de\s+atestado|afastad[oa])\s+(?:\w+\s+)?(?:after|following|since|for|tras|despues\s+de|desde|por|per|despres\s+de|des\s+de|dopo|da|apos|depois\s+d[aeo]|desde)\s+",
    )
});
/// A condition getting worse or advancing, in a post about a named or close person
/// ("L'ELA avança", "el alzhéimer avanza", "the dementia is progressing").
static ADVANCES: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:\S+\s+){0,2}?(?:avança|avanza|avanca|progresses|is\s+progressing|progresa|progressa|progride|peggiora|sta\s+avanzando|is\s+getting\s+worse|empitjora|empeora|piora|esta\s+avanzando|esta\s+avancant|is\s+winning|gana\s+terreno|guanya\s+terreny)\b",
    )
});
/// "With fibromyalgia some days I can't ...", "con la fibromialgia hay días que no puedo",
/// "amb la fibromiàlgia hi ha dies que no puc": living with it told by what the author can't do.
static WITH_IT_I_CANT: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:no\s+puedo|no\s+pude|no\s+puc|no\s+podia|non\s+riesco|non\s+posso|nao\s+consigo|nao\s+posso|i\s+can'?t|i\s+cannot|i\s+couldn'?t|me\s+cuesta|em\s+costa|mi\s+costa|me\s+duele|em\s+fa\s+mal|mi\s+fa\s+male)\b",
    )
});
/// An injury to a ligament or tendon, or an operation by an idiom ("ruptured his ACL", "se
/// rompió el cruzado", "goes under the knife", "pasa por quirófano").
static LIGAMENT: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:ruptured|tore|torn|snapped|broke|se\s+rompio|se\s+ha\s+roto|s'ha\s+trencat|es\s+va\s+trencar|si\s+e\s+rott[oa]|ha\s+rotto|rompeu|rompeu-se|partiu)\s+(?:his|her|their|my|el|la|il|lo|o|a|l')?\s*(?:\w+\s+)?(?:acl|mcl|pcl|cruciate|cruzado|creuat|crociato|cruzado|ligament\w*|ligamento|legamento|menisc\w*|achilles|aquiles|aquil·les|achille|tendon|tendine|tendao)\b",
    )
});
static UNDER_KNIFE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:under\s+the\s+knife|pasa\s+por\s+quirofano|pasara\s+por\s+quirofano|passa\s+per\s+quirofan|passara\s+per\s+quirofan|sotto\s+i\s+ferri|vai\s+a\s+faca|lo\s+operan|la\s+operan|l'operen|el\s+van\s+a\s+operar|lo\s+operano|la\s+operano|o\s+operam|a\s+operam|they'?re\s+fixing\s+it|they\s+are\s+fixing\s+it|getting\s+it\s+fixed)\b",
    )
});

/// "Els que tenim depressió de veritat", "those of us with Crohn's": the author among those
/// who have it.
static WE_WHO_HAVE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:(?:els|les)\s+que\s+(?:tenim|patim|vivim\s+amb)|(?:los|las)\s+que\s+(?:tenemos|padecemos|sufrimos|vivimos\s+con)|nosotr[oa]s\s+que\s+tenemos|those\s+of\s+us\s+(?:with|who\s+have|living\s+with)|we\s+(?:who|that)\s+(?:have|live\s+with|suffer\s+from)|(?:quelli|quelle|noi)\s+che\s+(?:abbiamo|soffriamo\s+di|conviviamo\s+con)|(?:os|as)\s+que\s+(?:temos|sofremos\s+de|vivemos\s+com)|nos\s+que\s+temos)\s+",
    )
});
/// "Cerco altri genitori di bambini celiaci", "other parents of kids with type 1": the
/// author's child has it.
static OTHER_PARENTS: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:(?:other|fellow)\s+(?:parents|mums|moms|dads|mothers|fathers|families)|(?:otros|otras)\s+(?:padres|madres|familias|papas|mamas)|(?:altres)\s+(?:pares|mares|families)|altri\s+genitori|altre\s+(?:mamme|madri|famiglie)|outr[oa]s\s+(?:pais|maes|familias))\s+(?:of|with|de|con|amb|di|con|com)\s+",
    )
});

fn twelfth_round(
    sent: &str,
    lower: &str,
    names: &[String],
    post_person: bool,
    author_post: bool,
) -> Option<&'static str> {
    let named = names.iter().any(|n| sent.contains(n.as_str()));
    let close = named || KIN.is_match(sent);
    let question = sent.trim_end().ends_with('?');
    let after = |end: usize, n: usize| -> String { sent[end..].chars().take(n).collect() };
    // "¡Embarazada de 20 semanas!", "Siamo incintaaaa!!!", "My wife Aisha is 34 weeks",
    // "Termine previsto il 3 marzo": a pregnancy told, however stretched or punctuated.
    let squeezed = squeeze(sent);
    if PREGNANT_AT_START.is_match(&squeezed) && !question {
        return Some("maternity");
    }
    // "Me dio un infarto con 44 años", "Fibrillazione atriale a 38 anni, chi l'avrebbe mai
    // detto": a condition with the age it struck at, heading the sentence or told by the
    // author or of a close person.
    for (start, end, c) in condition_terms(sent) {
        let rest = &sent[end..];
        if let Some(m) = ONSET_AGE.find(rest) {
            let heading = sent[..start].split_whitespace().count() <= 4;
            let aged = YEARS_UNIT.is_match(m.as_str()) || m.as_str().contains("con ");
            if aged && !question && (heading || close) && !other_subject_before(sent, start) {
                return Some(c);
            }
        }
    }
    // "My discharge paper says ... under diagnosis 'pneumonia'", "en el informe de alta pone
    // «apendicitis aguda»": the author's own document.
    if author_post || close || sent.contains("my ") {
        if let Some(m) = DOCUMENT_SAYS.find(sent) {
            if let Some(c) = category_in(&sent[m.start()..]) {
                return Some(c);
            }
            if OPERATED.is_match(&sent[m.start()..]) {
                return Some("surgery");
            }
        }
    }
    // "avui ens han dit que és una leucèmia", "we were told it's pneumonia".
    if author_post || post_person {
        if let Some(c) = condition_after(&TOLD_US, sent, 40) {
            return Some(c);
        }
    }
    // "Tiene alzhéimer.", "Està fent quimio": no subject, in a post about a named or close
    // person.
    if post_person && !question {
        if let Some(m) = SUBJECTLESS3.find(sent) {
            if let Some(c) = category_in(&after(m.end(), 35)) {
                if !condition_as_modifier(&sent[m.end()..], false) {
                    return Some(c);
                }
            }
        }
    }
    // "A.K., who starts radiotherapy on Monday", "del Marcel, que té un tumor cerebral".
    for m in WHO_HAS.find_iter(sent) {
        let head: String = last_chars(&sent[..m.start()], 40).to_string();
        let anchored = names.iter().any(|n| head.contains(n.as_str())) || KIN.is_match(&head);
        if anchored {
            if let Some(c) = category_in(&after(m.end(), 40)) {
                return Some(c);
            }
        }
    }
    // "els que tenim depressió", "cerco altri genitori di bambini celiaci".
    if let Some(c) = condition_after(&WE_WHO_HAVE, sent, 40)
        .or_else(|| condition_after(&OTHER_PARENTS, sent, 40))
    {
        return Some(c);
    }
    // "I'm pre-diabetic", "sono celiaca".
    if let Some(m) = I_AM_ADJ.find(sent) {
        if !NEGATED.is_match(&sent[..m.start()]) {
            return Some(category_in(m.as_str()).unwrap_or("chronic"));
        }
    }
    // "Turns out he's got a hole in his heart".
    if let Some(c) = condition_after(&TURNS_OUT3, sent, 40) {
        return Some(c);
    }
    // "Finished my 12 weeks of hep C tablets".
    if let Some(m) = COURSE_DONE.find(sent) {
        if !other_subject_before(sent, m.start()) {
            if let Some(c) = category_in(&after(m.end(), 30)) {
                return Some(c);
            }
        }
    }
    // "anyone else on ocrevus get totally wiped?": the author is on it too.
    if let Some(c) = condition_after(&ANYONE_ELSE, sent, 30) {
        return Some(c);
    }
    // "I'm signed off after back surgery", "de baja desde la operación".
    if author_post || close {
        if let Some(m) = LEAVE_AFTER.find(sent) {
            let rest = after(m.end(), 30);
            if let Some(c) = category_in(&rest) {
                return Some(c);
            }
            if SURGERY_NOUN.is_match(&rest) || OPERATED.is_match(&rest) {
                return Some("surgery");
            }
        }
    }
    // "L'ELA avança" in a carer's diary about the Enric.
    if post_person {
        for (start, end, c) in condition_terms(sent) {
            if sent[..start].split_whitespace().count() <= 2 && ADVANCES.is_match(&sent[end..]) {
                return Some(c);
            }
        }
    }
    // "Con la fibromialgia hay días que no puedo ni abrir un bote".
    if let Some((start, end, c)) = condition_terms(sent).into_iter().next() {
        let head = &sent[..start];
        if head.split_whitespace().count() <= 3
            && ["con ", "amb ", "with ", "com ", "col ", "coi "]
                .iter()
                .any(|w| {
                    head.trim_start_matches(|ch: char| !ch.is_alphanumeric())
                        .starts_with(w)
                })
            && WITH_IT_I_CANT.is_match(&sent[end..])
        {
            return Some(c);
        }
    }
    // "nuestro lateral Yeray se rompió el cruzado y lo operan el lunes", "ruptured his ACL
    // ... goes under the knife": a torn ligament, an operation when one is told.
    if (close || author_post || post_person) && LIGAMENT.is_match(sent) {
        return Some(if UNDER_KNIFE.is_match(lower) || OPERATED.is_match(sent) {
            "surgery"
        } else {
            "other"
        });
    }
    None
}

/// A myth passed on or debunked: a hoax's or a fact-check's words, "they won't tell you",
/// graphene and microchips in vaccines, "X does not cure Y", miracle cures.
static MYTH: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:falso|falsa|fals|false|fake|bulo|bulos|bufala|bufale|hoax|myth|myths|mito|mitos|mite|mites|miti|debunk\w*|desmentid\w*|smentit\w*|desmentim\w*|fact[-\s]?check\w*|verificat\w*\s+fals\w*)\s*[:!]
        | \b(?:it'?s\s+a|es\s+un|és\s+un|e\s+una|é\s+um|another)\s+(?:myth|hoax|bulo|mite|mito|bufala)\b
        | \bno\s+(?:t'ho|us\s+ho|te\s+lo|os\s+lo|vos\s+ho)\s+(?:diran|diuen|diran|dicen|diran|contaran|contaran|explicaran|explicaran)
        | \bnon\s+(?:te\s+lo|ve\s+lo|ce\s+lo)\s+(?:dicono|diranno|dira|diranno)
        | \bnao\s+(?:te\s+|vos\s+)?(?:contam|vao\s+contar|dizem|vao\s+dizer)
        | \bthey\s+(?:won'?t|don'?t|will\s+not|do\s+not)\s+(?:tell|want)\s+you
        | \b(?:grafeno|grafe|graphene|microchips?|nanochips?|5g)\b
        | \b(?:no|non|nao|doesn'?t|does\s+not|don'?t|do\s+not|never)\s+(?:cura|curan|cures?|curen|curano|curam|guareix|guarisce|guarit)\b
        | \b(?:cure|curas|cures)\s+(?:miracol\w*|milagros\w*|miraculos\w*|miracul\w*)\b | \bmiracle\s+cures?\b | \bdiffidate\b
        ",
    )
});

/// phi-rules@11: the disclosure families found missing on stress10, each in its general form.
static DEATH_CAUSE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:a\s+causa\s+d[ei]|a\s+conseguenza\s+di|because\s+of|due\s+to|as\s+a\s+result\s+of|por\s+causa\s+d[aeo]|per\s+culpa\s+d[e'])\s*(?:una?\s+|uma?\s+|l'|la\s+|el\s+|a\s+|o\s+|his\s+|her\s+)?
        | \b(?:died|passed\s+away|ens\s+ha\s+deixat|ens\s+va\s+deixar|ha\s+mort|va\s+morir|fallecio|murio|nos\s+dejo|morreu|faleceu|partiu|ci\s+ha\s+lasciat[oa]|e\s+mort[oa]|e\s+scompars[oa])\b[^.;]{0,90}?\b(?:despres\s+d'|despres\s+de|after|dopo|tras|despues\s+de|apos|depois\s+de)\s*(?:una?\s+|uma?\s+|a\s+|the\s+)?(?:(?:long|short|brief|llarga|curta|larga|corta|lunga|breve|longa)\s+)?
        ",
    )
});
static CAUGHT: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:pegou|peguei|pegamos|pegaram|apanhou|apanhei|caught|has\s+caught|have\s+caught|ha\s+pillado|he\s+pillado|hemos\s+pillado|pillo|pille|ha\s+agafat|he\s+agafat|hem\s+agafat|va\s+agafar|vaig\s+agafar|ha\s+preso|ho\s+preso|abbiamo\s+preso|si\s+e\s+pres[oa]|mi\s+sono\s+pres[oa]|se\s+ha\s+contagiado|me\s+he\s+contagiado|se\s+contagio|me\s+contagie|s'ha\s+encomanat|m'he\s+encomanat)\b",
    )
});
static SICK_LEAVE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:de\s+baja\s+(?:medica\s+)?(?:por|con)|de\s+baixa\s+(?:medica\s+)?(?:per|amb)|in\s+malattia\s+per|off\s+sick\s+with|signed\s+off\s+(?:work\s+)?with|de\s+licenca\s+(?:medica\s+)?por|afastad[oa]\s+por|de\s+atestado\s+por)\b",
    )
});
static TURNED_OUT: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:turned\s+out\s+to\s+be|turns\s+out\s+to\s+be|resulto\s+ser|ha\s+resultado\s+ser|acabo\s+siendo|va\s+resultar\s+ser|ha\s+resultat\s+ser|va\s+acabar\s+sent|e\s+risultat[oa]\s+essere|si\s+e\s+rivelat[oa]|acabou\s+por\s+ser|afinal\s+era|afinal\s+e)\b",
    )
});
static TAKING_FOR: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:tomando|taking|prendendo|prenent|tomo|prendo|prenc|tomei|took|on)\b[^.;]{0,40}?\b(?:por\s+causa\s+d[aeo]|por\s+causa\s+de\s+la|because\s+of|for\s+(?:my|the)|per\s+la|per\s+il|per\s+l'|pela|pelo|por\s+la|por\s+el|por\s+mi)\s*",
    )
});
static MY_OPERATION: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:mi|la\s+meva|la\s+mia|minha|a\s+minha|my)\s+(?:operacion|operacio|operazione|operacao|cirurgia|cirugia|intervencion|intervencio|intervento|operation)\b",
    )
});
static AROUND_OPERATION: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:despues\s+de|tras|after|dopo|depois\s+d[aeo]|despres\s+de|before|antes\s+d[aeo]|antes\s+de|prima\s+dell[ao']?|abans\s+de)\s*(?:la\s+|l'|el\s+|the\s+|my\s+|his\s+|her\s+|a\s+|o\s+|il\s+|mi\s+|su\s+)?(?:operacion|operacio|operazione|operacao|operation|surgery|op|cirugia|cirurgia|intervencion|intervencio|intervento)\b",
    )
});
static PREGNANCY_TOLD: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:perdimos|hemos\s+perdido|we\s+lost|i\s+lost|abbiamo\s+perso|ho\s+perso|vam\s+perdre|hem\s+perdut|perdemos|perdi)\s+(?:al\s+|el\s+|a\s+|o\s+|the\s+|our\s+|il\s+|nuestro\s+|nostro\s+|el\s+nostre\s+|o\s+nosso\s+|my\s+)?(?:bebe|baby|bimbo|bambino|nado|beb)\b
        | \b\d{1,2}\s*(?:weeks|wks|semanas|setmanes|settimane)\s+(?:with\s+(?:baby|bump|twins)|pregnant|embarazada|embarassada|incinta|gravida)
        | \bdelivered\s+(?:our|my|his|her)\s+(?:daughter|son|baby|twins|little)
        | \b(?:sale|salgo|sales|salimos|salen)\s+de\s+cuentas\b | \b(?:surt|surto|surts)\s+de\s+comptes\b | \b(?:i'?m|she'?s|we'?re|wife'?s|is)\s+due\s+(?:on|in|at)\b
        ",
    )
});
static DURING: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:during|durante|durant|mentre|while|amid)\s+(?:fa\s+|fai\s+|fan\s+|is\s+doing\s+|having\s+|hace\s+|faz\s+)?(?:la\s+|el\s+|her\s+|his\s+|the\s+|il\s+|a\s+|o\s+|su\s+|sua\s+|seva\s+|seu\s+)?",
    )
});
static AUTHOR_SESSION: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:ho|tengo|tinc|tenho|i\s+have|i'?ve\s+got|i\s+get)\s+(?:l'|la\s+|el\s+|a\s+|my\s+|mi\s+|la\s+mia\s+|la\s+meva\s+)?(?:next\s+|proxima\s+|prossima\s+|propera\s+)?(?:infusion|infusione|infusio|infusao|chemo|quimio|chemio|dialisi|dialisis|dialise|radio|radioterapia)\b",
    )
});

fn eleventh_round(
    sent: &str,
    lower: &str,
    names: &[String],
    post_person: bool,
    author_post: bool,
) -> Option<&'static str> {
    let named = names.iter().any(|n| sent.contains(n.as_str()));
    let someone = named || KIN.is_match(sent) || post_person;
    let after = |end: usize, n: usize| -> String { sent[end..].chars().take(n).collect() };
    // "a causa de una ELA", "després d'una insuficiència cardíaca": what a death came from
    // (in a sentence that tells a death: "delay due to the pandemic" is no one's).
    static DEATH_WORD: Lazy<Regex> = Lazy::new(|| {
        folded_regex(
            r"\b(?:died|dies|passed\s+away|death|fallec\w*|muri[oó]|muerte|ens\s+ha\s+deixat|ens\s+va\s+deixar|ha\s+mort|va\s+morir|mort|defunci\w*|morreu|faleceu|falecimento|morto|morta|deceduto|deceduta|scompars\w*|ci\s+ha\s+lasciat\w*|d\.?e\.?p|r\.?i\.?p)\b",
        )
    });
    if (someone || author_post) && DEATH_WORD.is_match(sent) {
        if let Some(c) = condition_after(&DEATH_CAUSE, sent, 40) {
            return Some(c);
        }
    }
    // "minha vó pegou covid", "ha pillado la gripe": an infection caught.
    if someone || author_post {
        if let Some(c) = condition_after(&CAUGHT, sent, 30) {
            return Some(c);
        }
    }
    // "llevo desde enero de baja por ansiedad", "off sick with shingles" (not a leave others
    // were told about: "le contaron a mi jefe que estaba de baja").
    static REPORTED: Lazy<Regex> = Lazy::new(|| {
        folded_regex(
            r"\b(?:contaron|conto|dijeron|dijo|told|said|va\s+dir|van\s+dir|han\s+dit|hanno\s+detto|ha\s+detto|disseram|contou|explicaron)\b",
        )
    });
    if let Some(c) = SICK_LEAVE
        .find_iter(sent)
        .filter(|m| !REPORTED.is_match(&sent[..m.start()]))
        .find_map(|m| category_in(&after(m.end(), 30)))
    {
        return Some(c);
    }
    // "turned out to be pericarditis", "resultó ser una apendicitis".
    if someone || author_post {
        if let Some(c) = condition_after(&TURNED_OUT, sent, 30) {
            return Some(c);
        }
    }
    // "tô tomando sertralina por causa da depressão": a medicine taken for a condition.
    if author_post || someone {
        if let Some(c) = condition_after(&TAKING_FOR, sent, 30) {
            return Some(c);
        }
    }
    // "los informes de mi operación de cadera"; "después de la operación" told by the author
    // or about a close or named person ("seu Juvenal ... antes da cirurgia").
    // (The author as a clitic or a subject, "me explicaron", "pincharme", "I had": "my knee is
    // working after the operation" is a review of the physios.)
    static AUTHOR_ACTS: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"\b(?:me|em|mi)\s+\w+|\bm'\w+|\b\w{2,}(?:arme|erme|irme|armi|ermi|irmi)\b|\bi\s+(?:had|have|was|got|am)\b")
            .expect("author acts regex")
    });
    if MY_OPERATION.is_match(sent)
        || (AROUND_OPERATION.is_match(sent)
            && (AUTHOR_ACTS.is_match(sent) || named || KIN.is_match(sent)))
    {
        return Some("surgery");
    }
    // "Perdimos al bebé", "34 weeks with baby no.2", "delivered our daughter", "sale de
    // cuentas": a pregnancy told.
    if PREGNANCY_TOLD.is_match(sent) {
        return Some("maternity");
    }
    // "las fotos de mi hija durante la leucemia", "a la Jana mentre fa la quimio".
    if named || KIN.is_match(sent) {
        if let Some(c) = condition_after(&DURING, sent, 25) {
            return Some(c);
        }
    }
    // "les teràpies de paràlisi cerebral del Biel": the condition of a named person.
    for n in names {
        if let Some(p) = sent.find(n.as_str()) {
            let head: String = sent[..p]
                .chars()
                .rev()
                .take(45)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            static OF_NAME: Lazy<Regex> = Lazy::new(|| {
                Regex::new(r"\b(?:de|del|de\s+la|di|della|del\s+|do|da|of)\s+(?:l'|la\s+|el\s+|o\s+|a\s+|en\s+|na\s+)?$")
                    .expect("of-name regex")
            });
            if OF_NAME.is_match(&head) {
                if let Some(c) = category_in(&head) {
                    return Some(c);
                }
            }
        }
    }
    // "Chi ha la SM e fa Ocrevus? Io ho l'infusione il 22": the author's session of a
    // treatment, the condition named elsewhere in the post.
    if AUTHOR_SESSION.is_match(sent) {
        return Some(category_in(lower).unwrap_or("oncology"));
    }
    None
}

/// A broken or fractured body part ("fractured her wrist", "es va trencar el maluc", "ha
/// rotto il femore", "partiu a perna").
static BROKEN_BONE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^(?:broke|broken|fractured|se\s+rompio|se\s+ha\s+roto|es\s+va\s+trencar|s'ha\s+trencat|si\s+e\s+rott[oa]|ha\s+rotto|fraturou|partiu)\s+(?:\w+\s+)?(?:hip|wrist|leg|arm|ankle|shoulder|collarbone|femur|pelvis|back|neck|ribs?|foot|hand|cadera|muneca|pierna|brazo|tobillo|hombro|clavicula|costilla|maluc|canell|cama|braç|turmell|espatlla|anca|polso|gamba|braccio|caviglia|spalla|femore|bacino|costola|pulso|perna|braco|tornozelo|ombro|bacia|costela)\b",
    )
});

/// A dream or a nightmare.
static DREAM: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:dreamt|dreamed|dreaming|nightmare|sone|sonaba|pesadilla|vaig\s+somiar|he\s+somiat|somni|malson|ho\s+sognato|sognavo|incubo|sonhei|sonhava|pesadelo)\b",
    )
});

/// What might be: "could", "might", "podría", "potrebbe", "poderia".
static MAYBE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:could|might|may|podria|podrian|pot\s+ser|potria|potrebbe|potrebbero|poderia|podera|pode\s+ser)\b",
    )
});

/// A job or studies, the condition right after naming the field.
static JOB: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:works?\s+(?:as|in|on)|working\s+(?:as|in)|trabaja\s+(?:de|como|en)|treballa\s+(?:de|com|a|en)|lavora\s+(?:come|in|al|nel|nella)|trabalha\s+(?:como|em|no|na)|estudia|studies|studying|studia|estuda|training\s+to\s+be|is\s+an?|es\s+un[a]?|e\s+un[a]?|e\s+um[a]?)\s+(?:an?\s+|un[a]?\s+|um[a]?\s+)?",
    )
});
static JOB_NOUN: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:surgeon|nurse|doctor|consultant|specialist|researcher|enfermer[ao]|infermer[ao]|infermier[ae]|enfermeir[ao]|cirujan[ao]|cirurgi[aà]|chirurgo|medic[oa]|metge|metgessa|oncolog\w*|cardiolog\w*|neurolog\w*|psiquiatr\w*|psichiatr\w*|psicolog\w*)\b",
    )
});

fn job_only(sent: &str) -> bool {
    let Some((from, to)) = JOB.find_iter(sent).find_map(|m| {
        let w: String = sent[m.end()..].chars().take(40).collect();
        JOB_NOUN.find(&w).map(|n| (m.start(), m.end() + n.end()))
    }) else {
        return false;
    };
    let terms = condition_terms(sent);
    !terms.is_empty() && terms.iter().all(|(s, _, _)| *s >= from && *s < to)
}

/// "If anyone / si alguien / se qualcuno" heading a request.
static REQUEST_IF: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^[\s¿¡'(]*(?:if|si|se)\s+(?:anyone|anybody|someone|somebody|alguien|algu|qualcuno|alguem)\b",
    )
});

/// "the same condition as", "la misma enfermedad que", "la mateixa malaltia que", "la stessa
/// malattia di", "a mesma doença que".
static SAME_AS: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:the\s+same\s+(?:condition|illness|disease|diagnosis|syndrome|thing)\s+as|la\s+misma\s+(?:enfermedad|condicion|patologia|sindrome|cosa)\s+que|el\s+mismo\s+(?:sindrome|diagnostico|problema)\s+que|la\s+mateixa\s+(?:malaltia|condicio|patologia|sindrome)\s+que|el\s+mateix\s+(?:sindrome|diagnostic)\s+que|la\s+stessa\s+(?:malattia|patologia|sindrome|diagnosi)\s+d[ie]|lo\s+stesso\s+(?:problema|tumore)\s+d[ie]|a\s+mesma\s+(?:doenca|condicao|patologia|sindrome)\s+que|o\s+mesmo\s+(?:problema|diagnostico)\s+que)\s+",
    )
});

fn same_as(sent: &str, names: &[String]) -> Option<&'static str> {
    let m = SAME_AS.find(sent)?;
    let rest = &sent[m.end()..];
    let close = KIN.find(rest).is_some_and(|k| k.start() < 12)
        || names
            .iter()
            .any(|n| rest.find(n.as_str()).is_some_and(|p| p < 12));
    close.then(|| category_in(sent).unwrap_or("other"))
}

/// A second-person operation or treatment said to a named person ("Forza Totò, domani ti
/// operano", "Ánimo Pepe, que mañana te operan", "good luck with your surgery tomorrow, Jo",
/// "força Marc, demà t'operen").
static YOU_TREATED: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:te|ti|t'|et|you)\s*(?:operan|operaran|van\s+a\s+operar|operano|opereranno|devono\s+operare|operen|operaran|van\s+operar|operam|vao\s+operar|(?:are|'re)\s+having\s+(?:surgery|an\s+operation|your\s+op)|diagnosticaron|han\s+diagnosticado|hanno\s+diagnosticato|van\s+diagnosticar)
        | \byour\s+(?:surgery|operation|op|chemo|radiotherapy|transplant|treatment|diagnosis|recovery)\b | \btu\s+(?:operacion|cirugia|quimio|tratamiento|diagnostico)\b
        | \bla\s+teva\s+(?:operacio|quimio)\b | \bla\s+tua\s+(?:operazione|chemio)\b | \ba\s+tua\s+(?:cirurgia|operacao|quimio)\b
        | \b(?:checking|checked|check)\s+yourself\s+(?:in|into)\b | \byou(?:\s+are|'re|\s+have\s+been|'ve\s+been)?\s+(?:fighting|battling|beating|recovering\s+from|living\s+with|dealing\s+with)\b
        ",
    )
});

/// A plea or a fund-raiser ("ajudem a Bia a fazer a cirurgia", "Raccolta fondi per le cure di
/// Giulia", "help Kwame get his transplant").
static PLEA: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:help|helping|fundraiser|fundraising|gofundme|donate|donations?|raccolta\s+fondi|le\s+cure\s+di|donazion\w*|aiut\w*|ayud\w*|recaudacion|donativ\w*|ajud\w*|recapte|vaquinha|vakinha|doacoes|doacao|doem|doad\w*)\b",
    )
});

/// News of someone heading the sentence: "Update on", "News of", "Noticias de", "Notizie di".
static UPDATE_HEAD: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:quick\s+|small\s+|another\s+|latest\s+)?(?:update|news|noticias|novedades|noticies|notizie|aggiornamento|novidades|noticias)\s+(?:on|of|about|for|de|di|su|da|do|sobre)\b",
    )
});

/// A treatment with its count at the sentence start: "chemo day 4 of 6", "ciclo 3 de quimio",
/// "radio sessió 12", "dialysis session 200".
static TREATMENT_COUNT: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        ^\s*(?:chemo|chemotherapy|quimio|quimioterapia|chemio|chemioterapia|radio|radiotherapy|radioterapia|dialysis|dialisis|dialisi|hemodialisis|immunotherapy|inmunoterapia|immunoterapia|ivf|fiv|fivet|icsi|pma)\s+(?:day|week|cycle|round|session|attempt|intento|intent|tentativo|no\.?|number|dia|semana|ciclo|sesion|sessio|cicle|giorno|settimana|seduta|sessao)\s*\#?\d+
        | ^\s*(?:day|week|cycle|round|session|dia|ciclo|sesion|sessio|cicle|giorno|seduta|sessao)\s+\d+\s+(?:of\s+\d+\s+)?(?:of|de|d'|di|da|do)\s*(?:la\s+|el\s+|a\s+)?(?:chemo|quimio|chemio|radio|radiotherapy|radioterapia|dialysis|dialisis|dialisi|immunotherapy|inmunoterapia|immunoterapia)
        ",
    )
});

/// A treatment heading the sentence with its start or end: "Chemo starts 9th Jan", "la quimio
/// empieza el lunes", "la radio comença dilluns", "la chemio inizia domani", "a quimio começa".
static TREATMENT_STARTS: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:my\s+|la\s+|el\s+|a\s+|mi\s+|la\s+meva\s+|la\s+mia\s+|a\s+minha\s+)?(?:chemo|chemotherapy|radiotherapy|radio|quimio|quimioterapia|chemio|chemioterapia|radioterapia|dialysis|dialisis|dialisi|immunotherapy|inmunoterapia|immunoterapia)\s+(?:starts|begins|started|began|finishes|finished|ends|empieza|comienza|empezo|termina|termino|comenca|comencen|acaba|inizia|comincia|finisce|e\s+finita|comeca|comecou|termina|terminou)\b",
    )
});

/// An anniversary of an operation or a diagnosis: "Bariatric surgery was 2 years ago today",
/// "Avui fa un any del diagnòstic", "hoy hace un año de mi operación", "oggi è un anno
/// dall'intervento", "hoje faz um ano da cirurgia".
static ANNIVERSARY: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        ^\s*(?:(?:my|the|her|his)\s+)?(?:[\w-]+\s+){0,2}?(?:surgery|op|operation|transplant|diagnosis|bypass|mastectomy|c-section)\s+(?:was|is)\s+(?:\w+\s+)?(?:years?|months?|weeks?)\s+ago\b
        | \b(?:\w+\s+)?(?:years?|months?)\s+(?:ago\s+)?(?:today|since)\s+(?:my|her|his|the)\s+(?:\w+\s+)?(?:surgery|op|operation|transplant|diagnosis)\b
        | \b(?:hoy|avui|oggi|hoje|today)\s+(?:hace|fa|fan|faz|fazem|e|sono|it\s+is|it's\s+been)\s+(?:\w+\s+){1,2}?(?:del?|dal|dall'|dalla|da|do|since)\s*(?:(?:el|la|mi|my|la\s+meva|el\s+meu|meu|minha|il|mio|mia)\s+)?(?:diagnostic|diagnostico|diagnosi|diagnosis|operacio|operacion|operazione|operacao|cirurgia|cirugia|trasplant\w*|transplant\w*|intervencio|intervencion|intervento|surgery|operation)\b
        ",
    )
});

/// An induction or a caesarean booked: a pregnancy.
static DELIVERY_BOOKED: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:my\s+|the\s+|mi\s+|la\s+meva\s+|la\s+mia\s+|a\s+minha\s+)?(?:induction|c-section|caesarean|cesarean|cesarea|cesaria|cesareo|induccion|induccio|induzione|inducao)\s+(?:is\s+|was\s+|esta\s+|es\s+|e\s+)?(?:booked|scheduled|planned|tomorrow|today|on|for|programad[ao]|marcad[ao]|fissat[ao]|previst[ao]|demain|manana|dema|domani|amanha)\b",
    )
});

/// A medication or a service heading the sentence: "Still on sertraline", "Discharged from the
/// crisis team today", "back on insulin".
static STILL_ON: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:(?:still|now|back|currently)\s+on|discharged\s+from(?:\s+the)?|under\s+the|seguimos\s+con|sigo\s+con|segueixo\s+amb|ancora\s+con|continuo\s+com|ainda\s+com|ainda\s+a\s+tomar)\s+",
    )
});

/// Time since a procedure at the sentence start: "3 weeks post hysterectomy", "10 days after my
/// op", "dos semanas tras la operación", "tres setmanes després de la cesària", "due
/// settimane dopo l'intervento", "um mês depois da cirurgia".
static TIME_AFTER_PROCEDURE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:\w+\s+){0,2}?(?:days?|weeks?|wks?|months?|dias|semanas|setmanes|settimane|giorni|mesi|meses|mesos|mes|mese)\s+(?:post|post-|after|since|tras|despues\s+de|despres\s+de|dopo|depois\s+d[aeo]|apos)\s*(?:(?:my|mi|la|el|l'|il|a|o|the|la\s+meva|la\s+mia|minha)\s*)?",
    )
});

/// A condition with its confirmation right after: "endometriosis confirmada", "lupus
/// confirmed", "celiachia confermata", "diabetis confirmada".
static CONFIRMED_AFTER: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:\w+\s+)?(?:confirmed|confirmad[oa]|confirmat[a]?|confermat[oa]|diagnosed|diagnosticad[oa]|diagnosticat[a]?)\b",
    )
});

/// Back in hospital or the ICU at the sentence start ("back in hospital, kidney stones
/// again", "otra vez ingresada", "di nuovo in ospedale", "de novo internado").
static BACK_IN_HOSPITAL: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:(?:back|still|currently|now|again)\s+)?(?:in\s+(?:hospital|icu|a&e|resus|the\s+ward)|(?:otra\s+vez|de\s+nuevo)\s+(?:ingresad[oa]|en\s+el\s+hospital|en\s+urgencias)|(?:altra\s+vegada|de\s+nou)\s+(?:ingressad[ao]|a\s+l'hospital|a\s+urgencies)|di\s+nuovo\s+(?:ricoverat[oa]|in\s+ospedale|al\s+pronto\s+soccorso)|(?:outra\s+vez|de\s+novo)\s+(?:internad[oa]|no\s+hospital|nas\s+urgencias))\b",
    )
});

/// A treatment word in the sentence: the author's condition "for" which it is taken ("third
/// week of antibiotics for this chest infection", "pastillas para la migraña").
static TREATMENT_WORD: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:antibiotics?|antibioticos?|antibiotici|meds|medication|tablets|pills|inhaler|steroids|pastillas|pastilles|pastiglie|comprimidos|medicacion|medicacio|farmaci|remedios|tratamiento|tractament|terapia|cura)\b",
    )
});

/// "for this", "para esta", "per aquesta", "per questa", "para esta/essa".
static FOR_THIS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:for|para|per|por|contra)\s+(?:this|these|esta|este|estas|aquesta|aquest|questa|questo|essa|esse)\b")
        .expect("for-this regex")
});

/// A stay somewhere "with" the condition, mid-sentence: "spent my birthday in resus with DKA",
/// "passed the weekend in A&E with my son's asthma".
static STAY_WITH: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:in|into)\s+(?:resus|icu|itu|hdu|hospital|a&e|intensive\s+care|the\s+ward|the\s+er|the\s+emergency\s+room)\s+with\b",
    )
});

/// An operation told by its day or its idiom: "going under the knife", "op day tomorrow", "nil
/// by mouth", "pre-op assessment done", "knee's been replaced", "paso por quirófano", "vado
/// sotto i ferri", "vou à faca".
static OPERATION_TOLD: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:going|go|went|gone|been|goes)\s+under\s+the\s+knife\b
        | \b(?:paso|pasare|he\s+pasado|pase|pasa|pasara|ha\s+pasado)\s+por\s+(?:el\s+)?quirofano\b
        | \b(?:passo|passare|vaig\s+passar|passa|passara)\s+per\s+(?:el\s+)?quirofan\b
        | \b(?:vado|sono\s+finit[oa]|finisco|va|e\s+finit[oa]|andra)\s+sotto\s+i\s+ferri\b
        | \b(?:vou|fui|vai|foi)\s+(?:a|à)\s+faca\b
        | ^\s*(?:(?:today|tomorrow)\s+is\s+)?(?:op|surgery|operation|transplant|c-section)\s+day\b
        | \bnil\s+by\s+mouth\b
        | ^\s*pre-?\s?op\s+(?:assessment|appointment|bloods|check|done|today|tomorrow)\b
        | ^\s*(?:(?:my|mum's|mom's|dad's|nan's|gran's|his|her|the|new)\s+){0,2}(?:knee|hip|shoulder|valve|lens|cataract|gallbladder|appendix|tonsils|ovary|womb)s?(?:'s|\s+has|\s+is|\s+have|\s+are)?\s+(?:been\s+|finally\s+|now\s+)*(?:replaced|done|fixed|removed|out)\b
        ",
    )
});

/// Clean of an addiction for a time: "Twelve years clean today", "90 days clean and sober".
static CLEAN_FOR: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)\s+(?:days?|weeks?|months?|years?)\s+(?:clean|sober|limpi[oa]|sobri[oa]|net[a]?|pulit[oa])\b",
    )
});

/// The author's doctor naming the condition: "my neurologist says it's MS", "il mio neurologo
/// dice che è sclerosi multipla", "el metge diu que", "o médico disse que".
static DOCTOR_SAYS: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:my|the|doc|mi|el|la|el\s+meu|la\s+meva|il\s+mio|la\s+mia|o\s+meu|a\s+minha|o)\s*(?:doctor|doc|gp|consultant|specialist|surgeon|neurologist|cardiologist|oncologist|rheumatologist|dermatologist|psychiatrist|medico|medica|metge|metgessa|doctora|neurolog[oa]|cardiolog[oa]|oncolog[oa]|reumatolog[oa]|traumatolog[oa]|traumatoleg|dermatolog[oa]|psiquiatra|psichiatra|especialista|specialista|neuroleg|cardioleg|oncoleg)?\s*(?:says|said|thinks|confirmed|dice|dijo|ha\s+dicho|diu|va\s+dir|ha\s+dit|ha\s+detto|disse|diz|confirmo|confirma|conferma)\s+(?:that\s+|que\s+|che\s+)?(?:i\s+am|i\s+have|it\s+is|it's|its|tengo|es|tinc|ho|e|tenho|tens|m'he|me\s+he)\b",
    )
});

/// A first-person injury to a named body part: "I broke my wrist", "me he roto el tobillo",
/// "m'he trencat el menisc", "mi sono rotto il polso", "parti o braço".
static I_BROKE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:i\s+(?:have\s+)?(?:broke|broken|fractured|tore|torn|sprained|dislocated)|me\s+he\s+roto|me\s+rompi|me\s+he\s+fracturado|m'he\s+trencat|em\s+vaig\s+trencar|mi\s+sono\s+rott[oa]|mi\s+sono\s+fratturat[oa]|parti|fraturei|rompi)\s+(?:my|el|la|il|lo|o|a|un|una|mi|the)?\s*(?:\w+\s+)?(?:hip|wrist|leg|arm|ankle|shoulder|collarbone|femur|pelvis|back|neck|ribs?|foot|hand|knee|acl|menisc\w*|ligament\w*|cadera|muneca|pierna|brazo|tobillo|hombro|clavicula|costilla|rodilla|maluc|canell|cama|braç|turmell|espatlla|genoll|anca|polso|gamba|braccio|caviglia|spalla|femore|costola|ginocchio|perna|braco|tornozelo|ombro|costela|joelho)\b",
    )
});

/// A hospital stay in the post ("in the ICU with my brother", "ingresado", "ricoverato").
static STAY_IN_POST: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:icu|itu|hdu|uci|intensive\s+care|terapia\s+intensiva|cuidados\s+intensivos|cures\s+intensives|in\s+hospital|ingresad[oa]|ingressad[oa]|ingressat|ricoverat[oa]|internad[oa]|admitted|rianimazione)\b",
    )
});

/// A third-person object clitic or pronoun in a relative clause after the condition: "una
/// artritis que no la deja ni abrir un bote", "un dolor che non lo lascia", "a pain that won't
/// let her sleep".
static CONDITION_HOLDS_THEM: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:\w+\s+)?(?:que|che|that|which|qui)\s+(?:no\s+|non\s+|won't\s+|doesn't\s+|never\s+|ya\s+|ja\s+|gia\s+)?(?:la|le|lo|li|gli|l'|her|him|them)\b",
    )
});

/// A third-person object clitic and an operation or a diagnosis heading the sentence, in a
/// post about a close or named person: "Lo operaron a corazón abierto el 15/10", "La van
/// operar dimarts", "L'hanno operato ieri".
static CLITIC_OPERATED: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:y\s+|i\s+|e\s+|and\s+|luego\s+|despues\s+|llavors\s+|poi\s+)?(?:lo|la|le|l'|li|gli|el)\s*(?:operaron|han\s+operado|operan|van\s+a\s+operar|operaran|han\s+operat|van\s+operar|operen|hanno\s+operat[oa]|operano|opereranno|operarono|diagnosticaron|han\s+diagnosticado|van\s+diagnosticar|hanno\s+diagnosticato|ingresaron|van\s+ingressar|hanno\s+ricoverat[oa])\b",
    )
});

/// phi-rules@9: the disclosure families found missing on stress8, each in its general form.
fn ninth_round(
    sent: &str,
    lower: &str,
    names: &[String],
    post_person: bool,
    author_post: bool,
    english: bool,
) -> Option<&'static str> {
    let named = names.iter().any(|n| lower.contains(n.as_str()));
    let cat = category_in(sent);
    if named && YOU_TREATED.is_match(sent) && !sent.ends_with('?') {
        return Some(cat.unwrap_or("surgery"));
    }
    if names.iter().any(|n| sent.contains(n.as_str())) && PLEA.is_match(sent) {
        if let Some(c) = cat {
            return Some(c);
        }
        if SURGERY_NOUN.is_match(sent) || sent.contains("cirurgia") || sent.contains("cirugia") {
            return Some("surgery");
        }
    }
    // "Update on Ruby: the chemo is working": news of a named person and a condition.
    if named && UPDATE_HEAD.is_match(sent) {
        if let Some(c) = cat {
            return Some(c);
        }
    }
    if let Some(m) = DOCTOR_SAYS.find(sent) {
        let rest: String = sent[m.end()..].chars().take(40).collect();
        if let Some(c) = category_in(&rest) {
            return Some(c);
        }
    }
    if I_BROKE.is_match(sent) && !sent.ends_with('?') {
        return Some(cat.unwrap_or(if OPERATED.is_match(sent) {
            "surgery"
        } else {
            "other"
        }));
    }
    if TREATMENT_COUNT.is_match(sent) || TREATMENT_STARTS.is_match(sent) {
        return Some(cat.unwrap_or("oncology"));
    }
    if (author_post || post_person || named) && ANNIVERSARY.is_match(sent) {
        return Some(cat.unwrap_or("surgery"));
    }
    if let Some(m) = TIME_AFTER_PROCEDURE.find(sent) {
        let rest: String = sent[m.end()..].chars().take(30).collect();
        if let Some(c) = category_in(&rest) {
            return Some(c);
        }
        if SURGERY_NOUN.is_match(&rest)
            || [
                "op",
                "operation",
                "operacion",
                "operacio",
                "operazione",
                "intervento",
                "cirurgia",
                "cirugia",
                "surgery",
            ]
            .iter()
            .any(|w| rest.split_whitespace().next() == Some(*w))
        {
            return Some("surgery");
        }
    }
    if author_post || post_person {
        for (_, end, c) in condition_terms(sent) {
            if CONFIRMED_AFTER.is_match(&sent[end..]) {
                return Some(c);
            }
        }
    }
    let person_here = author_in(sent, english)
        || KIN.is_match(sent)
        || names.iter().any(|n| sent.contains(n.as_str()));
    if let Some(m) = STAY_WITH.find(sent).filter(|_| person_here) {
        let rest: String = sent[m.end()..].chars().take(40).collect();
        if let Some(c) = category_in(&rest) {
            return Some(c);
        }
    }
    if BACK_IN_HOSPITAL.is_match(sent) {
        if let Some(c) = cat {
            return Some(c);
        }
    }
    // ("for this chest infection": the demonstrative points at the author's own.)
    if TREATMENT_WORD.is_match(sent)
        && (author_in(sent, english) || FOR_THIS.is_match(sent))
        && !TALK.is_match(sent)
    {
        if let Some(c) = cat {
            return Some(c);
        }
    }
    if OPERATION_TOLD.is_match(sent) && !sent.ends_with('?') {
        return Some(cat.unwrap_or("surgery"));
    }
    if CLEAN_FOR.is_match(sent) && cat.is_none() {
        return Some("mental_health");
    }
    if DELIVERY_BOOKED.is_match(sent) {
        return Some("maternity");
    }
    if let Some(m) = STILL_ON.find(sent) {
        let rest: String = sent[m.end()..].chars().take(30).collect();
        if let Some(c) = category_in(&rest) {
            return Some(c);
        }
    }
    if post_person {
        // "DAY 3 IN THE ICU WITH MY BROTHER JAMIE. COVID PNEUMONIA.": a condition alone as a
        // sentence in a post about a close person's stay.
        if sent.split_whitespace().count() <= 3 && STAY_IN_POST.is_match(lower) {
            if let Some(c) = cat {
                return Some(c);
            }
        }
        if CLITIC_OPERATED.is_match(sent) {
            return Some(cat.unwrap_or(if sent.contains("diagnos") {
                "other"
            } else {
                "surgery"
            }));
        }
        for (_, end, c) in condition_terms(sent) {
            if CONDITION_HOLDS_THEM.is_match(&sent[end..]) {
                return Some(c);
            }
        }
    }
    None
}

/// An operation told by its verb or noun (phi-rules@10): "operated", "è stata operata", "la
/// operaron", "surgery", "cirugía".
static OPERATED: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:operated|surgery|operat[oa]|operad[oa]|operaron|operar|van\s+operar|operacion|operacio|operazione|intervento|cirugia|cirurgia)\b",
    )
});

/// A treatment's routine heading the sentence: "dialysis 3x a week for 2 years now", "diálisis
/// tres veces por semana", "chemio ogni 21 giorni", "insulin since I was 9".
static TREATMENT_ROUTINE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        ^[^\w]*(?:(?:my|mi|la|el|la\s+mia|la\s+meva|a\s+minha|a)\s+)?(?:dialysis|haemodialysis|hemodialysis|dialisis|hemodialisis|dialisi|emodialisi|hemodialise|dialise|chemo|quimio|chemio|radiotherapy|radioterapia|radioterapia|insulin|insulina|infusions?)
        \s+(?:\d+\s*x\b|\w+\s+(?:times|veces|vegades|cops|volte|vezes)\b|once\b|twice\b|three\s+times\b|every\b|cada\b|ogni\b|todos\s+los\b|tots\s+els\b|tutti\s+i\b|for\s+\d+|since\b|desde\b|des\s+de\b|da\s+\d+|ha\s+\d+|fa\s+\d+|hace\s+\d+)
        ",
    )
});

/// A device or an organ put in or taken out, heading the sentence with no subject:
/// "Pacemaker fitted last Tues!", "Stent in", "Marcapasos puesto", "Vesícula fuera",
/// "Pacemaker impiantato ieri", "Marca-passo colocado".
static PROCEDURE_HEAD: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        ^[^\w]*(?:(?:new|my|a|the|el|la|il|mi|o|un|una|uno|um|uma)\s+)?([\w'-]+(?:\s+[\w'-]+){0,2}?)\s+
        (?:fitted|implanted|put\s+in|in\s+place|removed|taken\s+out|replaced|puesto|colocado|colocada|implantado|implantada|quitado|quitada|extirpado|extirpada|posat|posada|col·locat|colocat|implantat|tret|treta|impiantato|impiantata|messo|messa|tolto|tolta|rimosso|rimossa|retirado|retirada)\b
        ",
    )
});

/// The person spoken to: "you're doing it", "your chemo", "lo estás haciendo", "ce la stai
/// facendo", "estás a conseguir".
static YOU_SUBJECT: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:you'?re|you\s+are|you'?ve|you\s+have|your|estas|tienes|ets|tens|estas|stai|sei|hai|voce|tu\s+es|tu\s+estas)\b",
    )
});

/// IVF or ICSI with a positive test, or "after N rounds of IVF": a pregnancy.
static IVF_POSITIVE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:ivf|fiv|fivet|icsi)\b.{0,60}\bpositi(?:ve|vo|va|u)\b|^\s*(?:after|despues\s+de|despres\s+de|dopo|depois\s+de|tras)\s+(?:\w+\s+){0,4}?(?:ivf|fiv|fivet|icsi)\b",
    )
});

/// phi-rules@10: the disclosure families found missing on stress9, each in its general form.
fn tenth_round(
    sent: &str,
    lower: &str,
    names: &[String],
    author_post: bool,
) -> Option<&'static str> {
    let cat = category_in(sent);
    if TREATMENT_ROUTINE.is_match(sent) && !sent.ends_with('?') {
        return Some(cat.unwrap_or("oncology"));
    }
    if let Some(c) = PROCEDURE_HEAD
        .captures(sent)
        .and_then(|c| category_in(c.get(1).map_or("", |m| m.as_str())))
    {
        if !sent.ends_with('?') {
            return Some(c);
        }
    }
    if IVF_POSITIVE.is_match(sent) && (author_post || sent.contains("positi")) {
        return Some("maternity");
    }
    // "Leo's asthma is so bad": a named person's condition (not talk about it: "Kate's cancer
    // update has everyone talking about screening"; the name itself may be a word of talk:
    // "Leo").
    for n in names
        .iter()
        .filter(|n| !n.is_empty() && !TALK.is_match(&sent.replace(n.as_str(), " ")))
    {
        for (p, _) in sent.match_indices(n.as_str()) {
            let rest = &sent[p + n.len()..];
            if let Some(r) = rest.strip_prefix("'s ") {
                let w: String = r.chars().take(25).collect();
                if let Some(c) = category_in(&w).filter(|_| !condition_as_modifier(r, true)) {
                    return Some(c);
                }
            }
        }
    }
    // "Love you Kezia. Anorexia recovery isn't linear and you're doing it anyway": a condition
    // said to a person the post names.
    let named = names
        .iter()
        .any(|n| !n.is_empty() && lower.contains(n.as_str()));
    if named && !sent.ends_with('?') && YOU_SUBJECT.is_match(sent) {
        if let Some((start, _, c)) = condition_terms(sent).first().copied() {
            if !condition_as_modifier(&sent[start..], false)
                && !TALK.is_match(sent)
                && !NEGATION_NEAR.is_match(last_chars(&sent[..start], 20))
            {
                return Some(c);
            }
        }
    }
    None
}

/// Fear of a condition, not having it: "afraid I have", "miedo a tener", "paura di avere", "por
/// de tenir", "medo de ter".
static FEAR: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:afraid|scared|terrified|worried|worry|fear|feared|miedo|temo|temia|temor|por\s+de|por\s+que|paura|timore|temevo|medo|receio|receava)\b",
    )
});

/// Reading, hearing or watching about a condition: "ho letto un articolo sul", "he leído
/// sobre", "I have watched a documentary about".
static READ: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:read|reading|heard|watched|watching|leido|leyendo|letto|leggendo|llegit|llegint|lido|lendo|ouvi|oido|sentito|escoltat|article|articulo|articolo|artigo|book|libro|llibre|livro|documentary|documental|documentario|podcast|post|video)\b",
    )
});

/// "de mama", "da mama": the breast ("cáncer de mama"), not "mamá".
static BREAST: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(de|da|della|di|do)\s+mama\b").expect("breast regex"));

/// An unnamed stranger heading the sentence: "someone", "a man", "una señora", "un senyor",
/// "qualcuno", "uma senhora".
static SOMEONE_AT_START: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^[\s¿¡'(]*(?:someone|somebody|a\s+(?:man|woman|lady|guy|girl|boy|patient|bloke|kid|child)|the\s+(?:man|woman|lady|guy|patient|bloke)\s+(?:in|on|at|next|opposite)|alguien|una?\s+(?:senor|senora|chica|chico|hombre|mujer|paciente|nino|nina)|algu|un[a]?\s+(?:senyor|senyora|noi|noia|home|dona|pacient|nen|nena)|qualcuno|un[a']?\s*(?:signore|signora|uomo|donna|ragazz[oa]|paziente|bambin[oa])|alguem|um[a]?\s+(?:senhor|senhora|homem|mulher|paciente|crianca))\b",
    )
});

/// Disease acronyms that are words in lower case ("als", "ela").
static ACRONYMS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?:ALS|ELA|SLA)\b").expect("acronym regex"));

/// Fund-raising links (an appeal by the family, not news).
static CROWDFUNDING: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:https?://)?(?:www\.)?(?:gofundme\.com|gofund\.me|justgiving\.com|leetchi\.com|vakinha\.com\.br|kisskissbankbank\.com|gogetfunding\.com|migranodearena\.org|goteo\.org|verkami\.com|produzioni\w*\.it|eppela\.com|ulule\.com|kickstarter\.com|crowdfunder\.co\.uk)\S*")
        .expect("crowdfunding regex")
});

/// A pet named with a possessive or an article ("my dog", "la perra", "il mio gatto").
static PET: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:my|our|mi|mis|nuestr[oa]|el|la|meu|meva|nostre|nostra|mio|mia|il|nostro|minha|nosso|nossa|o|his|her|vet|veterinari[oa])\s+(?:\w+\s+)?(?:dogs?|puppy|pup|cats?|kitten|kitty|horse|rabbit|hamster|perr[oa]s?|perrit[oa]|gat[oa]s?|gatit[oa]|mascota|gos|gossa|gosset|gats?|gata|cane|cagnolin[oa]|cagna|gatt[oa]|gattin[oa]|cachorr[oa]|cao|cadela|gatinh[oa]|vet|veterinari[oa]|veterinario)(?:'s)?\b",
    )
});

/// A diagnosis heading the sentence: "Diagnosed ADHD", "diagnosticada de", "diagnosticato
/// con", "diagnosticado com".
static DIAGNOSED_HEAD: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^[\s¿¡'(]*(?:(?:just|recently|finally|officially|newly|and|ya|recien|por\s+fin|per\s+fi|ja|finalment|appena|finalmente|oggi|hoy|avui|today)\s+)?(?:diagnosed|diagnosticad[oa]s?|diagnosticat[aoi]?|diagnosticades)\b",
    )
});

/// A struggle with an illness or a death from it, with the condition after: "after battling",
/// "a brave fight with", "lost her battle with", "tras una larga lucha contra", "després de
/// lluitar contra", "dopo una lunga battaglia contro", "died of", "morreu de".
static STRUGGLE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:battl(?:e|ed|ing)|fight(?:ing)?|fought|struggl(?:e|ed|ing)|lucha(?:ndo|r)?|luch[oó]|batalla|lluita(?:nt|r)?|lotta(?:ndo|re|to)?|battaglia|luta(?:ndo|r)?|lutou|combat\w*)\s+(?:\w+\s+){0,2}?(?:with|against|contra|contro|con|amb|com)\b
        | \b(?:after|following)\s+(?:battling|fighting|years\s+of\s+battling|a\s+long\s+illness\s+with)\b
        | \b(?:died|passed\s+away|passed)\s+(?:peacefully\s+)?(?:of|from)\b | \b(?:murio|fallecio|ha\s+muerto|ha\s+fallecido)\s+(?:de|por)\b
        | \b(?:va\s+morir|ha\s+mort)\s+(?:de|per)\b | \b(?:e\s+mort[oa]|e\s+decedut[oa]|e\s+scompars[oa])\s+(?:di|per|a\s+causa\s+di)\b | \b(?:morreu|faleceu)\s+(?:de|com|por)\b
        ",
    )
});

/// A birth: "was born", "arrived", "nació", "va néixer", "è nato", "nasceu".
static BIRTH: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:was\s+born|were\s+born|born\s+(?:on\s+|at\s+|in\s+)?(?:the\s+)?\d+|arrived|nacio|ha\s+nacido|han\s+nacido|va\s+neixer|ha\s+nascut|han\s+nascut|e\s+nat[oa]|sono\s+nati|nasceu|nasceram|came\s+into\s+the\s+world|llego\s+al\s+mundo|va\s+arribar\s+al\s+mon|e\s+venut[oa]\s+al\s+mondo)\b",
    )
});

/// What makes a birth a delivery just had: a weight, a gestation, the midwives or the labour
/// ward ("3,2 kg", "7lb 2oz", "at 31 weeks", "grazie alle ostetriche").
static BIRTH_DETAIL: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b\d{1,2}(?:[.,]\d{1,3})?\s*(?:kg|kilos?|lbs?|oz)\b|\b\d[.,]?\d{3}\s*(?:g|gr|grams|gramos|grammi|gramas)\b|\b\d+\s*(?:weeks|wks|semanas|setmanes|settimane)\b|\b(?:midwi\w*|matronas?|llevadores?|llevadora|ostetric\w*|parteiras?|paritorio|sala\s+(?:de\s+)?partos?|labour\s+ward|delivery\s+suite|nicu|neonat\w*|mare\s+i\s+fill[a]?|madre\s+e\s+hij[oa]|mama\s+y\s+bebe|mum\s+and\s+baby|mom\s+and\s+baby|mother\s+and\s+baby|mae\s+e\s+bebe|mamma\s+e\s+(?:bimb[oa]|neonat[oa])|ja\s+som\s+\d|ya\s+somos\s+\d|siamo\s+in\s+\d|agora\s+somos\s+\d|welcome\s+to\s+the\s+world|benvingud[ao]\s+al\s+mon|bienvenid[oa]\s+al\s+mundo|benvenut[oa]\s+al\s+mondo|bem-vind[oa]\s+ao\s+mundo)\b",
    )
});

/// Third-person subject pronouns (not Spanish "él", which folds to the article "el").
static PRONOUN3: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?:he|she|ell|ella|lui|lei|ele|ela)\b").expect("pronoun regex"));

/// A link, up to the next space.
static URL_TOKEN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:https?://|www\.)\S+").expect("url token regex"));

/// "the surgery" (a GP practice in British English), "the day surgery unit", "surgery ward":
/// a place, not an operation.
fn surgery_is_a_place(s: &str, at: usize) -> bool {
    let head = &s[..at];
    let next = s[at + "surgery".len()..].trim_start();
    head.ends_with("the ")
        || head.ends_with("day ")
        || [
            "unit",
            "ward",
            "department",
            "dept",
            "team",
            "reception",
            "waiting",
            "centre",
            "center",
        ]
        .iter()
        .any(|w| next.starts_with(w))
}

/// A condition-specific treatment reported as finished, with no subject ("last radiotherapy
/// session done", "quimio acabada", "chemio finita").
static TREATMENT_DONE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:chemo|chemotherapy|quimio|quimioterapia|chemio|chemioterapia|radiotherapy|radiotherapia|radioterapia|radioteràpia|dialysis|immunotherapy|inmunoterapia|immunoterapia)\s+(?:(?:\#|no\.?\s*|n\.?\s*)?\w+\s+)?(?:done|finished|over|complete|completed|terminada|acabada|finita|terminata|fatta|feta|hecha|hecho|terminado|acabado|finito|terminato|fatto|fet|acabat)\b",
    )
});

/// An object clitic and a treatment verb: "el dialitzaven", "la dializan", "le fanno la
/// chemio", "li fan quimio".
static TREATED_CLITIC: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:le|la|lo|el|li|gli)\s+(?:(?:estan|estaven|estaban|stanno|stavano)\s+)?(?:dialitz\w*|dializ\w*|(?:dan|donen|fan|fanno|hacen|ponen|posen|facevano)\s+(?:la\s+|el\s+|de\s+)?(?:quimio|chemio|dialisi|dialisis|radio))",
    )
});

/// Someone other than the author or a close person right before `at` ("a colleague just
/// finished chemo", "lei ha fatto la chemio"): not a disclosure about anyone identifiable.
fn other_subject_before(sent: &str, at: usize) -> bool {
    static OTHER: Lazy<Regex> = Lazy::new(|| {
        folded_regex(
            r"\b(?:he|she|they|friend|colleague|coworker|co-worker|neighbou?r|boss|someone|somebody|everyone|people|patients?|amig[oa]|companer[oa]|vecin[oa]|amic|company[ao]?|vei|veina|amico|amica|collega|vicin[oa]|lei|lui|ell|ella|ellos|ells|elles|loro)\s+(?:\w+\s+)?$",
        )
    });
    let head: String = {
        let h = &sent[..at];
        let n = h.chars().count();
        h.chars().skip(n.saturating_sub(30)).collect()
    };
    OTHER.is_match(&head) && !KIN.is_match(&head)
}

/// Operations named without a condition.
static SURGERY_NOUN: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:surgery|an\s+operation|a\s+transplant|a\s+hip\s+replacement|a\s+knee\s+replacement|una\s+operacion|una\s+operacio|un\s+intervento|una\s+intervencion|una\s+intervencio|una\s+cirugia|un\s+trasplante|un\s+trasplantament|un\s+trapianto)\b",
    )
});

/// The condition names a vaccine or a test ("my flu jab", "I had a covid test"), or, after a
/// verb, a job, a service or a campaign ("as a cancer nurse", "I run the diabetes clinic"): it
/// is not the speaker's condition. After a possessive a job stays a disclosure ("my cancer
/// nurse").
fn condition_as_modifier(tail: &str, possessive: bool) -> bool {
    static PREVENTION: Lazy<Regex> = Lazy::new(|| {
        folded_regex(
            r"^(?:vaccines?|vaccination|jabs?|shots?|boosters?|tests?|testing|screening|assessments?|evaluation|referral|season|temporada|stagione|evaluacion|valoracion|derivacion|avaluacio|valoracio|derivacio|valutazione|vacuna|vacunacion|vacunes|vacunacio|vaccino|vaccinazione|prueba|tampone|cribado|cribratge|campaign|campana|campanya|campagna|awareness|month|day|week)$",
        )
    });
    static JOB: Lazy<Regex> = Lazy::new(|| {
        folded_regex(
            r"^(?:nurse|doctor|specialist|consultant|researcher|research|trials?|charity|ward|unit|clinic|service|team|machines?|maquina|macchina|enfermer[oa]|especialista|investigador[a]?|unidad|consulta|servicio|infermier[ae]|unitat|servei|specialista|ricercat\w*|reparto|servizio)$",
        )
    });
    let (ac, _, _) = &*CONDITION_MATCHER;
    ac.find_iter(tail)
        .find(|m| term_at_word(tail, m))
        .is_some_and(|m| {
            let rest: String = tail[m.end()..].chars().take(24).collect();
            // The rest of the matched word ("covid-19", "cancers") is skipped first.
            let inside_word = tail[..m.end()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && (rest.starts_with(char::is_alphanumeric) || rest.starts_with('-'));
            let mut words = rest
                .split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty());
            if inside_word {
                words.next();
            }
            let first = words
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric());
            PREVENTION.is_match(first) || (!possessive && JOB.is_match(first))
        })
}

const POSSESSIVES: &[&str] = &[
    "my", "mi", "mis", "meu", "meva", "meves", "mio", "mia", "mie", "miei",
];

/// What "they put in" that is no operation: a drip, a line, a jab ("em van posar la via
/// malament", "me pusieron una vacuna").
static NOT_A_PROCEDURE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^\s*(?:la\s+|una\s+|el\s+|un\s+|il\s+|l')?(?:via|vía|gotero|goter|flebo|vacuna|vaccino|inyeccion|injeccio|iniezione|venda|benda|suero|serum|serum|sonda|catéter|cateter|cita|hora|mascarilla|mascareta)\b",
    )
});

/// An operation noun right before "of / de / della" and a kinship word.
static OPERATION_OF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:operation|surgery|operacion|operacio|operazione|intervencion|intervencio|intervento|cirugia|cirurgia)\s+(?:of|de|del|di|della|dello|del)\s*(?:la\s+|il\s+|el\s+)?$")
        .expect("operation-of regex")
});

/// "... of / de / della" right before a kinship word.
static OF_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:of|de|del|de\s+la|della|dello|del|di|dels|de\s+l')\s*(?:la\s+|il\s+|el\s+)?$")
        .expect("of regex")
});

/// Lower-case without diacritics (posts often drop them: "depressio", "cancer"), straight
/// apostrophes, and English contractions expanded ("i've" -> "i have"). Patterns and terms are
/// folded the same way, so they may be written with their accents.
/// The category of the first condition named within `n` characters after a match of `re` in
/// `sent` ("turned out to be …", "anyone else on …").
fn condition_after(re: &Regex, sent: &str, n: usize) -> Option<&'static str> {
    re.find_iter(sent)
        .find_map(|m| category_in(&sent[m.end()..].chars().take(n).collect::<String>()))
}

/// A pattern written for folded text (see [`fold`]: lower case, accents removed), compiled once
/// by the static that holds it. A bad pattern panics on first use, which the unit tests reach.
fn folded_regex(pattern: &str) -> Regex {
    Regex::new(&fold(pattern)).unwrap_or_else(|e| panic!("PHI disclosure pattern: {e}"))
}

fn fold(text: &str) -> String {
    // "im diabetic", "ive got": the apostrophe often goes missing.
    static NO_APOSTROPHE: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"\b(?:im|ive)\b").expect("apostrophe regex"));
    let lower = text.to_lowercase();
    let lower = NO_APOSTROPHE.replace_all(
        &lower,
        |c: &regex::Captures| {
            if &c[0] == "im" {
                "i am"
            } else {
                "i have"
            }
        },
    );
    lower
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .replace('’', "'")
        // Catalan "l·l" (varicel·la, medul·la) is often typed "ll"; either way it folds to "ll".
        .replace('·', "")
        .replace("i've ", "i have ")
        .replace("they've ", "they have ")
        .replace("i'm ", "i am ")
        .replace("i'd ", "i had ")
}

/// [`CONDITIONS`] folded, in one automaton; the pattern index maps back to the category.
#[allow(clippy::type_complexity)]
static CONDITION_MATCHER: Lazy<(aho_corasick::AhoCorasick, Vec<&'static str>, Vec<bool>)> =
    Lazy::new(|| {
        let mut terms = Vec::new();
        let mut cats = Vec::new();
        let mut whole = Vec::new();
        for (c, ts) in CONDITIONS {
            for t in *ts {
                let w = t.ends_with('$');
                terms.push(fold(t.trim_end_matches('$')));
                cats.push(*c);
                whole.push(w);
            }
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&terms)
            .expect("condition automaton");
        (ac, cats, whole)
    });

fn default_category(predicate: &str) -> &'static str {
    if [
        "oper",
        "post-op",
        "post op",
        "postop",
        "surgery",
        "quit",
        "extirp",
        "tret",
        "tolto",
        "asport",
        "trasplant",
        "amput",
        "pus",
        "posat",
        "messo",
        "theatre",
        "quirofan",
        "sala operatoria",
        "cirug",
        "cirurg",
        "interven",
        " op",
        "replaced",
        "removed",
        " out",
    ]
    .iter()
    .any(|w| predicate.contains(w))
    {
        "surgery"
    } else if [
        "pregnant",
        "expecting",
        "embaraz",
        "embarass",
        "incint",
        "gravid",
        "weeks",
        "wks",
        "months",
        "meses",
        "semanas",
        "mesos",
        "setmanes",
        "mese",
        "mesi",
        "settiman",
        "esperando",
        "esperem",
        "aspettiamo",
        "baby",
        "due",
        "cuentas",
        "comptes",
    ]
    .iter()
    .any(|w| predicate.contains(w))
    {
        "maternity"
    } else if ["remission", "remision", "remissio"]
        .iter()
        .any(|w| predicate.contains(w))
    {
        // Remission is said of cancer unless a condition is named.
        "oncology"
    } else if predicate.contains("positiv") {
        "infectious"
    } else {
        "other"
    }
}

/// Every condition term of `s` that starts a word: (start, end, category).
fn condition_terms(s: &str) -> Vec<(usize, usize, &'static str)> {
    let (ac, cats, _) = &*CONDITION_MATCHER;
    ac.find_iter(s)
        .filter(|m| term_at_word(s, m))
        .map(|m| (m.start(), m.end(), cats[m.pattern().as_usize()]))
        .collect()
}

fn last_chars(s: &str, n: usize) -> &str {
    let k = s.chars().count();
    match s.char_indices().nth(k.saturating_sub(n)) {
        Some((i, _)) if k > n => {
            // Start at a whole word: skip the rest of a word cut in two.
            let w = &s[i..];
            let cut_word = s[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            match w.find(|x: char| !x.is_alphanumeric()) {
                Some(j) if cut_word => &w[j..],
                None if cut_word => "",
                _ => w,
            }
        }
        _ => s,
    }
}

fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        // Cut at the last whole word: a fragment ("i" of "it") must not read as a word.
        Some((i, c)) if c.is_alphanumeric() => {
            let cut = &s[..i];
            cut.rfind(|x: char| !x.is_alphanumeric())
                .map_or("", |j| &cut[..j])
        }
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The author: a first-person pronoun, possessive or clitic, or a first-person verb of
/// Spanish, Catalan or Italian that carries a condition or treatment ("faig radioteràpia",
/// "sono in dialisi", "tengo lupus").
static AUTHOR: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:me|my|mine|myself|yo|mi|mis|conmigo|jo|em|meu|meva|meus|meves|io|mio|mia|miei|mie)\b | \bm'
        | \b(?:tengo|estoy|llevo|hago|sigo|paso|empiezo|termino|soy|padezco|sufro|tinc|estic|porto|faig|segueixo|començo|sóc|pateixo|vaig|sono|sto|faccio|inizio|finisco|comincio|soffro|convivo)\b
        | \bho\s+(?:\w+(?:ato|uto|ito|ata|uta|ita)|perso|preso|fatto|avuto|visto|messo|scoperto|sofferto)\b | \b(?:avevo|tenho|tive|tinha|estou|fiz|perdi|fiquei)\b
        | \b\w{2,}(?:arme|erme|irme|armi|ermi|irmi)\b | \b\w{2,}-(?:me|m)\b
        ",
    )
});

/// The English pronoun "I" (folded: "i"), read only in a post that is English
/// ([`english_post`]): Catalan "i" is "and", Italian "i" an article.
static EN_I: Lazy<Regex> = Lazy::new(|| Regex::new(r"\bi\b").expect("english i regex"));

/// (phi-rules@12) The author speaks of themself in `s` (folded): a first-person word of any
/// language, and "i" only when the post is English.
fn author_in(s: &str, english: bool) -> bool {
    AUTHOR.is_match(s) || (english && EN_I.is_match(s))
}

/// (phi-rules@12) The post is English enough for a lone "i" to be the pronoun: a capital "I"
/// that does not open a sentence (Catalan "I ara què?" opens one with "and"), an "I'm"-type
/// contraction, or at least two English function words.
pub(crate) fn english_post(text: &str) -> bool {
    static CAPITAL_I: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"([^\s])?\s*\bI\b").expect("capital i regex"));
    static CONTRACTION: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?i)\bi['’](?:m|ve|d|ll)\b").expect("contraction regex"));
    static FUNCTION: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"(?i)\b(?:the|and|my|is|was|have|had|am|with|of|it|this|that|you|got|been|just)\b",
        )
        .expect("english function-word regex")
    });
    let mid_sentence_i = CAPITAL_I.captures_iter(text).any(|c| {
        c.get(1)
            .is_some_and(|p| !matches!(p.as_str(), "." | "!" | "?" | "¡" | "¿" | "\n"))
    });
    let mut seen: Vec<String> = Vec::new();
    for m in FUNCTION.find_iter(text) {
        let w = m.as_str().to_lowercase();
        if !seen.contains(&w) {
            seen.push(w);
        }
    }
    mid_sentence_i || CONTRACTION.is_match(text) || seen.len() >= 2
}

/// Words that turn a sentence into talk about a condition rather than having it: opinions,
/// reading and sharing, work, fund-raising, service news ("I read that chemo...", "my mum
/// works in oncology", "I'm running for the cancer charity").
static TALK: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:read|reading|said|says|told|think|thought|believe|heard|watched|watching|work|works|worked|working|volunteer\w*|studying|article|news|campaign|awareness|charity|research|myth|cures?|caused?|causes|screening
        | leido|leí|dice|dicen|dijo|creo|pienso|trabajo|trabaja|campaña|noticia|investigación|cura|curar|causa|vacuna
        | llegit|diu|diuen|crec|penso|treballo|treballa|campanya|notícia|recerca
        | letto|dicono|credo|lavoro|lavora|campagna|notizia|ricerca|screening|prevenzione|prevención|prevenció
        | vacun\w*|vaccin\w*|jabs?|boosters?|claim|fact|pandemic|pandemia|outbreak|brote|cases|casos|casi
        | diceva|decia|deia|dizia|diz|dizem|decian|deien|dicevano
        | leyendo|leo|llegint|llegeixo|leggendo|leggo|lendo|leio|listening|escuchando|escoltant|ascoltando|viendo|mirant|guardando|assistindo
        | book|novel|libro|llibre|livro|romanzo|novela|documentary|documental|documentario|podcast)\b
        ",
    )
});

/// Idioms that use a condition figuratively ("giving me a heart attack", "me va a dar un
/// infarto", "em farà venir un atac", "mi viene un infarto").
static IDIOM: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:giv(?:e|es|ing)|gave|nearly\s+had|almost\s+had|gonna\s+have)\s+(?:me\s+)?(?:a\s+)?heart\s+attack
        | \b(?:giv(?:e|es|ing)|gave)\s+(?:me|us)\s+(?:a\s+|an\s+)?(?:migraine|headache|stroke|aneurysm|ulcer|panic\s+attack|ptsd|anxiety|depression|diabetes|cancer)
        | \b(?:me|te|nos|em|et|ens|mi|ti|ci)\s+(?:va\s+a|van\s+a|vas\s+a|farà|faran|fa|viene|vengono|fai|fa\s+venire|vai)\s+(?:dar\s+|donar\s+|venir\s+|provocar\s+|causar\s+|provocare\s+|causare\s+)?(?:un|una|algo|um|uma)\s+(?:infarto|infart|ataque|atac|colpo|ictus|enfarte|avc|derrame)
        | \bheart\s+attack\s+(?:with|at|every|when|over)\b | \binfarto\s+(?:con|cada|ogni|quando|cuando)\b
        | \b(?:me|te|nos|em|et|ens|mi|ti|ci)\s+(?:\w+(?:ra|ran|ria|rian|rebbe|ranno)|causa|provoca|da|dona)\s+(?:venir\s+|venire\s+)?(?:un|una)\s+(?:infarto|infart|ataque|atac|colpo|ictus|derrame)
        | \b(?:will|gonna|going\s+to)\s+give\s+(?:me|us)\s+(?:a\s+)?(?:heart\s+attack|stroke|aneurysm)
        | \b(?:nearly\s+had|almost\s+had|quase\s+(?:tive|me\s+deu|me\s+da)|casi\s+(?:me\s+da|me\s+dio|tengo|tuve)|por\s+poco\s+me\s+(?:da|dio)|gairebe\s+(?:em\s+dona|em\s+va\s+donar|tinc)|quasi\s+mi\s+(?:viene|e\s+venuto|prende))\s+(?:um\s+|uma\s+|un\s+|una\s+|a\s+)?(?:heart\s+attack|ataque|atac|infarto|infart|enfarte|colpo|ictus|derrame|avc|stroke)
        | \b(?:so|a\s+bit|a\s+little|bit|kinda|kind\s+of|such\s+an?|totally|super|tan|muy|un\s+poco|una\s+mica|molt|un\s+po|cosi|molto|tao|meio|muito)\s+(?:ocd|toc|adhd|bipolar|autistic|schizo|psycho|anorexic)\b
        | \b(?:heart\s+attack|atac\s+de\s+cor|ataque\s+(?:al|de)\s+corazon|ataque\s+cardiaco|infarto|infart|colpo|ictus|enfarte|derrame)\b.{0,40}\b(?:when\s+i\s+saw|when\s+i\s+seen|seeing|quan\s+he\s+vist|quan\s+vaig\s+veure|en\s+veure|cuando\s+vi|cuando\s+he\s+visto|al\s+ver|quando\s+ho\s+visto|quando\s+ho\s+letto|nel\s+vedere|quando\s+vi|ao\s+ver)\b
        ",
    )
});

/// A condition term with a treatment count or a bare identity and duration at the start of
/// the sentence: "six rounds of chemo down", "celiaca da 15 anni", "coeliac since I was 8",
/// "knee replacement booked in", "crohn's flare number three".
static VERBLESS: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        \b(?:rounds?|cycles?|sessions?|doses?|ciclos?|sesiones|sesión|cicles?|sessions|sessió|cicli|sedut[ae])\s+(?:of|de|d'|di)\s*$
        | ^\s*(?:stage|estadio|estadi|stadio|grade|grado)\s+(?:\d|[iv]{1,3}|one|two|three|four)[abc]?\s+(?:\w+\s+)?$
        | ^\s*(?:la\s+|el\s+|my\s+|the\s+|la\s+mia\s+|la\s+meva\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|last|final|primera|segunda|tercera|cuarta|quinta|sexta|séptima|octava|última|primer|segon|segona|tercer|tercera|quart|quarta|cinquena|sisena|darrera|prima|seconda|terza|quarta|quinta|sesta|settima|ultima)\s+(?:\w+\s+)?(?:of|de|d'|di|del|della)\s*(?:la\s+|el\s+)?$
        ",
    )
});

/// A verbless sentence start before the condition: the illness again ("otra vez con
/// neumonía", "down with flu again", "di nuovo con la febbre") or a treatment's rhythm ("tres
/// cops per setmana a diàlisi", "three times a week on dialysis").
static VERBLESS_HEAD: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        ^\s*(?:
          (?:(?:otra\s+vez|de\s+nuevo|una\s+vez\s+mas|again|once\s+again|back|un\s+altre\s+cop|altra\s+vegada|de\s+nou|di\s+nuovo|ancora|ancora\s+una\s+volta)\s+)?(?:down\s+with|in\s+bed\s+with|laid\s+up\s+with|(?:signed\s+)?off\s+(?:work|sick)\s+with|en\s+(?:la\s+)?cama\s+con|de\s+baja\s+(?:con|por)|al\s+llit\s+amb|de\s+baixa\s+(?:amb|per)|a\s+letto\s+con|in\s+malattia\s+(?:con|per))
          | (?:otra\s+vez|de\s+nuevo|una\s+vez\s+mas|again|once\s+again|un\s+altre\s+cop|altra\s+vegada|de\s+nou|di\s+nuovo|ancora\s+una\s+volta)\s+(?:con|amb|with)
          | (?:finally\s+|just\s+)?(?:home|out|back\s+home|discharged)\s+after\s+(?:\w+\s+){1,5}?(?:with|of|for)
          | (?:currently\s+|still\s+|now\s+)?(?:on\s+(?:a|the)\s+ward|in\s+(?:hospital|icu|resus|a&e))\s+(?:with|for)
          | (?:\w+\s+(?:times|veces|cops|vegades|volte)\s+(?:a|per|por|la|al|alla|every)\s+(?:week|semana|setmana|settimana|day|dia|giorno)|every\s+(?:other\s+)?(?:day|week)|cada\s+(?:dos\s+)?(?:dias|semanas?|dia|setmana)|ogni\s+(?:giorno|settimana))(?:\s+(?:at|on|to|in|for|a|en|de|al|alla|per|por))?
        )\s+(?:(?:la|el|l'|il|lo|a|an|the|una|un|mi|my)\s*)?$
        ",
    )
});

/// A third-person possessive right before the condition ("her lymphoma", "su cáncer", "la
/// seva leucèmia", "il suo tumore").
static POSSESSIVE3_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:her|his|su|sus|seu|seva|seus|seves|suo|sua|suoi|sue)\s+$")
        .expect("possessive regex")
});

static VERBLESS_AFTER: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"(?x)
        ^[\w'-]*\s+(?:\w+\s+)?(?:since|for\s+\d+|in\s+(?:\d+|\w+)\s+(?:years?|months?|weeks?|anos?|mes(?:es)?|semanas?|anys?|mesos|setmanes|anni|anno|mesi|mese|settiman[ae])|for\s+\w+\s+years|desde|des\s+de|da\s+\d+|da\s+\w+\s+anni|de\s+fa|done|down|booked|scheduled|tomorrow|today|flare|warrior|survivor|fatt[oa]|hech[oa]|fet[a]?|mañana|manana|dema|domani|superviviente|guerrera|guerrero)\b
        | ^[\w'-]*\s+(?:\w+\s+)?(?:on\s+(?:the\s+)?\d|el\s+(?:dia\s+)?\d|il\s+\d|the\s+\d)
        | ^[\w'-]*\s+(?:has\s+)?been\s+(?:\w+\s+)?(?:awful|bad|terrible|horrendous|horrible|rough|brutal|worse|a\s+nightmare|hell|playing\s+up|acting\s+up|flaring|killing\s+me)\b
        ",
    )
});

/// Being off work is no talk about work ("off work with shingles").
static OFF_WORK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:off|signed\s+off|back\s+(?:to|at))\s+work\b").expect("off work regex")
});

/// The author as a subject: "I am", "I have", "I was" (contractions are expanded by [`fold`]).
static AUTHOR_SUBJECT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\bi\s+(?:am|have|was|had|got|feel|finally)\b").expect("author subject regex")
});

/// The reader addressed ("you", "your"), not in "thank you".
static SECOND_PERSON: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(?:you|your|yourself)\b").expect("second person regex"));

/// A preposition of place or a naming word right before a name ("from Pune India", "sold
/// under the name Annita"): a place or a product. (Not "en" or
/// "a", which are also Catalan and Spanish personal markers: "En Pol", "a Pol le operaron".)
static PLACE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:from|in|at|near|desde|dal|des\s+de|called|named|name|llamad[oa]|anomenad[ao]|chiamat[oa])\s+$").expect("place regex")
});

/// A professional title right before a name.
static TITLE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:dr|dra|dr\.|dra\.|doctor|doctora|dott|dott\.|dottor|dottoressa|prof|prof\.|professor|professora|professore|nurse|sister|infermera|enfermera|infermiera)\.?\s*$").expect("title regex")
});

/// A service, team or ward right before the condition ("the oncology team", "el equipo de
/// oncología", "il reparto di oncologia"): thanks to a service, not a disclosure.
static SERVICE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:equipo|equip|team|staff|reparto|servicio|servei|servizio|unidad|unitat|unita|planta|ward|department|departamento|departament|unit|clinic|consulta|area|àrea|area|centro|centre|hospital|ospedale|specialist|especialista|nurses?|enfermer[ao]s?|infermer[ae]s?|infermier[ei])\s+(?:\w+\s+)?(?:de\s+|di\s+|d'|of\s+|del\s+|dell'|de\s+la\s+)?$",
    )
});

/// A negation a few words before the condition: "I don't have diabetes", "no tengo asma".
static NEGATION_NEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"n't\b|\b(?:not|no|non|never|nunca|mai|sin|sense|senza|ni)\b")
        .expect("negation regex")
});

/// Someone who is neither the author nor close ("my friend", "mi compañera", "he", "she"): the
/// first-person word does not make the condition the author's.
static SOMEONE_ELSE: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"\b(?:(?:my|our|mi|mis|meu|meva|mio|mia)\s+(?:\w+\s+)?(?:friends?|colleagues?|coworkers?|neighbou?rs?|boss|teacher|amig[oa]s?|companer[oa]s?|vecin[oa]s?|jef[ea]|amics?|amigues|company[ao]|vei|veina|amic[oa]|amici|collega|colleghi|vicin[oa]|capo)|he|she|they|ell|ella|lei|lui)\b",
    )
});

/// A dative clitic and its verb right before the condition: "le dio un ictus", "li han fet
/// quimio", "gli hanno trovato un tumore" (with a close or named person elsewhere in the post).
static CLITIC_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?:le|les|li|gli)\s+\w+(?:\s+\w+){0,3}\s+$").expect("clitic regex")
});

/// The general rule behind the phrase patterns: a condition or treatment term in the same
/// sentence as, and close to, the author (first-person word or verb), a close person
/// (kinship word) or a named person; or the term in a verbless report at the sentence start
/// ("six rounds of chemo down"). Talk about a condition (opinions, news, campaigns, work),
/// idioms and terms naming a service ("the dialysis unit") do not count.
fn tied(
    sent: &str,
    names: &[String],
    post_person: bool,
    news: bool,
    author_post: bool,
    english: bool,
) -> Option<&'static str> {
    if IDIOM.is_match(sent) {
        return None;
    }
    // In a post that links or tags (news, campaigns), a name is a public one: only the
    // author or a relative ties a condition there.
    let names: &[String] = if news { &[] } else { names };
    let question = sent.trim_end().ends_with('?');
    let words_before = |at: usize| sent[..at].split_whitespace().count();
    for (start, end, cat) in condition_terms(sent) {
        let rest = &sent[start..];
        if condition_as_modifier(rest, false) || service_after(&sent[end..]) {
            continue;
        }
        let head = last_chars(&sent[..start], 60);
        let near = last_chars(&sent[..start], 35);
        if TALK.is_match(&OFF_WORK.replace_all(sent, " "))
            || FEAR.is_match(near)
            || NEGATED.is_match(near)
            || NEGATION_NEAR.is_match(last_chars(near, 20))
        {
            continue;
        }
        let named = names.iter().any(|n| head.contains(n.as_str()));
        // A name in advice to the reader ("X can protect you from ...") is no patient.
        let named = named && !SECOND_PERSON.is_match(&sent.replace("thank you", ""));
        let close = KIN.is_match(head) || named;
        if SERVICE_BEFORE.is_match(head) {
            continue;
        }
        if close && !other_subject_before(sent, start) {
            return Some(cat);
        }
        // "18 months after her lymphoma diagnosis" in a post about "Mum": a third-person
        // possessive right before the condition, when the post names a close person.
        if post_person
            && POSSESSIVE3_BEFORE.is_match(last_chars(&sent[..start], 25))
            && !other_subject_before(sent, start)
        {
            return Some(cat);
        }
        // "M34 here, HIV+ since 2019", "F41, T2D since 2015, any tips?": a condition held since
        // a year or an age heading the sentence (a question about it included).
        if !news && words_before(start) <= 3 && SINCE_WHEN.is_match(&sent[end..]) {
            return Some(cat);
        }
        if question {
            continue;
        }
        let tail = first_chars(&sent[end..], 30);
        if (author_in(near, english) || author_in(tail, english))
            && !other_subject_before(sent, start)
            && !SOMEONE_ELSE.is_match(head)
        {
            return Some(cat);
        }
        if VERBLESS.is_match(head)
            || VERBLESS_HEAD.is_match(&sent[..start])
            || words_before(start) <= 1 && VERBLESS_AFTER.is_match(&sent[start..])
        {
            return Some(cat);
        }
        // A sentence that is the condition alone, or a count of it ("chlamydia.", "26 hrs of
        // labour."), in a post that is not news.
        // ("Lyme disease.", "Síndrome de Sjögren." count too: a generic word after the term.)
        let generic_tail = if author_post {
            GENERIC_AFTER.replace(&sent[end..], "")
        } else {
            std::borrow::Cow::Borrowed(&sent[end..])
        };
        if !news
            && words_before(start) <= 1
            && sent[..start].chars().all(|c| !c.is_alphabetic())
            && !generic_tail.chars().any(char::is_alphanumeric)
        {
            return Some(cat);
        }
        // The condition heads the sentence and the author is its subject after it ("two stents
        // later, I'm home", "three months of dialysis and I am still here").
        if words_before(start) <= 2 && AUTHOR_SUBJECT.is_match(&sent[end..]) {
            return Some(cat);
        }
        if post_person && CLITIC_BEFORE.is_match(last_chars(&sent[..start], 40)) {
            return Some(cat);
        }
    }
    None
}

/// A condition held since a year, an age or childhood: "since 2019", "desde los 12", "da
/// quando avevo 8 anni", "des de petita".
static SINCE_WHEN: Lazy<Regex> = Lazy::new(|| {
    folded_regex(
        r"^[\w'+-]*(?:\s+(?:grave|severe|severa|severo|cronic[oa]|chronic|lieve|mild|leve|greu|bad))?\s+(?:since|desde|des\s+de|dal|dalla|da|from)\s+(?:(?:el|los|las|la|les|els|il|i|l'|the|age|my|i\s+was|que|quando|os|as|o|a|eu)\s*)*(?:\d{4}\b|\d{1,2}\b|childhood|birth|peque|petit|bambin|crianca|nin[oa]|nascita|naixement|nacimiento|nascimento|i\s+was|tenia|avevo|tinha|ero\b|era\b|eramos\b|estaba\b|estava\b)",
    )
});

/// Generic words after a condition term: "disease", "syndrome", "disorder".
static GENERIC_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[\w'+-]*\s+)?(?:disease|syndrome|disorder|infection|enfermedad|sindrome|malaltia|malattia|doenca)\b")
        .expect("generic regex")
});

/// The condition names a service, staff or a place ("chemo nurses", "dialysis unit
/// opening", "la unidad de ictus" is caught by the head word instead).
fn service_after(after: &str) -> bool {
    static SERVICE: Lazy<Regex> = Lazy::new(|| {
        folded_regex(
            r"^[\w'-]*\s+(?:nurses|doctors|units?|wards?|clinics?|services?|centres?|centers?|teams?|day|week|month|patients|survivors\s+day|drugs?|serial|devices?|recall\w*|batter(?:y|ies)|treatments?\s+(?:is|are)|rates?|cases|figures|unidad|unitat|reparto|servicio|servei|servizio|pacientes|pacients|pazienti|planta|sala|consulta|enfermeras|infermeres|infermiere)\b",
        )
    });
    SERVICE.is_match(after)
}
