//! Person names. Without a trained recogniser, a name counts when context says it is one: a
//! kinship or patient word before it ("my mother Maria Lopez", "la pacient Núria Puig"), a title
//! ("Dr. Ruiz", "dott.ssa Bianchi"), an introduction ("my name is", "em dic"), or a common first
//! name followed by a capitalised surname. Public figures, names followed by a reporting verb
//! ("... said today") and hospital names are left alone.

use super::rules::before;
use super::Cand;
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashSet;
use vigia_model::PhiType;

/// One capitalised name token, optionally joined to the next by a surname particle. An Irish or
/// Italian elided prefix ("O'Brien", "D'Angelo"), a Scottish "Mc"/"Mac" ("McDonald") and a
/// hyphenated second part ("García-López") stay inside the token.
/// The second letter must be lower-case, so a contraction or an elision ("I'm", "S'ha",
/// "M'han") is not a name.
// (phi-rules@13: "Mª"/"M.ª", María abbreviated, as in "Mª Ángeles Rubio".)
const TOKEN: &str =
    r"(?:M\.?ª|(?:[OD]['’]|Ma?c)?\p{Lu}\p{Ll}(?:[\p{Ll}'’\-]*\p{Ll})?(?:-\p{Lu}\p{Ll}+)?)";
// (phi-rules@11: two-word particles, "van der Merwe", "de los Ríos".)
const PARTICLE: &str =
    r"(?:van der|van den|von der|de los|de las|de|del|de la|di|da|do|du|van|von|i|y|dos|das)";

static NAME_SEQ: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"^{TOKEN}(?:\s+(?:{PARTICLE}\s+)?{TOKEN}){{0,3}}")).expect("name regex")
});

/// Cues after which a capitalised sequence is a person's name. Case-insensitive kinship and
/// role words; titles are matched case-sensitively below.
static CUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)
        \b(?:
          (?:my|our|his|her|their|your)\s+(?:[\w'-]+\s+){0,3}?(?:step-?|half-?|great-?)?(?:missus|hubby|wifey|crewmate|teammate|workmate|shipmate|bandmate|mate|pal|buddy|bestie|bff|colleague|co-?worker|classmate|roommate|housemate|twin|sis|bro|sibling|godchild|grandchild|granny|nana|fiancé|other\s+half|ex|mother|mum|mom|father|dad|son|daughter|husband|wife|partner|brother|sister|grandmother|grandma|gran|nan|grandfather|grandpa|granddad|grandad|grandson|granddaughter|uncle|aunt|auntie|cousin|friend|neighbour|neighbor|boyfriend|girlfriend|baby|child|fiancée?|stepmother|stepfather|niece|nephew|carer|flatmate|lad|lass|boy|girl|kid|eldest|youngest|bairn|stepdad|step-dad|stepmum|step-mum|stepson|stepdaughter|godson|goddaughter|godmother|godfather)(?:[-\s]in[-\s]law)?
          | (?:a\s+)?(?:mi|mis|nuestr[oa]|su|tu)\s+(?:(?:mejor|querid[oa]|pobre|otr[oa]|adorad[oa]|peque(?:ñ|n)[oa])\s+)?(?:nieto|nieta|bisabuela|bisabuelo|ahijad[oa]|comadre|compadre|colega|jefe|jefa|gemel[oa]|melliz[oa]|hermanastr[oa]|padrastro|madrastra|hijastr[oa]|niño|niña|nene|nena|chico|chica|peque|yaya|yayo|abuelita|abuelito|madre|padre|mamá|papá|hijo|hija|marido|esposo|esposa|mujer|hermano|hermana|abuela|abuelo|tío|tía|primo|prima|amigo|amiga|vecino|vecina|pareja|bebé|novio|novia|sobrino|sobrina|suegra|suegro|compañera|compañero|cuñada|cuñado|nuera|yerno|consuegra|consuegro|madrina|padrino)
          | (?:a\s+|al\s+|a\s+la\s+)?(?:el\s+|la\s+)?(?:meu|meva|nostre|nostra|seu|seva)\s+(?:(?:millor|estimad[ao]|pobre|altr[ea]|petit[a]?)\s+)?(?:besàvia|besavi|nét|néta|fillol|fillola|company|companya|bessó|bessona|nen|nena|padrastre|madrastra|mare|pare|fill|filla|home|dona|marit|germà|germana|àvia|avi|iaia|iaio|oncle|tia|cosí|cosina|amic|amiga|veí|veïna|parella|nadó|xicot|xicota|nebot|neboda|sogra|sogre|cunyada|cunyat|nora|gendre|padrina|padrí)
          | (?:a\s+)?(?:(?:il|la)\s+)?(?:mio|mia|nostro|nostra|suo|sua)\s+(?:(?:migliore|car[oa]|pover[oa]|altr[oa]|piccol[oa])\s+)?(?:bisnonna|bisnonno|figlioccio|figlioccia|collega|gemello|gemella|ragazzo|ragazza|bimbo|bimba|patrigno|matrigna|madre|padre|mamma|papà|figlio|figlia|marito|moglie|fratello|sorella|nonna|nonno|zio|zia|cugino|cugina|amico|amica|vicino|vicina|compagno|compagna|fidanzato|fidanzata|bambino|bambina|nipote|suocera|suocero|cognata|cognato|nuora|genero|madrina|padrino)
          | (?:a\s+|o\s+)?(?:minha|meu|nossa|nosso|sua|seu)\s+(?:(?:melhor|querid[oa]|pobre|outr[oa])\s+)?(?:bisavó|bisavô|afilhad[oa]|colega|companheir[oa]|comadre|compadre|menino|menina|gêmeo|gêmea|gémeo|gémea|padrasto|madrasta|enteado|enteada|sobrinho|sobrinha|mãe|mae|pai|filho|filha|marido|esposa|esposo|mulher|irmão|irmao|irmã|irma|avó|avô|avo|tio|tia|primo|prima|namorado|namorada|neto|neta|sogra|sogro|amigo|amiga|vizinho|vizinha|bebé|bebê|cunhada|cunhado|nora|genro|madrinha|padrinho)
          | (?:my|our|his|her|their|your|mi|mis|su|sus|tu|nuestr[oa]|(?:el\s+|la\s+)?(?:meu|meva|nostre|nostra|seu|seva)|(?:il\s+|la\s+)?(?:mio|mia|nostro|nostra|suo|sua)|(?:o\s+|a\s+)?(?:meu|minha|nosso|nossa|seu|sua))\s+(?:[\w'-]+\s+){0,2}?(?:physio|physiotherapist|gp|consultant|surgeon|carer|therapist|counsellor|counselor|dentist|hygienist|driver|health\s+visitor|key\s*worker|social\s+worker|paramedic|anaesthetist|specialist|fisio|fisioterapeuta|fisioterapista|cuidador[a]?|badante|terapeuta|dentista|higienista|igienista|conductor[a]?|autista|motorista|\p{L}+(?:[óo]log[oa]|[òo]leg|[òo]loga|ologist|ologista|iatra))
          | (?:delivery|deliver|ship|addressed|sent)\s+to|recipient|destinatari[oa]?|destinatário|entregar\s+a|consegna\s+a|entrega\s+a
          | (?:the\s+|el\s+|la\s+|il\s+|al\s+)?(?:patient|paciente|pacient|paziente|resident|residente|usuari[oa]?|utente|assistit[oa])
          | (?:señora|señor|senyora|senyor|signora|signor|sra|sr|sig|madam|sir|senhora|senhor|dona|doña|dom|(?:a|o)\s+(?:senhora|senhor))
          | (?:passing\s+of|death\s+of|muerte\s+de|fallecimiento\s+de|mort\s+de|morte\s+d[eao]|scomparsa\s+di|sorry\s+(?:to\s+hear\s+)?(?:about|for)|condolences(?:\s+to)?|condoglianze(?:\s+a)?|p[ée]same(?:\s+a)?|sentit\s+condol|condol[eè]ncies(?:\s+a)?|pêsames(?:\s+a)?|(?:family|familia|família|famiglia|famille)\s+(?:of|de|di|d[ao]))
          | (?:the\s+)?name\s+on\s+(?:[\w']+\s+){1,3}?(?:is|was) | (?:my|his|her|the)\s+name\s+(?:is|was) | (?:full|real|wrong|correct|right)\s+name | (?:nombre|nom|nome)\s+(?:complet[oa]?|errad[oa]|equivocad[oa]|correct[oa]|corret[oa]|cert[oa]|sbagliat[oa]|giust[oa]|e\s+cognome|y\s+apellidos?|i\s+cognoms?)
          | (?:la\s+|el\s+|il\s+)?(?:nurse|enfermer[oa]|infermer[ae]?|infermier[ae]|doctora?|metgessa|metge|m[ée]dic[oa]|dottor(?:essa|e)?|cirujan[oa]|cirurgi[àa]|chirurgo|gp|midwife|matrona|llevadora|ostetrica|pediatra|fisio|consultant|surgeon|nurses|midwives|doctors|enfermeras|enfermeros|matronas|infermeres|infermers|llevadores|infermiere|infermieri|ostetriche|enfermeir[oa]s?|doutor[a]?|parteira|médic[oa]s)
          | (?:un|una)\s+(?:tal|cert|certa)|un\s+certo|a\s+certain
          | (?:name|named|called|nombre|llamad[oa]|se\s+llama|me\s+llamo|em\s+dic|es\s+diu|nom|nome|mi\s+chiamo|si\s+chiama|di\s+nome|my\s+name\s+is|me\s+chamo|chamo-me|se\s+chama|chamad[oa]|meu\s+nome\s+é|o\s+meu\s+nome\s+é)
          | (?:fundraiser|gofundme|raccolta\s+fondi|recaudación|recapte|vaquinha|vakinha)\s+(?:for|para|per|da|do|de)
          | name\s+on\s+(?:it|the\s+card|the\s+letter|the\s+form)|(?:card|account)\s*holder|in\s+the\s+name\s+of|a\s+nombre\s+de|a\s+nom\s+de|a\s+nome\s+di|em\s+nome\s+de|intestat[oa]\s+a|titular
          | (?:mum|mom|dad|mama|mamá|papá|mamma|papà|grandma|grandpa|nan|nonna|nonno|iaia|iaio|avi|àvia|aunty|auntie|aunt|uncle|cousin|granny|nana|nanna|grandad|granddad|gramps|tía|tío|tita|tito|yaya|yayo|abuela|abuelo|abuelita|abuelito|tieta|tiet|oncle|zia|zio|zietta|avó|avô|vovó|vovô|vó|vô|titia|madrina|padrino|madrinha|padrinho)
          | (?:little|baby|wee|el\s+peque|la\s+peque|el\s+pequeño|la\s+pequeña|el\s+petit|la\s+petita|il\s+piccolo|la\s+piccola)
          | (?:pray(?:ing)?\s+for|prayers\s+for|thoughts\s+(?:are\s+)?with|rip(?:\s+to)?|rest\s+in\s+peace|rest\s+easy|sleep\s+tight|descansa\s+en\s+paz|descansa\s+em\s+paz|descansi\s+en\s+pau|in\s+memory\s+of|get\s+well\s+soon|descanse\s+en\s+paz|dep|en\s+memoria\s+de|riposa\s+in\s+pace|in\s+memoria\s+di|a\s+la\s+memòria\s+de|funeral\s+(?:service\s+)?(?:for|of)|wake\s+for|memorial\s+(?:service\s+)?for|funeral\s+de|misa\s+por|funerale\s+di|velório\s+d[eoa]|missa\s+por|em\s+memória\s+de)
        )\b(?:\s+(?:pequeñ[oa]|mayor|menor|petit[a]?|gran|gros|piccol[oa]|grande|maggiore|minore|de\s+\d+\s+años|de\s+\d+\s+anys|di\s+\d+\s+anni))?\s*[:,(]?\s*$",
    )
    .expect("name cue regex")
});

static TITLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:\b(?:Dr|Dra|Drs|Dott|Dott\.ssa|Prof|Profa|Mr|Mrs|Ms|Sr|Sra|Srta|Sig|Sig\.ra|Dña|Dª|Sister|Nurse|Miss)\.?|\b(?:dott|dr|dra|prof|sig)\.|\bdott\.ssa|\b[Pp]rofess(?:or|ore|ora|oressa)|\b[Dd]outor(?:a)?)\s*$")
        .expect("title regex")
});

/// Capitalised words that start sentences or name places and institutions, never a person.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "Ragazzi", "Ragazze", "Chicos", "Chicas", "Nois", "Noies", "Gente", "Pessoal", "Galera",
    "Folks", "Guys", "Amigos", "Amigas", "Amici", "Amiche", "Amics", "Amigues", "Mamme", "Mamás",
    // (phi-rules@13) a GP practice's notices ("Practice update: ... — Practice Manager")
    "Practice",
    "The", "This", "That", "My", "Our", "His", "Her", "Their", "And", "But", "At", "In", "On",
    "From", "For", "With", "Hospital", "Hospitals", "Clinic", "Clínic", "Ospedale", "Policlinico",
    "Centro", "Centre", "Center", "Unit", "Unidad", "Unitat", "Reparto", "Ward", "Planta", "El",
    "La", "Los", "Las", "Els", "Les", "Il", "Lo", "Gli", "Le", "Un", "Una", "Uno", "Dr", "Dra",
    "Doctor", "Doctora", "Nurse", "Patient", "Paciente", "Pacient", "Paziente", "Ha", "Has", "Had",
    "Was", "Is", "Es", "És", "Està", "Está", "Està", "Sono", "Era", "Who", "Que", "Qui", "Che",
    "Today", "Hoy", "Avui", "Oggi", "Yesterday", "Ayer", "Ahir", "Ieri", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Lunes", "Dilluns", "Lunedì",
    "Emergency", "Urgencias", "Urgències", "Pronto", "Soccorso", "God", "Dios", "Déu", "Dio",
    "Covid", "Sant", "Santa", "San", "Saint", "St", "Royal", "Mount", "General", "National",
    "Nacional", "Ciudad", "Ciutat", "Città", "Ambulance", "Ambulancia", "Servei", "Servicio",
    "Servizio", "Department", "Departamento", "Maternidade", "Maternidad", "Maternitat", "Please", "Thanks", "Gracias", "Gràcies", "Grazie",
    "Street", "Road", "Calle", "Carrer", "Via", "Avenida", "Avinguda", "Plaza", "Plaça", "Piazza",
    "Corso", "Passeig", "Paseo", "Viale", "Leukaemia", "Cancer", "Cáncer", "Càncer", "Cancro",
    // "International Nurses Day", "Midwives Week": an observance, not a name
    "Day", "Week", "Month", "Year", "Día", "Dia", "Giornata", "Semana", "Setmana", "Settimana",
    // websites, apps and assistants ("Dr Google", "Doctor TikTok")
    "Google", "Wikipedia", "ChatGPT", "Alexa", "Siri", "Facebook", "Instagram", "TikTok",
    "YouTube", "Youtube", "Twitter", "Reddit", "WhatsApp", "Amazon", "Internet",
    // (phi-rules@9) places and shops after a first name ("Austin Texas", "Zara Home")
    "Home", "House", "Hall", "City", "County", "Park", "Texas", "California", "Florida",
    "Ohio", "London", "Madrid", "Barcelona", "Lisboa",
    "Porto", "Roma", "Milano",
    // (phi-rules@10) institutions after a place's name ("Leicester Royal Infirmary")
    "Infirmary", "Hospice", "Institute", "Instituto", "Institut", "Istituto", "Clínica",
    "Clinica", "Sanatorio", "Poliambulatorio", "Ambulatorio", "Trust", "Foundation",
    // (phi-rules@11) job titles and specialties on letters and signs ("Consultant Physician,
    // Diabetes & Endocrinology"), and an introduction's verb ("Meet Pieter ...")
    "Physician", "Surgeon", "Consultant", "Registrar", "Diabetes", "Endocrinology",
    "Cardiology", "Oncology", "Neurology", "Radiology", "Paediatrics", "Pediatrics",
    "Orthopaedics", "Orthopedics", "Dermatology", "Gastroenterology", "Rheumatology",
    "Haematology", "Hematology", "Urology", "Nephrology", "Respiratory", "Medicine", "Surgery",
    "Psychiatry", "Gynaecology", "Obstetrics", "Geriatrics", "Ophthalmology", "Cardiología",
    "Oncología", "Neurología", "Pediatría", "Traumatología", "Ginecología", "Urología",
    "Psiquiatría", "Endocrinología", "Dermatología", "Reumatología", "Hematología",
    "Nefrología", "Neumología", "Oftalmología", "Cirugía", "Cardiologia", "Oncologia",
    "Neurologia", "Pediatria", "Traumatologia", "Ginecologia", "Urologia", "Psiquiatria",
    "Psichiatria", "Endocrinologia", "Dermatologia", "Reumatologia", "Ematologia",
    "Hematologia", "Nefrologia", "Pneumologia", "Oftalmologia", "Medicina", "Cirurgia",
    "Chirurgia", "Meet", "Introducing", "Conoced", "Coneixeu", "Conheçam",
    // honours of public life ("Sir Chris Hoy", "Dame Deborah James")
    "Sir", "Dame", "Lord", "Lady",
    // titles read as a word after a cue ("la família do Sr. Armando")
    "Sr", "Sra", "Srta", "Mr", "Mrs", "Ms", "Dott", "Prof", "Profa", "Sig",
];

/// Public figures whose names in the news or in quotes are not patient data.
#[rustfmt::skip]
const PUBLIC_FIGURES: &[&str] = &[
    // (phi-rules@15) brands named after a doctor ("Dr. Scholl's insoles", "Dr. Martens")
    "Scholl", "Martens", "Oetker", "Pepper", "Beckmann", "Organic",
    "Anthony Fauci", "Fauci", "Pedro Sánchez", "Rafael Nadal", "Giorgia Meloni", "Salvador Illa",
    "Tedros Adhanom Ghebreyesus", "Tedros", "Kate Middleton", "Donald Trump", "Emmanuel Macron",
    "Ursula von der Leyen", "Mario Draghi", "Boris Johnson", "Rishi Sunak", "Keir Starmer",
    "King Charles", "Felipe VI", "Papa Francesco", "Pope Francis", "Elon Musk", "Bill Gates",
    "Carles Puigdemont", "Pere Aragonès", "Alberto Núñez Feijóo", "Fernando Simón",
    "Mónica García", "Roberto Speranza", "Orazio Schillaci", "Sergio Mattarella", "Mattarella",
    "Angela Merkel", "Joe Biden", "Kamala Harris", "Prince William", "Prince Harry",
    "Chris Whitty", "Jonathan Van-Tam", "Matt Hancock", "Wes Streeting", "Isabel Díaz Ayuso",
    "Ayuso", "Carolina Darias", "Ada Colau", "Jaume Collboni", "Elly Schlein", "Matteo Salvini",
    "Giuseppe Conte", "Lionel Messi", "Cristiano Ronaldo", "Taylor Swift", "Pau Gasol",
    "Jordi Pujol", "Greta Thunberg", "Pep Guardiola", "Guardiola", "Leo Messi", "Messi", "Lily Allen", "Bruno Mars", "Pedro Cavadas", "Cavadas",
    "Marcelo Rebelo de Sousa", "Rebelo de Sousa", "Lula", "Luís Montenegro", "António Costa",
    "Graça Freitas", "Papa Leone", "Pope Leo", "Carlo Ancelotti", "Ancelotti",
    // (phi-rules@11) physicians and artists of public life in es/ca/it/pt
    "Pau Donés", "Concha Velasco", "Josep Baselga", "Valentín Fuster", "Alberto Zangrillo",
    "Matteo Bassetti", "Roberto Burioni", "Pedro Duque", "Raffaella Carrà", "Rocío Jurado",
];

/// Common first names in en, es, ca and it (written by hand from the most frequent given names
/// of each country, short forms included): a capitalised word from this list followed by
/// another capitalised word is taken as a full name even without a cue, and alone when it is
/// not also an ordinary word ([`AMBIGUOUS_FIRST`]).
#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    // en
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Charles", "Daniel", "Matthew", "Mark", "Paul", "Steven", "Andrew", "George", "Edward",
    "Peter", "Jack", "Harry", "Oliver", "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth",
    "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Emily", "Emma", "Olivia", "Grace", "Hannah",
    "Megan", "Chloe", "Sophie", "Lucy", "Amy", "Rachel", "Laura", "Anna", "Helen", "Jamie",
    "Alfie", "Charlie", "Freddie", "Archie", "Noah", "Leo", "Oscar", "Theo", "Arthur", "Henry",
    "Jacob", "Ethan", "Liam", "Mason", "Logan", "Lucas", "Alexander", "Benjamin", "Samuel",
    "Joshua", "Ryan", "Kevin", "Brian", "Gary", "Stephen", "Tony", "Anthony", "Christopher",
    "Chris", "Kenneth", "Dennis", "Sean", "Connor", "Callum", "Kieran", "Declan", "Aidan",
    "Liz", "Ava", "Amelia", "Evie", "Poppy", "Freya", "Isabella",
    "Jessie", "Katie", "Kate", "Sue", "Jenny", "Julie", "Claire", "Nicola", "Donna", "Tracy",
    "Tracey", "Kelly", "Gemma", "Zoe", "Abigail", "Ellie", "Lily", "Molly", "Ruby", "Niamh",
    "Siobhan", "Siobhán", "Bethan", "Aoife", "Ciara", "Margaret", "Dorothy", "Betty", "Joan", "Jean", "Shirley",
    "Brenda", "Pamela", "Deborah", "Debbie", "Michelle", "Nicole", "Ashley", "Stephanie",
    "Tom", "Ben", "Sam", "Joe", "Dan", "Dave", "Mike", "Steve", "Jim", "Bob", "Pete", "Phil",
    "Ian", "Neil", "Keith", "Graham", "Colin", "Martin", "Simon", "Adam", "Luke", "Nathan",
    "Tyler", "Kyle", "Dylan", "Aaron", "Jason", "Scott", "Jonathan", "Timothy", "Patrick",
    "Harriet", "Florence", "Matilda", "Rosie", "Maisie", "Imogen", "Eleanor", "Jade", "Leah",
    // es
    "María", "Maria", "Carmen", "Josefa", "Isabel", "Ana", "Lucía", "Lucia", "Elena", "Pilar",
    "Cristina", "Marta", "Sara", "Paula", "Raquel", "Beatriz", "Rocío", "Inés", "Antonio",
    "Manuel", "José", "Francisco", "Juan", "Javier", "Alejandro", "Pablo", "Sergio", "Carlos",
    "Miguel", "Fernando", "Álvaro", "Raúl", "Luis", "Jorge", "Alberto", "Diego", "Adrián",
    "Dolores", "Lola", "Manuela", "Antonia", "Francisca", "Teresa", "Rosario", "Concepción",
    "Concha", "Mercedes", "Encarnación", "Encarna", "Montserrat", "Silvia", "Patricia", "Sonia",
    "Nuria", "Irene", "Andrea", "Alba", "Noelia", "Alicia", "Lorena", "Verónica", "Yolanda",
    "Susana", "Eva", "Natalia", "Rebeca", "Julia", "Claudia", "Carla", "Daniela", "Valeria",
    "Ximena", "Jimena", "Esther", "Ángela", "Angela", "Lourdes", "Inmaculada", "Inma", "Fátima",
    "Paco", "Pepe", "Pepa", "Manolo", "Nacho", "Chema", "Rafael", "Rafa", "Ángel", "Ramón",
    "Enrique", "Vicente", "Andrés", "Joaquín", "Eduardo", "Ignacio", "Óscar",
    "Rubén", "Iván", "Víctor", "Gonzalo", "Hugo", "Mario", "Marcos", "Mateo", "Martín",
    "Guillermo", "Emilio", "Julián", "Tomás", "Agustín", "Gabriel", "Felipe", "Ricardo", "Jesús",
    "Salvador", "Domingo", "Lorenzo", "Esteban", "Jaime", "Ismael", "Aitor", "Iker", "Unai",
    "Gorka", "Asier", "Ainhoa", "Itziar", "Nerea", "Amaia", "Leire",
    // ca
    "Núria", "Mercè", "Roser", "Laia", "Mireia", "Meritxell", "Neus", "Carme", "Montse",
    "Jordi", "Pere", "Joan", "Josep", "Oriol", "Arnau", "Pol", "Marc", "Xavier", "Quim",
    "Jaume", "Enric", "Albert", "Gerard", "Anna", "Berta", "Clara", "Júlia", "Aina", "Ona",
    "Martina", "Queralt", "Gemma", "Montserrat", "Rosa", "Assumpta", "Dolors", "Conxita",
    "Pepita", "Remei", "Teresa", "Glòria", "Eulàlia", "Marina", "Judit", "Íngrid", "Txell",
    "Xènia", "Àngels", "Joana", "Francesc", "Antoni", "Lluís", "Manel", "Ramon", "Miquel",
    "Sergi", "Jofre", "Guillem", "Bernat", "Pau", "Roger", "Eloi", "Genís", "Biel", "Nil",
    "Àlex", "Ferran", "Narcís", "Ricard", "Agustí", "Isidre", "Ignasi", "Andreu", "Toni",
    "Xavi", "Cesc", "Quique", "Jan", "Aleix", "Adrià", "Martí", "Blai", "Tomàs", "Vicenç",
    // it
    "Giulia", "Francesca", "Chiara", "Sofia", "Alessia", "Martina", "Elisa", "Federica",
    "Valentina", "Giorgia", "Marco", "Luca", "Matteo", "Alessandro", "Giovanni", "Davide",
    "Federico", "Lorenzo", "Andrea", "Giuseppe", "Francesco", "Stefano", "Paolo", "Roberto",
    "Aurora", "Ginevra", "Beatrice", "Alice", "Ludovica", "Camilla", "Silvia", "Simona",
    "Roberta", "Paola", "Daniela", "Elisabetta", "Antonella", "Alessandra", "Manuela",
    "Rossella", "Lucia", "Giovanna", "Angela", "Teresa", "Assunta", "Concetta", "Carmela",
    "Rita", "Anna", "Maria", "Marisa", "Luisa", "Franca", "Graziella", "Loredana", "Ilaria",
    "Arianna", "Noemi", "Benedetta", "Caterina", "Vittoria", "Nicoletta", "Patrizia", "Barbara",
    "Leonardo", "Tommaso", "Riccardo", "Gabriele", "Edoardo", "Pietro", "Mattia", "Simone",
    "Filippo", "Nicola", "Antonio", "Salvatore", "Vincenzo", "Gennaro", "Ciro", "Carmine",
    "Massimo", "Maurizio", "Claudio", "Fabio", "Fabrizio", "Alberto", "Sergio", "Giorgio",
    "Enrico", "Emanuele", "Michele", "Domenico", "Pasquale", "Raffaele", "Gianluca",
    "Gianni", "Franco", "Mauro", "Luigi", "Gino", "Pino", "Beppe", "Tiziana", "Cristiano",
    "Dario", "Daniele", "Alessio", "Cristian", "Giacomo", "Jacopo", "Ettore", "Umberto",
    // frequent in the UK, Spain and Italy among families of South Asian, Arab, African and
    // Eastern European origin
    "Priya", "Aisha", "Ayesha", "Mohammed", "Muhammad", "Mohamed", "Ahmed", "Omar", "Yusuf",
    "Hassan", "Ibrahim", "Zainab", "Amir", "Ravi", "Anil", "Sunita", "Deepa", "Ananya",
    "Arjun", "Rohan", "Sanjay", "Harpreet", "Gurpreet", "Ioana", "Andreea", "Mihai", "Bogdan",
    "Agnieszka", "Katarzyna", "Piotr", "Tomasz", "Olena", "Oksana", "Ngozi", "Chinedu",
    "Adebayo", "Kwame", "Kofi", "Youssef", "Khadija", "Nadia", "Samira", "Karim", "Rachid",
    // more given names (Scottish, Irish, Polish, South Asian, West African, Basque; short forms)
    "Fiona", "Morag", "Kirsty", "Shona", "Ailsa", "Catriona", "Mhairi", "Eilidh", "Hollie",
    "Tariq", "Ali", "Fatima", "Raj", "Chidi", "Monika", "Bethany", "Chantelle", "Jodie", "Jordan",
    "Kayleigh", "Leanne", "Stacey", "Shannon", "Abbie", "Amber", "Courtney", "Danielle", "Natalie",
    "Rebecca", "Samantha", "Louise", "Joanne", "Wendy", "Yvonne", "Lorraine", "Maureen", "Sandra",
    "Carol", "Janet", "Ruth", "Diane", "Gillian", "Alison", "Heather", "Jacqueline", "Jacqui",
    "Pauline", "Lynn", "Eileen", "Doreen", "Barry", "Derek", "Trevor", "Nigel", "Clive", "Craig",
    "Darren", "Dean", "Gavin", "Lee", "Wayne", "Stuart", "Alan", "Gordon", "Ross", "Euan",
    "Fraser", "Hamish", "Angus", "Encarni", "Loli", "Puri", "Maite", "Mikel", "Iratxe", "Sofía",
    "Vanessa", "Nieves", "Amparo", "Ezequiel", "Dominik", "Kev", "Saoirse", "Orla", "Sinéad",
    "Bernadette", "Precious", "Isla", "Rory", "Sharon", "Bev", "Beverley", "Mandy", "Stella",
];

/// More given names (phi-rules@9): older and younger generations, nicknames and diminutives,
/// Basque, Galician, Latin American, Sicilian and Neapolitan, Portuguese and Brazilian, and
/// families of South Asian, West African, Arab and Eastern European origin in the UK, Spain,
/// Italy and Portugal. Words that are also ordinary words are left out or listed in
/// [`AMBIGUOUS_FIRST`].
#[rustfmt::skip]
const MORE_FIRST_NAMES: &[&str] = &[
    "Marcus", "Tanya", "Ray", "Lou", "Louie", "Arlo", "Edna", "Doris", "Mavis", "Ethel", "Gladys",
    "Elsie", "Hilda", "Norma", "Sheila", "Valerie", "Marjorie", "Beryl", "Terry", "Tommy", "Billy",
    "Bobby", "Danny", "Johnny", "Jimmy", "Micky", "Mick", "Kenny", "Ronnie", "Reggie", "Stan",
    "Len", "Ernie", "Alf", "Bert", "Fred", "Harold", "Albert", "Walter", "Stanley", "Leonard",
    "Cyril", "Norman", "Roy", "Eric", "Malcolm", "Douglas", "Duncan", "Jeremy", "Russell", "Shaun",
    "Shane", "Carl", "Glenn", "Jake", "Josh", "Zach", "Zack", "Ollie", "Harvey", "Reuben", "Finn",
    "Finley", "Riley", "Jayden", "Kai", "Ezra", "Elijah", "Isaac", "Caleb", "Owen", "Rhys",
    "Gareth", "Bryn", "Tegan", "Cerys", "Ffion", "Bronwen", "Beth", "Becky", "Becca", "Vicky",
    "Nikki", "Kerry", "Jess", "Jen", "Jenna", "Lauren", "Kayla", "Sienna", "Millie", "Daisy",
    "Phoebe", "Esme", "Ivy", "Lottie", "Georgia", "Holly", "Jasmine", "Naomi", "Lewis", "Dominic",
    "Toby", "Rupert", "Hugh", "Giles", "Tristan", "Cameron", "Marley", "Jude", "Ronan", "Cillian",
    "Oisin", "Padraig", "Seamus", "Eoin", "Conor", "Darragh", "Sadie", "Maeve", "Roisin",
    "Caoimhe", "Aisling", "Brendan", "Fergus", "Graeme", "Alasdair", "Ewan", "Iain", "Lachlan",
    "Agnes", "Isobel", "Moira", "Elspeth", "Kath", "Cath", "Sally", "Jackie", "Sheena", "Tina",
    "Lisa", "Trish", "Bernie", "Angie", "Hayley", "Whitney", "Brittany", "Tiffany", "Kaylee",
    "Madison", "Brooke", "Austin", "Brandon", "Justin", "Cody", "Travis", "Dustin", "Chad", "Brad",
    "Troy", "Darnell", "Tyrone", "Jamal", "Andre", "Malik", "Latoya", "Keisha", "Shanice",
    "Tamika", "Aaliyah", "Imani", "Tunde", "Femi", "Chioma", "Kemi", "Yemi", "Funmi", "Zaid", "Wilf", "Abi", "Kwabena", "Efua", "Desmond", "Rhiannon", "Segun",
    "Emeka", "Nkechi", "Bilal", "Hamza", "Imran", "Asif", "Zara", "Sana", "Maryam", "Yasmin",
    "Leila", "Layla", "Amina", "Usman", "Faisal", "Khalid", "Rashid", "Samir", "Nabil", "Walid",
    "Hussein", "Mustafa", "Abdul", "Abdullah", "Kareem", "Ishaan", "Vikram", "Rahul", "Amit",
    "Neha", "Pooja", "Anjali", "Kavita", "Meena", "Lakshmi", "Suresh", "Ramesh", "Rajesh", "Manoj",
    "Nikhil", "Aarav", "Arun", "Vijay", "Pradeep", "Jaspreet", "Manpreet", "Simran", "Navdeep",
    "Kiran", "Krzysztof", "Marek", "Pawel", "Paweł", "Kasia", "Magda", "Zofia", "Jakub",
    "Wojciech", "Łukasz", "Lukasz", "Dorota", "Ewa", "Joanna", "Irina", "Natasha", "Svetlana",
    "Olga", "Tatiana", "Dmitri", "Sergei", "Vlad", "Andrei", "Nikolai", "Yuri", "Daria",
    "Kateryna", "Oleksandr", "Taras", "Florin", "Raluca", "Alina", "Adriana", "Iulia", "Ellie",
    "Kelly", "Lupita", "Guadalupe", "Lupe", "Conchi", "Conchita", "Maribel", "Marisol", "Mariano",
    "Macarena", "Chelo", "Charo", "Chari", "Merche", "Mamen", "Maripaz", "Mari", "Maricarmen",
    "Mariluz", "Begoña", "Arantxa", "Idoia", "Edurne", "Garazi", "Uxue", "Maialen", "Ane",
    "Izaskun", "Yaiza", "Nayara", "Tania", "Tamara", "Estefanía", "Vanesa", "Cristian", "Yeray",
    "Airam", "Acerina", "Candelaria", "Carlota", "Valentina", "Lara", "Aitana", "Azahara", "Noa",
    "Ainara", "Erika", "Almudena", "Araceli", "Herminia", "Eugenia", "Emilia", "Aurelia",
    "Bernarda", "Petra", "Ramona", "Jacinta", "Gregoria", "Amalia", "Elvira", "Adela", "Agustina",
    "Otilia", "Felisa", "Celia", "Toñi", "Juani", "Juana", "Juanita", "Paquita", "Manoli",
    "Mariví", "Rosi", "Rosita", "Rosalía", "Josefina", "Gerardo", "Gustavo", "Ernesto", "Arturo",
    "Alfonso", "Alfredo", "Armando", "Rodrigo", "Héctor", "Hector", "Marcelo", "Mauricio",
    "Rolando", "Orlando", "Leandro", "Santiago", "Santi", "Nicolás", "Nico", "Benjamín", "Thiago",
    "Izan", "Enzo", "Gael", "Dani", "Kike", "Fran", "Juanma", "Juanjo", "Josemi", "Chus", "Jose",
    "Pancho", "Lucho", "Beto", "Lalo", "Nando", "Toño", "Txema", "Koldo", "Iñaki", "Iñigo",
    "Íñigo", "Xabi", "Ander", "Ibai", "Jon", "Eneko", "Julen", "Oier", "Xabier", "Patxi", "Joseba",
    "Borja", "Pelayo", "Álex", "Alex", "Matías", "Emiliano", "Sebastián", "Lautaro", "Camila",
    "Florencia", "Antonella", "Renata", "Fernanda", "Itzel", "Yesenia", "Karla", "Encarnita",
    "Remedios", "Arlet", "Ariadna", "Mariona", "Mònica", "Rut", "Ester", "Montse", "Eulàlia",
    "Assumpció", "Agnès", "Elisenda", "Elionor", "Sònia", "Vinyet", "Jana", "Ivet", "Nàdia",
    "Cèlia", "Gisela", "Noèlia", "Natàlia", "Pep", "Pepet", "Quimet", "Tonet", "Cisco", "Xisco",
    "Marçal", "Èric", "Lluc", "Jofre", "Bartomeu", "Tomeu", "Llorenç", "Esteve", "Damià", "Magí",
    "Climent", "Ernest", "Feliu", "Pere", "Judit", "Totò", "Annamaria", "Mariangela",
    "Mariagrazia", "Mariarosa", "Marilena", "Gianna", "Giusi", "Giuseppina", "Pina", "Rosaria",
    "Rosalba", "Rosanna", "Rossana", "Filomena", "Immacolata", "Nunzia", "Carmelina", "Lucrezia",
    "Ornella", "Orietta", "Donatella", "Gabriella", "Marcella", "Mirella", "Rosella", "Stefania",
    "Sabrina", "Monica", "Cinzia", "Lorenza", "Debora", "Miriam", "Greta", "Emma", "Gaia",
    "Nicole", "Anita", "Iolanda", "Wanda", "Gina", "Nina", "Lina", "Rina", "Ida", "Elsa", "Agata",
    "Giada", "Matilde", "Adele", "Carolina", "Cecilia", "Costanza", "Delia", "Fiorella", "Flavia",
    "Giuliana", "Lidia", "Livia", "Mara", "Maura", "Ottavia", "Raffaella", "Sonia", "Samuele",
    "Salvo", "Turi", "Nino", "Peppe", "Peppino", "Pippo", "Gigi", "Lello", "Tonino", "Piero",
    "Pierluigi", "Piergiorgio", "Gianfranco", "Giancarlo", "Gianmarco", "Giampaolo", "Gianpaolo",
    "Giampiero", "Gianluigi", "Giuliano", "Luciano", "Adriano", "Aldo", "Amedeo", "Angelo",
    "Antonello", "Carlo", "Cesare", "Corrado", "Cosimo", "Damiano", "Elio", "Ezio", "Fausto",
    "Flavio", "Fulvio", "Gaetano", "Guido", "Lucio", "Marcello", "Massimiliano", "Nicolò",
    "Niccolò", "Oreste", "Osvaldo", "Ottavio", "Pierpaolo", "Renato", "Renzo", "Rino", "Rocco",
    "Rodolfo", "Ruggero", "Sandro", "Saverio", "Sebastiano", "Silvano", "Silvio", "Tiziano", "Ugo",
    "Valerio", "Vittorio", "Elia", "Giulio", "Ludovico", "Achille", "Inês", "Ines", "Tiago", "Bia",
    "João", "Joao", "Mariana", "Leonor", "Catarina", "Margarida", "Mafalda", "Madalena", "Filipa",
    "Patrícia", "Sónia", "Cláudia", "Mónica", "Andreia", "Diana", "Helena", "Lúcia", "Luísa",
    "Conceição", "Lurdes", "Amélia", "Alzira", "Deolinda", "Ermelinda", "Idalina", "Olinda",
    "Adelaide", "Benedita", "Eduarda", "Gabriela", "Larissa", "Letícia", "Lívia", "Luana", "Thaís",
    "Bruna", "Jéssica", "Juliana", "Heloísa", "Rafaela", "Débora", "Priscila", "Aline",
    "Cristiane", "Luciana", "Márcia", "Rosana", "Tânia", "Vânia", "Diogo", "Duarte", "Gonçalo",
    "Afonso", "Martim", "Guilherme", "Henrique", "Lourenço", "Vasco", "Simão", "Rui", "Nuno",
    "Vítor", "Vitor", "Joaquim", "Mário", "Artur", "Abílio", "Adelino", "Américo", "Amândio",
    "Aníbal", "Augusto", "Avelino", "Bernardo", "Caetano", "Domingos", "Emanuel", "Fábio",
    "Filipe", "Hélder", "Horácio", "Ivo", "Júlio", "Leonel", "Mateus", "Matheus", "Maurício",
    "Otávio", "Rogério", "Sebastião", "Telmo", "Valter", "Vinícius", "Zé", "Xico", "Kiko", "Guto",
    "Caio", "Davi", "Murilo", "Igor", "Luan", "Heitor", "Bento", "Benício",
    // (phi-rules@10) short forms and names of every generation still missing
    "Rob", "Robbie", "Kezia", "Keziah", "Leroy", "Consuelo", "Aurelio", "Anselmo",
    // (phi-rules@11) short forms and common names of every generation still missing
    "Pedro", "Teo", "Winnie", "Tasha", "Bex", "Becky", "Teodoro", "Antònia", "Raimundo",
];

/// First names that are also ordinary words, places or brands; alone, without a cue, they are
/// not taken as names.
#[rustfmt::skip]
const AMBIGUOUS_FIRST: &[&str] = &[
    "Grace", "Mark", "Rosa", "Pilar", "Neus", "Sol", "Pol", "Amy", "Jack", "Paula", "Marta",
    "Sara", "Mercè", "Carme", "Pau", "Andrea", "Ana", "Elena", "Luz", "Victoria", "Paz",
    "Dolores", "Mercedes", "Rosario", "Concepción", "Inmaculada", "Lourdes", "Fátima", "Salvador",
    "Domingo", "Jesús", "Ángeles", "Àngels", "Alba", "Aurora", "Marina", "Clara", "Rita",
    "Gemma", "Ruby", "Poppy", "Jade", "Lily", "Florence", "Eva", "Ona", "Nil", "Jan", "Sam",
    "Bob", "Pete", "Sue", "Jean", "Ben", "Dan", "Felipe", "Lorenzo", "Martín", "Martin", "Roger",
    "Mario", "Franco", "Leo", "Oscar", "Hugo", "Vittoria", "Assumpta", "Concetta",
    "Assunta", "Remei", "Ava", "Pepa", "Dolors", "Glòria", "Regina", "Angela", "Ángela",
    // (added in phi-rules@7: given names that are also words, places or surnames)
    "Jordan", "Amber", "Lee", "Dean", "Ross", "Gordon", "Fraser", "Stuart", "Angus", "Ali", "Precious", "Isla", "Stella", "Heather", "Ruth", "Carol", "Nieves", "Amparo", "Shannon", "Craig", "Barry", "Lynn", "Courtney", "Raj",
    // (added in phi-rules@9)
    "Ray", "Lou", "Jess", "Holly", "Ivy", "Daisy", "Georgia", "Austin", "Brooke", "Chad", "Troy", "Sally", "Angelo", "Carlo", "Nina", "Gina", "Lina", "Pina", "Ida", "Elsa", "Emma", "Petra", "Ramona", "Lara", "Nico", "Ester", "Ernest", "Augusto", "Benedita", "Bento", "Bia", "Kai", "Ane", "Jon", "Ander", "Rut", "Mari", "Chus", "Toño", "Pep", "Ugo", "Ivo", "Davi", "Gaia", "Giusi", "Nino", "Salvo", "Renato", "Orlando", "Lucio", "Diana", "Helena", "Camila", "Agnes", "Florencia", "Valentina", "Carolina", "Armando", "Augusto", "Fernanda", "Caetano", "Santiago", "Elvira", "Adela", "Celia", "Eugenia", "Esteve", "Nicole", "Monica", "Mónica", "Mara", "Zara", "Lupe", "Pancho", "Adelaide", "Regina", "Chiara", "Serena", "Bruno", "Santi", "Remedios", "Candelaria", "Guido", "Fausto", "Costanza", "Vasco", "Caio", "Domingos", "Conceição", "Lurdes", "Olinda", "Margarida", "Jasmine", "Brittany", "Tiffany", "Sana", "Kerry", "Finn",
];
/// An apposition after the name: "Pedro Gomez, mi vecino", "Anna (my sister)".
static APPOSITION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*[,(]\s*(?:my|our|mi|nuestr[oa]|el\s+meu|la\s+meva|il\s+mio|la\s+mia|mio|mia)\s+\p{L}+")
        .expect("apposition regex")
});

/// A role in apposition after the name: "Mariajo, la enfermera de noche", "Tom, the porter".
static ROLE_APPOSITION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*[,(]\s*(?:the|our|la|el|il|l'|lo|una|un|a|an)\s*(?:\p{L}+\s+)?(?:nurse|enfermer[oa]|infermer[ao]|infermier[ae]|doctor|doctora|metge|metgessa|dottor\w*|midwife|matrona|llevadora|ostetrica|physio|fisio\w*|porter|celador[a]?|zelador[a]?|cleaner|receptionist|recepcionista|anaesthetist|anestesista|surgeon|cirujan[oa]|cirurgi[àa]|chirurgo|carer|cuidador[a]?|auxiliar|healthcare\s+assistant|paramedic|paramèdic|paramédico|paramedico|técnic[oa]|tècnic[a]?|tecnic[oa])\b")
        .expect("role apposition regex")
});

/// Possessive kinship right before the name: a name so introduced is never a public figure's.
static KIN_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:my|our|mi|mis|nuestr[oa]|meu|meva|nostre|nostra|mio|mia|nostro|suo|sua|minha|nossa|nosso)\s+\p{L}+\s*[:,(]?\s*$")
        .expect("kin-before regex")
});

/// A bare kinship word and an opening parenthesis: "Grandad (Stan) had another seizure".
static KIN_PAREN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:grandad|granddad|grandpa|grandma|granny|nan|mum|mom|dad|abuela|abuelo|avi|àvia|iaia|iaio|nonna|nonno|mamma|papà)\s*\(\s*$")
        .expect("kin-paren regex")
});

/// Verbs that make a name the subject of reported speech or news ("X said", "X ha anunciado").
static REPORTING: Lazy<Regex> = Lazy::new(|| {
    // ("En Pep de la farmàcia diu", "Tom from the pharmacy says": where they are from may come
    // between.)
    Regex::new(r"(?i)^(?:,?\s+(?:de|del|de\s+la|de\s+l'|from|of|at|di|della|dalla|da|do)\s+(?:the\s+|la\s+|el\s+|l')?(?:[\p{L}'’]+\s+){0,2}?[\p{L}'’]+)?,?\s+(?:has\s+|have\s+)?(?:alerta|alertó|advierte|avisa|asegura|recomienda|insiste|sostiene|avverte|afferma|sostiene|raccomanda|adverteix|alerta|assegura|recomana|alertou|avisou|recomenda|disse|diz|said|says|announced|announces|stated|claims|claimed|explained|explains|warned|warns|told\s+(?:reporters|the\s+press)|visited|visits|dijo|explicó|afirmó|declaró|advirtió|va\s+dir|va\s+explicar|va\s+afirmar|ha\s+(?:dicho|anunciado|visitado|declarado|afirmado|dit|anunciat|visitat|declarat|detto|annunciato|visitato|dichiarato|parlato|inaugurado|inaugurat|inaugurato|explicado|explicat|spiegato|avvertito|advertido|advertit)|dice|diu|dichiara|afirma|annuncia|anuncia|declara|inaugura|revealed|reveals|has\s+revealed|opened\s+up|opens\s+up|ha\s+revelado|reveló|ha\s+confesado|confesó|va\s+revelar|ha\s+revelat|ha\s+rivelato|ha\s+confessato|revelou|confessou|foi\s+visitar|visitou|va\s+visitar|ha\s+visitato|è\s+andat[oa]\s+a\s+visitare|fue\s+a\s+visitar)\b")
        .expect("reporting regex")
});

/// A predicate that only a person can be the subject of: diagnosed, admitted, operated on,
/// discharged, born, died ("Jamie was diagnosed", "Dolores lleva ingresada", "Gino è stato
/// ricoverato"). A capitalised word right before one is a name even without a cue.
static PERSON_EVENT_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^,?\s+(?:
          (?:was|has\s+been|had\s+been|is\s+being|got|is|is\s+still|just\s+got)\s+(?:just\s+|finally\s+|recently\s+|now\s+|still\s+)?(?:diagnosed|admitted|readmitted|discharged|rushed|operated|intubated|sedated|ventilated|born|sectioned|transferred\s+to\s+(?:icu|itu|hdu)|in\s+(?:icu|itu|hospital|a&e|intensive\s+care|surgery|theatre|resus))
          | (?:passed\s+away|died|needs\s+(?:surgery|an\s+operation|a\s+transplant|chemo)|starts\s+chemo|had\s+(?:surgery|a\s+stroke|a\s+heart\s+attack|a\s+seizure))
          | (?:is|'s)\s+(?:\d+\s+(?:weeks|months)\s+)?pregnant | had\s+another\s+(?:seizure|stroke|fit|heart\s+attack)
          | (?:fue|ha\s+sido|está|estuvo|lleva|sigue)\s+(?:\p{L}+\s+){0,3}?(?:diagnosticad[oa]|ingresad[oa]|operad[oa]|intubad[oa]|sedad[oa]|en\s+la\s+uci|en\s+(?:el\s+)?quirófano|de\s+alta)
          | (?:ha\s+)?(?:fallecido|falleció|murió|ingresó|nació|ha\s+nacido|ha\s+muerto)
          | (?:va\s+ser|ha\s+estat|està|porta|segueix)\s+(?:\p{L}+\s+){0,3}?(?:diagnosticad[ao]|ingressad[ao]|ingressat|operad[ao]|operat|intubad[ao]|intubat|sedad[ao]|a\s+l'uci|a\s+quiròfan|d'alta)
          | (?:ha\s+mort|va\s+morir|va\s+néixer|ha\s+nascut|va\s+ingressar)
          | (?:è\s+stat[oa]|è|era|resta)\s+(?:\p{L}+\s+){0,2}?(?:diagnosticat[oa]|ricoverat[oa]|operat[oa]|dimess[oa]|intubat[oa]|sedat[oa]|in\s+terapia\s+intensiva|in\s+rianimazione)
          | (?:è\s+mort[oa]|è\s+nat[oa]|è\s+decedut[oa]|è\s+venut[oa]\s+a\s+mancare|ci\s+ha\s+lasciat[oa])
        )\b",
    )
    .expect("person event regex")
});

/// Capitalised words that may stand before a person's predicate without being a name.
#[rustfmt::skip]
const NOT_EVENT_SUBJECTS: &[&str] = &[
    "He", "She", "They", "We", "You", "It", "Mum", "Mom", "Dad", "Nan", "Gran", "Grandma",
    "Grandpa", "Mama", "Mamá", "Papá", "Mamma", "Papà", "Nonna", "Nonno", "Iaia", "Iaio", "Avi",
    "Àvia", "Ell", "Ella", "Ellos", "Elles", "Ells", "Lui", "Lei", "Loro", "Everyone", "Everybody",
    "Nobody", "Someone", "Somebody", "Anyone", "Mine", "Baby", "Bebé", "Nadó", "Todo", "Nadie",
    "Alguien", "Tothom", "Ningú", "Algú", "Nessuno", "Qualcuno", "Tutti", "Also", "Then",
    "Finally", "Now", "Still", "Sadly", "Luckily", "Mañana", "Demà", "Domani", "Tomorrow",
    // quantifiers ("Neither is in ICU", "Both were admitted")
    "Neither", "Either", "Both", "None", "Each", "One", "Two", "Three", "Ninguno", "Ninguna",
    "Ambos", "Ambas", "Cap", "Tots", "Nessuno", "Entrambi", "Nenhum", "Nenhuma", "Todos",
];

/// Hospitals and places named after people; a name inside one of these is not a person.
static INSTITUTION_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:the|hospital|hosp\.|ospedale|policlinico|clínica|clinica|clinic|fundació|fundación|fondazione|institut|instituto|istituto|centro|centre|sant|santa|san|saint|st\.?|virgen|verge|vergine|madonna|del|della|dels|queen|king|prince|princess|reina|rey|regina|re|príncipe|princesa|principe|principessa|universitari|universitario|universitaria|general|universitat|universidad|università|escola|escuela|scuola|carrer|calle|via|plaza|plaça|piazza|avenida|avinguda|paseo|passeig|corso|maternidade|maternidad|maternitat|maternità|hospice|hospicio|infanta|infante)\s*$")
        .expect("institution regex")
});

/// A saint's name is a place or an institution ("Sant Pau", "San Carlo", "St Mary"), never a
/// person, whatever cue surrounds it ("a l'UCI de Sant Pau, el meu pare...").
static SAINT_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:sant|santa|santo|san|saint|st\.?|são|sao)\s+$").expect("saint regex")
});

/// A work or talk credited to someone ("talk by X", "interview with X", "el libro de X"): a
/// public speaker or author, not a patient.
static PUBLIC_CONTEXT_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:(?:talk|article|book|op-ed|column|paper|podcast|lecture|keynote|thread|video|documentary)\s+(?:by|with|from)|interview\s+with|charla\s+de|artículo\s+de|libro\s+de|entrevista\s+(?:a|al|a\s+la|con|amb|ao|à|com)|xerrada\s+de|article\s+de|llibre\s+de|intervista\s+(?:a|al|alla|allo|con|col)|articolo\s+di|libro\s+di|named\s+after|in\s+hono(?:u)?r\s+of|en\s+honor\s+(?:a|de)|en\s+homenatge\s+a|in\s+onore\s+di|intitolat[oa]\s+a|em\s+homenagem\s+a|(?:documentary|documental|documentario|documentário|film|movie|película|pel·lícula|book|libro|llibre|livro|series|serie|série)\s+(?:about|on|sobre|su|sul|sulla|de)|(?:book|novel|article|documentary|podcast|film|movie|libro|llibre|livro|novela|novel·la|romanzo|artículo|article|articolo|artigo|documental|documentario|documentário|película|pel·lícula)\s+(?:[\p{L}'’]+\s+){1,3}?(?:by|de|di|del|della|do|da))\s*$")
        .expect("public context regex")
});

/// A member of staff placed at their post right after the name: "Morag on reception", "Jo at
/// the desk", "Keziah on ward 7", "la Rosa de admisión", "Gino all'accettazione".
static STAFF_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s+(?:on|at|in|from|de|del|de\s+la|a|al|alla|all'|dalla|della|dell')\s*(?:the\s+|la\s+|el\s+|l')?(?:reception|front\s+desk|desk|ward\s+\w+|ward|night\s+shift|day\s+shift|nights|pharmacy|outpatients|radiology|x-ray|phlebotomy|maternity|a&e|icu|itu|theatres|recovery|consultas\s+externas|rayos|radiolog[ií]a|urgencias|urgències|consultes\s+externes|radiologia|pronto\s+soccorso|ambulatori|ambulatorio|recepción|recepcion|recepció|recepcio|admisión|admision|admissions|admissió|turno\s+de\s+noche|torn\s+de\s+nit|accettazione|triage|triatge)\b")
        .expect("staff-after regex")
});

/// Television and radio right after a name ("Matteo Bassetti in TV", "X on the news"): a public
/// figure speaking, not a patient.
static PUBLIC_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s+(?:(?:was\s+|is\s+|è\s+|está\s+|és\s+)?(?:on|in|en|a|al|alla|sulla)\s+(?:tv|tv3|the\s+telly|telly|the\s+news|the\s+radio|bbc|itv|gmb|la\s+tele|la\s+televisión|la\s+televisió|televisione|televisión|televisió|la\s+radio|la\s+ràdio|radio|telegiornale|tg\d?|rai\s*\d?|la\s+rai|el\s+programa|il\s+programma|el\s+programa|directo|diretta|directe|air)\b)|^['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:books?|articles?|podcasts?|shows?|novels?|documentar(?:y|ies)|interviews?|speech(?:es)?|columns?|lectures?|talks?|videos?|series|films?|movies?|programmes?|programs?|memoirs?|announcements?|statements?|songs?|albums?|channel|recipes?|tweets?)\b")
        .expect("public-after regex")
});

/// An organisation's name that goes on after the capitalised word: "Patient Advice and Liaison
/// Service", "Carers Support Team": the words belong to a service, not a person.
static ORG_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:\s+(?:and|&|of|for|de|del|y|i|e|per|di)?\s*\p{Lu}\p{L}*){0,4}?\s+(?:Service|Services|Team|Unit|Centre|Center|Department|Trust|Foundation|Association|Society|Charity|Network|Servicio|Servei|Servizio|Unidad|Unitat|Asociación|Associació|Associazione|Fundación|Fundació|Fondazione)\b")
        .expect("org-after regex")
});

/// Hospitals commonly called by the name of the person they honour ("el Ramón y Cajal", "al
/// Gregorio Marañón", "the John Radcliffe"): a name that starts one of these is the hospital.
#[rustfmt::skip]
const NAMED_HOSPITALS: &[&str] = &[
    "Ramón y Cajal", "Gregorio Marañón", "Marqués de Valdecilla", "Germans Trias", "Josep Trueta",
    "Arnau de Vilanova", "Carlos Haya", "Severo Ochoa", "Jiménez Díaz", "Juan Ramón Jiménez",
    "Miguel Servet", "Clara Campoamor", "Isabel Zendal", "Joan XXIII", "Moisès Broggi",
    "Antonio Cardarelli", "Cardarelli", "Agostino Gemelli", "Gemelli", "Lazzaro Spallanzani",
    "Spallanzani", "Luigi Sacco", "Domenico Cotugno", "Giannina Gaslini", "Gaslini",
    "Papa Giovanni", "John Radcliffe", "Alder Hey", "Great Ormond", "Addenbrooke", "Addenbrooke's",
    "Queen Elizabeth", "Florence Nightingale", "Royal Marsden",
];

/// A regnal number right after a name: "XXIII", "VI", "II".
static REGNAL_AFTER: Lazy<Regex> = Lazy::new(|| {
    // ("Tanya I think": a lone "I" before a word is the pronoun.)
    Regex::new(r"^\s+(?:[IVXL]{2,6}\b|[VXL]\b|I(?:$|[,.;)]))").expect("regnal regex")
});

/// A care role right before a name ("la matrona", "nurse", "l'infermera").
static ROLE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:agent|agente|atendente|operator|operadora|operatore|nurse|sister|matron|midwife|porter|physio|carer|hca|enfermer[oa]|matrona|celador[a]?|auxiliar|fisio|infermer[ao]|llevadora|zelador[a]?|infermier[ae]|ostetrica|oss)\s+$")
        .expect("role-before regex")
});

/// A role named as the subject, then "was / is / called": "the ward sister back then was
/// Jacqui Moss", "la enfermera de guardia era Loli", "our midwife is called Bea".
static ROLE_WAS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:nurse|sister|matron|midwife|doctor|consultant|surgeon|registrar|gp|physio|porter|carer|anaesthetist|paramedic|enfermer[oa]|matrona|doctora|médic[oa]|metge|metgessa|cirujan[oa]|infermer[ao]|infermier[ae]|dottor\w*|ostetrica|llevadora)\s+(?:[\p{L}'’]+\s+){0,3}?(?:was|is|were|was\s+called|is\s+called|called|named|era|es|és|è|se\s+llamaba|se\s+llama|es\s+deia|es\s+diu|si\s+chiamava|si\s+chiama)\s*:?\s*$")
        .expect("role-was regex")
});

/// A birth weight right after a name: "Isla Rose, 7lb 2oz", "Pau (3,2 kg)", "Giulia 3.400 g".
static BIRTH_WEIGHT_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*[,(:-]?\s*(?:1?\d(?:\s*lbs?\b|\s*pounds\b)|\d[.,]\d{1,3}\s*(?:kg|kilos?|g|grams|gramos|grams|grammi)\b|\d\s*(?:kg|kilos?)\b)")
        .expect("birth weight regex")
});

/// "Encarni de la Arrixaca" after a role word: a first name, then "de (la)" and where the
/// person works. Returns the end of the first name.
fn staff_from_place(text: &str, s: usize, words: &[&str]) -> Option<usize> {
    let particle = words.get(1).is_some_and(|w| ["de", "del"].contains(w));
    if words.len() < 3 || !particle || !ROLE_BEFORE.is_match(tail_of(text, s, 30)) {
        return None;
    }
    Some(s + words[0].len())
}

/// The elided article right before `at`: "l'" or "L'" at the start of a word.
fn elided_article_before(text: &str, at: usize) -> bool {
    let mut it = text[..at].chars().rev();
    matches!(it.next(), Some('\'' | '’'))
        && matches!(it.next(), Some('l' | 'L'))
        && !it.next().is_some_and(|c| c.is_alphanumeric())
}

/// A personal article ("el", "la", "en", "na") right before `at`, itself at a word start.
/// "En"/"na" are also prepositions ("en Marina d'Or"), so they count only at a sentence start.
fn personal_article(text: &str, at: usize) -> bool {
    static ARTICLE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?:^|[^\p{L}\d'’])(?:el|la|El|La)\s+$|(?:^|[.!?\n]\s*)(?:En|Na)\s+$")
            .expect("personal article regex")
    });
    ARTICLE.is_match(tail_of(text, at, 12))
}

/// The Catalan article contracted with a preposition ("del Biel", "al Pol", "pel Marc") after
/// a lower-case word (phi-rules@11); after a capitalised one it names a place ("Farmacia del
/// Carmen", "Hospital del Mar").
fn contracted_article(text: &str, at: usize) -> bool {
    static CONTRACTED: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?:^|[^\p{L}\d'’])\p{Ll}[\p{L}'’]*\s+(?:del|al|pel)\s+$")
            .expect("contracted article regex")
    });
    CONTRACTED.is_match(tail_of(text, at, 30))
}

/// First names that, after an article, are a country, a city or a festival ("El Salvador",
/// "La Paz", "la Mercè", "La Victoria").
const PLACES_WITH_ARTICLE: &[&str] = &[
    "Salvador",
    "Paz",
    "Mercè",
    "Victoria",
    "Concepción",
    "Rosario",
];

/// A day number right before: "3 March", "the 2nd of May", "1st June".
static DAY_BEFORE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$").expect("day regex"));

/// Byte offset where the word before `at` (the article) starts.
fn article_start(text: &str, at: usize) -> usize {
    let head = text[..at].trim_end_matches(|c: char| c.is_whitespace() || c == '\'' || c == '’');
    head.char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0)
}

/// Honorifics and offices of public life before a name ("Dame Deborah James", "el conseller
/// ...", "il ministro ..."): a public figure, not a patient.
static PUBLIC_TITLE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:dame|sir|lord|lady|baroness|baron|president|presidente|presidenta|prime\s+minister|minister|ministro|ministra|secretary|conseller|consellera|consejero|consejera|alcalde|alcaldesa|alcaldessa|sindaco|sindaca|senator|senador|senadora|senatore|senatrice|deputat|deputada|diputado|diputada|deputato|deputata|mp|king|queen|prince|princess|rey|reina|príncipe|princesa|principe|principessa|pope|pontefice)\s*$")
        .expect("public title regex")
});

/// Greetings the span tagger may take in with the name after them ("Ciao Manu").
#[rustfmt::skip]
const TAGGED_GREETINGS: &[&str] = &[
    "hi", "hiya", "hello", "hey", "dear", "ciao", "hola", "olá", "ola", "oi", "salve", "caro",
    "cara", "querida", "querido", "bon", "buongiorno",
];

/// English pronouns, conjunctions and auxiliaries: a span the tagger proposes with one of these
/// in it is no name.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "when", "she", "he", "her", "him", "his", "hers", "they", "them", "their", "we", "us", "you",
    "your", "it", "its", "and", "but", "or", "the", "this", "that", "was", "is", "are", "were",
    "who", "what", "then", "if", "my", "me", "our",
];

/// (phi-rules@15) A line of a pasted chat: a speaker's label and a colon ("zainab: ...",
/// "> Denise: ...").
static SPEAKER_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:>[ \t]*)?(\p{L}[\p{L}'’-]{1,20}(?:[ \t]\p{L}[\p{L}'’-]{1,20})?)[ \t]*:[ \t]+\S")
        .expect("speaker regex")
});

/// Labels of a chat's lines that name no one: the author, roles, assistants, weekdays and the
/// fields of forms and letters.
#[rustfmt::skip]
const NOT_SPEAKERS: &[&str] = &[
    "me", "yo", "eu", "jo", "io", "you", "agent", "agente", "atendente", "operator", "operadora",
    "operatore", "nurse", "doctor", "dr", "mum", "mom", "dad", "mam", "mamá", "papá", "mamma",
    "papà", "mãe", "pai", "q", "a", "r", "re", "ps", "edit", "update", "note", "nb", "tel",
    "fax", "email", "e-mail", "dob", "address", "name", "nombre", "nom", "nome", "date", "fecha",
    "data", "hora", "time", "subject", "asunto", "from", "to", "de", "para", "cc", "patient",
    "paciente", "pacient", "paziente", "diagnosis", "diagnóstico", "diagnosi", "ward", "bed",
    "room", "area", "need", "contact", "phone", "mobile", "ref", "nhs", "mrn", "dni", "cip",
    "user", "usuario", "utente", "bot", "system", "admin", "mod", "mods", "host", "guest",
    "caller", "listener", "presenter", "question", "answer", "pregunta", "respuesta",
    "resposta", "domanda", "risposta", "tip", "info", "nota", "aviso", "avís", "avviso",
    "important", "importante", "warning", "urgent", "status", "result", "resultado", "total",
    "price", "precio", "prezzo", "preço", "location", "where", "when", "why", "how", "who",
    "what", "reply", "thread", "op", "tldr", "eta", "alexa", "siri", "google", "assistant",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "dilluns", "dimarts", "dimecres",
    "dijous", "divendres", "dissabte", "diumenge", "lunedì", "martedì", "mercoledì", "giovedì",
    "venerdì", "sabato", "domenica", "segunda", "terça", "quarta", "quinta", "sexta",
];

/// (phi-rules@15) The speakers of a pasted chat: in a post with two or more labelled lines and
/// two labels at least, a label that comes back (a speaker's turns) or is a known first name,
/// and is no role, field or weekday, names a person.
fn chat_speakers(text: &str, out: &mut Vec<Cand>) {
    let labels: Vec<(usize, usize, String)> = SPEAKER_LINE
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| (m.start(), m.end(), m.as_str().to_lowercase()))
        .collect();
    for (s, e, label) in &labels {
        // A label that comes back is a speaker's turn; one said once must be a first name.
        let turns = labels.iter().filter(|(_, _, x)| x == label).count() >= 2;
        let words: Vec<&str> = label.split_whitespace().collect();
        if words
            .iter()
            .any(|w| NOT_SPEAKERS.contains(w) || FUNCTION_WORDS.contains(w))
        {
            continue;
        }
        let known = first_names().contains(with_capital(words[0]).as_str());
        let distinct = labels.iter().any(|(_, _, x)| x != label);
        // (phi-rules@16) A post that opens with a known first name as its one label: a chat
        // message copied with its sender ("Marta: chicas, me han confirmado gripe A").
        let opens = text[..*s].trim_start_matches(['>', ' ', '\t']).is_empty()
            && words.len() == 1
            && text[*s..].starts_with(char::is_uppercase);
        if !((distinct && (turns || known)) || (opens && known)) {
            continue;
        }
        if out.iter().any(|c| c.start < *e && *s < c.end) {
            continue;
        }
        out.push(Cand::new(*s, *e, PhiType::PersonName, 44, None));
    }
}

/// `word` with its first letter in upper case, the form [`first_names`] holds ("marta" ->
/// "Marta"; every name there is written so).
fn with_capital(word: &str) -> String {
    let mut cs = word.chars();
    cs.next()
        .map(|f| f.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

fn first_names() -> &'static HashSet<&'static str> {
    static SET: Lazy<HashSet<&'static str>> = Lazy::new(|| {
        FIRST_NAMES
            .iter()
            .chain(MORE_FIRST_NAMES)
            .copied()
            .collect()
    });
    &SET
}

fn is_public(name: &str) -> bool {
    PUBLIC_FIGURES.iter().any(|p| {
        name == *p || name.starts_with(&format!("{p} ")) || name.ends_with(&format!(" {p}"))
    })
}

/// A name another detector proposes at `s..e` (the transformer tier's span tagger), as the
/// rules would report it: a leading title cut off ("Dr [Robby]"), or `None` when the rules decline
/// such a name on purpose (a public figure or a name in a public context, a saint's, a
/// hospital's or an organisation's name, a pet, the subject of reported speech, a word that is
/// never a name). The same vetoes [`names`] applies to its own candidates.
pub(crate) fn tagged_name(text: &str, mut s: usize, e: usize) -> Option<(usize, usize)> {
    let first = text[s..e].split_whitespace().next()?;
    // (phi-rules@15: a kinship title too, whatever its case: "Auntie Grace", "nana Bisi".)
    let kin_title = KIN_TITLES.iter().any(|k| k.eq_ignore_ascii_case(first));
    // (phi-rules@16: and a greeting, "Ciao Manu", "Hi Marnie".)
    let greeting = TAGGED_GREETINGS.contains(&first.trim_end_matches(',').to_lowercase().as_str());
    if first.len() < e - s && (TITLE.is_match(first) || kin_title || greeting) {
        s += first.len();
        s += text[s..e].len() - text[s..e].trim_start().len();
    }
    let name = &text[s..e];
    let first = name.split_whitespace().next()?;
    // (phi-rules@15) A pronoun or a conjunction is never part of a name ("when she").
    if name
        .split_whitespace()
        .any(|w| FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    let near = tail_of(text, s, 30);
    let after = &text[e..];
    let kin = KIN_BEFORE.is_match(near) || KIN_PAREN.is_match(near);
    let declined = is_public(name)
        || NOT_NAMES.contains(&first)
        || SAINT_BEFORE.is_match(near)
        || INSTITUTION_BEFORE.is_match(near)
        || HOSPITAL_OF_BEFORE.is_match(near)
        || MEDICAL_ORG_BEFORE.is_match(near)
        || PET_BEFORE.is_match(near)
        || PET_AFTER.is_match(after)
        || (!kin
            && NAMED_HOSPITALS
                .iter()
                .any(|h| text[s..].starts_with(h) || h.split(' ').any(|w| w == first)))
        || REGNAL_AFTER.is_match(after)
        || ORG_AFTER.is_match(after)
        || PUBLIC_TITLE_BEFORE.is_match(near)
        || (!kin
            && (PUBLIC_CONTEXT_BEFORE.is_match(near)
                || PUBLIC_AFTER.is_match(after)
                || REPORTING.is_match(after)));
    (!declined).then_some((s, e))
}

/// Longest name sequence at `at`, with stop-words trimmed from its end. Returns its byte length.
fn name_at(text: &str, at: usize) -> Option<usize> {
    let m = NAME_SEQ.find(&text[at..])?;
    let mut words: Vec<&str> = m.as_str().split_whitespace().collect();
    // "Nerea y Maite", "Laia i Pol", "Hollie and Aisha": two first names joined, not one name
    // with a particle.
    if words.len() >= 3
        && ["y", "i"].contains(&words[1])
        && (words.len() == 3 || first_names().contains(words[2]))
    {
        words.truncate(1);
    }
    // A possessive "'s" is not part of the name ("Leah's leukaemia"): the token pattern lets
    // apostrophes in for "O'Brien", so it is cut here.
    for w in words.iter_mut() {
        if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            *w = stem;
        }
    }
    // Cut at the first word that cannot be part of a name.
    if let Some(i) = words.iter().position(|w| NOT_NAMES.contains(w)) {
        words.truncate(i);
    }
    while words.last().is_some_and(|w| {
        [
            "de", "del", "de la", "la", "di", "da", "do", "du", "van", "von", "i", "y", "dos",
            "das", "der", "den", "los", "las",
        ]
        .contains(w)
    }) {
        words.pop();
    }
    words.last()?;
    let mut end = 0;
    let mut from = 0;
    for w in &words {
        let p = m.as_str()[from..].find(w)? + from;
        end = p + w.len();
        from = end;
    }
    Some(end)
}

/// The last `n` characters before byte offset `at` (a window for `$`-anchored cue regexes).
fn tail_of(text: &str, at: usize, n: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(0);
    &head[start..]
}

/// A kinship or care-role word and a lower-case word after it, then a verb: "my cousin tomasz
/// was admitted", "mi hermana lucía tiene", "il mio fratello marco è", "my transport driver
/// leroy is", "mi tia consuelo perez lleva" (a surname may come between). The word is the name
/// (when it is no adverb or pronoun, [`LOWER_NOT_NAMES`]); a known first name needs no verb.
static LOWER_KIN_NAME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?x)
        \b(?:my|our|mi|nuestr[oa]|el\s+meu|la\s+meva|meu|meva|il\s+mio|la\s+mia|mio|mia|minha|o\s+meu|a\s+minha)\s+(?:step-?|half-?)?
        (?:mother|mum|mom|father|dad|son|daughter|husband|wife|partner|brother|sister|grandma|grandmother|gran|nan|grandad|grandpa|grandfather|grandson|granddaughter|uncle|aunt|auntie|cousin|friend|neighbou?r|boyfriend|girlfriend|niece|nephew|baby|boy|girl|lad
          |madre|padre|hijo|hija|marido|mujer|esposa|esposo|hermano|hermana|abuela|abuelo|tío|tía|primo|prima|sobrino|sobrina|novio|novia|cuñado|cuñada|amigo|amiga|vecino|vecina
          |mare|pare|fill|filla|germà|germana|avi|àvia|iaia|iaio|cosí|cosina|nebot|neboda|marit|dona|amic|veí|veïna
          |figlio|figlia|marito|moglie|fratello|sorella|nonna|nonno|zio|zia|cugino|cugina|nipote|amico|vicino|vicina
          |mãe|pai|filho|filha|irmão|irmã|avó|avô|vó|vô|vovó|vovô|tio|tia|neto|neta|esposa|mulher|namorado|namorada|vizinho|vizinha|missus|hubby|mate|comadre|compadre|nieto|nieta
          |(?:(?:transport|taxi|ambulance|night|day|home|district|community|key)\s+)?(?:driver|physio|carer|nurse|midwife|consultant|surgeon|therapist|counsellor|dentist|hygienist|worker|fisio|enfermer[oa]|infermer[ao]|infermier[ae]|cuidador[a]?|matrona|llevadora|ostetrica|badante))(?:[-\s]in[-\s]law)?
        \s+(?:(?:dona|don|doña|seu|sr|sra|signora|signor|senyora|senyor)\.?\s+)?(\p{Ll}[\p{Ll}'’-]{2,})")
        .expect("lower-case kin name regex")
});

/// Words in capitals that end a run of capitalised name words: function words, verbs and
/// acronyms of health services.
#[rustfmt::skip]
const CAPS_STOP: &[&str] = &[
    "WAS", "IS", "HAS", "HAD", "ARE", "THE", "AND", "IN", "AT", "ON", "TO", "OF", "FOR", "HOME",
    "NOW", "TODAY", "NHS", "ICU", "UCI", "GP", "CUP", "CAP", "SNS", "SUS", "ASL", "UK", "USA",
    "ES", "ESTÁ", "ESTA", "HA", "DE", "DEL", "LA", "EL", "IL", "LO", "LOS", "LAS", "CON", "PER",
    "POR", "PARA", "QUE", "CHE", "EN", "AL", "NO", "NOT", "PLEASE", "HELP", "URGENT", "OK",
    "COVID", "DNI", "NIE", "NIF", "CPF", "MRN", "NHC", "DOB", "RIP", "DEP", "AMB", "MY", "OUR",
    "TÉ", "ÈS", "ÉS", "È", "TEM", "FOI", "ERA", "SON", "DAUGHTER", "MUM", "DAD", "WIFE",
];

/// Verbs that follow a lower-case name in a clause ("my cousin tomasz was admitted").
#[rustfmt::skip]
const LOWER_VERBS: &[&str] = &[
    "was", "is", "has", "had", "got", "went", "needs", "tiene", "tuvo", "está", "estuvo", "lleva",
    "fue", "ha", "té", "va", "està", "porta", "è", "era", "sta", "tem", "teve", "foi", "esteve",
    "anda", "sigue", "segueix", "continua", "aveva", "tenía", "tenia", "tinha", "está",
];

/// Lower-case words that may follow a kinship word without being a name.
#[rustfmt::skip]
const LOWER_NOT_NAMES: &[&str] = &[
    "who", "which", "that", "and", "but", "just", "also", "still", "really", "finally", "now",
    "then", "recently", "already", "actually", "literally", "has", "have", "had", "was", "is",
    "got", "too", "again", "never", "always", "only", "here", "there", "today", "yesterday",
    "que", "quien", "ya", "también", "tambien", "todavía", "aún", "hoy", "ayer", "nunca",
    "siempre", "solo", "qui", "ja", "també", "encara", "avui", "ahir", "mai", "sempre", "només",
    "che", "anche", "ancora", "già", "oggi", "ieri", "sempre", "solo", "non", "no", "not",
    "mayor", "menor", "pequeño", "pequeña", "petit", "petita", "gran", "gros", "piccolo",
    "piccola", "grande", "maggiore", "minore", "el", "la", "lo", "le", "li", "gli", "se", "si",
    "es", "està", "ha", "va", "è", "era", "sta", "tiene", "está", "lleva", "fue", "té", "porta",
    "said", "says", "says", "thinks", "told", "works", "lives", "went", "came", "died", "passed",
    // (after a care role: "my nurse practitioner is")
    "practitioner", "specialist", "assistant", "associate", "manager", "team", "appointment",
    "visit", "says", "called", "rang", "phoned", "came", "comes",
];

/// A greeting or thanks right before a name that a comma or "!" closes: "morning Fiona,",
/// "Bon dia Montse,", "thanks Kwame!".
static GREETING_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:^|[.!?\n]\s*|\b)(?:hi|hiya|hello|hey|dear|gentile|egregi[oa]|estimad[oa]|prezad[oa]|morning|good\s+morning|evening|good\s+evening|afternoon|thanks|thank\s+you|cheers|ta|hola|buenos\s+días|buenas|querida|querido|gracias|bon\s+dia|bona\s+tarda|benvolgut|benvolguda|gràcies|ciao|buongiorno|buonasera|cara|caro|grazie|olá|ola|oi|bom\s+dia|boa\s+tarde|boa\s+noite|obrigad[oa]|forza|força|ánimo|animo|ànims|anims|come\s+on|go|well\s+done|congrats|congratulations|felicidades|enhorabuena|felicitats|auguri|complimenti|parabéns|parabens|hang\s+in\s+there|stay\s+strong|love\s+you|te\s+quiero|t'estimo|ti\s+voglio\s+bene|amo-te|te\s+amo|happy\s+birthday|feliz\s+cumpleaños|per\s+molts\s+anys|buon\s+compleanno|feliz\s+aniversário|welcome(?:\s+home)?|bienvenid[oa]|benvingut|benvinguda|benvenut[oa]|bem-vind[oa]|tanti\s+auguri|muchas\s+gracias|moltes\s+gràcies|grazie\s+mille|muito\s+obrigad[oa]|miss\s+you|te\s+echo\s+de\s+menos|et\s+trobo\s+a\s+faltar|mi\s+manchi|saudades)\s*,?\s*$")
        .expect("greeting regex")
});

/// What lies between two names of a list: "X, Y", "X and Y", "X y Y", "X i Y", "X e Y".
static LIST_JOIN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*(?:,\s*(?:and\s+|y\s+|i\s+|e\s+|&\s+)?|\s(?:and|y|i|e|&)\s+)(?:(?:a\s+|al\s+|alla\s+|to\s+)?(?:la\s+|el\s+|il\s+)?)?$")
        .expect("list join regex")
});

/// Family and address cues that a name follows at once: a maiden or married name ("née Doyle",
/// "ved. Benedetti", "viuda de Prats"), parents ("born in Leeds to", "son of", "hija de",
/// "figlia di", "filho de"), and who a letter or a fax is for ("attention", "attn:", "a la
/// atención de", "all'attenzione di", "c/o").
static FAMILY_CUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:\b(?:née|nee|ved|vedova|viuda\s+de|vídua\s+de|viúva\s+de|widow\s+of|widower\s+of|born\s+(?:[\p{L}\d,]+\s+){0,5}?to|(?:son|daughter|child|grandson|granddaughter)\s+of\s+(?:the\s+late\s+)?|hij[oa]\s+de|fill[a]?\s+de|figli[oa]\s+di|filh[oa]\s+de))\.?\s*[:,(]?\s*$")
        .expect("family cue regex")
});

/// Who a letter or a fax is for: "attention", "attn:", "a la atención de", "all'attenzione di",
/// "c/o". A full name or a known first name must follow ("Attention Parents" is no one).
static ADDRESSEE_CUE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:\b(?:(?:for\s+the\s+)?attention(?:\s+of|\s+to)?|attn|a\s+la\s+atenci[óo]n\s+de|a\s+l'atenci[óo]\s+de|all'attenzione\s+di|à\s+atenção\s+de|care\s+of)|\bc/o)\.?\s*[:,(]?\s*$")
        .expect("addressee cue regex")
});

/// The author introducing themself: "Hi, I'm ...", "soy ...", "sóc l'...", "sono ...", "sou
/// ..." at a sentence start or after a greeting.
static INTRO_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:^|[.!?\n]\s*|\b(?:hi|hiya|hello|hey|hola|buenas|bon\s+dia|bona\s+tarda|ciao|salve|olá|ola|oi)\b[,!]?\s*|,\s*)(?:i'm|i’m|i\s+am|soy|sóc|soc|sono|sou|eu\s+sou)\s+(?:l'|l’|la\s+|el\s+|en\s+|na\s+|o\s+|a\s+)?$")
        .expect("intro regex")
});

/// An introduction right after a greeting: "Hi all, I'm", "Hola a todos, soy".
static GREETED_INTRO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:hi|hiya|hello|hey|hola|buenas|bon\s+dia|bona\s+tarda|ciao|salve|olá|ola|oi)\b(?:\s+(?:all|everyone|everybody|guys|folks|a\s+tod[oa]s|a\s+tots|a\s+tutti|tutti|todos|pessoal))?[,!.]?\s*(?:i'm|i’m|i\s+am|soy|sóc|soc|sono|sou|eu\s+sou)\s+$")
        .expect("greeted intro regex")
});

/// An age right after the name, closed by a comma or a bracket: "Tomás, 9 años,", "Maisie
/// (4)", "Jenkins, 71, of", "Giulia, 34 anni,".
static AGE_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:,\s*\d{1,3}\s*(?:years?\s+old|yo|y/o|años|anys|anni|anos)?\s*[,;)]|\(\s*\d{1,3}\s*(?:years?|yo|y/o|años|anys|anni|anos)?\s*\))")
        .expect("age regex")
});

/// An age with its unit right after the name: "Tomás, 9 años", "Pietro (7 anni)".
static AGE_UNIT_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*[,(]\s*\d{1,3}\s*(?:years?\s+old|yo|y/o|años|anys|anni|anos)\b")
        .expect("age unit regex")
});

/// A hospital or a home "of" a place right before the word ("Hospital de Basurto", "Maternidade
/// Alfredo da Costa", "Clínica de la Luz"): the place's name, never a person, whatever cue is
/// around it (a birth weight after it is the baby's).
static HOSPITAL_OF_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:hospital|hosp\.|ospedale|policlinico|cl[íi]nica|clinic|maternidade|maternidad|maternitat|maternit[àa]|centro|centre|institut|instituto|istituto|fundaci[óo]|fundación|hospice|residencia|resid[èe]ncia|casa\s+de\s+repouso|lar)\s+(?:universitari[oa]?\s+|general\s+|provincial\s+)?(?:de\s+la|de\s+l'|del|de|d'|di|della|da|do|dos|das|of)\s*$")
        .expect("hospital-of regex")
});

/// A pet right before the word ("mi perro Toby", "our cat Luna", "il mio gatto Leo"): an
/// animal's name, not a person's.
static PET_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:spaniel|labrador|lab|terrier|retriever|collie|poodle|beagle|chihuahua|pug|dachshund|husky|bulldog|schnauzer|westie|cockapoo|labradoodle|whippet|greyhound|caniche|teckel|galgo|podenco|bodeguero|barboncino|bassotto|dog|doggo|cat|puppy|kitten|pup|pet|horse|pony|rabbit|bunny|hamster|parrot|perr[oa]|perrit[oa]|gat[oa]|gatit[oa]|mascota|gos|gossa|gosset|gat|cane|cagna|cagnolin[oa]|gatt[oa]|gattin[oa]|c[ãa]o|cadela|cachorr[oa]|gatinh[oa]|conejo|conill|coniglio|coelho)\s*[:,(]?\s*$")
        .expect("pet regex")
});

/// The Portuguese personal article ("o Tiago", "a Inês", "ajudem a Bia") or the Spanish
/// personal "a" right before the word: with a known first name, a person.
static PT_ARTICLE_BEFORE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:^|[^\p{L}\d'’])(?:o|a|O|A)\s+$").expect("pt article regex"));

/// A Portuguese or Spanish verb right after the name ("A Carolina tem", "o Vitória está").
static PT_VERB_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s+(?:tem|teve|tinha|está|esta|estava|foi|vai|é|era|fez|anda|precisa|ficou|tá|pegou|apanhou|caiu|quebrou|partiu|torceu|nasceu|acordou|começou|voltou|chegou|saiu|tiene|tuvo|ha|está|fue|lleva|necesita)\b")
        .expect("pt verb regex")
});

/// The Catalan personal article "en"/"na" inside a sentence ("que en Pol té..."), which is
/// also a preposition: a person when a verb follows the known first name.
static CA_ARTICLE_BEFORE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:^|[^\p{L}\d'’])(?:en|na)\s+$").expect("ca article regex"));
static CA_VERB_AFTER: Lazy<Regex> = Lazy::new(|| {
    // ("la família del Marcel, que té": a relative clause too, phi-rules@12.)
    Regex::new(r"^(?:\s*,\s*que)?\s+(?:té|tenia|ha|havia|és|era|està|estava|va|vol|diu|fa|porta|s'ha|s'està|em|m'ha|ens|no)\b")
        .expect("ca verb regex")
});

/// A sign-off before the name that closes a post or a letter: "Signed, Rhiannon Price", "Kind
/// regards, Tom", "Un abrazo, Lola", "Salutacions, Jordi", "Cordiali saluti, Marco",
/// "Cumprimentos, Rui". A full name or a known first name must follow.
static SIGNOFF_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:^|[.!?\n]\s*|\b)(?:signed|regards|kind\s+regards|best\s+regards|warm\s+regards|best\s+wishes|many\s+thanks|yours\s+sincerely|yours\s+faithfully|sincerely|atentamente|saludos|un\s+saludo|un\s+abrazo|besos|salutacions|una\s+abraçada|petons|cordialment|cordiali\s+saluti|distinti\s+saluti|saluti|un\s+abbraccio|baci|cumprimentos|atenciosamente|abraços|beijinhos|beijos)\s*[,:\n-]?\s*$")
        .expect("sign-off regex")
});

/// Kinship titles written before a name ("Uncle Desmond", "Tía Paqui", "Nonno Gino"): the
/// title is not part of the name.
const KIN_TITLES: &[&str] = &[
    "Uncle", "Aunt", "Auntie", "Aunty", "Nan", "Nanna", "Nana", "Gran", "Granny", "Grandma",
    "Grandpa", "Grandad", "Cousin", "Tía", "Tío", "Tia", "Tio", "Tieta", "Tiet", "Zia", "Zio",
    "Nonna", "Nonno", "Avó", "Avô", "Vovó", "Vovô", "Iaia", "Iaio", "Abuela", "Abuelo", "Yaya",
    "Oncle", "Padrino", "Madrina", "Padrinho", "Madrinha",
    // honorifics of older people ("Dona Idalina", "Doña Pura", "Don Anselmo")
    "Dona", "Doña", "Don", "Dom",
];

/// A plea for someone ("help Bia", "ayudad a Hugo", "ajudem o Tiago", "aiutate Samuele"): a
/// known first name after it is a person.
static HELP_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:help|helping|support|ayud(?:a|ad|emos|ar|en)|ajud(?:a|em|eu|ar|e|emos)|aiut(?:a|ate|iamo|are)|apoy(?:a|ad|emos|ar)|recolzem|ajudeu)\s+(?:a\s+|o\s+|al\s+|la\s+|el\s+|en\s+|na\s+|l')?$")
        .expect("help regex")
});

/// News of someone: "update on Ruby", "news of Grace", "noticias de Pilar", "notícies de la
/// Neus", "notizie di Aurora", "novidades da Rita". A known first name after it is a person.
static UPDATE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:update\s+(?:on|for)|news\s+(?:of|on|about)|noticias\s+de|novedades\s+de|not[íi]cies\s+de|notizie\s+(?:di|su)|aggiornamento\s+su|novidades\s+d[aeo]|not[íi]cias\s+d[aeo])\s*(?:la\s+|el\s+|l'|a\s+|o\s+)?:?\s*$")
        .expect("update regex")
});

/// Company mid-sentence: "went with Grace to A&E", "fui con Rosa", "vaig anar amb la Neus",
/// "sono andata con Aurora", "fui com a Rita", "me and Amber": a known first name, even one that
/// is also a word, is a person there.
static WITH_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:\b(?:with|con|amb|com|insieme\s+a|junto\s+a|juntament\s+amb|me\s+and|me\s+y|jo\s+i|io\s+e|eu\s+e)\s+(?:la\s+|el\s+|a\s+|o\s+|en\s+|na\s+)?)$")
        .expect("with regex")
});
/// "Grace and I", "Rosa y yo", "la Neus i jo", "Aurora e io", "a Rita e eu".
static AND_I_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s+(?:and\s+I\b|and\s+me\b|y\s+yo\b|i\s+jo\b|e\s+io\b|e\s+eu\b)")
        .expect("and-I regex")
});

/// One to three initials and a surname ("M. Adeyemi", "J. García", "M. J. Connolly") after a
/// cue.
static INITIAL_NAME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(r"^(?:\p{{Lu}}\.\s?){{1,3}}{TOKEN}(?:-{TOKEN})?"))
        .expect("initial name regex")
});

/// A member of staff placed by their unit, desk or line right after the name (phi-rules@10):
/// "Amy from the early pregnancy unit", "Gemma on the phone", "Sónia da unidade de dor".
static STAFF_UNIT_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s+(?:on|at|from|in|de|del|de\s+la|da|dalla|della|dell'|do|di)\s+(?:the\s+|la\s+|el\s+|l'|il\s+|lo\s+|o\s+|a\s+)?(?:[\p{L}-]+\s+){0,3}?(?:unit|ward|clinic|team|department|desk|phones?|line|switchboard|unidad|unitat|unità|unidade|planta|servicio|servei|servizio|serviço|reparto|equipo|equip|equipe|centralita|centraleta|centralino)\b")
        .expect("staff unit regex")
});

/// A role and an opening bracket right before the name: "La higienista (Vane)", "the porter
/// (Dev)", "l'infermiera (Sara)".
static ROLE_PAREN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:hygienist|higienista|igienista|nurse|enfermer[oa]|infermer[ao]|infermier[ae]|enfermeir[oa]|receptionist|recepcionista|receptionist|doctor|doctora|dottor\w*|doutor[a]?|physio|fisio\w*|midwife|matrona|llevadora|ostetrica|parteira|carer|cuidador[a]?|badante|porter|celador[a]?|zelador[a]?|technician|t[ée]cnic[oa]|tècnic[a]?|tecnic[oa]|dentist|dentista|driver|conductor[a]?|autista|motorista|auxiliar|therapist|terapeuta|surgeon|cirujan[oa]|chirurgo|cirurgi[ãa]o|anaesthetist|anestesista|paramedic|consultant|gp|m[ée]dic[oa]|metge|metgessa|psic\p{L}+|cleaner|volunteer|voluntari[oa]|secretary|secretari[oa]|segretari[oa]|agent|agente|atendente|operator|operadora|operatore|advisor|asesor[a]?)\s*\(\s*$")
        .expect("role paren regex")
});

/// A document or a wallet and whose it is: "el DNI de", "the passport of", "documentos de",
/// "la tessera sanitaria di", "o cartão de cidadão de".
static DOCUMENT_OF: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:dni|nie|nif|passport|pasaporte|passaporto|passaporte|id\s+card|driving\s+licen[cs]e|carn[eé]t?(?:\s+de\s+conducir)?|tarjeta(?:\s+sanitaria)?|targeta(?:\s+sanit[àa]ria)?|tessera(?:\s+sanitaria)?|carta\s+d'identit[àa]|documentos?|documents?|documenti|documentaci[óo]n|documentaci[óo]|documenta[çc][ãa]o|cart[ãa]o(?:\s+de\s+cidad[ãa]o|\s+de\s+utente)?|wallet|purse|cartera|monedero|portafoglio|portafogli|carteira|bank\s+card|bankcard)\s+(?:de|del|di|do|da|of|belonging\s+to)\s*$")
        .expect("document-of regex")
});

/// Spoken to right after the name: "Marta tienes razón", "Jess if you're reading this",
/// "Giulia hai ragione", "Rita tens razão".
static VOCATIVE_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:if\s+you|you|you're|you’re|you've|your|thank\s+you|tienes|tenías|tens|tenies|hai|avevi|tinhas|eres|ets|sei|estás|estàs|stai|você|vc|te\s+quiero|t'estimo|ti\s+voglio)\b")
        .expect("vocative regex")
});

/// A role named with a possessive, then the name in apposition: "Mi traumatólogo, el Dr.",
/// "La mia ginecologa, la dottoressa", "Su neuróloga, la doctora", "my GP, Dr": the author's
/// own doctor (whatever they are reported saying), never a public figure.
static POSSESSIVE_ROLE_APPOSITION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:my|our|his|her|their|mi|mis|su|sus|tu|nuestr[oa]|meu|meva|nostre|nostra|seu|seva|mio|mia|nostro|suo|sua|minha|nossa|nosso)\s+[\p{L}-]+\s*,\s*(?:(?:el|la|il|lo|the|o|a|l')\s*)?(?:dr|dra|dott|dott\.ssa|dottor|dottoressa|doctor|doctora|prof|professor|professore|professora|professoressa|doutor|doutora|mr|mrs|ms|miss|sr|sra|senyor|senyora|señor|señora|signor|signora)?\.?\s*$")
        .expect("possessive role apposition regex")
});

/// Having, right after the name ("Chiara ha", "Rosa tiene", "Grace has had"): a condition
/// named next makes the word a person.
static HAS_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s+(?:has\s+had|has|had|ha\s+avuto|ha|aveva|ha\s+tenido|tiene|tenía|ha\s+tingut|té|tenia|tem|tinha|teve|is\s+living\s+with|vive\s+con|viu\s+amb|vive\s+com|convive\s+con|convive\s+com|conviu\s+amb)\s")
        .expect("has regex")
});

/// Where a patient lies, right after the name (phi-rules@11): "seu Juvenal do leito 7",
/// "l'Engràcia, de l'habitació 9", "the lady in bay 4", "la signora della stanza 12".
static BED_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*,?\s*(?:in|from|at|of|do|da|de|del|della|dalla|nella|de\s+la|de\s+l'|en\s+la|a\s+l'|no|na)\s*(?:the\s+|la\s+|l'|o\s+|a\s+)?(?:bed|bay|room|side\s+room|cama|habitaci[óo]n|habitaci[óo]|llit|box|leito|quarto|cama|letto|stanza|camera)\s*(?:n[º°o]\.?\s*)?\d{1,3}\b")
        .expect("bed regex")
});

/// A care role right after the name with an article and no comma (phi-rules@11): "Raj the
/// porter", "Sandra la enfermera", "Gino l'infermiere".
static ROLE_AFTER_THE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s+(?:the|our|la|el|il|l'|lo|o|a)\s*(?:porter|nurse|midwife|physio|hca|healthcare\s+assistant|cleaner|receptionist|carer|paramedic|enfermer[oa]|matrona|llevadora|celador[a]?|auxiliar|infermer[ao]|infermier[ae]|ostetrica|enfermeir[oa]|zelador[a]?|fisio\w*)\b")
        .expect("role-after-the regex")
});

/// What closes a post after a signature: punctuation, emoji, nothing else.
static POST_END: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[\s\p{P}\p{S}\u{fe0f}\u{200d}]*$").expect("post end regex"));

/// A dash or a sign-off right before a name that closes the post (phi-rules@11): "— Bex",
/// "Thanks, Ifeoma", "... solo los papeles. Pedro".
static SIGNATURE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:[—–-]\s*|(?:^|[.!?\n]\s*)(?:thanks|thank\s+you|cheers|ta|gracias|gràcies|grazie|obrigad[oa]|merci|love|xx)\s*[,!]?\s*)$")
        .expect("signature regex")
});

/// Screen fiction and its cast (phi-rules@11): "episode 9 of The Pitt", "the new season",
/// "deserves every award", "la serie", "la fiction": the names are characters and actors.
static SCREEN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:episode|season\s+\d|series\s+\d|tv\s+series|box\s*set|sitcom|netflix|hbo|disney\+|prime\s+video|deserves\s+(?:an?|every)\s+(?:award|emmy|bafta|oscar)|episodio|episodi|capítulo|capítol|temporada|puntata|stagione|serie\s+tv|fiction\s+rai|telenovela|novela\s+das|série|actor|actress|actriz|actriu|attore|attrice|ator|atriz)\b")
        .expect("screen regex")
});

/// A public life praised right after the name (phi-rules@11): "Concha Velasco, qué actriz",
/// "X was a legend of oncology", "va ser un referent de l'oncologia".
static PUBLIC_PRAISE_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*(?:,\s*(?:qué|que|what\s+an?|quin|quina|che|quanto|quanta)\s+(?:actriz|actor|actriu|actress|attrice|attore|atriz|ator|cantante|cantant|singer|artista|artist|legend|leyenda|llegenda|leggenda|lenda|genio|geni|genius|músic[oa]?|musician|escritor[a]?|escriptor[a]?|writer|scrittrice|scrittore)|\s+(?:was|is|va\s+ser|és|fue|es|è\s+stat[oa]|è|foi|é)\s+(?:a\s+|an\s+|un[a]?\s+|uno\s+|um[a]?\s+)?(?:referent[e]?|eminencia|eminència|luminare|pioneer|pionero|pioner|pioniere|pioneiro|legend|leyenda|llegenda|leggenda|lenda|icon|icono|icona|ícone|world\s+leader|giant|gigante)\b)")
        .expect("public praise regex")
});

/// A place preposition right before the word: "of Dayton, passed away" names the town, not the
/// one who died.
/// A title or a cue right before `s`: such a word is a person wherever it stands.
fn titled_or_cued_here(text: &str, s: usize) -> bool {
    TITLE.is_match(tail_of(text, s, 30)) || CUE.is_match(&before(text, s, 60))
}

static PLACE_PREP_BEFORE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)\b(?:of|from|in|near|at)\s+$").expect("place preposition regex"));

/// (phi-rules@12) A role or job right before the name, a comma allowed: "district nurse
/// Gemma", "our skipper Cal Mackie", "the receptionist, Tiffany,", "Head of Midwifery,
/// Oluwaseun Bakare", "el entrenador Pau", "l'allenatore Marco". Staff so named are counted
/// even as the subject of reported speech ("nurse Gemma says").
static STAFF_BEFORE: Lazy<Regex> = Lazy::new(|| {
    // (Captains, coaches, managers, teachers and heads are public in the news, "cricket
    // captain X tested positive": only one's own, "our skipper", "our new Head of Midwifery".)
    Regex::new(r"(?i)(?:\b(?:nurse|sister|matron|midwife|porter|physio|carer|receptionist|ward\s+clerk|enfermer[oa]|matrona|recepcionista|infermer[ao]|infermier[ae]|enfermeir[oa]|rececionista)|\b(?:our|my|your|nuestr[oa]|mi|el\s+nostre|la\s+nostra|il\s+nostro|o\s+nosso|a\s+nossa)\s+(?:new\s+|nuev[oa]\s+|nou\s+|nova\s+|nuov[oa]\s+|novo\s+)?(?:skipper|captain|coach|manager|teacher|head\s+of\s+[\p{L}&]+(?:\s+[\p{L}&]+)?|secretary|entrenador[a]?|capit[aá]n|capità|secretari[oa]|allenatore|capitano|segretari[oa]|treinador[a]?|capitão|profe|profesor[a]?|professor[a]?|maestr[ao]|mestre))\s*,?\s*$")
        .expect("staff-before regex")
});

/// (phi-rules@12) A pet described right after its name: "Reggie (our 9 year old lab)", "Lola
/// (mi perrita de 12 años)", "Milo, il nostro gatto".
static PET_AFTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^\s*[,(]\s*(?:(?:my|our|mi|nuestr[oa]|el\s+meu|la\s+meva|el\s+nostre|la\s+nostra|il\s+mio|la\s+mia|il\s+nostro|la\s+nostra|o\s+meu|a\s+minha|o\s+nosso|a\s+nossa|the|a|an|un|una|el|la|il)\s+)?(?:[\w-]+\s+){0,4}?(?:spaniel|labrador|lab|terrier|retriever|collie|poodle|beagle|chihuahua|pug|dachshund|husky|bulldog|schnauzer|westie|cockapoo|labradoodle|whippet|greyhound|caniche|teckel|galgo|podenco|bodeguero|barboncino|bassotto|dog|doggo|cat|puppy|kitten|pup|pet|horse|pony|rabbit|bunny|hamster|parrot|perr[oa]|perrit[oa]|gat[oa]|gatit[oa]|mascota|gos|gossa|gosset|gat|cane|cagna|cagnolin[oa]|gatt[oa]|gattin[oa]|c[ãa]o|cadela|cachorr[oa]|gatinh[oa]|conejo|conill|coniglio|coelho)\b")
        .expect("pet-after regex")
});

/// (phi-rules@12) A medical centre's, clinic's or practice's own name: "Centro Medico Salus",
/// "Clínica Dental Sonrisas", "Studio Medico Aurora".
static MEDICAL_ORG_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:centro|centre|center|clínica|clinica|clinic|studio|poliambulatorio|ambulatorio|consultorio|consultori|policlínica|policlinica|medical|dental|veterinary)\s+(?:m[eéè]dic[oa]?|dental|odontol[oò]gic[oa]?|veterinari[oa]?|sanitari[oa]?|centre|center|clinic|practice)?\s*$")
        .expect("medical org regex")
});

/// (phi-rules@12) A place after "in the / en el / nel", however its name looks: "ha dado a luz
/// en el Materno, 3,2 kilos".
static IN_THE_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:in\s+the|at\s+the|en\s+el|en\s+la|a\s+l'|al|nel|nella|all'|no|na)\s+$")
        .expect("in-the regex")
});

pub(crate) fn names(text: &str, out: &mut Vec<Cand>) {
    chat_speakers(text, out);
    static CAP: Lazy<Regex> = Lazy::new(|| Regex::new(r"\p{Lu}").expect("cap regex"));
    let mut seen_end = 0;
    // End of the last name taken: a capitalised word listed right after it is a name too.
    let mut last_name_end: Option<usize> = None;
    for cap in CAP.find_iter(text) {
        let s = cap.start();
        if s < seen_end {
            continue;
        }
        // Only at the start of a word, or right after the elided personal article of Catalan
        // ("l'Arnau", "L'Ona"), which counts as a cue when a known first name follows.
        let elided_article = elided_article_before(text, s);
        let intro = INTRO_BEFORE.is_match(tail_of(text, s, 40));
        // (An apostrophe that opens a quotation, after a space or a colon, starts a word:
        // "Reminder: 'Maria do Carmo Teixeira, ...'".)
        let opening_quote = {
            let mut it = text[..s].chars().rev();
            matches!(it.next(), Some('\'' | '’')) && !it.next().is_some_and(char::is_alphanumeric)
        };
        if !elided_article
            && !opening_quote
            && text[..s]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '@' | '#'))
        {
            continue;
        }
        // "name on it M. Adeyemi": an initial and a surname right after a cue.
        if let Some(m) = INITIAL_NAME.find(&text[s..]) {
            if CUE.is_match(&before(text, s, 60)) || TITLE.is_match(tail_of(text, s, 30)) {
                out.push(Cand::new(s, s + m.end(), PhiType::PersonName, 45, None));
                seen_end = s + m.end();
                last_name_end = Some(seen_end);
                continue;
            }
        }
        let Some(len) = name_at(text, s) else {
            continue;
        };
        let e = s + len;
        let name = &text[s..e];
        let words: Vec<&str> = name.split_whitespace().collect();
        // "RIP Uncle Desmond": the name starts after the title (the title is its cue).
        if words.len() >= 2 && KIN_TITLES.contains(&words[0]) {
            continue;
        }
        // "Don Teodoro Villalobos Arranz", "Doña Pura Sanz": an older person's honorific before
        // a full name (phi-rules@11); "Don Benito" alone is a town.
        static HONORIFIC_BEFORE: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"(?:^|[^\p{L}])(?:Don|Doña|Dona|Dom|Dña\.?)\s+$").expect("honorific regex")
        });
        let honoured = HONORIFIC_BEFORE.is_match(tail_of(text, s, 8)) && words.len() >= 2;
        let first_known = first_names().contains(words[0]);
        let bed = BED_AFTER.is_match(&text[e..]) && !NOT_EVENT_SUBJECTS.contains(&words[0]);
        // ("La meva sogra, l'Antònia Masdéu": a full name after a cue and the article.)
        let cued_article = words.len() >= 2
            && elided_article
            && CUE.is_match(&before(text, article_start(text, s), 60));
        if elided_article && !first_known && !intro && !bed && !cued_article {
            continue;
        }
        // "I'm Going Home": an introduction needs a known first name or a full name.
        // (A full name of unknown words only after a greeting: "Hi, I'm Kayla Brooks", not
        // "I'm Going Home"; one unknown word is enough after an article: "sóc l'Eduard".)
        let greeted_intro = GREETED_INTRO.is_match(tail_of(text, s, 50));
        let intro = intro
            && (first_known
                || (greeted_intro && (2..=3).contains(&words.len()))
                || elided_article
                || personal_article(text, s));
        let prev = before(text, s, 60);
        // "la Núria", "el Pau", "en Pol", "l'Arnau": Catalan (and colloquial Spanish) put an
        // article before a first name; after a place word ("Hospital La Paz") it is a place.
        let unambiguous = first_known && !AMBIGUOUS_FIRST.contains(&words[0]);
        let article = first_known
            && !PLACES_WITH_ARTICLE.contains(&words[0])
            && (elided_article
                || personal_article(text, s)
                || (unambiguous && contracted_article(text, s))
                || ((unambiguous || PT_VERB_AFTER.is_match(&text[e..]))
                    && PT_ARTICLE_BEFORE.is_match(tail_of(text, s, 4))
                    && !PUBLIC_CONTEXT_BEFORE.is_match(tail_of(text, s, 40)))
                || (CA_ARTICLE_BEFORE.is_match(tail_of(text, s, 5))
                    && (unambiguous || CA_VERB_AFTER.is_match(&text[e..]))))
            && !INSTITUTION_BEFORE.is_match(tail_of(text, article_start(text, s), 30));
        let kin_paren = KIN_PAREN.is_match(&prev);
        // (Not at a sentence start, where any noun is capitalised: "Fax de admisión".)
        let mid_sentence = text[..s]
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | '\n' | '"' | '('));
        // ("Amy from the early pregnancy unit was so kind": a known first name may open the
        // sentence.)
        let staff = (STAFF_AFTER.is_match(&text[e..]) && mid_sentence
            || STAFF_UNIT_AFTER.is_match(&text[e..]) && (mid_sentence || first_known))
            && words.len() <= 2
            && !NOT_EVENT_SUBJECTS.contains(&words[0]);
        // "La higienista (Vane)", "the porter (Dev)": a role and the name in brackets.
        let role_paren = ROLE_PAREN.is_match(&prev) && text[e..].trim_start().starts_with(')');
        // "el DNI de Aurelio Gómez", "documents of Ana Costa": whose document it is.
        let document_of = DOCUMENT_OF.is_match(tail_of(text, s, 40))
            && (first_known || words.len() >= 2)
            && !NOT_EVENT_SUBJECTS.contains(&words[0]);
        // "Marta tienes razón", "Jess if you're reading this": a known first name opening a
        // sentence and spoken to.
        let sentence_start = text[..s]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && !matches!(c, ',' | ';' | '\'' | '’' | '-'));
        let vocative = sentence_start
            && first_known
            && words.len() <= 2
            && VOCATIVE_AFTER.is_match(&text[e..])
            && !NOT_EVENT_SUBJECTS.contains(&words[0])
            && !NOT_NAMES.contains(&words[0]);
        // "thanks to Siobhan, Tariq and Priya": the next item of a list of names.
        // ("CALLER (Jim, Swindon)": after a comma alone, an unknown word must go on the list.)
        static LIST_GOES_ON: Lazy<Regex> =
            Lazy::new(|| Regex::new(r"^\s*(?:,|\s(?:and|y|i|e|&)\s)").expect("list goes on regex"));
        let listed = last_name_end.is_some_and(|le| {
            le <= s
                && LIST_JOIN.is_match(&text[le..s])
                && (first_known
                    || !text[le..s].trim().starts_with(',')
                    || text[le..s].trim().len() > 1
                    || LIST_GOES_ON.is_match(&text[e..]))
                && !NOT_EVENT_SUBJECTS.contains(&words[0])
        });
        // "... Thanks, Ifeoma", "— Bex": a name that closes the post after a sign-off or a dash.
        let signature = words.len() <= 2
            && POST_END.is_match(&text[e..])
            && (SIGNATURE_BEFORE.is_match(tail_of(text, s, 20))
                || (first_known
                    && text[..s]
                        .trim_end()
                        .chars()
                        .next_back()
                        .is_some_and(|c| matches!(c, '.' | '!' | '?'))))
            && !NOT_EVENT_SUBJECTS.contains(&words[0])
            && !NOT_NAMES.contains(&words[0]);
        // (A known first name closed by a comma or "!": "Hi Team," and "Morning Glasgow!" are
        // no one's.)
        let greeted = GREETING_BEFORE.is_match(tail_of(text, s, 20))
            && first_known
            && words.len() <= 2
            && text[e..]
                .trim_start()
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '(' && c != '\'')
            && !NOT_EVENT_SUBJECTS.contains(&words[0]);
        let staff_cue = STAFF_BEFORE.is_match(tail_of(text, s, 40));
        let cued = article
            || staff_cue
            || (first_known && HELP_BEFORE.is_match(tail_of(text, s, 20)))
            || (first_known && UPDATE_BEFORE.is_match(tail_of(text, s, 20)))
            || (first_known
                && words.len() <= 2
                && (WITH_BEFORE.is_match(tail_of(text, s, 20))
                    || AND_I_AFTER.is_match(&text[e..]))
                && !NOT_EVENT_SUBJECTS.contains(&words[0])
                && !PLACES_WITH_ARTICLE.contains(&words[0]))
            || ((first_known || words.len() >= 2)
                && SIGNOFF_BEFORE.is_match(tail_of(text, s, 30))
                && !NOT_EVENT_SUBJECTS.contains(&words[0]))
            || greeted
            || kin_paren
            || role_paren
            || signature
            || honoured
            || cued_article
            || (bed && (first_known || words.len() >= 2 || mid_sentence || elided_article))
            || ROLE_AFTER_THE.is_match(&text[e..])
            || document_of
            || vocative
            || staff
            || listed
            || ROLE_WAS.is_match(&prev)
            || BIRTH_WEIGHT_AFTER.is_match(&text[e..])
            || CUE.is_match(&prev)
            || intro
            || FAMILY_CUE.is_match(tail_of(text, s, 40))
            || (ADDRESSEE_CUE.is_match(tail_of(text, s, 40))
                && (first_known || words.len() >= 2)
                && !NOT_EVENT_SUBJECTS.contains(&words[0]))
            || (AGE_AFTER.is_match(&text[e..])
                && !PLACE_PREP_BEFORE.is_match(tail_of(text, s, 8))
                // ("Update (2)", "Part (3)": a bare number after one unknown word is a count.)
                && (first_known || words.len() >= 2 || AGE_UNIT_AFTER.is_match(&text[e..])))
            || APPOSITION.is_match(&text[e..])
            || ROLE_APPOSITION.is_match(&text[e..]);
        let kin = kin_paren
            || KIN_BEFORE.is_match(&prev)
            || POSSESSIVE_ROLE_APPOSITION.is_match(&prev)
            || APPOSITION.is_match(&text[e..]);
        let near = tail_of(text, s, 30);
        let titled = TITLE.is_match(near);
        let possessive = text[e..].starts_with("'s") || text[e..].starts_with("’s");
        let institution = INSTITUTION_BEFORE.is_match(near);
        if SAINT_BEFORE.is_match(near) {
            continue;
        }
        if HOSPITAL_OF_BEFORE.is_match(near)
            || PET_BEFORE.is_match(near)
            || PET_AFTER.is_match(&text[e..])
            || MEDICAL_ORG_BEFORE.is_match(near)
            || (IN_THE_BEFORE.is_match(near) && !first_known && !titled_or_cued_here(text, s))
        {
            seen_end = e;
            continue;
        }
        // A hospital named after a person: its later words ("Giovanni" in "Papa Giovanni
        // XXIII") are the hospital too.
        if let Some(h) = NAMED_HOSPITALS.iter().find(|h| text[s..].starts_with(*h)) {
            seen_end = s + h.len();
            continue;
        }
        // A regnal number after the name ("Giovanni XXIII", "Felipe VI", "Joan XXIII"): a pope
        // or a monarch, or the hospital named after one.
        if REGNAL_AFTER.is_match(&text[e..]) {
            seen_end = e;
            continue;
        }
        // A role word, then a first name and "de (la)" + a capitalised word: the member of
        // staff and where they work ("la matrona Encarni de la Arrixaca").
        let (e, name, words) = match staff_from_place(text, s, &words) {
            Some(cut) => (cut, &text[s..cut], vec![&text[s..cut]]),
            None => (e, name, words),
        };
        // "Chiara ha la sclerosi multipla", "Rosa tiene diabetes": a known first name, even one
        // that is also a word, as the subject who has a condition.
        let has_condition = first_known
            && HAS_AFTER.find(&text[e..]).is_some_and(|m| {
                let rest: String = text[e + m.end()..].chars().take(40).collect();
                super::disclosure::mentions_condition(&rest)
            });
        let event = !NOT_EVENT_SUBJECTS.contains(&words[0])
            && words.len() <= 3
            && (PERSON_EVENT_AFTER.is_match(&text[e..]) || has_condition);
        // "of Dayton, passed away", "from Pune India died": the place, all its words.
        if event && !cued && !titled && PLACE_PREP_BEFORE.is_match(near) {
            seen_end = e;
            continue;
        }
        let accept = if cued || titled {
            true
        } else if event || (first_known && (words.len() >= 2 || possessive)) {
            !institution
        } else {
            // A lone first name counts unless it is also a common word ("Grace", "Rosa").
            first_known && !AMBIGUOUS_FIRST.contains(&words[0]) && !institution
        };
        // "3 March", "the 2nd of May": a month after a day number, not a name.
        if !accept || DAY_BEFORE.is_match(near) {
            continue;
        }
        // "talk by Dr X": the credit may come before the title.
        let before_title = if titled {
            TITLE.find(near).map_or(near, |t| &near[..t.start()])
        } else {
            near
        };
        let public_context = (PUBLIC_CONTEXT_BEFORE.is_match(before_title) && !cued && !kin)
            || (!kin && PUBLIC_PRAISE_AFTER.is_match(&text[e..]))
            || (!kin && !CUE.is_match(&prev) && SCREEN.is_match(text))
            || PUBLIC_TITLE_BEFORE.is_match(near)
            || (!kin && PUBLIC_AFTER.is_match(&text[e..]));
        if ORG_AFTER.is_match(&text[e..]) {
            seen_end = e;
            continue;
        }
        if is_public(name) || public_context {
            // Its later words ("Maria Argimon" in "Josep Maria Argimon") are the same person.
            seen_end = e;
            continue;
        }
        if !kin && !staff_cue && REPORTING.is_match(&text[e..]) {
            continue;
        }
        seen_end = e;
        last_name_end = Some(e);
        out.push(Cand::new(
            s,
            e,
            PhiType::PersonName,
            if cued { 45 } else { 40 },
            None,
        ));
    }
    // "Precious and Tunde", "Zaid and Maryam": a known first name (even one that is also a
    // word) joined by "and" to a name taken is a name too.
    static BEFORE_AND: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(\p{Lu}\p{Ll}+)\s*(?:,|\s(?:and|y|i|e|&))\s+(?:(?:la|el|il|o|a)\s+)?(?:(?:Dr|Dra|Dott|Prof|Mr|Mrs|Ms|Miss|Sr|Sra)\.?\s+)?$")
            .expect("before-and regex")
    });
    let taken: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == PhiType::PersonName)
        .map(|c| (c.start, c.end))
        .collect();
    for (s, _) in taken {
        if let Some(c) = BEFORE_AND.captures(tail_of(text, s, 40)) {
            let w = c.get(1).expect("word");
            let ws = s - tail_of(text, s, 40).len() + w.start();
            let we = ws + w.len();
            let free = !out.iter().any(|c| c.start < we && ws < c.end);
            let word_start = !text[..ws]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '@' | '#'));
            let near = tail_of(text, ws, 30);
            // ("especially Tasha and Dr Nwachukwu-Jones": joined to a titled name, mid-sentence,
            // an unknown word is a name too.)
            let titled_partner = TITLE.is_match(tail_of(text, s, 12))
                && !NOT_NAMES.contains(&w.as_str())
                && text[..ws]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == ',');
            if free
                && word_start
                && (first_names().contains(w.as_str()) || titled_partner)
                && !NOT_EVENT_SUBJECTS.contains(&w.as_str())
                && !PLACES_WITH_ARTICLE.contains(&w.as_str())
                && !INSTITUTION_BEFORE.is_match(near)
                && !SAINT_BEFORE.is_match(near)
            {
                out.push(Cand::new(ws, we, PhiType::PersonName, 40, None));
            }
        }
    }
    // (phi-rules@13) A pasted record's patient line in "SURNAME(S), Given names" order
    // ("Patient: MORRIS, Glenda Ann", "Paciente: GARCÍA PONS, Rafael", "Paziente: ROSSI, Anna"):
    // the whole is one name.
    static RECORD_NAME: Lazy<Regex> = Lazy::new(|| {
        Regex::new(&format!(
            r"(?i:patient|paciente|pacient|paziente|utente|name|nombre|nom|nome)\s*:\s*(\p{{Lu}}{{2,}}(?:[ \t-]+\p{{Lu}}{{2,}}){{0,2}},\s*{TOKEN}(?:\s+{TOKEN}){{0,2}})"
        ))
        .expect("record name regex")
    });
    for c in RECORD_NAME.captures_iter(text) {
        if let Some(m) = c.get(1) {
            out.push(Cand::new(m.start(), m.end(), PhiType::PersonName, 60, None));
        }
    }
    // (phi-rules@13) A name right before a date-of-birth label on a bracelet, a label or a
    // form ("'Brianna Sandoval · DOB 04/17/1996", "Joan Puig, data de naixement"): the holder's.
    static BEFORE_DOB: Lazy<Regex> = Lazy::new(|| {
        Regex::new(&format!(
            r"(?:^|[^\p{{L}}])({TOKEN}(?:\s+(?:{PARTICLE}\s+)?{TOKEN}){{1,3}})\s*[·,|;–—-]\s*(?:DOB|D\.O\.B|(?i:date\s+of\s+birth|born|f\.\s?nac|fecha\s+de\s+nacimiento|data\s+de\s+naixement|nat[oa]\s+il|data\s+di\s+nascita|data\s+de\s+nascimento|nascid[oa]\s+em))\b"
        ))
        .expect("before-dob regex")
    });
    for c in BEFORE_DOB.captures_iter(text) {
        if let Some(m) = c.get(1) {
            let first = m.as_str().split_whitespace().next().unwrap_or("");
            if !NOT_NAMES.contains(&first) && !is_public(m.as_str()) {
                out.push(Cand::new(m.start(), m.end(), PhiType::PersonName, 55, None));
            }
        }
    }
    // A full name written in capitals in a pasted reminder or label ("Dear PATRICIA LOWE,",
    // "Paciente: MARTA SOLÍS.", "Gentile ROSSI ANNA,"): two or three words in capitals after a
    // cue, or led by a known first name, in a post that is not shouted as a whole.
    static CAPS_WORD: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"\b\p{Lu}{3,}\b").expect("caps word regex"));
    static CAPS_TOKEN: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"\b\p{Lu}{2,}\b").expect("caps token regex"));
    static CAPS_RUN: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"\b\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}){1,2}\b").expect("caps run regex")
    });
    let lower_count = text.chars().filter(|c| c.is_lowercase()).count();
    let upper_count = text.chars().filter(|c| c.is_uppercase()).count();
    if lower_count > upper_count {
        for m in CAPS_RUN.find_iter(text) {
            let title = |w: &str| -> String {
                let mut cs = w.chars();
                cs.next()
                    .into_iter()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            };
            // The run ends at its first word that no name has ("MATEO IS HOME").
            let mut end = m.start();
            let mut count = 0;
            for w in CAPS_TOKEN.find_iter(m.as_str()) {
                if CAPS_STOP.contains(&w.as_str())
                    || NOT_NAMES.contains(&title(w.as_str()).as_str())
                {
                    break;
                }
                end = m.start() + w.end();
                count += 1;
            }
            if count < 2 {
                continue;
            }
            let first = title(m.as_str().split_whitespace().next().unwrap_or(""));
            let near = tail_of(text, m.start(), 30);
            let cue = CUE.is_match(&before(text, m.start(), 60))
                || GREETING_BEFORE.is_match(tail_of(text, m.start(), 20))
                || TITLE.is_match(near);
            let led = first_names().contains(first.as_str())
                && !AMBIGUOUS_FIRST.contains(&first.as_str());
            if (cue || led) && !INSTITUTION_BEFORE.is_match(near) && !SAINT_BEFORE.is_match(near) {
                out.push(Cand::new(m.start(), end, PhiType::PersonName, 46, None));
            }
        }
    }
    // Shouted posts: a known first name written in capitals ("HELP FOR MATEO", "MY SON
    // OLIVER"), unless it is also a common word or names a hospital or a saint.
    for m in CAPS_WORD.find_iter(text) {
        let mut cs = m.as_str().chars();
        let title: String = cs
            .next()
            .into_iter()
            .chain(cs.flat_map(char::to_lowercase))
            .collect();
        let near = tail_of(text, m.start(), 30);
        let taken = out.iter().any(|c| c.start < m.end() && m.start() < c.end);
        let hospital = NAMED_HOSPITALS.iter().any(|h| {
            text[m.start()..]
                .to_uppercase()
                .starts_with(&h.to_uppercase())
        });
        if first_names().contains(title.as_str())
            && !AMBIGUOUS_FIRST.contains(&title.as_str())
            && !NOT_EVENT_SUBJECTS.contains(&title.as_str())
            && !NOT_NAMES.contains(&title.as_str())
            && !taken
            && !hospital
            && !INSTITUTION_BEFORE.is_match(near)
            && !SAINT_BEFORE.is_match(near)
        {
            out.push(Cand::new(m.start(), m.end(), PhiType::PersonName, 40, None));
        }
    }
    // All-lower-case posts: "my cousin tomasz was admitted"; and all-caps ones ("MY SON KAI WAS
    // ...") read lower-cased, when lower-casing keeps the offsets.
    let lowered = text.to_lowercase();
    let caps = lowered.len() == text.len() && lowered != text;
    let lower_hits = LOWER_KIN_NAME.captures_iter(text).map(|c| (c, false));
    let caps_hits = LOWER_KIN_NAME
        .captures_iter(if caps { lowered.as_str() } else { "" })
        .map(|c| (c, true));
    for (c, from_caps) in lower_hits.chain(caps_hits) {
        let w = c.get(1).expect("name group");
        let word = w.as_str();
        // (From the lower-cased text, only words written all in capitals, kinship word too.)
        if from_caps {
            let kin_start = c.get(0).expect("match").start();
            let orig = &text[kin_start..w.end()];
            if orig.chars().any(char::is_lowercase) {
                continue;
            }
        }
        if LOWER_NOT_NAMES.contains(&word) || word.ends_with("ly") {
            continue;
        }
        let capitalised = with_capital(word);
        // The verb right after the name, or after one more lower-case word (the surname).
        let src = if from_caps { lowered.as_str() } else { text };
        // ("minha vó dona cida pegou covid": an honorific before the lower-case word.)
        let whole = c.get(0).expect("match");
        static HONORIFIC: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"\b(?:dona|don|doña|seu|sr|sra|signora|signor|senyora|senyor)\.?\s+$")
                .expect("honorific regex")
        });
        let honorific = HONORIFIC.is_match(&src[whole.start()..w.start()]);
        let mut next = src[w.end()..].split_whitespace();
        let (w2, w3) = (next.next().unwrap_or(""), next.next().unwrap_or(""));
        let surname = w2.len() >= 3
            && w2
                .chars()
                .all(|c| c.is_lowercase() || c == '\'' || c == '’' || c == '-')
            && !LOWER_NOT_NAMES.contains(&w2)
            && !LOWER_VERBS.contains(&w2)
            && LOWER_VERBS.contains(&w3);
        let verb = LOWER_VERBS.contains(&w2) || surname;
        // ("mi prima maria jose": a compound first name, both words known.)
        let compound = |x: &str| -> bool {
            first_names().contains(with_capital(x).as_str()) && !LOWER_NOT_NAMES.contains(&x)
        };
        let end = if surname || (compound(word) && compound(w2)) {
            w.end() + src[w.end()..].find(w2).unwrap_or(0) + w2.len()
        } else {
            w.end()
        };
        if verb || honorific || first_names().contains(capitalised.as_str()) {
            out.push(Cand::new(w.start(), end, PhiType::PersonName, 40, None));
        }
    }
    // (phi-rules@12) A surname in lower case after an abbreviated title: "el dr puigdollers és
    // el millor", "la dra ferrer", "il dott rossi" (not "dr appointment", "dr who").
    static LOWER_TITLE_NAME: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"\b(?:dr|dra|dott|dottssa|dott\.ssa|drª)\.?\s+(\p{Ll}[\p{Ll}'’-]{3,})\b")
            .expect("lower title name regex")
    });
    const NOT_AFTER_TITLE: &[&str] = &[
        "appointment",
        "appt",
        "visit",
        "visits",
        "note",
        "notes",
        "letter",
        "office",
        "surgery",
        "house",
        "who",
        "said",
        "says",
        "told",
        "that",
        "then",
        "cita",
        "visita",
        "nota",
        "consulta",
        "que",
        "della",
        "dell",
        "del",
        "de",
        "di",
        "do",
        "da",
        "dos",
        "das",
        "les",
        "los",
        "las",
        "una",
        "uno",
        "quien",
        "qui",
        "chi",
        "ha",
        "és",
        "era",
        "told",
        "gave",
        "didn't",
        "was",
    ];
    for c in LOWER_TITLE_NAME.captures_iter(text) {
        let w = c.get(1).expect("name group");
        let word = w.as_str();
        if LOWER_NOT_NAMES.contains(&word)
            || LOWER_VERBS.contains(&word)
            || NOT_AFTER_TITLE.contains(&word)
        {
            continue;
        }
        out.push(Cand::new(w.start(), w.end(), PhiType::PersonName, 40, None));
    }
    // A post written all in lower case ("saw ellie from school", "shoutout to kelly on ward
    // 7"): a known first name that is no ordinary word in any of the five languages is a name
    // wherever it stands (not after a saint's or a hospital's word).
    if !text.chars().any(char::is_uppercase) {
        static LOWER_WORD: Lazy<Regex> =
            Lazy::new(|| Regex::new(r"\b\p{Ll}[\p{Ll}'’-]{2,}\b").expect("lower word regex"));
        for w in LOWER_WORD.find_iter(text) {
            let word = w.as_str();
            let capitalised = with_capital(word);
            let near = tail_of(text, w.start(), 30);
            let taken = out.iter().any(|c| c.start < w.end() && w.start() < c.end);
            if first_names().contains(capitalised.as_str())
                && !AMBIGUOUS_FIRST.contains(&capitalised.as_str())
                && !LOWER_COMMON_WORDS.contains(&word)
                && !LOWER_NOT_NAMES.contains(&word)
                && !taken
                && !SAINT_BEFORE.is_match(near)
                && !INSTITUTION_BEFORE.is_match(near)
                && !HOSPITAL_OF_BEFORE.is_match(near)
                && !PET_BEFORE.is_match(near)
                && !near.ends_with("hospital ")
                && !NAMED_HOSPITALS
                    .iter()
                    .any(|h| text[w.start()..].starts_with(&h.to_lowercase()))
                && !text[..w.start()].ends_with(['@', '#', '/', '.'])
                && !reported_after(&text[w.end()..])
            {
                out.push(Cand::new(w.start(), w.end(), PhiType::PersonName, 40, None));
            }
        }
    }
    recurring(text, out);
}

/// A name taken once is a name wherever its first word recurs in the post (phi-rules@11):
/// "Hola, soy Pilar ... LOCUTORA: Pilar, cuéntanos", "Meet Pieter van der Merwe ... Pieter if
/// you're reading this", "el Pol estarà ... la mare del Pol".
fn recurring(text: &str, out: &mut Vec<Cand>) {
    let firsts: Vec<&str> = out
        .iter()
        .filter(|c| c.kind == PhiType::PersonName)
        .filter_map(|c| text[c.start..c.end].split_whitespace().next())
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && w.chars().count() >= 3
                && !NOT_NAMES.contains(w)
                && !NOT_EVENT_SUBJECTS.contains(w)
                && !KIN_TITLES.contains(w)
        })
        .collect();
    let mut found = Vec::new();
    for w in firsts {
        for (at, _) in text.match_indices(w) {
            let end = at + w.len();
            let bounded = !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '#' | '.' | '/'))
                && !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            let near = tail_of(text, at, 30);
            let taken = out
                .iter()
                .chain(found.iter())
                .any(|c: &Cand| c.start < end && at < c.end);
            if bounded
                && !taken
                && !SAINT_BEFORE.is_match(near)
                && !HOSPITAL_OF_BEFORE.is_match(near)
                && (!INSTITUTION_BEFORE.is_match(near) || contracted_article(text, at))
            {
                found.push(Cand::new(at, end, PhiType::PersonName, 40, None));
            }
        }
    }
    out.extend(found);
}

/// A reporting verb right after the word or after one more word (its surname): "tony blair
/// said", "maria said".
fn reported_after(rest: &str) -> bool {
    if REPORTING.is_match(rest) {
        return true;
    }
    let t = rest.trim_start();
    let next = t.find(char::is_whitespace).unwrap_or(t.len());
    t[..next].chars().all(char::is_alphabetic) && REPORTING.is_match(&t[next..])
}

/// Known first names that are also ordinary lower-case words in en, es, ca, it or pt ("chiara"
/// is clear, "pino" a pine, "marc" a frame, "ida" a departure): in an all-lower-case post they
/// are read as words.
#[rustfmt::skip]
const LOWER_COMMON_WORDS: &[&str] = &[
    "chiara", "franca", "pino", "puri", "marc", "roser", "benedetta", "oriol", "concha", "nacho",
    "tom", "mason", "felice", "serena", "bruno", "santo", "lino", "remo", "vera", "ida", "nina",
    "tina", "ester", "fina", "gala", "lola", "ernest", "rut", "pep", "bia", "nico", "lara",
    "jon", "ane", "ivy", "daisy", "holly", "jess", "ray", "lou", "kai", "toni", "dani",
    "mari", "lina", "gina", "elia", "angelo", "carlo", "emma", "gaia", "nino", "salvo", "davi",
    "chus", "justin", "brandon", "austin", "brooke", "georgia", "carolina", "lupe", "candela",
    "rob",
];
