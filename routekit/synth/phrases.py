"""Sentence templates for the synthetic route stories (Dutch and English, first and third person).

Kept apart from the generator so the phrasings can be read and extended as text. Placeholders:
{src} {dst} place names, {mode} a mode phrase ("met de bus"), {via} a transit place, {dur} a
duration, {hij}/{zijn} (nl) and {he}/{his} (en) pronouns, {c} a country, {adj} an adjective,
{cost} an amount. Templates in LEG_FIRST name the source explicitly (usable at the start or after
a jump); LEG_NEXT may leave it implicit (the previous stop). A template whose text holds {mode}
in MODE_REQUIRED sets needs a mode phrase; the others take an empty one when no mode is told.
"""

# Mode phrases per mode (the surface forms an extractor must map back to the mode).
MODE_NL = {
    "foot": ["te voet", "lopend", "te voet", "lopend over de bergen"],
    "car": ["met de auto", "in een auto", "met een personenauto", "met een bestelbus"],
    "bus": ["met de bus", "per bus", "met een touringcar", "met een lijnbus"],
    "train": ["met de trein", "per trein", "met de trein", "met een trein"],
    "truck": ["in een vrachtwagen", "achter in een vrachtwagen", "met een vrachtauto", "verstopt in een truck"],
    "boat": ["met een rubberboot", "per boot", "met een bootje", "met een opblaasboot", "met een vissersboot"],
    "plane": ["met het vliegtuig", "per vliegtuig", "met een vlucht", "met het vliegtuig"],
    "ferry": ["met de veerboot", "met een ferry", "met de boot (ferry)", "met een grote veerboot"],
}
MODE_EN = {
    "foot": ["on foot", "walking", "on foot through the mountains"],
    "car": ["by car", "in a car", "in a van"],
    "bus": ["by bus", "on a bus", "by coach", "on a long-distance bus"],
    "train": ["by train", "on a train", "by rail"],
    "truck": ["in a lorry", "in the back of a truck", "hidden in a lorry", "by truck"],
    "boat": ["by boat", "in a rubber dinghy", "in a small boat", "on an inflatable boat", "on a fishing boat"],
    "plane": ["by plane", "on a flight", "by air", "by plane"],
    "ferry": ["by ferry", "on the ferry", "on a big ferry"],
}

NL1_FIRST = [
    "Van {src} ben ik {mode} naar {dst} gegaan.",
    "Ik reisde {mode} van {src} naar {dst}.",
    "Vanuit {src} ging ik {mode} naar {dst}.",
    "Eerst naar {dst}, vanuit {src}, {mode}.",
    "Naar {dst} ben ik {mode} gegaan vanuit {src}.",
    "De reis van {src} naar {dst} ging {mode}.",
    "Na {dur} in {src} ben ik {mode} naar {dst} vertrokken.",
    "Ik ben {mode} van {src} naar {dst} gereisd.",
    "In {src} ben ik vertrokken, {mode}, richting {dst}, en daar kwam ik ook aan.",
    "{dst} heb ik bereikt vanuit {src}, {mode}.",
]
NL1_NEXT = [
    "Daarna ben ik {mode} naar {dst} gegaan.",
    "Toen ben ik {mode} naar {dst} gekomen.",
    "Vervolgens reisde ik {mode} verder naar {dst}.",
    "Daarna {mode} door naar {dst}.",
    "We zijn {mode} de grens over gegaan naar {dst}.",
    "Met ongeveer {n} anderen ging ik {mode} naar {dst}.",
    "Na {dur} ben ik {mode} naar {dst} vertrokken.",
    "Uiteindelijk kwam ik {mode} in {dst} aan.",
    "Wij zijn toen {mode} naar {dst} gebracht.",
    "Van daar ging het {mode} verder, naar {dst}.",
    "Ik ben daarna {mode} in {dst} aangekomen.",
    "Later ben ik {mode} doorgereisd naar {dst}.",
]
NL3_FIRST = [
    "Betrokkene verklaart dat {hij} {mode} van {src} naar {dst} is gereisd.",
    "Vanuit {src} is {hij} {mode} naar {dst} gegaan.",
    "Volgens eigen zeggen is {hij} {mode} van {src} naar {dst} gereisd.",
    "{Hij} verklaarde dat {hij} eerst naar {dst} ging, vanuit {src}, {mode}.",
    "De reis van {src} naar {dst} heeft {hij} {mode} afgelegd.",
    "Betrokkene is naar eigen zeggen {mode} vanuit {src} naar {dst} gereisd.",
    "Na {dur} in {src} vertrok {hij} {mode} naar {dst}.",
    "{Hij} gaf aan dat {hij} {mode} uit {src} naar {dst} was gekomen.",
]
NL3_NEXT = [
    "Daarna is {hij} {mode} doorgereisd naar {dst}.",
    "Vervolgens reisde {hij} {mode} verder naar {dst}.",
    "{Hij} kwam {mode} aan in {dst}.",
    "Toen is {hij} {mode} naar {dst} gegaan.",
    "Hierna ging de reis {mode} verder naar {dst}.",
    "Betrokkene verklaart daarna {mode} naar {dst} te zijn gegaan.",
    "Na {dur} reisde {hij} {mode} door naar {dst}.",
    "Met een groep van ongeveer {n} personen ging {hij} {mode} naar {dst}.",
    "Volgens betrokkene werd {hij} {mode} naar {dst} gebracht.",
]
EN1_FIRST = [
    "From {src} I went {mode} to {dst}.",
    "I travelled {mode} from {src} to {dst}.",
    "I left {src} and went {mode} to {dst}.",
    "First to {dst}, from {src}, {mode}.",
    "I reached {dst} {mode} from {src}.",
    "The journey from {src} to {dst} was {mode}.",
    "After {dur} in {src} I left {mode} for {dst}.",
    "I went to {dst} {mode}, coming from {src}.",
]
EN1_NEXT = [
    "Then I went {mode} to {dst}.",
    "After that I travelled {mode} to {dst}.",
    "From there I continued {mode} to {dst}.",
    "We crossed the border {mode} into {dst}.",
    "With about {n} other people I went {mode} to {dst}.",
    "After {dur} I left {mode} for {dst}.",
    "Eventually I arrived {mode} in {dst}.",
    "Later we were taken {mode} to {dst}.",
    "Next I went on {mode} to {dst}.",
]
EN3_FIRST = [
    "The applicant stated that {he} travelled {mode} from {src} to {dst}.",
    "From {src}, {he} went {mode} to {dst}.",
    "According to the applicant, {he} left {src} {mode} for {dst}.",
    "{He} first went to {dst}, from {src}, {mode}.",
    "After {dur} in {src}, {he} travelled {mode} to {dst}.",
    "The applicant declared that {he} had come {mode} from {src} to {dst}.",
]
EN3_NEXT = [
    "{He} then travelled {mode} to {dst}.",
    "After that {he} continued {mode} to {dst}.",
    "{He} stated that {he} then went {mode} to {dst}.",
    "Next, {he} was taken {mode} to {dst}.",
    "With a group of about {n} people {he} went {mode} to {dst}.",
    "Eventually {he} arrived {mode} in {dst}.",
    "After {dur} {he} moved on {mode} to {dst}.",
]
# "Wrong order told": a later leg is told first, then this sentence tells the earlier one.
FLASHBACK = {
    ("nl", 1): ["Daarvoor was ik {mode} van {src} naar {dst} gereisd.",
                "Voordat ik daar was, ben ik {mode} van {src} naar {dst} gegaan.",
                "Dat was nadat ik {mode} van {src} naar {dst} was gegaan."],
    ("nl", 3): ["Daarvoor was {hij} {mode} van {src} naar {dst} gereisd.",
                "Voorafgaand daaraan was {hij} {mode} vanuit {src} in {dst} aangekomen."],
    ("en", 1): ["Before that I had travelled {mode} from {src} to {dst}.",
                "That was after I had gone {mode} from {src} to {dst}."],
    ("en", 3): ["Before that, {he} had gone {mode} from {src} to {dst}.",
                "Prior to this {he} had travelled {mode} from {src} to {dst}."],
}
# Several legs in one sentence: the modes of grouped legs are not told.
GROUPED = {
    ("nl", 1): ["Daarna ben ik via {via} naar {dst} gereisd.", "Via {via} kwam ik in {dst}.",
                "Ik ging verder via {via} naar {dst}."],
    ("nl", 3): ["Daarna reisde {hij} via {via} naar {dst}.", "Via {via} kwam {hij} in {dst}."],
    ("en", 1): ["Then I travelled via {via} to {dst}.", "Via {via} I got to {dst}."],
    ("en", 3): ["{He} then travelled via {via} to {dst}.", "Via {via} {he} reached {dst}."],
}
ORIGIN = {
    ("nl", 1): ["Ik ben in {when} uit {src} vertrokken.", "Ik kom uit {src} en ben daar in {when} weggegaan.",
                "In {when} verliet ik {src}."],
    ("nl", 3): ["Betrokkene verliet {src} in {when}.", "{Hij} is in {when} uit {src} vertrokken."],
    ("en", 1): ["I left {src} in {when}.", "I come from {src}; I left in {when}."],
    ("en", 3): ["The applicant left {src} in {when}.", "{He} departed from {src} in {when}."],
}
INTENT = {
    ("nl", 1): ["Ik wilde eigenlijk naar {c}.", "Mijn plan was om naar {c} te gaan.",
                "Het was de bedoeling om door te reizen naar {c}."],
    ("nl", 3): ["{Hij} wilde naar {c}.", "Betrokkene verklaart dat {hij} op weg was naar {c}."],
    ("en", 1): ["I actually wanted to go to {c}.", "My plan was to reach {c}."],
    ("en", 3): ["{He} said {he} was on {his} way to {c}.", "{His} intention was to travel on to {c}."],
}
NEGATION = {
    ("nl", 1): ["Ik ben niet in {c} geweest.", "In {c} ben ik nooit geweest.", "Wij zijn niet door {c} gekomen."],
    ("nl", 3): ["Betrokkene verklaart niet in {c} te zijn geweest.", "{Hij} is naar eigen zeggen niet in {c} geweest."],
    ("en", 1): ["I was never in {c}.", "I did not pass through {c}."],
    ("en", 3): ["{He} denied having been in {c}.", "{He} stated that {he} did not travel through {c}."],
}
RELATIVE = {
    ("nl", 1): ["Mijn {rel} {name} woont in {c}.", "Ik heb een {rel} in {c}, {name}.", "{name}, mijn {rel}, woont al jaren in {c}."],
    ("nl", 3): ["Een {rel} van betrokkene, {name}, woont in {c}.", "{Zijn} {rel} {name} verblijft in {c}."],
    ("en", 1): ["My {rel} {name} lives in {c}.", "I have a {rel} in {c}, {name}."],
    ("en", 3): ["{His} {rel} {name} lives in {c}.", "The applicant has a {rel} ({name}) living in {c}."],
}
RELATION_EN = {"broer": "brother", "zus": "sister", "vader": "father", "moeder": "mother", "neef": "cousin", "oom": "uncle"}
FORGED = {
    ("nl", 1): ["Ik reisde met een vals {adj} paspoort.", "Ik had een vals {adj} paspoort gekregen van de smokkelaar.",
                "Voor de reis kreeg ik een {adj} paspoort dat niet van mij was."],
    ("nl", 3): ["{Hij} reisde met een vals {adj} paspoort.", "Betrokkene maakte gebruik van een vervalst {adj} paspoort."],
    ("en", 1): ["I travelled with a false {adj} passport.", "I used a fake {adj} passport."],
    ("en", 3): ["{He} travelled on a forged {adj} passport.", "{He} used a false {adj} passport."],
}
SMUGGLER_YES = {
    ("nl", 1): ["Ik heb {cost} euro betaald aan een smokkelaar.", "Ik betaalde {cost} euro.", "De smokkelaar regelde alles.",
                "Een mensensmokkelaar heeft de reis geregeld; ik betaalde {cost} euro.", "Mijn familie betaalde de smokkelaar {cost} euro."],
    ("nl", 3): ["{Hij} betaalde {cost} euro aan een smokkelaar.", "De reis werd geregeld door een mensensmokkelaar.",
                "Betrokkene verklaart {cost} euro te hebben betaald aan een smokkelaar.", "Er werd {cost} euro betaald aan een mensensmokkelaar."],
    ("en", 1): ["I paid {cost} euros to a smuggler.", "The smuggler organised everything.", "My family paid the smuggler {cost} euros."],
    ("en", 3): ["{He} paid {cost} euros to a smuggler.", "The journey was arranged by a smuggler.",
                "The applicant stated that a smuggler was paid {cost} euros."],
}
SMUGGLER_NO = {
    ("nl", 1): ["Ik heb geen smokkelaar gebruikt.", "Ik heb de reis zelf geregeld, zonder smokkelaar.",
                "Niemand heeft mij geholpen; ik heb geen smokkelaar betaald."],
    ("nl", 3): ["Er was volgens betrokkene geen smokkelaar bij betrokken.", "{Hij} verklaart de reis zelf te hebben geregeld, zonder smokkelaar."],
    ("en", 1): ["I did not use a smuggler.", "I organised the trip myself, without a smuggler."],
    ("en", 3): ["{He} stated that no smuggler was involved.", "{He} organised the journey without a smuggler."],
}
FILLER = {
    ("nl", 1): ["Het was een zware reis.", "Onderweg hadden we weinig eten.", "Ik heb daar een tijd moeten wachten.",
                "Ik was erg bang.", "Ik weet de precieze data niet meer."],
    ("nl", 3): ["Betrokkene kan de data niet precies benoemen.", "{Hij} verklaart dat de reis zwaar was."],
    ("en", 1): ["It was a hard journey.", "I do not remember the exact dates.", "We had very little food."],
    ("en", 3): ["{He} could not give exact dates.", "{He} described the journey as very difficult."],
}
NOT_ASKED = {
    "nl": ["Tijdens dit gehoor is niet ingegaan op de reisroute.", "De reisroute is in dit gehoor niet aan de orde gekomen.",
           "Betrokkene is gehoord over identiteit, nationaliteit en herkomst. Naar de reisroute is niet gevraagd.",
           "Het gehoor werd voortijdig beëindigd; de reisroute is niet besproken."],
    "en": ["The travel route was not discussed in this interview.", "The route question was not asked.",
           "The interview covered identity and nationality only."],
}
ARRIVAL_EXTRA = {
    "nl": ["Daarna ben ik naar Ter Apel gegaan om asiel aan te vragen.", "Ik heb me gemeld in Ter Apel."],
    "en": ["Then I went to Ter Apel to apply for asylum.", "I reported at Ter Apel."],
}
