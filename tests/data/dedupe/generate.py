#!/usr/bin/env python3
"""Generate the labelled near-duplicate pairs for `vigia eval dedupe`.

Reproducible: hand-written seed texts below (English, Spanish, Catalan, Italian), fixed random
seed, no network. Output: pairs.jsonl next to this script, one pair a line:
  {"lang": "es", "edit": "rt+url", "duplicate": true, "a": "...", "b": "..."}

Seeds come in topic groups: the texts of one group are different messages about the same
organisation and aspect (two complaints about one hospital's wait times), so pairs across a
group are the hard non-duplicates. Duplicates are a seed and a controlled edit of it: added
handles, URLs, emojis, a retweet prefix, a few words changed, truncation, a quote comment, and
combinations.

Run: python3 tests/data/dedupe/generate.py   (rewrites pairs.jsonl)
"""
import json
import os
import random

SEEDS = {
    "en": [
        [  # wait times, one hospital
            "Six hours in the emergency room at St Mary's Hospital and my dad still hasn't seen a doctor. This is unacceptable for an 80 year old with chest pain.",
            "St Mary's Hospital emergency room is a joke tonight, four hours wait and the triage nurse told us it could be another four. Bring food if you go.",
            "Waited two hours at the St Mary's Hospital emergency room but the doctor who finally saw my son was brilliant and explained everything.",
        ],
        [  # billing
            "Got billed twice by Riverside Medical Center for the same MRI and nobody in billing answers the phone. Three weeks of calls and still nothing.",
            "Riverside Medical Center billing sent my unpaid MRI bill to collections while my insurance claim was still open. Who does that to patients?",
            "Riverside Medical Center finally refunded the double charge for my MRI after I tweeted about it. Thank you to the billing team lead who called me.",
        ],
        [  # staff praise
            "Huge thanks to the nurses on ward 7 at St Mary's Hospital who looked after my mum after her hip surgery. Kind, patient and always smiling.",
            "The night nurses on ward 7 at St Mary's Hospital ignored my mum's call bell for forty minutes after her hip surgery. Staffing is clearly broken.",
            "Ward 7 at St Mary's Hospital is being renovated, so hip surgery patients are moved to ward 9 until March according to the nurses.",
        ],
        [  # misinformation
            "My cousin works at Riverside Medical Center and says the flu vaccine they give this year contains microchips. Do not let them inject your kids.",
            "No, the flu vaccine at Riverside Medical Center does not contain microchips. The rumour going around is false, the ingredients list is public.",
            "Riverside Medical Center is offering free flu vaccines for kids this Saturday from 9 to 2, no appointment needed, bring your insurance card.",
        ],
        [  # appointments
            "Tried to book a cardiology appointment at Lakeside Clinic and the earliest slot is in seven months. My GP said it was urgent. What are we supposed to do?",
            "Lakeside Clinic cancelled my cardiology appointment the day before for the third time. Seven months waiting and now back to the end of the queue.",
            "Booked a cardiology appointment at Lakeside Clinic online in two minutes and got a slot next week. The new app actually works.",
        ],
        [  # cleanliness
            "The toilets in the maternity wing of Lakeside Clinic were filthy when my sister gave birth yesterday. No soap, no paper, bins overflowing.",
            "The maternity wing at Lakeside Clinic is spotless, my sister gave birth there yesterday and the cleaners came through twice a day.",
        ],
        [  # parking
            "Parking at St Mary's Hospital now costs 4 pounds an hour. Visiting my wife in oncology every day is costing me more than my electricity bill.",
            "St Mary's Hospital should make parking free for oncology patients and their families. Other hospitals in the region already do it.",
        ],
    ],
    "es": [
        [
            "Seis horas en urgencias del Hospital La Paz y a mi padre todavía no lo ha visto ningún médico. Con 80 años y dolor en el pecho. Vergonzoso.",
            "Las urgencias del Hospital La Paz hoy son un caos, cuatro horas de espera y nos dicen que puede ser otras cuatro. Llevad comida si vais.",
            "Dos horas de espera en urgencias del Hospital La Paz pero la doctora que atendió a mi hijo fue un encanto y nos lo explicó todo.",
        ],
        [
            "La Clínica San Rafael me ha cobrado dos veces la misma resonancia y en facturación nadie coge el teléfono. Tres semanas llamando y nada.",
            "La Clínica San Rafael ha mandado a recobro la factura de mi resonancia mientras el seguro aún la estaba tramitando. Esto no se hace a un paciente.",
            "La Clínica San Rafael por fin me ha devuelto el cobro duplicado de la resonancia. Gracias a la responsable de facturación que me llamó.",
        ],
        [
            "Mil gracias a las enfermeras de la planta 5 del Hospital La Paz que cuidaron a mi madre tras la operación de cadera. Pacientes y siempre con una sonrisa.",
            "Las enfermeras del turno de noche de la planta 5 del Hospital La Paz tardaron cuarenta minutos en atender el timbre de mi madre operada de cadera.",
            "La planta 5 del Hospital La Paz está en obras, así que los operados de cadera pasan a la planta 7 hasta marzo según nos dijeron.",
        ],
        [
            "Una amiga que trabaja en la Clínica San Rafael dice que la vacuna de la gripe de este año lleva grafeno. No dejéis que se la pongan a vuestros hijos.",
            "No, la vacuna de la gripe de la Clínica San Rafael no lleva grafeno. El bulo que circula es falso, la composición es pública.",
            "La Clínica San Rafael vacuna gratis de la gripe a niños este sábado de 9 a 14, sin cita previa, solo hay que llevar la tarjeta sanitaria.",
        ],
        [
            "Intento pedir cita con cardiología en el Hospital Virgen del Rocío y la primera fecha es dentro de siete meses. Mi médico dijo que era urgente.",
            "El Hospital Virgen del Rocío me ha anulado la cita de cardiología el día antes por tercera vez. Siete meses esperando y otra vez a la cola.",
            "He pedido cita de cardiología en el Hospital Virgen del Rocío por la app en dos minutos y me la dan para la semana que viene. Funciona.",
        ],
        [
            "Los baños de maternidad del Hospital Virgen del Rocío estaban asquerosos cuando dio a luz mi hermana ayer. Sin jabón, sin papel y las papeleras llenas.",
            "La maternidad del Hospital Virgen del Rocío está impecable, mi hermana dio a luz ayer y las limpiadoras pasaron dos veces al día.",
        ],
        [
            "Aparcar en el Hospital La Paz ya cuesta 3 euros la hora. Visitar a mi mujer en oncología cada día me sale más caro que la factura de la luz.",
            "El Hospital La Paz debería dejar aparcar gratis a los pacientes de oncología y sus familias. Otros hospitales de Madrid ya lo hacen.",
        ],
    ],
    "ca": [
        [
            "Sis hores a urgències de l'Hospital de Sant Pau i el meu pare encara no l'ha vist cap metge. Amb 80 anys i dolor al pit. Vergonyós.",
            "Les urgències de l'Hospital de Sant Pau avui són un caos, quatre hores d'espera i ens diuen que poden ser quatre més. Porteu menjar si hi aneu.",
            "Dues hores d'espera a urgències de l'Hospital de Sant Pau però la metgessa que va atendre el meu fill va ser molt amable i ens ho va explicar tot.",
        ],
        [
            "L'Hospital Clínic m'ha cobrat dues vegades la mateixa ressonància i a facturació ningú agafa el telèfon. Tres setmanes trucant i res.",
            "L'Hospital Clínic ha enviat a cobrament la factura de la meva ressonància mentre la mútua encara la tramitava. Això no es fa a un pacient.",
            "L'Hospital Clínic finalment m'ha retornat el cobrament duplicat de la ressonància. Gràcies a la responsable de facturació que em va trucar.",
        ],
        [
            "Moltes gràcies a les infermeres de la planta 6 de l'Hospital de Sant Pau que van cuidar la meva mare després de l'operació de maluc. Sempre amb un somriure.",
            "Les infermeres del torn de nit de la planta 6 de l'Hospital de Sant Pau van trigar quaranta minuts a respondre el timbre de la meva mare operada de maluc.",
            "La planta 6 de l'Hospital de Sant Pau està en obres, i els operats de maluc passen a la planta 8 fins al març segons ens van dir.",
        ],
        [
            "Una amiga que treballa a l'Hospital Clínic diu que la vacuna de la grip d'aquest any porta grafè. No deixeu que la posin als vostres fills.",
            "No, la vacuna de la grip de l'Hospital Clínic no porta grafè. La falsa notícia que circula és mentida, la composició és pública.",
            "L'Hospital Clínic vacuna gratis de la grip els nens aquest dissabte de 9 a 14, sense cita prèvia, només cal portar la targeta sanitària.",
        ],
        [
            "Intento demanar hora amb cardiologia a l'Hospital Vall d'Hebron i la primera data és d'aquí a set mesos. El meu metge va dir que era urgent.",
            "L'Hospital Vall d'Hebron m'ha anul·lat la visita de cardiologia el dia abans per tercer cop. Set mesos esperant i un altre cop a la cua.",
            "He demanat hora de cardiologia a l'Hospital Vall d'Hebron per l'app en dos minuts i me la donen per la setmana que ve. Funciona.",
        ],
        [
            "Els lavabos de maternitat de l'Hospital Vall d'Hebron estaven fastigosos quan la meva germana va parir ahir. Sense sabó, sense paper i les papereres plenes.",
            "La maternitat de l'Hospital Vall d'Hebron està impecable, la meva germana va parir ahir i les netejadores van passar dues vegades al dia.",
        ],
        [
            "Aparcar a l'Hospital de Sant Pau ja costa 3 euros l'hora. Visitar la meva dona a oncologia cada dia em surt més car que la factura de la llum.",
            "L'Hospital de Sant Pau hauria de deixar aparcar gratis els pacients d'oncologia i les seves famílies. Altres hospitals de Barcelona ja ho fan.",
        ],
    ],
    "it": [
        [
            "Sei ore al pronto soccorso del Policlinico Gemelli e mio padre non è ancora stato visitato da nessun medico. Ha 80 anni e dolore al petto. Vergognoso.",
            "Il pronto soccorso del Policlinico Gemelli stasera è un disastro, quattro ore di attesa e ci dicono che potrebbero essere altre quattro. Portatevi da mangiare.",
            "Due ore di attesa al pronto soccorso del Policlinico Gemelli ma la dottoressa che ha visitato mio figlio è stata bravissima e ci ha spiegato tutto.",
        ],
        [
            "L'Ospedale San Raffaele mi ha addebitato due volte la stessa risonanza e all'ufficio fatture nessuno risponde al telefono. Tre settimane di chiamate.",
            "L'Ospedale San Raffaele ha mandato al recupero crediti la fattura della mia risonanza mentre l'assicurazione la stava ancora gestendo. Non si fa.",
            "L'Ospedale San Raffaele mi ha finalmente rimborsato l'addebito doppio della risonanza. Grazie alla responsabile dell'ufficio fatture che mi ha chiamato.",
        ],
        [
            "Grazie di cuore alle infermiere del reparto 4 del Policlinico Gemelli che hanno assistito mia madre dopo l'operazione all'anca. Sempre gentili e sorridenti.",
            "Le infermiere del turno di notte del reparto 4 del Policlinico Gemelli hanno impiegato quaranta minuti a rispondere al campanello di mia madre operata all'anca.",
            "Il reparto 4 del Policlinico Gemelli è in ristrutturazione, quindi gli operati all'anca vengono spostati al reparto 6 fino a marzo.",
        ],
        [
            "Una mia amica che lavora all'Ospedale San Raffaele dice che il vaccino antinfluenzale di quest'anno contiene grafene. Non fatelo ai vostri figli.",
            "No, il vaccino antinfluenzale dell'Ospedale San Raffaele non contiene grafene. La bufala che gira è falsa, la composizione è pubblica.",
            "L'Ospedale San Raffaele vaccina gratis contro l'influenza i bambini questo sabato dalle 9 alle 14, senza prenotazione, basta la tessera sanitaria.",
        ],
        [
            "Provo a prenotare una visita cardiologica all'Ospedale Niguarda e la prima data disponibile è tra sette mesi. Il mio medico ha detto che era urgente.",
            "L'Ospedale Niguarda mi ha annullato la visita cardiologica il giorno prima per la terza volta. Sette mesi di attesa e di nuovo in fondo alla lista.",
            "Ho prenotato una visita cardiologica all'Ospedale Niguarda con l'app in due minuti e me l'hanno data per la settimana prossima. Funziona davvero.",
        ],
        [
            "I bagni del reparto maternità dell'Ospedale Niguarda erano sporchissimi quando mia sorella ha partorito ieri. Niente sapone, niente carta e cestini pieni.",
            "Il reparto maternità dell'Ospedale Niguarda è pulitissimo, mia sorella ha partorito ieri e le addette alle pulizie sono passate due volte al giorno.",
        ],
        [
            "Parcheggiare al Policlinico Gemelli ormai costa 3 euro all'ora. Andare a trovare mia moglie in oncologia ogni giorno mi costa più della bolletta della luce.",
            "Il Policlinico Gemelli dovrebbe rendere gratuito il parcheggio per i pazienti oncologici e le loro famiglie. Altri ospedali di Roma lo fanno già.",
        ],
    ],
}

# Short posts: a changed word is a large share of the text.
SHORT = {
    "en": [
        ["St Mary's Hospital ER wait is four hours again tonight", "St Mary's Hospital ER staff were amazing with my son tonight"],
        ["Lakeside Clinic lost my blood test results twice this month", "Lakeside Clinic sent my blood test results in one day"],
        ["Riverside Medical Center parking is full again, circled for 40 minutes", "Riverside Medical Center parking is free on Sundays now"],
    ],
    "es": [
        ["Otra vez cuatro horas de espera en urgencias del Hospital La Paz", "El personal de urgencias del Hospital La Paz fue genial con mi hijo"],
        ["La Clínica San Rafael ha perdido mis análisis dos veces este mes", "La Clínica San Rafael me ha mandado los análisis en un día"],
        ["El parking del Hospital Virgen del Rocío lleno otra vez, 40 minutos dando vueltas", "El parking del Hospital Virgen del Rocío ya es gratis los domingos"],
    ],
    "ca": [
        ["Un altre cop quatre hores d'espera a urgències de l'Hospital de Sant Pau", "El personal d'urgències de l'Hospital de Sant Pau va ser genial amb el meu fill"],
        ["L'Hospital Clínic ha perdut les meves analítiques dues vegades aquest mes", "L'Hospital Clínic m'ha enviat les analítiques en un dia"],
        ["El pàrquing de l'Hospital Vall d'Hebron ple un altre cop, 40 minuts donant voltes", "El pàrquing de l'Hospital Vall d'Hebron ja és gratuït els diumenges"],
    ],
    "it": [
        ["Di nuovo quattro ore di attesa al pronto soccorso del Policlinico Gemelli", "Il personale del pronto soccorso del Policlinico Gemelli è stato bravissimo con mio figlio"],
        ["L'Ospedale San Raffaele ha perso le mie analisi due volte questo mese", "L'Ospedale San Raffaele mi ha mandato le analisi in un giorno"],
        ["Il parcheggio dell'Ospedale Niguarda è di nuovo pieno, 40 minuti a girare", "Il parcheggio dell'Ospedale Niguarda adesso è gratis la domenica"],
    ],
}

# Two outlets reporting one event in their own words: many shared words, not a copy.
HEADLINES = {
    "en": [
        ("St Mary's Hospital reopens its emergency department after a two-year renovation", "After two years of renovation, the emergency department at St Mary's Hospital reopens today"),
        ("Nurses at Riverside Medical Center vote to strike over staffing levels", "Riverside Medical Center nurses vote for a strike over unsafe staffing levels on wards"),
        ("Lakeside Clinic fined for data breach that exposed patient records", "Patient records exposed in Lakeside Clinic data breach, regulator fines the clinic"),
    ],
    "es": [
        ("El Hospital La Paz reabre sus urgencias tras dos años de obras", "Tras dos años de obras, las urgencias del Hospital La Paz reabren hoy"),
        ("Las enfermeras de la Clínica San Rafael votan ir a la huelga por falta de personal", "Huelga de enfermeras en la Clínica San Rafael por la falta de personal en planta"),
        ("Multa al Hospital Virgen del Rocío por una filtración de historias clínicas", "Una filtración de historias clínicas del Hospital Virgen del Rocío acaba en multa"),
    ],
    "ca": [
        ("L'Hospital de Sant Pau reobre les urgències després de dos anys d'obres", "Després de dos anys d'obres, les urgències de l'Hospital de Sant Pau reobren avui"),
        ("Les infermeres de l'Hospital Clínic voten anar a vaga per manca de personal", "Vaga d'infermeres a l'Hospital Clínic per la manca de personal a planta"),
        ("Multa a l'Hospital Vall d'Hebron per una filtració d'històries clíniques", "Una filtració d'històries clíniques de l'Hospital Vall d'Hebron acaba amb multa"),
    ],
    "it": [
        ("Il Policlinico Gemelli riapre il pronto soccorso dopo due anni di lavori", "Dopo due anni di lavori riapre oggi il pronto soccorso del Policlinico Gemelli"),
        ("Le infermiere dell'Ospedale San Raffaele votano lo sciopero per carenza di personale", "Sciopero delle infermiere all'Ospedale San Raffaele per la carenza di personale nei reparti"),
        ("Multa all'Ospedale Niguarda per una fuga di dati delle cartelle cliniche", "Fuga di dati delle cartelle cliniche all'Ospedale Niguarda, arriva la multa"),
    ],
}

# Words a reposter swaps in: fillers and near-synonyms, per language.
SWAPS = {
    "en": ["really", "totally", "today", "again", "honestly", "seriously", "just", "now", "literally", "still", "dad", "mum", "tonight", "awful"],
    "es": ["hoy", "otra", "vez", "de", "verdad", "ya", "ahora", "tío", "fatal", "mi", "madre", "todavía", "increíble", "encima"],
    "ca": ["avui", "altre", "cop", "de", "debò", "ja", "ara", "encara", "increïble", "a", "sobre", "mare", "fatal", "molt"],
    "it": ["oggi", "ancora", "davvero", "già", "adesso", "ieri", "sempre", "mamma", "pazzesco", "assurdo", "proprio", "tipo", "papà", "sera"],
}
QUOTES = {
    "en": ["This!", "Same happened to us.", "Unbelievable.", "Please share"],
    "es": ["¡Esto!", "Nos pasó lo mismo.", "Increíble.", "Compartid"],
    "ca": ["Això!", "Ens va passar el mateix.", "Increïble.", "Compartiu"],
    "it": ["Questo!", "Successo anche a noi.", "Incredibile.", "Condividete"],
}
EMOJIS = ["😡", "🙏", "👏", "😢", "🏥", "‼️", "🤬", "❤️", "👇", "😷"]

rng = random.Random(20261124)


def handle():
    return "@" + rng.choice(["maria", "jordi", "luca", "pepe", "sanidad", "news", "ana", "marco", "laura"]) + str(rng.randint(1, 999))


def url():
    return "https://t.co/" + "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789") for _ in range(10))


def change_words(text, lang, n):
    words = text.split()
    idx = [i for i, w in enumerate(words) if len(w.strip(".,!?¿¡")) >= 4]
    rng.shuffle(idx)
    for i in idx[:n]:
        op = rng.random()
        if op < 0.6:
            words[i] = rng.choice(SWAPS[lang])
        elif op < 0.8:
            words[i] = ""
        else:
            words.insert(i, rng.choice(SWAPS[lang]))
    return " ".join(w for w in words if w)


def add_emojis(text):
    words = text.split()
    for _ in range(rng.randint(1, 3)):
        words.insert(rng.randint(0, len(words)), rng.choice(EMOJIS))
    return " ".join(words)


def truncate_half(text):
    words = text.split()
    return " ".join(words[: max(5, int(len(words) * rng.uniform(0.5, 0.65)))]) + "…"


def swap_sentences(text):
    parts = [p for p in text.replace("! ", ". ").split(". ") if p]
    if len(parts) < 2:
        return text
    return ". ".join(parts[1:] + parts[:1])


def truncate(text):
    words = text.split()
    keep = max(6, int(len(words) * rng.uniform(0.7, 0.85)))
    return " ".join(words[:keep]) + "…"


EDITS = {
    "handle": lambda t, l: f"{handle()} {t}" if rng.random() < 0.5 else f"{t} {handle()} {handle()}",
    "url": lambda t, l: f"{t} {url()}",
    "emoji": lambda t, l: add_emojis(t),
    "rt": lambda t, l: f"RT {handle()}: {t}",
    "words1": lambda t, l: change_words(t, l, 1),
    "words2": lambda t, l: change_words(t, l, 2),
    "words3": lambda t, l: change_words(t, l, 3),
    "truncate": lambda t, l: truncate(t),
    "quote": lambda t, l: f"{rng.choice(QUOTES[l])} {t}",
    "case": lambda t, l: t.upper().replace(".", "!!") if rng.random() < 0.5 else t.lower().replace(",", ""),
    "words4": lambda t, l: change_words(t, l, 4),
    "truncate_half": lambda t, l: truncate_half(t),
    "quote_long": lambda t, l: f"{rng.choice(QUOTES[l])} {' '.join(rng.sample(SWAPS[l], 5))} {t}",
    "sentence_order": lambda t, l: swap_sentences(t),
    "rt+url": lambda t, l: f"RT {handle()}: {t} {url()}",
    "rt+words2+emoji": lambda t, l: f"RT {handle()}: {add_emojis(change_words(t, l, 2))}",
    "truncate+url": lambda t, l: f"{truncate(t)} {url()}",
    "words2+handle+url": lambda t, l: f"{handle()} {change_words(t, l, 2)} {url()}",
}

DECOR = ["handle", "url", "emoji", "rt"]


def main():
    out = []
    for lang, groups in SEEDS.items():
        seeds = [(g, t) for g, grp in enumerate(groups) for t in grp]
        # duplicates: every seed with every edit
        for _, t in seeds:
            for name, f in EDITS.items():
                out.append({"lang": lang, "edit": name, "duplicate": True, "a": t, "b": f(t, lang)})
        # hard non-duplicates: messages of one group (same organisation and aspect), plain and
        # with a decoration or a retweet prefix on the second
        for grp in groups:
            for i in range(len(grp)):
                for j in range(len(grp)):
                    if i == j:
                        continue
                    out.append({"lang": lang, "edit": "same_topic", "duplicate": False, "a": grp[i], "b": grp[j]})
                    d = rng.choice(DECOR)
                    out.append({"lang": lang, "edit": f"same_topic+{d}", "duplicate": False, "a": grp[i], "b": EDITS[d](grp[j], lang)})
                    out.append({"lang": lang, "edit": "same_topic+words1", "duplicate": False, "a": grp[i], "b": EDITS["words1"](grp[j], lang)})
        # short posts: every edit except the long-text ones; siblings are non-duplicates
        for a, b in SHORT[lang]:
            for name in ["handle", "url", "emoji", "rt", "words1", "case", "rt+url"]:
                out.append({"lang": lang, "edit": f"short_{name}", "duplicate": True, "a": a, "b": EDITS[name](a, lang)})
            out.append({"lang": lang, "edit": "short_same_topic", "duplicate": False, "a": a, "b": b})
            out.append({"lang": lang, "edit": "short_same_topic+rt", "duplicate": False, "a": a, "b": EDITS["rt"](b, lang)})
        # one event in two outlets' words
        for a, b in HEADLINES[lang]:
            out.append({"lang": lang, "edit": "paraphrased_news", "duplicate": False, "a": a, "b": b})
            out.append({"lang": lang, "edit": "paraphrased_news+url", "duplicate": False, "a": a, "b": EDITS["url"](b, lang)})
        # other non-duplicates: different topics of the same language
        for _ in range(len(seeds) * 2):
            (ga, a), (gb, b) = rng.sample(seeds, 2)
            if ga != gb:
                out.append({"lang": lang, "edit": "other_topic", "duplicate": False, "a": a, "b": b})
    # across languages: the same message translated is a different mention, not a copy
    for g in range(7):
        for la, lb in [("es", "ca"), ("es", "it"), ("en", "es"), ("ca", "it")]:
            for a, b in zip(SEEDS[la][g], SEEDS[lb][g]):
                out.append({"lang": f"{la}-{lb}", "edit": "translation", "duplicate": False, "a": a, "b": b})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pairs.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = sum(r["duplicate"] for r in out)
    print(f"{len(out)} pairs ({pos} duplicates, {len(out) - pos} non-duplicates) -> {path}")


if __name__ == "__main__":
    main()
