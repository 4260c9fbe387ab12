#!/usr/bin/env python3
"""Generate vigia's bundled demo sample from hand-written mentions.

    python3 scripts/gen-demo-sample.py            # writes crates/vigia/data/demo/sample.jsonl
    python3 scripts/gen-demo-sample.py --check    # exit 1 if the committed files are stale

Every text below was written by hand for the demo; nothing is scraped. The generator only
decides who posted each text, on which platform, when, and in which payload shape, with a fixed
seed, so the output is byte-for-byte reproducible.

What the sample holds (crates/vigia/data/demo/README.md has the counts):
- four organisations from crates/vigia/data/demo/vigia.toml and their competitors, in English,
  Spanish, Catalan and Italian, on X, Facebook, Instagram, TikTok, YouTube, LinkedIn, Reddit,
  Google reviews, Yelp and news sites;
- complaints (wait times, staff, billing, cleanliness, appointments, parking, food), praise,
  neutral information, competitor comparisons;
- health misinformation (vaccines and autism, 5G, miracle cures) and posts debunking it;
- posts exposing patient data (phone numbers, e-mails, DNI and NHS numbers, "my mother was
  diagnosed with ...");
- retweets, a copy-paste campaign with near-duplicates, connector re-deliveries;
- an influencer complaint;
- a burst of negative mentions of Hospital La Paz in ten minutes after a quiet morning, which
  the negative-surge detector must catch;
- about 5% malformed records (bad JSON, invalid UTF-8, unknown platform, missing fields, wrong
  types, timestamps in the future), each listed in expected.json with the reason it should get.

Part of the records use the platforms' native payload shapes (X API v2, Graph API, Reddit,
YouTube Data API, Google Business Profile reviews, ...) where vigia's ingest decoders support
them; the rest are canonical Mention v1 JSON (schemas/mention.v1.json).
"""
import argparse
import datetime as dt
import hashlib
import json
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "crates/vigia/data/demo/sample.jsonl"
EXPECTED = ROOT / "crates/vigia/data/demo/expected.json"
SEED = 20261120
DAY = dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)
START = DAY.replace(hour=7)
END = DAY.replace(hour=12, minute=30)
BUCKET = 600  # surge bucket of the demo config, seconds
BURST_START = DAY.replace(hour=11, minute=42)
BURST_END = DAY.replace(hour=11, minute=58)

# ---------------------------------------------------------------------------------------------
# Hand-written mentions. Tuples: (language, platform or None for "any social", text[, extra]).
# extra: {"rating": 1-5, "title": str, "followers": n, "verified": bool, "handle": str, ...}
# ---------------------------------------------------------------------------------------------

SANTPAU = {
    "complaint": [
        ("ca", None, "Quatre hores esperant a urgències de Sant Pau i ningú ens diu res. Quina vergonya."),
        ("ca", None, "Tercera vegada que em canvien la cita de traumatologia a l'Hospital de Sant Pau. Ja porto cinc mesos esperant una ressonància."),
        ("es", None, "En el Hospital de Sant Pau te tienen 6 horas en un box sin agua ni una manta. Las enfermeras hacen lo que pueden, pero son cuatro para toda la planta."),
        ("ca", None, "El pàrquing de Sant Pau costa 3,80 € l'hora. Els familiars de pacients ingressats no haurien de pagar això cada dia."),
        ("ca", None, "Els lavabos de la planta 5 de Sant Pau han estat bruts tot el cap de setmana. Ho hem dit tres vegades i res."),
        ("es", None, "La comida de Sant Pau es incomible. Mi abuela lleva tres días sin probar bocado y nadie hace nada."),
        ("ca", None, "Truco al telèfon de cites de Sant Pau des de les 8 del matí i no ho agafa ningú. Un servei públic no pot funcionar així."),
        ("es", None, "Me han cobrado 120 euros en Sant Pau por un informe médico que pedí para el seguro. ¿En serio?"),
        ("ca", None, "La metgessa de guàrdia de Sant Pau ens va tractar amb una mala educació increïble. Ni ens va mirar a la cara."),
        ("es", None, "Cancelan la operación de mi padre en el Hospital de Sant Pau por tercera vez, el día antes y por SMS. Indignante."),
        ("en", "reddit", "Waited 5 hours at Sant Pau A&E in Barcelona with a broken wrist. Staff were kind but completely overwhelmed. Is this normal in Spain?"),
        ("ca", None, "Les sales d'espera de consultes externes de Sant Pau són un forn. Ni aire condicionat ni una font d'aigua."),
        ("ca", None, "Fa dues setmanes que espero els resultats de l'analítica a Sant Pau. Ningú m'informa de res i estic angoixada."),
        ("es", None, "El ascensor del pabellón de Sant Pau lleva averiado una semana. Mi madre en silla de ruedas no puede subir a consulta."),
        ("ca", None, "Quina desorganització a admissions de #SantPau. Tres finestretes i només una oberta, cua fins al carrer."),
        ("es", None, "Tres semanas esperando que Sant Pau me llame para la colonoscopia. Me dijeron que era urgente."),
        ("ca", "facebook", "A l'habitació de la meva àvia a Sant Pau hi havia restes de menjar del pacient anterior. La neteja deixa molt a desitjar."),
        ("ca", None, "M'han tornat a anul·lar la visita de control a l'Hospital de Sant Pau i la nova data és d'aquí a quatre mesos."),
        ("es", "youtube", "Muy bonito el vídeo, pero en Sant Pau llevo un año esperando la operación de hernia. Menos marketing y más quirófanos."),
    ],
    "praise": [
        ("ca", None, "Gràcies a totes les infermeres de la planta de cardiologia de Sant Pau. Un tracte humà excel·lent! ❤️"),
        ("ca", "instagram", "El nostre fill ha nascut aquesta nit a l'Hospital de Sant Pau. Equip de llevadores impecable, ens han fet sentir com a casa 👶✨ #SantPau"),
        ("es", None, "Operada de rodilla en Sant Pau. Todo rapidísimo y la doctora me lo explicó todo con mucha paciencia. ¡Gracias!"),
        ("ca", "instagram", "Quina meravella el recinte modernista de Sant Pau. Passejar pels pavellons mentre esperes ajuda molt 🌿"),
        ("en", "instagram", "Visited the Hospital de Sant Pau modernist site today. Stunning architecture, and it's still a working hospital! #barcelona #modernisme"),
        ("ca", None, "Després de tres setmanes a l'UCI de Sant Pau, el meu pare torna a casa. No tenim paraules per agrair-ho a tot l'equip."),
        ("es", None, "Atención de diez en las urgencias pediátricas de Sant Pau. Rápidos, amables y muy profesionales."),
        ("ca", None, "La unitat del dolor de Sant Pau m'ha canviat la vida. Després d'anys, per fi dormo una nit sencera."),
        ("ca", "facebook", "Volem donar les gràcies a l'equip de neurologia de l'Hospital de Sant Pau per com han cuidat la nostra mare. Professionals i molt humans."),
        ("es", "tiktok", "Mi experiencia dando a luz en Sant Pau 💕 las matronas son lo más #parto #barcelona #SantPau"),
        ("ca", None, "Sempre que hi vaig, el personal de neteja de Sant Pau em saluda amb un somriure. Els petits detalls importen."),
        ("es", "youtube", "Me operaron del corazón en Sant Pau hace un año y este vídeo me ha emocionado. Gracias a todo el equipo de cirugía cardíaca."),
        ("ca", None, "Rapidíssims a l'hospital de dia d'oncologia de Sant Pau. Quimio puntual i infermeres encantadores."),
    ],
    "neutral": [
        ("ca", "facebook", "L'Hospital de Sant Pau obre la convocatòria de voluntariat per acompanyar pacients grans. Inscripcions fins al 15 de desembre.", {"handle": "HSantPau", "name": "Hospital de Sant Pau", "verified": True, "followers": 48200}),
        ("es", None, "El Hospital de Sant Pau participa en un ensayo clínico europeo sobre la enfermedad de Alzheimer."),
        ("ca", None, "Algú sap si a Sant Pau es pot visitar els pacients a la tarda o només al matí?"),
        ("ca", None, "Nou horari d'extraccions de sang a Sant Pau: de 7.30 a 10 h a l'edifici de consultes externes."),
        ("en", "linkedin", "Proud to share that our team at Hospital de Sant Pau has published new data on stroke recovery in The Lancet Neurology. Congratulations to everyone involved!"),
        ("ca", "linkedin", "Busquem infermeres i infermers per a l'àrea quirúrgica de l'Hospital de Sant Pau. Contracte estable i formació continuada. Informació a la web de l'hospital."),
        ("es", "youtube", "¿Alguien sabe si el parking de Sant Pau abre por la noche? Tengo que ir a las 6 de la mañana."),
        ("ca", None, "Avui a les 18 h xerrada oberta a Sant Pau sobre prevenció de l'ictus. Entrada lliure."),
        ("ca", "instagram", "Jornada de portes obertes al recinte de Sant Pau aquest dissabte. Visites guiades cada hora 🏛️ #SantPau"),
        ("es", None, "¿Sant Pau tiene servicio de traducción para pacientes que no hablan catalán ni castellano?"),
    ],
    "competitor": [
        ("ca", None, "A la Vall d'Hebron em van atendre en 40 minuts. A Sant Pau, cinc hores. Mateixa ciutat, mateix sistema."),
        ("es", "news", "El Hospital Clínic y el Hospital de Sant Pau, entre los mejores hospitales de Cataluña según el ranking de Newsweek.", {"title": "Tres hospitales catalanes, en el top mundial de Newsweek"}),
        ("ca", None, "La Vall d'Hebron estrena un nou robot quirúrgic. Quan arribarà a Sant Pau?"),
        ("es", None, "Me derivan del Clínic Barcelona a Sant Pau para la prueba. Nadie sabe explicarme por qué."),
        ("ca", None, "Sincerament, prefereixo l'Hospital Clínic. A Sant Pau m'han perdut l'historial dues vegades."),
    ],
    "review": [
        ("ca", "google_reviews", "Urgències col·lapsades i cap informació als familiars. Vam esperar set hores a la sala d'espera.", {"rating": 1}),
        ("es", "google_reviews", "Personal de enfermería excelente, pero las habitaciones antiguas y el baño compartido dejan mucho que desear.", {"rating": 3}),
        ("ca", "google_reviews", "Equip mèdic de primera. Em van operar de vesícula i en dos dies era a casa. Molt recomanable.", {"rating": 5}),
        ("en", "google_reviews", "Beautiful historic hospital, easy to find, clear signage. Blood test done in 10 minutes.", {"rating": 5}),
        ("es", "google_reviews", "El parking carísimo y las máquinas de pago estropeadas. Media hora para poder salir.", {"rating": 2}),
        ("ca", "google_reviews", "Tracte correcte però la cita per al dermatòleg me la donen per d'aquí a set mesos.", {"rating": 2}),
        ("en", "yelp", "Came here with my husband while on holiday. Doctors spoke English, explained everything and the bill for the travel insurance was handled smoothly.", {"rating": 4, "title": "Great care for tourists"}),
    ],
}

LAPAZ = {
    "complaint": [
        ("es", None, "Llevamos 7 horas en urgencias de La Paz con mi padre de 84 años en una silla. Lamentable."),
        ("es", None, "Cita con el neurólogo en el Hospital La Paz para dentro de 9 meses. Nueve. Meses."),
        ("es", None, "Las habitaciones de la planta 6 de La Paz tienen las ventanas rotas y hace un frío horrible."),
        ("es", None, "Imposible aparcar en La Paz. Media hora dando vueltas y al final, multa. Vergonzoso."),
        ("es", None, "El personal de admisión del Hospital La Paz es borde a más no poder. Ni un buenos días."),
        ("es", None, "Mi madre está ingresada en La Paz y la comida llega fría todos los días. Así no se recupera nadie."),
        ("es", None, "He llamado 23 veces al teléfono de citas de La Paz. Ni una respuesta."),
        ("es", None, "Nos cambiaron la cita de pediatría de La Paz sin avisar. Fuimos para nada y mi hija perdió el día de cole."),
        ("es", None, "En La Paz nadie nos explica nada del estado de mi abuelo. Cada médico dice una cosa distinta."),
        ("en", "reddit", "Took my son to Hospital La Paz children's emergency in Madrid: six hour wait, no interpreter and nobody explained anything. Any tips for next time?"),
        ("es", "facebook", "Mi padre lleva dos días en La Paz con una sonda y nadie le ha cambiado las sábanas. Falta personal, se nota."),
        ("es", None, "En La Paz me cobraron el informe para la mutua. 30 euros por una fotocopia."),
        ("es", "youtube", "Todo muy bonito en el vídeo, pero la lista de espera de traumatología de La Paz es de un año."),
    ],
    "praise": [
        ("es", None, "Gracias al equipo de trasplantes del Hospital La Paz. Mi hermano tiene un riñón nuevo y una vida nueva."),
        ("es", "instagram", "La UCI neonatal de La Paz cuidó de nuestro bebé prematuro durante dos meses. Sois ángeles 💙 #prematuros #HospitalLaPaz"),
        ("es", None, "Quiero dar las gracias a la enfermera Lucía de la planta de oncología de La Paz. Una persona maravillosa."),
        ("es", None, "Rapidez y trato excelente en la consulta de dermatología de La Paz. Así da gusto."),
        ("es", "facebook", "El Hospital Infantil de La Paz es un ejemplo. Mi hija salió sonriendo del quirófano. Gracias, gracias y gracias."),
        ("es", None, "Orgullo de sanidad pública: el Hospital La Paz me salvó la vida tras un infarto. Gracias a todo el equipo."),
        ("en", "facebook", "Huge thanks to the staff at Hospital La Paz in Madrid who looked after me when I fell ill on holiday. Brilliant care from start to finish."),
        ("es", "tiktok", "Un día en la vida de una residente de pediatría en La Paz 🩺 #MIR #medicina #HospitalLaPaz"),
        ("es", None, "La fisioterapeuta de rehabilitación de La Paz es una crack. En un mes vuelvo a caminar sin muletas."),
        ("es", "youtube", "Gracias por el vídeo. Mi hija nació en La Paz en 2019 y nos trataron genial, ojalá todos los hospitales fueran así."),
        ("es", None, "Limpieza impecable en la planta de maternidad de La Paz. Se agradece muchísimo."),
    ],
    "neutral": [
        ("es", "news", "El Hospital La Paz celebra su 60 aniversario con una exposición sobre la historia del centro, abierta al público hasta enero.", {"title": "La Paz cumple 60 años"}),
        ("es", None, "¿Alguien sabe el horario de visitas de la UCI de La Paz?"),
        ("es", "news", "El Hospital La Paz realiza con éxito el primer trasplante de intestino a un bebé de 13 meses en España.", {"title": "Primer trasplante de intestino infantil en La Paz"}),
        ("es", None, "Huelga de médicos residentes convocada para el jueves. Afectará a La Paz y al Gregorio Marañón."),
        ("es", "facebook", "A partir del lunes se abre un nuevo acceso peatonal al Hospital La Paz desde la avenida de Monforte de Lemos.", {"handle": "HospitalLaPaz", "name": "Hospital Universitario La Paz", "verified": True, "followers": 61300}),
        ("es", "linkedin", "Buscamos técnicos de laboratorio para el servicio de análisis clínicos del Hospital La Paz. Incorporación inmediata."),
        ("es", None, "Mañana me operan en La Paz. ¿Alguien sabe si hay que llevar la medicación de casa?"),
        ("es", "instagram", "Donación de sangre en el Hospital La Paz este fin de semana 🩸 cada donación salva hasta tres vidas #donasangre"),
        ("es", "youtube", "Vídeo muy útil para preparar la cirugía de mi madre en La Paz. ¿Sabéis si dejan quedarse a un acompañante por la noche?"),
    ],
    "competitor": [
        ("es", None, "En el Gregorio Marañón me atendieron en una hora. En La Paz, cinco. Misma comunidad, mismo sistema."),
        ("es", "news", "El Gregorio Marañón y La Paz, entre los mejores hospitales del mundo según Newsweek.", {"title": "Dos hospitales madrileños, en el top 100 mundial"}),
        ("es", None, "Prefiero mil veces el Gregorio Marañón. En La Paz me trataron como a un número."),
        ("es", None, "Marañón o La Paz para operarse de cataratas? Me han dado a elegir y no sé cuál."),
    ],
    "review": [
        ("es", "google_reviews", "Excelente servicio de maternidad. Las matronas, un encanto, y la habitación limpia y cómoda.", {"rating": 5}),
        ("es", "google_reviews", "Urgencias saturadas como siempre. Cinco horas para que me vieran un esguince.", {"rating": 2}),
        ("es", "google_reviews", "Me atendieron muy bien en traumatología. El edificio está viejo pero el personal compensa.", {"rating": 4}),
        ("es", "google_reviews", "Pésima atención telefónica. Imposible cambiar una cita sin ir en persona.", {"rating": 1}),
        ("en", "google_reviews", "Good hospital, doctors explained everything clearly. Parking is a nightmare though.", {"rating": 4}),
        ("es", "yelp", "Fui con mi hijo a urgencias pediátricas y nos atendieron en menos de una hora. Muy agradecida.", {"rating": 5, "title": "Rápidos y amables"}),
    ],
}

# The burst: Hospital La Paz's emergency department overwhelmed, all within ten minutes.
LAPAZ_BURST = [
    ("es", None, "Urgencias de La Paz colapsadas ahora mismo. Pacientes en camillas por los pasillos. Esto es un caos."),
    ("es", None, "Más de 80 personas esperando en urgencias de La Paz. Mi madre lleva 10 horas sin que la vea un médico. Vergüenza."),
    ("es", None, "Se ha ido la luz en parte de urgencias del Hospital La Paz y nadie informa de nada. Lamentable."),
    ("es", None, "Caos total en La Paz: urgencias saturadas y ambulancias esperando en la puerta. Horrible."),
    ("es", None, "Lo de La Paz hoy es inhumano. Gente mayor tirada en sillas desde ayer por la noche."),
    ("es", None, "Estoy en urgencias de La Paz: sin camas, sin sillas, sin información. Pésimo."),
    ("es", None, "Mi padre con dolor en el pecho y cuatro horas sin triaje en La Paz. ¿Esto es normal? Indignante."),
    ("es", None, "Vergonzoso lo que está pasando en urgencias de La Paz. Los sanitarios desbordados y los pacientes abandonados."),
    ("es", None, "Acabo de salir de La Paz después de 12 horas. Nunca he visto nada tan mal organizado. Un desastre."),
    ("es", None, "Urgencias de La Paz: un señor se ha desmayado en la sala de espera y han tardado 20 minutos en atenderle. Indignante."),
    ("es", None, "@HospitalLaPaz ¿vais a decir algo del caos en urgencias o seguimos esperando? Lamentable."),
    ("es", None, "Colapso en urgencias del Hospital La Paz. Los celadores dicen que no hay camas libres en todo el hospital. Terrible."),
    ("en", None, "Chaos at Hospital La Paz emergency department in Madrid right now. Patients on trolleys in corridors, hours without seeing a doctor. Awful."),
    ("es", None, "Hoy en La Paz hemos esperado 9 horas con un niño con fiebre alta. Inaceptable."),
    ("es", None, "Las urgencias de La Paz son un desastre hoy. Nadie coge el teléfono de información. Fatal."),
    ("es", None, "Mi abuela de 91 años lleva toda la noche en un pasillo de La Paz. Esto no es digno. Qué vergüenza."),
    ("es", None, "Saturación brutal en urgencias de La Paz. Ambulancias haciendo cola en la entrada. Penoso."),
    ("es", None, "Llevo 8 horas en La Paz y todavía no me han hecho ni un análisis. Horrible servicio."),
]

GEMELLI = {
    "complaint": [
        ("it", None, "Al pronto soccorso del Gemelli da 9 ore. Nessuno ci dice niente. Vergognoso."),
        ("it", None, "Prenotazione al CUP per una risonanza al Policlinico Gemelli: prima data disponibile tra 8 mesi."),
        ("it", None, "Parcheggio del Gemelli sempre pieno e carissimo. Per chi fa la dialisi tre volte a settimana è un incubo."),
        ("it", None, "Bagni sporchi al quarto piano del Gemelli. Mio padre è ricoverato lì da una settimana, una vergogna."),
        ("it", None, "Il cibo del Policlinico Gemelli è immangiabile. Mia madre mangia solo quello che le portiamo noi."),
        ("it", None, "Medico del Gemelli scortese e frettoloso: cinque minuti di visita e mi ha liquidato."),
        ("it", None, "Ho pagato un ticket di 70 euro al Gemelli per un esame che poi hanno annullato. Rimborso? Mai visto."),
        ("it", None, "Impossibile parlare con qualcuno al telefono del Gemelli. Linea sempre occupata, da giorni."),
        ("it", None, "Visita annullata al Policlinico Gemelli il giorno stesso, dopo 200 km di viaggio. Nessuna scusa."),
        ("en", "reddit", "Spent the whole night in the Gemelli emergency room in Rome. Nobody spoke English and nobody explained anything to us."),
        ("it", None, "Tre ore in fila al Gemelli solo per ritirare un referto. Nel 2026 non si può fare online?"),
        ("it", "youtube", "Bel video, ma al Gemelli per una visita oculistica mi hanno dato appuntamento tra dieci mesi."),
        ("it", "facebook", "Camera doppia al Gemelli con il condizionatore rotto ad agosto e nessuno che venisse a ripararlo."),
        ("it", None, "Mi hanno fatto pagare 45 euro al Gemelli per una copia della cartella clinica. Assurdo."),
    ],
    "praise": [
        ("it", None, "Grazie di cuore al reparto di oncologia del Gemelli. Professionalità e umanità rare."),
        ("it", None, "Operato al Policlinico Gemelli la settimana scorsa: chirurgo bravissimo, infermieri gentilissimi. Grazie!"),
        ("it", "facebook", "Il reparto di pediatria del Gemelli è un'eccellenza. Nostro figlio è stato curato benissimo, grazie a tutti."),
        ("it", None, "Al Gemelli ho trovato medici che mi hanno ascoltata davvero. Dopo anni, finalmente una risposta."),
        ("en", "facebook", "The Gemelli team in Rome were outstanding when my wife needed emergency surgery on our holiday. Forever grateful."),
        ("it", "instagram", "Grazie al personale della terapia intensiva del #Gemelli. Siete degli angeli 🙏"),
        ("it", "tiktok", "Turno di notte al Gemelli 🌙 cosa c'è davvero dietro le porte del pronto soccorso #infermiera #roma"),
        ("it", "youtube", "Mia madre è stata operata al Gemelli dal professore che parla nel video. Persona splendida e chirurgo eccezionale."),
        ("it", None, "Reparto di ostetricia del Gemelli: pulito, organizzato e ostetriche dolcissime. Grazie per la nascita di Sofia."),
        ("it", None, "Al Gemelli il servizio di prelievi a domicilio funziona benissimo. Comodo per chi ha genitori anziani."),
    ],
    "neutral": [
        ("it", "news", "Il Policlinico Gemelli avvia un nuovo programma di screening gratuito per il tumore al polmone rivolto ai forti fumatori.", {"title": "Screening polmonare gratuito al Gemelli"}),
        ("it", None, "Qualcuno sa gli orari di visita del reparto di cardiologia del Gemelli?"),
        ("it", "news", "Il Policlinico Gemelli è ancora primo in Italia nella classifica Newsweek dei migliori ospedali del mondo.", {"title": "Classifica Newsweek, il Gemelli primo in Italia"}),
        ("it", None, "Sciopero dei medici venerdì: possibili disagi anche al Gemelli e all'Humanitas."),
        ("it", "instagram", "Giornata mondiale del diabete: screening gratuiti al Policlinico Gemelli fino alle 17 #diabete #prevenzione"),
        ("it", None, "Qualcuno sa se al Gemelli accettano la tessera sanitaria europea per i turisti?"),
        ("it", "linkedin", "Il Policlinico Gemelli cerca data scientist per il nuovo centro di intelligenza artificiale in medicina. Candidature aperte."),
        ("it", "youtube", "Ottimo video. Sapete se al Gemelli si può fare il prelievo senza prenotazione?"),
        ("it", "facebook", "Da lunedì il Policlinico Gemelli attiva il nuovo servizio di prenotazione online delle visite ambulatoriali.", {"handle": "PoliclinicoGemelli", "name": "Policlinico Universitario A. Gemelli", "verified": True, "followers": 152000}),
    ],
    "competitor": [
        ("it", None, "All'Humanitas mi hanno fatto la risonanza in due settimane, al Gemelli in otto mesi."),
        ("it", "reddit", "Humanitas o Gemelli per un intervento al ginocchio? Consigli da chi ci è passato?"),
        ("it", None, "Meglio l'Humanitas: al Gemelli ho aspettato ore solo per un prelievo."),
    ],
    "review": [
        ("it", "google_reviews", "Pronto soccorso disastroso: 11 ore di attesa con febbre alta, nessuna informazione.", {"rating": 1}),
        ("it", "google_reviews", "Eccellenza italiana. Medici preparati e reparti puliti. Unico neo il parcheggio.", {"rating": 5}),
        ("it", "google_reviews", "Personale gentile ma tempi di attesa lunghissimi per le visite ambulatoriali.", {"rating": 3}),
        ("en", "google_reviews", "World class hospital. My father was treated quickly and the staff were lovely.", {"rating": 5}),
        ("it", "google_reviews", "Il bar interno è caro e il cibo della mensa pessimo. Per il resto tutto bene.", {"rating": 3}),
        ("it", "foursquare", "Ingresso principale comodo, ma segnaletica confusa per arrivare agli ambulatori.", {"rating": 3}),
    ],
}

STMARYS = {
    "complaint": [
        ("en", None, "6 hours in A&E at St Mary's Hospital with my daughter's broken arm. Staff run off their feet. This is not OK."),
        ("en", None, "Third cancelled outpatient appointment at St Mary's this year. Found out by text message the night before."),
        ("en", None, "Parking at St Mary's Hospital is £4.50 an hour. Charging sick people and their families to visit is a disgrace."),
        ("en", None, "The ward toilets at St Mary's were filthy this weekend. Reported it twice, nothing happened."),
        ("en", None, "Hospital food at St Mary's: grey mash and cold peas. My nan won't touch it."),
        ("en", None, "Rude receptionist at St Mary's outpatients today. Spoke to my elderly dad like he was a nuisance."),
        ("en", None, "Been on hold to the St Mary's Hospital appointments line for 55 minutes. Still no answer."),
        ("en", None, "Got a bill from St Mary's for £320 for a scan I was told would be covered by my insurance. Shocking."),
        ("en", None, "Nobody at St Mary's can tell us when mum will be discharged. Every nurse says something different."),
        ("en", "reddit", "Waiting list for a hip operation at St Mary's is now 14 months. Living on painkillers. Anyone had luck getting moved up the list?"),
        ("en", None, "Lift broken again at St Mary's Paddington. Patients in wheelchairs stuck waiting for 40 minutes."),
        ("en", "youtube", "Nice video but the reality at St Mary's is a 12 hour wait in A&E and nowhere to sit."),
        ("en", "facebook", "Blood on the floor of the bay my dad was moved into at St Mary's. Cleaners hadn't been round all day."),
        ("en", None, "Charged £7 for a sandwich and a coffee at St Mary's. Visitors are a captive market."),
    ],
    "praise": [
        ("en", None, "The maternity team at St Mary's Hospital were amazing during a very long labour. Thank you to every midwife on shift."),
        ("en", "facebook", "The staff on the children's ward at St Mary's were incredible with my son. Kind, patient and funny. Thank you 💙"),
        ("en", None, "Fast, kind and professional care at St Mary's A&E last night. Seen within the hour. Credit where it's due."),
        ("en", None, "Huge thanks to the stroke team at St Mary's Hospital. They saved my dad's life."),
        ("en", None, "A nurse at St Mary's sat with my gran for an hour when we couldn't get there in time. We'll never forget that kindness."),
        ("en", "instagram", "One year since my transplant at St Mary's 🎉 still grateful every single day #organdonation #NHS"),
        ("en", "youtube", "My daughter was treated in the paediatric intensive care unit at St Mary's in this video. Those nurses are angels."),
        ("en", None, "Physio team at St Mary's Hospital got me walking again after my knee replacement. Brilliant, patient people."),
        ("en", "reddit", "Positive story for once: St Mary's fracture clinic had me in and out in 40 minutes with a clear plan. Well organised."),
    ],
    "neutral": [
        ("en", "facebook", "St Mary's Hospital is recruiting volunteers for its patient support programme. Information sessions every Tuesday.", {"handle": "StMarysNHS", "name": "St Mary's Hospital", "verified": True, "followers": 39800}),
        ("en", None, "Does anyone know if St Mary's has a pharmacy open on Sundays?"),
        ("en", "news", "Researchers at St Mary's Hospital and Imperial College start a new trial on early sepsis treatment.", {"title": "New sepsis trial begins in Paddington"}),
        ("en", None, "Road closures around St Mary's Paddington this weekend for the new cycle lane."),
        ("en", "linkedin", "We're hiring: senior staff nurses for the intensive care unit at St Mary's Hospital. Flexible rotas and funded training."),
        ("en", "youtube", "Great explainer. Does St Mary's still do the walk-in clinic on Saturdays?"),
        ("en", "instagram", "Christmas lights switched on at St Mary's Hospital children's ward tonight ✨ thanks to all the volunteers"),
        ("en", None, "Is the St Mary's Hospital entrance on South Wharf Road open at weekends?"),
    ],
    "competitor": [
        ("en", None, "Royal London saw me in 2 hours. St Mary's took 7. Same NHS, different planet."),
        ("en", "news", "Royal London Hospital and St Mary's Hospital both named among the country's best major trauma centres.", {"title": "London trauma centres praised in national review"}),
        ("en", None, "Transferred from the Royal London to St Mary's for surgery. Smooth handover, no complaints."),
    ],
    "review": [
        ("en", "google_reviews", "Waited four hours to be seen for chest pain. Staff were lovely but clearly understaffed.", {"rating": 2}),
        ("en", "google_reviews", "Excellent maternity unit. Clean rooms and supportive midwives.", {"rating": 5}),
        ("en", "google_reviews", "Appointment cancelled twice without explanation. Impossible to get through on the phone.", {"rating": 1}),
        ("en", "google_reviews", "Quick blood test, friendly phlebotomist, in and out in 15 minutes.", {"rating": 5}),
        ("en", "yelp", "The cafe is overpriced and the waiting area is grim, but the fracture clinic doctors were great.", {"rating": 3, "title": "Mixed bag"}),
        ("en", "foursquare", "Entrance on Praed Street is the quickest way in. Lifts are slow.", {"rating": 3}),
    ],
}

# Health misinformation, naming a hospital to borrow its authority, and posts debunking it.
MISINFO = [
    ("stmarys", "en", None, "BREAKING: a nurse at St Mary's Hospital confirms the MMR vaccine causes autism and they're covering it up. Share before they delete this! #VaccineInjury"),
    ("lapaz", "es", None, "Las antenas 5G instaladas en La Paz están enfermando a los pacientes. Por eso hay tantos ingresos. ¡Despertad!"),
    ("gemelli", "it", "facebook", "I medici del Gemelli non vogliono che tu sappia che il bicarbonato cura il cancro. Informati prima che sia tardi! #curenaturali"),
    ("santpau", "ca", None, "A Sant Pau no t'ho diran, però el vaccí de la grip porta grafè i et magnetitza el braç. Compartiu!"),
    ("stmarys", "en", "facebook", "Stop chemo! My aunt was cured of stage 4 cancer with apricot kernels after St Mary's gave up on her. #naturalcure"),
    ("lapaz", "es", None, "El dióxido de cloro cura el COVID y el autismo, pero en La Paz lo prohíben para seguir vendiendo vacunas."),
    ("gemelli", "it", None, "Il vaccino anti-Covid altera il DNA, lo ammettono anche i medici del Gemelli. Svegliatevi!"),
    ("stmarys", "en", "tiktok", "5G masts on the roof of St Mary's are why so many patients get sick. Do your own research 📡 #5G #truth"),
]
DEBUNKS = [
    ("stmarys", "en", None, "No, the MMR vaccine does not cause autism. Studies following millions of children show no link. Paediatricians at St Mary's Hospital explain the evidence: https://www.nhs.uk/vaccinations/mmr-vaccine/", {"followers": 18300}),
    ("lapaz", "es", None, "Bulo: las antenas 5G no causan enfermedades. Los expertos del Hospital La Paz lo explican en este hilo 🧵 #SaludSinBulos"),
    ("gemelli", "it", None, "Falso: il bicarbonato non cura il cancro. Lo spiegano gli oncologi del Policlinico Gemelli. Diffidate delle cure miracolose."),
    ("santpau", "ca", None, "Els vaccins de la grip no porten grafè ni magnetitzen res. Ho aclareix l'equip de medicina preventiva de Sant Pau. #StopBulos"),
    ("stmarys", "en", "news", "Apricot kernels do not cure cancer and can cause cyanide poisoning, oncologists at St Mary's Hospital warn after a rise in cases.", {"title": "Fact check: apricot kernels are not a cancer cure"}),
    ("lapaz", "es", None, "El dióxido de cloro es lejía. No lo bebáis. Aviso de la toxicóloga de La Paz: ya hemos atendido intoxicaciones."),
]

# Patient data and health self-disclosure in public posts.
PHI = [
    ("lapaz", "es", None, "Mi madre, Carmen López, DNI 12345678Z, lleva 3 días en urgencias de La Paz. Si alguien sabe algo, llamadme al 612 345 678."),
    ("stmarys", "en", None, "My mother was diagnosed with breast cancer at St Mary's last week and nobody has called us since. Her NHS number is 943 476 5919. Email me at sarah.jones82@gmail.com if you can help."),
    ("santpau", "ca", None, "A la meva mare li van diagnosticar diabetis tipus 2 a Sant Pau i encara no ens han donat cita amb l'endocrí. Contacte: jordi.vila.bcn@gmail.com"),
    ("gemelli", "it", None, "A mia madre hanno diagnosticato un tumore al Gemelli, chiamatemi al +39 333 123 4567 se conoscete un oncologo bravo."),
    ("stmarys", "en", None, "I'm HIV positive and the receptionist at St Mary's announced it in front of the whole waiting room. Humiliating."),
    ("lapaz", "es", None, "Soy diabético tipo 1 y en La Paz me tuvieron 8 horas sin insulina. Mi teléfono es +34 699 112 233 para quien quiera mi testimonio."),
    ("stmarys", "en", None, "My son (DOB 14/03/2012) has been waiting 11 months for an autism assessment at St Mary's. Call me on 07700 900123."),
    ("gemelli", "it", None, "Sono in cura per depressione al Gemelli e mi hanno spostato la visita tre volte. Scrivetemi: giulia.rossi84@libero.it"),
    ("lapaz", "es", None, "A mi padre le diagnosticaron un ictus en La Paz y gracias a la rapidez del equipo hoy está bien."),
    ("santpau", "ca", None, "Tinc càncer de mama i em tracten a Sant Pau. Vull agrair a l'equip d'oncologia tot el que fan per mi."),
    ("stmarys", "en", None, "Patient number 4829113 at St Mary's Hospital: if anyone from patient services reads this, please call me back about my biopsy results on 020 7946 0958."),
    ("santpau", "es", None, "Mi DNI es 87654321X y en Sant Pau me dicen que no consto en el sistema. Llevo dos horas en admisiones."),
]

# Influencers: above the demo's influencer_followers (50 000).
INFLUENCERS = [
    ("stmarys", "en", "x", "I've been sitting in St Mary's A&E for 9 hours with suspected appendicitis. Half the waiting room is in tears. The staff are heroes but this system is broken. Something has to change.",
     {"handle": "drjess_health", "name": "Dr Jess Harper", "followers": 482000, "verified": True, "likes": 12400, "reposts": 3100, "replies": 860, "views": 1900000, "at": "10:05"}),
    ("gemelli", "it", "instagram", "Oggi visita al Policlinico Gemelli per il mio controllo annuale: puntuali, gentili, organizzatissimi. Così dovrebbe funzionare la sanità 💪 #Gemelli",
     {"handle": "martina.fitlife", "name": "Martina Fit", "followers": 215000, "verified": True, "likes": 8300, "replies": 240, "at": "09:20"}),
]

# A copy-paste campaign (exact copies, then near-duplicates with a few words added).
CAMPAIGN = ("gemelli", "it", "Il personale sanitario del Policlinico Gemelli merita rispetto e contratti dignitosi. Firma la petizione e condividi! #SanitàPubblica #Gemelli https://chng.it/gemelli-personale")
CAMPAIGN_COPIES = 7
CAMPAIGN_NEAR = [
    "Firmato! Il personale sanitario del Policlinico Gemelli merita rispetto e contratti dignitosi. Firma la petizione e condividi! #SanitàPubblica #Gemelli https://chng.it/gemelli-personale",
    "Il personale sanitario del Policlinico Gemelli merita rispetto e contratti dignitosi. Firma la petizione e condividi!! #SanitàPubblica #Gemelli #Roma",
    "Tutti a firmare: il personale sanitario del Policlinico Gemelli merita rispetto e contratti dignitosi. Firma la petizione e condividi! #Gemelli",
]
CAMPAIGN2 = ("stmarys", "en", "Keep the night-time A&E at St Mary's Hospital open! Thousands of families in West London depend on it. Sign and share: https://chng.it/save-stmarys-ae #SaveStMarys")
CAMPAIGN2_COPIES = 5
CAMPAIGN2_NEAR = [
    "Signed. Keep the night-time A&E at St Mary's Hospital open! Thousands of families in West London depend on it. Sign and share: https://chng.it/save-stmarys-ae #SaveStMarys",
    "Keep the night-time A&E at St Mary's Hospital open!! Thousands of families in West London depend on it. Please sign and share #SaveStMarys #NHS",
]

# Mentions that name no tracked organisation (or only an excluded term).
UNMATCHED = [
    ("ca", None, "Concert d'orgue aquest diumenge a l'església de Sant Pau del Camp. Entrada lliure."),
    ("es", None, "El Hospital del Mar inaugura una nueva UCI con 20 camas."),
    ("it", None, "Qualcuno conosce un buon dentista a Roma nord? Prezzi onesti possibilmente."),
    ("en", None, "Flu jabs now available at most pharmacies across London. Book early this year."),
    ("es", "news", "La campaña de vacunación de la gripe alcanza el 60% de los mayores de 65 años en Madrid.", {"title": "La vacunación de la gripe supera el 60% en mayores"}),
]

ORGS = {"santpau": SANTPAU, "lapaz": LAPAZ, "gemelli": GEMELLI, "stmarys": STMARYS}

# ---------------------------------------------------------------------------------------------
# Authors
# ---------------------------------------------------------------------------------------------

FIRST = {
    "ca": ["marta", "jordi", "nuria", "pau", "laia", "oriol", "montse", "arnau", "mireia", "xavi", "roser", "joan", "merce", "albert", "queralt"],
    "es": ["ana", "javier", "lucia", "carlos", "marta", "pablo", "elena", "david", "carmen", "sergio", "laura", "raul", "isabel", "alvaro", "rocio"],
    "it": ["giulia", "marco", "francesca", "luca", "chiara", "matteo", "sara", "andrea", "elena", "paolo", "valentina", "stefano", "federica", "davide", "anna"],
    "en": ["tom", "sarah", "james", "emma", "olivia", "jack", "sophie", "harry", "chloe", "daniel", "amy", "ben", "grace", "sam", "lucy"],
}
LAST = {
    "ca": ["puig", "vila", "soler", "serra", "ferrer", "roca", "pujol", "font", "bosch", "riera"],
    "es": ["garcia", "lopez", "martin", "sanchez", "gomez", "ruiz", "diaz", "moreno", "alonso", "navarro"],
    "it": ["rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "ricci", "greco", "conti", "marino"],
    "en": ["smith", "jones", "taylor", "brown", "wilson", "evans", "walker", "wright", "green", "hall"],
}
PLACE = {"ca": ["bcn", "gracia", "cat", ""], "es": ["mad", "madrid", "", "_"], "it": ["roma", "rm", "", "_"], "en": ["ldn", "w2", "", "_uk"]}

NEWS_SITES = {
    "ca": ("elperiodico.cat", "El Periódico"), "es": ("elpais.com", "EL PAÍS"),
    "it": ("roma.repubblica.it", "la Repubblica Roma"), "en": ("standard.co.uk", "Evening Standard"),
}

ORG_NEWS = {"santpau": "ca", "lapaz": "es", "gemelli": "it", "stmarys": "en"}

PLATFORM_WEIGHTS = [("x", 50), ("facebook", 14), ("instagram", 8), ("tiktok", 4), ("youtube", 5), ("reddit", 6)]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used_ids = set()
        self.user_seq = 0

    def pick_platform(self):
        total = sum(w for _, w in PLATFORM_WEIGHTS)
        x = self.r.uniform(0, total)
        for p, w in PLATFORM_WEIGHTS:
            x -= w
            if x <= 0:
                return p
        return "x"

    def author(self, lang, platform, extra=None):
        extra = extra or {}
        self.user_seq += 1
        first = self.r.choice(FIRST[lang])
        last = self.r.choice(LAST[lang])
        style = self.r.randrange(4)
        if style == 0:
            handle = f"{first}_{last}"
        elif style == 1:
            handle = f"{first}{self.r.choice(PLACE[lang])}{self.r.randrange(10, 99)}"
        elif style == 2:
            handle = f"{first}.{last}{self.r.randrange(1, 9)}"
        else:
            handle = f"{first[0]}{last}{self.r.randrange(70, 99)}"
        if platform == "x":
            handle = handle.replace(".", "_")
        # Reach: log-normal around a few hundred followers, capped below the influencer threshold.
        followers = min(int(self.r.lognormvariate(5.6, 1.3)), 24000)
        a = {
            "id": str(self.r.randrange(10**8, 10**10)) if platform in ("x", "facebook", "instagram", "tiktok") else f"u{self.user_seq:05d}",
            "handle": extra.get("handle", handle),
            "name": extra.get("name", f"{first.capitalize()} {last.capitalize()}"),
            "followers": extra.get("followers", followers),
            "verified": extra.get("verified", False),
        }
        if platform in ("google_reviews", "yelp", "foursquare"):
            a.pop("followers")
            a["name"] = f"{first.capitalize()} {last[0].upper()}."
        if self.r.random() < 0.5 and platform in ("x", "reddit", "youtube"):
            days = self.r.randrange(200, 5000)
            a["created_at"] = iso(DAY - dt.timedelta(days=days, seconds=self.r.randrange(86400)))
        return a

    def native_id(self, platform):
        while True:
            r = self.r
            if platform == "x":
                nid = str(r.randrange(1_858_000_000_000_000_000, 1_859_000_000_000_000_000))
            elif platform == "facebook":
                nid = f"{r.randrange(10**14, 10**15)}_{r.randrange(10**15, 10**16)}"
            elif platform == "instagram":
                nid = str(r.randrange(17_800_000_000_000_000, 17_999_999_999_999_999))
            elif platform == "tiktok":
                nid = str(r.randrange(7_430_000_000_000_000_000, 7_439_999_999_999_999_999))
            elif platform == "youtube":
                nid = "Ugz" + "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for _ in range(23))
            elif platform == "reddit":
                nid = "t3_" + "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(7))
            elif platform == "google_reviews":
                nid = "ChZDSUhNMG9nS0VJ" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14))
            elif platform == "yelp":
                nid = "".join(r.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for _ in range(22))
            elif platform == "linkedin":
                nid = str(r.randrange(7_260_000_000_000_000_000, 7_269_999_999_999_999_999))
            elif platform == "foursquare":
                nid = "".join(r.choice("0123456789abcdef") for _ in range(24))
            else:  # news: a stable hash of the URL-ish slug
                nid = "".join(r.choice("0123456789abcdef") for _ in range(16))
            if (platform, nid) not in self.used_ids:
                self.used_ids.add((platform, nid))
                return nid


def iso(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def slug(text):
    keep = "".join(c.lower() if c.isalnum() else "-" for c in text[:60])
    return "-".join(p for p in keep.split("-") if p)[:50]


def url_for(platform, nid, author, text, lang):
    h = author.get("handle", "user")
    if platform == "x":
        return f"https://x.com/{h}/status/{nid}"
    if platform == "facebook":
        page, post = nid.split("_")
        return f"https://www.facebook.com/{page}/posts/{post}"
    if platform == "instagram":
        return f"https://www.instagram.com/p/{hashlib.sha1(nid.encode()).hexdigest()[:11]}/"
    if platform == "tiktok":
        return f"https://www.tiktok.com/@{h}/video/{nid}"
    if platform == "youtube":
        return f"https://www.youtube.com/watch?v={hashlib.sha1(nid.encode()).hexdigest()[:11]}&lc={nid}"
    if platform == "reddit":
        sub = {"en": "AskUK", "es": "spain", "it": "italy", "ca": "catalunya"}[lang]
        return f"https://www.reddit.com/r/{sub}/comments/{nid[3:]}/{slug(text)}/"
    if platform == "google_reviews":
        return f"https://maps.google.com/?cid={int(hashlib.sha1(nid.encode()).hexdigest()[:12], 16)}"
    if platform == "yelp":
        return f"https://www.yelp.com/biz/hospital?hrid={nid}"
    if platform == "foursquare":
        return f"https://foursquare.com/v/{nid}"
    if platform == "linkedin":
        return f"https://www.linkedin.com/feed/update/urn:li:activity:{nid}/"
    site = NEWS_SITES[lang][0]
    return f"https://{site}/sanidad/{slug(text)}.html"


def engagement(r, platform, followers):
    if platform in ("google_reviews", "yelp", "foursquare", "news"):
        return {"likes": r.randrange(0, 12)} if platform != "news" else {}
    base = max(1.0, (followers or 100) / 400)
    e = {"likes": int(r.expovariate(1 / (3 * base))), "replies": int(r.expovariate(1 / base))}
    if platform in ("x", "facebook"):
        e["reposts"] = int(r.expovariate(1 / base))
    if platform in ("x", "tiktok", "youtube", "instagram"):
        e["views"] = int(e["likes"] * r.uniform(20, 80)) + r.randrange(50, 500)
    return e


# ---------------------------------------------------------------------------------------------
# Building records
# ---------------------------------------------------------------------------------------------

class Post:
    """One valid mention before serialisation."""

    def __init__(self, org, kind, lang, platform, text, at, extra=None):
        self.org, self.kind, self.lang, self.platform, self.text = org, kind, lang, platform, text
        self.at = at
        self.extra = extra or {}
        self.id = None
        self.author = None
        self.relations = {}
        self.engagement = {}
        self.lang_hint = None
        self.url = None
        self.redelivery = False


def finish(g, p):
    """Give a post its id, author, url, engagement and language hint."""
    p.author = p.author or g.author(p.lang, p.platform, p.extra)
    nid = g.native_id(p.platform)
    p.id = f"{p.platform}:{nid}"
    p.url = url_for(p.platform, nid, p.author, p.text, p.lang)
    p.engagement = engagement(g.r, p.platform, p.author.get("followers"))
    for k in ("likes", "reposts", "replies", "views"):
        if k in p.extra:
            p.engagement[k] = p.extra[k]
    if p.platform == "x":
        # X declares a language; like the real API it sometimes tags Catalan as Spanish.
        p.lang_hint = "es" if (p.lang == "ca" and g.r.random() < 0.3) else p.lang
    elif p.platform in ("youtube", "facebook") and g.r.random() < 0.5:
        p.lang_hint = p.lang
    if p.platform == "news":
        site, outlet = NEWS_SITES[p.lang]
        p.author = {"id": site, "handle": site, "name": outlet, "verified": True}
    return p


def canonical(p):
    text = p.text
    if p.extra.get("title"):
        text = f"{p.extra['title']}\n{text}"
    m = {"id": p.id, "platform": p.platform, "url": p.url, "author": p.author, "text": text}
    if p.lang_hint:
        m["lang_hint"] = p.lang_hint
    m["created_at"] = iso(p.at)
    m["collected_at"] = iso(p.at + dt.timedelta(seconds=30 + (hash_int(p.id) % 240)))
    if p.relations:
        m["relations"] = p.relations
    if p.engagement:
        m["engagement"] = p.engagement
    if "rating" in p.extra:
        m["rating"] = float(p.extra["rating"])
    return m


# Native payload shapes, as each platform's API returns them (fixtures of the same shapes live
# in crates/ingest/tests/fixtures/). Used for a share of the records when NATIVE is on.
NATIVE = False
NATIVE_PLATFORMS = ("x", "facebook", "instagram", "tiktok", "youtube", "reddit", "google_reviews", "yelp", "news")
STARS = {1: "ONE", 2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}


def ms_z(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def graph_time(t):
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+0000")


def native(p):
    """The record in its platform's API shape, or None to keep it canonical."""
    nid = p.id.split(":", 1)[1]
    a = p.author
    e = p.engagement
    if p.platform == "x":
        tweet = {"id": nid, "text": p.text, "author_id": a["id"], "created_at": ms_z(p.at),
                 "conversation_id": nid, "edit_history_tweet_ids": [nid],
                 "public_metrics": {"retweet_count": e.get("reposts", 0), "reply_count": e.get("replies", 0),
                                    "like_count": e.get("likes", 0), "quote_count": 0,
                                    "impression_count": e.get("views", 0)}}
        if p.lang_hint:
            tweet["lang"] = p.lang_hint
        refs = [{"type": "retweeted", "id": p.relations["repost_of"].split(":", 1)[1]}] if "repost_of" in p.relations else []
        refs += [{"type": "quoted", "id": p.relations["quote_of"].split(":", 1)[1]}] if "quote_of" in p.relations else []
        if refs:
            tweet["referenced_tweets"] = refs
        user = {"id": a["id"], "name": a["name"], "username": a["handle"], "verified": a.get("verified", False),
                "public_metrics": {"followers_count": a.get("followers", 0), "following_count": 180, "tweet_count": 2400, "listed_count": 3}}
        if "created_at" in a:
            user["created_at"] = a["created_at"].replace("Z", ".000Z")
        return {"data": tweet, "includes": {"users": [user]}}
    if p.relations:
        return None
    if p.platform == "facebook":
        page, post = nid.split("_")
        return {"id": nid, "created_time": graph_time(p.at), "message": p.text,
                "from": {"name": a["name"], "id": a["id"]}, "like_count": e.get("likes", 0),
                "comment_count": e.get("replies", 0), "permalink_url": p.url, "can_remove": False}
    if p.platform == "instagram":
        return {"id": nid, "text": p.text, "timestamp": graph_time(p.at), "username": a["handle"],
                "from": {"id": a["id"], "username": a["handle"]}, "like_count": e.get("likes", 0),
                "media": {"id": str(17_900_000_000_000_000 + hash_int(nid) % 10**12)}, "hidden": False}
    if p.platform == "tiktok":
        return {"id": int(nid), "video_id": 7_437_000_000_000_000_000 + hash_int(nid) % 10**15, "text": p.text,
                "like_count": e.get("likes", 0), "reply_count": e.get("replies", 0),
                "create_time": int(p.at.timestamp())}
    if p.platform == "youtube":
        video = hashlib.sha1(nid.encode()).hexdigest()[:11]
        comment = {"kind": "youtube#comment", "id": nid, "snippet": {
            "videoId": video, "textDisplay": p.text, "textOriginal": p.text,
            "authorDisplayName": "@" + a["handle"], "authorChannelUrl": "http://www.youtube.com/@" + a["handle"],
            "authorChannelId": {"value": "UC" + hashlib.sha1(a["id"].encode()).hexdigest()[:22]},
            "canRate": True, "viewerRating": "none", "likeCount": e.get("likes", 0),
            "publishedAt": iso(p.at), "updatedAt": iso(p.at)}}
        return {"kind": "youtube#commentThread", "id": nid, "snippet": {
            "videoId": video, "topLevelComment": comment, "canReply": True,
            "totalReplyCount": e.get("replies", 0), "isPublic": True}}
    if p.platform == "reddit":
        rid = nid[3:]
        sub = p.url.split("/r/")[1].split("/")[0]
        first, _, rest = p.text.partition(". ")
        title = first if rest and len(first) < 120 else p.text
        body = rest if title != p.text else ""
        if title != p.text and not title.endswith((".", "?", "!")):
            title += "."
        return {"kind": "t3", "data": {"id": rid, "name": nid, "author": a["handle"], "title": title,
                                        "selftext": body, "created_utc": float(int(p.at.timestamp())),
                                        "permalink": p.url.split("reddit.com")[1], "subreddit": sub,
                                        "subreddit_name_prefixed": "r/" + sub, "score": e.get("likes", 0),
                                        "num_comments": e.get("replies", 0), "url": p.url, "is_self": True}}
    if p.platform == "google_reviews" and "rating" in p.extra:
        return {"name": f"accounts/1122334455/locations/{hash_int(p.org or 'x')}/reviews/{nid}", "reviewId": nid,
                "reviewer": {"displayName": a["name"], "isAnonymous": False},
                "starRating": STARS[p.extra["rating"]], "comment": p.text,
                "createTime": p.at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), "updateTime": p.at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")}
    if p.platform == "yelp" and "rating" in p.extra:
        return {"id": nid, "url": p.url, "text": p.text, "rating": p.extra["rating"],
                "time_created": p.at.strftime("%Y-%m-%d %H:%M:%S"),
                "user": {"id": a["id"], "profile_url": f"https://www.yelp.com/user_details?userid={a['id']}", "name": a["name"]}}
    if p.platform == "news" and "title" in p.extra:
        site, outlet = NEWS_SITES[p.lang]
        return {"feed": {"title": outlet, "link": f"https://{site}/", "language": p.lang},
                "title": p.extra["title"], "link": p.url, "guid": p.url,
                "pubDate": p.at.strftime("%a, %d %b %Y %H:%M:%S +0000"), "creator": "Redacción" if p.lang == "es" else outlet,
                "description": p.text}
    return None


def hash_int(s):
    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16)


def random_time(r, lo=START, hi=END):
    span = int((hi - lo).total_seconds())
    return lo + dt.timedelta(seconds=r.randrange(span))


def bucket_of(t):
    return int(t.timestamp()) // BUCKET


def build_posts(g):
    r = g.r
    posts = []
    negatives = {}  # (org, bucket) -> complaints placed, to keep the baseline quiet

    def place(org, kind, avoid_burst):
        for _ in range(1000):
            t = random_time(r)
            if avoid_burst and org == "lapaz" and BURST_START - dt.timedelta(minutes=30) <= t <= BURST_END + dt.timedelta(minutes=20):
                continue
            if kind in ("complaint", "misinfo", "phi"):
                k = (org, bucket_of(t))
                if negatives.get(k, 0) >= 2:
                    continue
                negatives[k] = negatives.get(k, 0) + 1
            return t
        raise RuntimeError("could not place a post")

    def add(org, kind, lang, platform, text, extra=None, at=None):
        platform = platform or g.pick_platform()
        extra = dict(extra or {})
        if "at" in extra:
            hh, mm = extra.pop("at").split(":")
            at = DAY.replace(hour=int(hh), minute=int(mm), second=r.randrange(60))
        at = at or place(org, kind, avoid_burst=True)
        p = finish(g, Post(org, kind, lang, platform, text, at, extra))
        posts.append(p)
        return p

    for org, groups in ORGS.items():
        for kind, items in groups.items():
            for item in items:
                lang, platform, text = item[:3]
                extra = item[3] if len(item) > 3 else None
                add(org, kind, lang, platform, text, extra)
    for org, lang, platform, text, *rest in MISINFO:
        add(org, "misinfo", lang, platform, text, rest[0] if rest else None)
    for org, lang, platform, text, *rest in DEBUNKS:
        add(org, "debunk", lang, platform, text, rest[0] if rest else None)
    for org, lang, platform, text, *rest in PHI:
        add(org, "phi", lang, platform, text, rest[0] if rest else None)
    for org, lang, platform, text, extra in INFLUENCERS:
        add(org, "influencer", lang, platform, text, extra)
    for lang, platform, text, *rest in UNMATCHED:
        add(None, "unmatched", lang, platform, text, rest[0] if rest else None)

    # The burst: every item inside ten-odd minutes, mostly on X.
    span = int((BURST_END - BURST_START).total_seconds())
    burst = []
    for i, (lang, platform, text) in enumerate(LAPAZ_BURST):
        at = BURST_START + dt.timedelta(seconds=int(span * i / len(LAPAZ_BURST)) + r.randrange(0, 40))
        burst.append(add("lapaz", "burst", lang, platform or ("x" if r.random() < 0.75 else g.pick_platform()), text, at=at))

    # Campaigns: exact copies by different accounts, spread over the morning, then near-duplicates.
    for (org, lang, text), copies, near, (lo, hi) in (
        (CAMPAIGN, CAMPAIGN_COPIES, CAMPAIGN_NEAR, (8, 11)),
        (CAMPAIGN2, CAMPAIGN2_COPIES, CAMPAIGN2_NEAR, (9, 12)),
    ):
        lo_t, hi_t = DAY.replace(hour=lo), DAY.replace(hour=hi)
        times = sorted(random_time(r, lo_t, hi_t) for _ in range(1 + copies + len(near)))
        for i, t in enumerate(times):
            body = text if i <= copies else near[i - copies - 1]
            add(org, "campaign", lang, r.choice(["x", "x", "facebook"]), body, at=t)

    # Retweets of popular posts: "RT @handle: text" with repost_of, minutes after the original.
    popular = [p for p in posts if p.platform == "x" and p.kind in ("influencer", "burst", "misinfo", "praise", "debunk")]
    popular.sort(key=lambda p: p.id)
    chosen = [p for p in popular if p.kind in ("influencer", "misinfo")] + r.sample([p for p in popular if p.kind not in ("influencer", "misinfo")], 8)
    for orig in chosen:
        n = {"influencer": 5, "misinfo": 3}.get(orig.kind, 1 + (r.random() < 0.3))
        for _ in range(n):
            delay = dt.timedelta(seconds=r.randrange(60, 1500) if orig.kind != "burst" else r.randrange(20, 200))
            body = f"RT @{orig.author['handle']}: {orig.text}"
            if len(body) > 140:
                body = body[:139] + "…"
            kind = "burst" if orig.kind == "burst" else "retweet"
            rt = add(orig.org, kind, orig.lang, "x", body, at=orig.at + delay)
            rt.relations = {"repost_of": orig.id}
            rt.engagement = {"likes": 0, "replies": 0, "reposts": 0}

    # Replies quoting a misinformation post with a few words added (near-duplicates).
    mis = [p for p in posts if p.kind == "misinfo"]
    for orig, prefix in zip(mis[:4], ["Exactly!! ", "¡Verdad! ", "Condividete: ", "Ho sabia! "]):
        q = add(orig.org, "misinfo-copy", orig.lang, orig.platform, prefix + orig.text, at=orig.at + dt.timedelta(minutes=r.randrange(3, 30)))
        q.relations = {"quote_of": orig.id} if orig.platform == "x" else {}

    # Connector re-deliveries: the same record again a little later.
    redeliver = r.sample([p for p in posts if p.kind in ("praise", "neutral", "review")], 4)
    for p in redeliver:
        clone = Post(p.org, "redelivery", p.lang, p.platform, p.text, p.at, p.extra)
        clone.__dict__.update({k: v for k, v in p.__dict__.items() if k not in ("kind",)})
        clone.kind = "redelivery"
        clone.redelivery = True
        clone.sort_at = p.at + dt.timedelta(minutes=r.randrange(2, 20))
        posts.append(clone)
    return posts


# ---------------------------------------------------------------------------------------------
# Malformed records: (reason the decoder should give, bytes)
# ---------------------------------------------------------------------------------------------

def malformed(g):
    def line(obj):
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()

    def base(platform="x", text="Esperant a urgències de Sant Pau des de fa tres hores.", **over):
        nid = g.native_id(platform)
        m = {"id": f"{platform}:{nid}", "platform": platform, "author": {"id": str(g.r.randrange(10**8, 10**10)), "handle": "user" + nid[-4:]},
             "text": text, "created_at": iso(random_time(g.r))}
        m.update(over)
        return m

    out = []
    good = line(base(text="Cinco horas esperando en urgencias de La Paz."))
    out.append(("malformed_json", good[: len(good) // 2]))  # truncated by a connector
    out.append(("malformed_json", line(base(text="St Mary's parking is a rip-off."))[:-1] + b",}"))
    two = line(base(text="Ottimo servizio al Gemelli.")) + line(base(text="Pessimo servizio al Gemelli."))
    out.append(("malformed_json", two))  # two records glued on one line
    latin1 = json.dumps(base(text="Me atendieron muy bien en el Gregorio Marañón y en La Paz."), ensure_ascii=False).encode("latin-1")
    out.append(("invalid_utf8", latin1))  # a connector that wrote Latin-1
    cut = line(base(text="Servei excel·lent a Sant Pau"))
    i = cut.index("·".encode()) + 1
    out.append(("invalid_utf8", cut[:i] + cut[i + 1:]))  # a multi-byte character cut in half
    m = base(text="Sant Pau rocks")
    m.update(platform="myspace", id="myspace:88231")
    out.append(("unknown_platform", line(m)))
    m = base(text="St Mary's Hospital check-in")
    m.update(platform="friendster", id="friendster:1209")
    out.append(("unknown_platform", line(m)))
    m = base(text="x")
    del m["text"]
    out.append(("missing_field", line(m)))
    m = base(text="Llevo dos horas en La Paz.")
    del m["author"]
    out.append(("missing_field", line(m)))
    m = base(text="Tre ore al pronto soccorso del Gemelli.")
    del m["created_at"]
    out.append(("missing_field", line(m)))
    out.append(("wrong_type", line(base(text=12345))))
    out.append(("wrong_type", line([base(text="Sant Pau")])))  # an array, not an object
    out.append(("timestamp_in_future", line(base(text="Hospital La Paz, cita confirmada.", created_at="2099-01-01T00:00:00Z"))))
    out.append(("timestamp_in_future", line(base(text="Appointment at St Mary's tomorrow.", created_at="2031-06-30T09:00:00Z"))))
    out.append(("invalid_timestamp", line(base(text="Cita a Sant Pau.", created_at="20/11/2026 10:00"))))
    out.append(("empty_text", line(base(text="   "))))
    out.append(("invalid_value", line(base(text="Grazie Gemelli!", id="x:"))))
    return out


# ---------------------------------------------------------------------------------------------

def generate():
    g = Gen(SEED)
    posts = build_posts(g)
    bad = malformed(g)
    posts.sort(key=lambda p: (getattr(p, "sort_at", p.at), p.id))
    def payload(p):
        # About half of the records that have a native shape use it; influencer posts stay
        # canonical (Graph API comments carry no follower counts).
        obj = None
        if NATIVE and p.platform in NATIVE_PLATFORMS and p.kind != "influencer" and hash_int(p.id) % 2 == 0:
            obj = native(p)
        return json.dumps(obj or canonical(p), ensure_ascii=False, separators=(",", ":")).encode()

    lines = [(p, payload(p)) for p in posts]
    # Malformed records land at fixed pseudo-random places in the stream.
    for reason, data in bad:
        lines.insert(g.r.randrange(len(lines) + 1), (reason, data))

    body = b"\n".join(d for _, d in lines) + b"\n"
    expected = {"records": len(lines), "dead_letters": {}, "dead_letter_lines": [], "redeliveries": 0,
                "kinds": {}, "platforms": {}, "languages": {}, "organisations": {}}
    for n, (p, _) in enumerate(lines, start=1):
        if isinstance(p, str):
            expected["dead_letters"][p] = expected["dead_letters"].get(p, 0) + 1
            expected["dead_letter_lines"].append(n)
            continue
        if p.redelivery:
            expected["redeliveries"] += 1
            continue
        for key, val in (("kinds", p.kind), ("platforms", p.platform), ("languages", p.lang), ("organisations", p.org or "none")):
            expected[key][val] = expected[key].get(val, 0) + 1
    expected["valid"] = expected["records"] - len(expected["dead_letter_lines"]) - expected["redeliveries"]
    expected["surge"] = {"organisation": "lapaz", "brand": "Hospital La Paz", "kind": "negative_surge",
                         "window": [iso(BURST_START), iso(BURST_END)]}
    for key in ("kinds", "platforms", "languages", "organisations", "dead_letters"):
        expected[key] = dict(sorted(expected[key].items(), key=lambda kv: (-kv[1], kv[0])))
    return body, json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed sample is stale")
    args = ap.parse_args()
    body, expected = generate()
    if args.check:
        stale = [p for p, want in ((OUT, body), (EXPECTED, expected.encode())) if not p.exists() or p.read_bytes() != want]
        for p in stale:
            print(f"{p.relative_to(ROOT)} is stale: run scripts/gen-demo-sample.py", file=sys.stderr)
        sys.exit(1 if stale else 0)
    OUT.write_bytes(body)
    EXPECTED.write_text(expected)
    exp = json.loads(expected)
    print(f"wrote {OUT.relative_to(ROOT)}: {exp['records']} records, {exp['valid']} valid, "
          f"{len(exp['dead_letter_lines'])} malformed, {exp['redeliveries']} re-deliveries")
    print(f"wrote {EXPECTED.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
