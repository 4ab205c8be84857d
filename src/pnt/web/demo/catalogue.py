"""What the demo offer is made of: kinds of organisations and the activities each runs.

Titles and descriptions are Dutch, as providers write them on ikdoemee.be; `{m}` is the
municipality, `{place}` a house name and `{surname}` a family name. The mix follows the
domain notes: conversation tables are the most chosen, Samen Doen groups and volunteering
are common, introductory placements are offered by companies and services.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActivityTemplate:
    key: str
    title: str
    title_en: str
    type: str
    themes: tuple[str, ...]
    goals: tuple[str, ...]
    # The Dutch level needed, drawn between these two (DutchLevel values).
    levels: tuple[int, int]
    capacity: tuple[int, int]
    schedule: str  # weekly, series, single or appointment
    hours: float  # per session
    # "free", "paid" or "mixed" (free, paid or with the UiTPAS social tariff).
    price: str
    description: str
    # How strongly newcomers are drawn to it; conversation tables fill up fastest.
    popularity: float = 1.0
    # Lowered thresholds this kind of activity usually offers (Activity boolean fields).
    flags: tuple[str, ...] = ()
    # Why it does not count for the PNT: "formal_lesson" or "own_language" ("" = it counts).
    not_eligible: str = ""


@dataclass(frozen=True)
class ProviderTemplate:
    name: str
    kind: str
    offers: tuple[str, ...]
    # How often this kind of organisation is picked for a municipality.
    weight: float
    description: str
    contact_role: str
    # Only in municipalities at least this big (relative weight); 0 = anywhere.
    min_size: float = 0.0
    # Every municipality has one (the library and the social house).
    everywhere: bool = False


def _t(*args, **kwargs) -> ActivityTemplate:
    return ActivityTemplate(*args, **kwargs)


ACTIVITIES: dict[str, ActivityTemplate] = {t.key: t for t in (
    # --- conversation tables -------------------------------------------------------------
    _t("praattafel", "Praattafel Nederlands", "Dutch conversation table", "conversation_table",
       ("language",), ("learn_dutch", "meet_people"), (0, 1), (8, 14), "weekly", 2, "free",
       "Elke week praten we in kleine groepjes over het nieuws, de buurt en het dagelijkse "
       "leven. Een vrijwilliger begeleidt elke tafel. Je oefent Nederlands in een gezellige "
       "sfeer, fouten maken mag.", popularity=3.0, flags=("first_visit_accompanied",)),
    _t("taalcafe", "Taalcafé {m}", "Language café {m}", "conversation_table",
       ("language", "games"), ("learn_dutch", "meet_people", "make_friends"), (1, 2), (10, 20),
       "weekly", 2, "free",
       "Bij een kopje koffie of thee praat je met inwoners van {m}. Elke week een ander "
       "thema, van koken tot voetbal.", popularity=2.5),
    _t("praatgroep_vrouwen", "Praatgroep voor vrouwen", "Conversation group for women",
       "conversation_table", ("language", "children"), ("learn_dutch", "meet_people"), (0, 1),
       (6, 12), "weekly", 2, "free",
       "Vrouwen onder elkaar oefenen Nederlands en leren elkaar kennen. Kinderopvang is "
       "voorzien in het lokaal ernaast.", popularity=2.5, flags=("women_only", "childcare")),
    _t("babbelbib", "Babbelhoek in de bib", "Chat corner at the library", "conversation_table",
       ("language", "reading"), ("learn_dutch", "meet_people"), (0, 1), (6, 10), "weekly", 1.5,
       "free", "Een uur praten met vrijwilligers van de bibliotheek, met kranten en boeken in "
       "eenvoudig Nederlands op tafel.", popularity=2.0, flags=("wheelchair_access",)),
    # --- Samen Doen ---------------------------------------------------------------------
    _t("samen_koken", "Samen koken en eten", "Cooking and eating together", "samen_doen",
       ("cooking",), ("meet_people", "make_friends", "learn_dutch"), (0, 1), (8, 14), "weekly",
       3, "mixed",
       "We kiezen samen een recept, koken met verse ingrediënten en eten daarna aan één lange "
       "tafel. Recepten uit alle windstreken zijn welkom.", popularity=2.0),
    _t("wandelen_praten", "Wandelen en praten", "Walk and talk", "samen_doen",
       ("walking", "language"), ("meet_people", "learn_dutch"), (0, 2), (10, 20), "weekly", 2,
       "free", "Elke week een wandeling van een uur of twee in en rond {m}. Onderweg praten we, "
       "op je eigen tempo.", popularity=1.5, flags=("first_visit_accompanied",)),
    _t("samen_zingen", "Samen zingen", "Singing together", "samen_doen", ("music",),
       ("meet_people", "make_friends"), (0, 2), (12, 25), "weekly", 1.5, "mixed",
       "Een laagdrempelig koor: geen ervaring nodig, geen noten lezen. We zingen liedjes in "
       "het Nederlands en uit de hele wereld.", popularity=1.2),
    _t("breicafe", "Brei- en haakcafé", "Knitting café", "samen_doen", ("sewing", "arts"),
       ("meet_people", "learn_new"), (0, 1), (8, 12), "weekly", 2, "free",
       "Breien, haken en babbelen. Wol en naalden liggen klaar; beginners leren het van de "
       "anderen.", flags=("wheelchair_access",)),
    _t("naaiatelier", "Naaiatelier", "Sewing workshop", "samen_doen", ("sewing",),
       ("learn_new", "meet_people"), (0, 1), (6, 10), "weekly", 2.5, "mixed",
       "Kleren herstellen, een tas of een kussen maken: samen aan de naaimachine.",
       flags=("childcare",)),
    _t("moestuin", "Samen tuinieren in de buurtmoestuin", "Community vegetable garden",
       "samen_doen", ("gardening", "walking"), ("meet_people", "learn_new"), (0, 2), (8, 15),
       "weekly", 2, "free", "Zaaien, wieden en oogsten in de moestuin van de buurt. Wat we "
       "oogsten, verdelen we samen."),
    _t("museumbezoek", "Museumbezoek met gids", "Guided museum visit", "samen_doen",
       ("museums", "arts"), ("learn_new", "meet_people"), (1, 2), (10, 20), "series", 2.5,
       "mixed", "Een gids neemt je mee door het museum en vertelt in eenvoudig Nederlands. "
       "Daarna drinken we samen iets.", flags=("transport_help",)),
    _t("spelnamiddag", "Spelletjesnamiddag", "Board games afternoon", "samen_doen", ("games",),
       ("meet_people", "learn_dutch"), (0, 2), (10, 20), "weekly", 2.5, "free",
       "Gezelschapsspelen, kaarten en kwis: spelenderwijs Nederlands praten."),
    _t("fietsles", "Leren fietsen voor volwassenen", "Learn to ride a bike", "samen_doen",
       ("cycling",), ("learn_new", "meet_people"), (0, 1), (6, 10), "series", 2, "free",
       "In tien lessen leer je veilig fietsen, eerst op het plein en dan in het verkeer. "
       "Fietsen en helmen zijn er.", flags=("women_only",)),
    _t("crea", "Creatief atelier", "Creative workshop", "samen_doen", ("arts",),
       ("learn_new", "meet_people"), (0, 1), (8, 12), "weekly", 2, "mixed",
       "Tekenen, schilderen, kleien: elke week een andere techniek, begeleid door een "
       "kunstenaar."),
    # --- volunteering -------------------------------------------------------------------
    _t("vrijwilliger_bib", "Vrijwilliger in de bibliotheek", "Volunteer at the library",
       "volunteering", ("reading", "language"), ("volunteer", "learn_dutch"), (2, 3), (2, 4),
       "weekly", 3, "free", "Boeken terugzetten, bezoekers de weg wijzen en helpen bij "
       "activiteiten. Je werkt samen met andere vrijwilligers."),
    _t("vrijwilliger_kringwinkel", "Vrijwilligerswerk in de Kringwinkel",
       "Volunteering at the second-hand shop", "volunteering", ("diy", "work"),
       ("volunteer", "prepare_work"), (1, 2), (3, 6), "weekly", 4, "free",
       "Spullen sorteren, prijzen en in de winkel zetten, samen met het vaste team."),
    _t("vrijwilliger_voedselbank", "Helpen bij de voedselbank", "Helping at the food bank",
       "volunteering", ("care",), ("volunteer", "meet_people"), (0, 2), (4, 8), "weekly", 3,
       "free", "Pakketten klaarzetten en uitdelen. Handen uit de mouwen, een goede sfeer."),
    _t("vrijwilliger_wzc", "Vrijwilliger in het woonzorgcentrum",
       "Volunteer at the care home", "volunteering", ("care", "games", "music"),
       ("volunteer", "meet_people"), (1, 3), (3, 6), "weekly", 3, "free",
       "Een babbel, een spelletje of een wandeling met de bewoners. Je krijgt een vaste "
       "begeleider.", flags=("first_visit_accompanied",)),
    _t("vrijwilliger_dienstencentrum", "Onthaal en cafetaria in het dienstencentrum",
       "Reception and café at the service centre", "volunteering", ("care", "cooking"),
       ("volunteer", "learn_dutch"), (1, 2), (2, 5), "weekly", 3, "free",
       "Koffie schenken, bezoekers ontvangen en mee de middagmaaltijd opdienen."),
    _t("helpen_school", "Helpen op school: voorlezen en begeleiden", "Helping at a school",
       "volunteering", ("children", "reading"), ("volunteer", "learn_dutch"), (1, 3), (2, 4),
       "weekly", 2, "free", "Kinderen helpen bij het lezen, mee op uitstap of helpen in de "
       "refter."),
    _t("repair", "Repair Café", "Repair café", "volunteering", ("diy", "technology"),
       ("volunteer", "meet_people", "learn_new"), (0, 2), (6, 12), "series", 3, "free",
       "Elke maand herstellen vrijwilligers kapotte toestellen, fietsen en kleren. Help mee "
       "of leer het van de anderen."),
    _t("buurtfeest", "Mee organiseren: buurtfeest", "Help organise the street party",
       "volunteering", ("cooking", "music", "children"), ("volunteer", "meet_people"), (1, 2),
       (5, 15), "single", 4, "free", "Tenten opzetten, koken, kinderspelen begeleiden: het "
       "buurtfeest maken we samen.", flags=("family_friendly",)),
    _t("vrijwilliger_sportclub", "Helpen in de kantine van de club",
       "Helping at the club canteen", "volunteering", ("football", "sport", "cooking"),
       ("volunteer", "meet_people"), (1, 2), (2, 5), "weekly", 3, "free",
       "Achter de toog op wedstrijddagen: je leert de leden en de supporters kennen."),
    _t("vrijwilliger_cc", "Vrijwilliger bij voorstellingen", "Volunteer at performances",
       "volunteering", ("arts", "music"), ("volunteer", "meet_people"), (2, 3), (3, 8),
       "series", 4, "free", "Tickets scannen, de zaal klaarzetten en het publiek onthalen."),
    _t("natuurwerkdag", "Natuurwerkdag", "Nature work day", "volunteering",
       ("walking", "gardening", "animals"), ("meet_people", "volunteer"), (0, 2), (10, 30),
       "single", 5, "free", "Een dag werken in het natuurgebied: snoeien, maaien, paden "
       "herstellen. Soep en boterhammen voorzien.", flags=("transport_help",)),
    # --- introductory placements --------------------------------------------------------
    _t("stage_bakkerij", "Kennismakingsstage in de bakkerij",
       "Introductory placement at a bakery", "placement", ("cooking", "work"),
       ("prepare_work",), (1, 2), (1, 2), "series", 4, "free",
       "Een week meedraaien in het atelier en de winkel om het beroep te leren kennen."),
    _t("stage_logistiek", "Kennismakingsstage logistiek en magazijn",
       "Introductory placement in logistics", "placement", ("work", "technology"),
       ("prepare_work",), (1, 2), (1, 3), "series", 4, "free",
       "Orders verzamelen, scannen en klaarzetten, met een vaste peter of meter."),
    _t("stage_zorg", "Kennismakingsstage in de zorg", "Introductory placement in care",
       "placement", ("care", "work"), ("prepare_work", "learn_new"), (2, 3), (1, 2), "series",
       4, "free", "Meelopen met de zorgkundigen en de bewoners leren kennen."),
    _t("stage_kinderopvang", "Kennismakingsstage kinderopvang",
       "Introductory placement in childcare", "placement", ("children", "work"),
       ("prepare_work",), (2, 3), (1, 2), "series", 4, "free",
       "Een week meedraaien in een leefgroep van de kinderopvang."),
    _t("stage_groendienst", "Kennismakingsstage bij de groendienst",
       "Introductory placement with the parks service", "placement", ("gardening", "work"),
       ("prepare_work",), (1, 2), (1, 3), "series", 4, "free",
       "Mee met de ploeg die parken en pleinen onderhoudt."),
    _t("stage_garage", "Kennismakingsstage in de garage",
       "Introductory placement at a garage", "placement", ("diy", "technology", "work"),
       ("prepare_work",), (1, 2), (1, 2), "series", 4, "free",
       "Onderhoud en kleine herstellingen leren kennen naast een ervaren mecanicien."),
    _t("stage_onthaal", "Snuffelstage aan het onthaal", "Placement at the front desk",
       "placement", ("work", "language"), ("prepare_work", "learn_dutch"), (2, 3), (1, 2),
       "series", 4, "free", "Meedraaien aan het onthaal van het gemeentehuis."),
    # --- sport --------------------------------------------------------------------------
    _t("voetbal", "Voetbal voor volwassenen", "Football for adults", "sport",
       ("football", "sport"), ("meet_people", "make_friends"), (0, 1), (12, 22), "weekly", 1.5,
       "mixed", "Recreatief voetbal: plezier eerst, iedereen speelt mee.", popularity=1.8),
    _t("start_to_run", "Start to run", "Start to run", "sport", ("sport", "walking"),
       ("meet_people", "learn_new"), (0, 1), (15, 30), "series", 1, "mixed",
       "In tien weken van de zetel naar vijf kilometer lopen, in groep."),
    _t("zwemmen_vrouwen", "Zwemmen voor vrouwen", "Swimming for women", "sport", ("sport",),
       ("learn_new", "meet_people"), (0, 1), (8, 15), "weekly", 1, "mixed",
       "Zwemles en vrij zwemmen met enkel vrouwen en een vrouwelijke redder.",
       popularity=1.8, flags=("women_only", "childcare")),
    _t("volleybal", "Recreatief volleybal", "Recreational volleyball", "sport",
       ("sport", "games"), ("meet_people",), (0, 1), (10, 16), "weekly", 2, "paid",
       "Elke week volleybal in gemengde ploegen, zonder competitie."),
    _t("badminton", "Badminton op woensdagavond", "Badminton on Wednesday evening", "sport",
       ("sport",), ("meet_people",), (0, 1), (8, 16), "weekly", 1.5, "mixed",
       "Rackets zijn er; je hoeft enkel sportschoenen mee te brengen."),
    _t("sportkennismaking", "Sportkennismaking: elke maand een andere sport",
       "Try a new sport every month", "sport", ("sport",), ("meet_people", "learn_new"), (0, 1),
       (12, 20), "series", 1.5, "mixed", "Petanque, zumba, tafeltennis, klimmen: proef van "
       "een andere sport en leer de clubs van {m} kennen."),
    _t("fietstocht", "Fietstocht met de club", "Bike ride with the club", "sport",
       ("cycling", "walking"), ("meet_people",), (0, 2), (10, 20), "weekly", 3, "paid",
       "Een rustige tocht van veertig kilometer langs de rivieren, met een koffiestop."),
    _t("schaak", "Schaakavond", "Chess evening", "sport", ("games",), ("meet_people",), (0, 2),
       (8, 16), "weekly", 2.5, "paid", "Schaken op alle niveaus; er is altijd iemand om "
       "tegen te spelen."),
    _t("dansen", "Dansen voor iedereen", "Dance for everyone", "sport", ("dance", "music"),
       ("meet_people", "make_friends"), (0, 1), (10, 20), "weekly", 1.5, "mixed",
       "Van salsa tot volksdans: geen partner nodig."),
    # --- culture ------------------------------------------------------------------------
    _t("theater_samen", "Samen naar het theater", "Going to the theatre together", "culture",
       ("arts", "language"), ("learn_new", "meet_people"), (2, 3), (8, 15), "series", 3,
       "mixed", "We bespreken het stuk vooraf, gaan samen kijken en praten achteraf na met "
       "een drankje."),
    _t("leesclub", "Leesclub in eenvoudig Nederlands", "Book club in easy Dutch", "culture",
       ("reading", "language"), ("learn_dutch", "meet_people"), (2, 3), (6, 12), "series", 1.5,
       "free", "We lezen een boek in eenvoudig Nederlands en praten erover."),
    _t("film", "Filmavond met nabespreking", "Film night with a talk", "culture",
       ("arts", "language"), ("learn_new", "meet_people"), (2, 3), (15, 40), "series", 3,
       "mixed", "Een Vlaamse film met ondertitels, daarna een gesprek in kleine groepjes."),
    _t("atelier", "Schilderen en tekenen in het atelier", "Painting and drawing studio",
       "culture", ("arts",), ("learn_new", "meet_people"), (0, 1), (8, 12), "weekly", 2.5,
       "mixed", "Materiaal is voorzien. Je werkt aan je eigen werk, samen met anderen."),
    _t("harmonie", "Meespelen in de harmonie", "Playing in the brass band", "culture",
       ("music",), ("meet_people", "make_friends"), (0, 2), (3, 6), "weekly", 2, "paid",
       "Speel je een instrument? De harmonie zoekt muzikanten; een instrument lenen kan."),
    # --- family -------------------------------------------------------------------------
    _t("speelnamiddag", "Speelnamiddag voor gezinnen", "Family play afternoon", "family",
       ("children", "games"), ("meet_people", "make_friends"), (0, 1), (10, 20), "weekly", 2,
       "free", "Ouders en kinderen spelen samen; ouders leren andere ouders uit de buurt "
       "kennen.", flags=("family_friendly",)),
    _t("voorlezen", "Voorleesuurtje voor ouders en kinderen", "Story hour for parents and "
       "children", "family", ("children", "reading", "language"), ("learn_dutch", "meet_people"),
       (0, 1), (10, 20), "weekly", 1, "free", "Een vrijwilliger leest voor; daarna kiezen "
       "ouders en kinderen samen boeken uit.", flags=("family_friendly",)),
    _t("ouder_kind_turnen", "Ouder-kindturnen", "Parent and toddler gym", "family",
       ("children", "sport"), ("meet_people",), (0, 1), (10, 16), "weekly", 1, "mixed",
       "Klimmen, rollen en springen met je kleuter.", flags=("family_friendly",)),
    _t("gezinsuitstap", "Gezinsuitstap naar de boerderij", "Family trip to the farm", "family",
       ("children", "animals", "walking"), ("meet_people", "learn_new"), (0, 1), (15, 40),
       "single", 5, "mixed", "Met de bus naar een zorgboerderij: dieren voederen, picknicken "
       "en spelen.", flags=("family_friendly", "transport_help")),
    _t("knutselen", "Knutselen met kinderen", "Crafts with children", "family",
       ("children", "arts"), ("meet_people",), (0, 1), (10, 16), "series", 2, "free",
       "Ouders en kinderen maken samen iets moois voor thuis.", flags=("family_friendly",)),
    # --- buddy and other ----------------------------------------------------------------
    _t("taalbuddy", "Taalbuddy's {m}", "Language buddies {m}", "buddy", ("language",),
       ("learn_dutch", "make_friends", "meet_people"), (0, 2), (10, 25), "appointment", 2,
       "free", "Een inwoner van {m} en een nieuwkomer spreken af wanneer het hen past: een "
       "koffie, een wandeling, samen naar de markt.", popularity=2.5),
    _t("computerhulp", "Digidokter: samen aan de slag met je smartphone",
       "Digital help: getting started with your smartphone", "other", ("technology",),
       ("learn_new", "meet_people"), (1, 2), (6, 10), "weekly", 2, "free",
       "Vrijwilligers helpen met apps, e-mail en afspraken online."),
    _t("nt2_les", "Les Nederlands tweede taal (NT2)", "Dutch as a second language class",
       "other", ("language",), ("learn_dutch",), (0, 0), (15, 20), "weekly", 3, "paid",
       "Een formele cursus Nederlands met een leerkracht en een eindtoets.", popularity=0.3,
       not_eligible="formal_lesson"),
    _t("eigen_taal", "Ontmoetingsmoment in de eigen taal", "Meeting in one's own language",
       "other", ("language", "cooking"), ("meet_people",), (0, 0), (10, 30), "weekly", 2,
       "free", "Landgenoten ontmoeten elkaar en helpen elkaar op weg.", popularity=0.5,
       not_eligible="own_language"),
)}  # fmt: skip


def _p(*args, **kwargs) -> ProviderTemplate:
    return ProviderTemplate(*args, **kwargs)


PROVIDERS: tuple[ProviderTemplate, ...] = (
    _p("Bibliotheek {m}", "municipal_service",
       ("babbelbib", "praattafel", "vrijwilliger_bib", "leesclub", "voorlezen", "computerhulp",
        "taalbuddy"), 3, "De openbare bibliotheek: boeken, kranten, computers en activiteiten "
       "voor iedereen.", "Medewerker publiekswerking", everywhere=True),
    _p("Sociaal Huis {m}", "municipal_service",
       ("praattafel", "samen_koken", "taalbuddy", "wandelen_praten", "vrijwilliger_voedselbank"),
       3, "Het OCMW en de dienst welzijn van de gemeente: één loket voor hulp en "
       "ontmoeting.", "Maatschappelijk werker", everywhere=True),
    _p("Sportdienst {m}", "municipal_service",
       ("start_to_run", "zwemmen_vrouwen", "sportkennismaking", "fietsles"), 2,
       "De sportdienst organiseert initiaties en brengt je in contact met de clubs.",
       "Sportfunctionaris", min_size=0.8),
    _p("Cultuurcentrum {m}", "municipal_service",
       ("theater_samen", "film", "atelier", "vrijwilliger_cc"), 1.5,
       "Voorstellingen, tentoonstellingen en ateliers.", "Publiekswerker", min_size=1.0),
    _p("Huis van het Kind {m}", "organisation",
       ("speelnamiddag", "voorlezen", "ouder_kind_turnen", "knutselen", "praatgroep_vrouwen"),
       1.5, "Ontmoeting en ondersteuning voor gezinnen met kinderen.", "Coördinator",
       min_size=0.8),
    _p("Gemeente {m} – groendienst", "municipal_service",
       ("stage_groendienst", "stage_onthaal"), 0.6, "De diensten van de gemeente bieden "
       "kennismakingsstages aan.", "Personeelsdienst"),
    _p("Lokaal dienstencentrum {place}", "organisation",
       ("breicafe", "spelnamiddag", "vrijwilliger_dienstencentrum", "samen_koken",
        "computerhulp"), 2, "Een ontmoetingsplek met cafetaria, activiteiten en hulp voor "
       "buurtbewoners.", "Centrumleider"),
    _p("Woonzorgcentrum {place}", "organisation", ("vrijwilliger_wzc", "stage_zorg"), 1.2,
       "Woonzorgcentrum met een actieve vrijwilligerswerking.", "Vrijwilligerscoördinator"),
    _p("Basisschool {place}", "organisation", ("helpen_school",), 0.8,
       "Een basisschool die graag ouders en buurtbewoners betrekt.", "Directeur"),
    _p("Kringwinkel {m}", "nonprofit", ("vrijwilliger_kringwinkel",), 0.8,
       "Tweedehandswinkel en sociale werkplaats.", "Begeleider vrijwilligers", min_size=1.0),
    _p("Voedselbank {m}", "nonprofit", ("vrijwilliger_voedselbank",), 0.6,
       "Verdeelt voedselpakketten aan gezinnen in armoede.", "Verantwoordelijke"),
    _p("Buurtwerk {place}", "nonprofit",
       ("taalcafe", "praattafel", "buurtfeest", "samen_koken", "moestuin", "praatgroep_vrouwen"),
       1.5, "Buurtwerk brengt bewoners samen en zet buurtprojecten op.", "Buurtwerker",
       min_size=1.5),
    _p("Natuurpunt {m}", "association", ("natuurwerkdag", "wandelen_praten"), 0.8,
       "Vrijwilligers die de natuur in de gemeente beschermen en beheren.", "Conservator"),
    _p("Femma {m}", "association", ("naaiatelier", "samen_koken", "breicafe"), 0.8,
       "Vrouwenbeweging met een lokale afdeling.", "Voorzitter"),
    _p("Okra {m}", "association", ("spelnamiddag", "wandelen_praten", "breicafe"), 0.8,
       "Vereniging van en voor senioren.", "Secretaris"),
    _p("Gezinsbond {m}", "association", ("gezinsuitstap", "speelnamiddag", "knutselen"), 0.8,
       "Lokale afdeling van de Gezinsbond.", "Voorzitter"),
    _p("Repair Café {m}", "association", ("repair",), 0.7,
       "Vrijwilligers die samen herstellen in plaats van weggooien.", "Coördinator"),
    _p("Volkstuinen {m}", "association", ("moestuin",), 0.6,
       "Tuiniers met een gemeenschappelijke moestuin.", "Voorzitter"),
    _p("Vzw Samen Sterk {m}", "association", ("eigen_taal", "samen_koken"), 0.25,
       "Zelforganisatie van nieuwkomers die elkaar helpen.", "Voorzitter", min_size=2.5),
    _p("KFC {m}", "club", ("voetbal", "vrijwilliger_sportclub"), 1.5,
       "Voetbalclub met jeugd, eerste ploeg en recreatieve ploeg.", "Secretaris"),
    _p("Volleybalclub {m}", "club", ("volleybal",), 0.6, "Volleybalclub.", "Secretaris"),
    _p("Atletiekclub {m}", "club", ("start_to_run",), 0.5, "Atletiekclub.", "Trainer",
       min_size=1.0),
    _p("Wielerclub De Trappers {m}", "club", ("fietstocht",), 0.5,
       "Toerclub voor wielertoeristen.", "Voorzitter"),
    _p("Schaakclub {m}", "club", ("schaak",), 0.4, "Schaakclub.", "Secretaris"),
    _p("Badmintonclub {m}", "club", ("badminton",), 0.5, "Badmintonclub.", "Secretaris"),
    _p("Dansschool {place}", "club", ("dansen",), 0.5, "Dansschool.", "Lesgever",
       min_size=1.0),
    _p("Koninklijke Harmonie {m}", "club", ("harmonie", "samen_zingen"), 0.5,
       "De harmonie van de gemeente.", "Dirigent"),
    _p("Koor {place}", "club", ("samen_zingen",), 0.5, "Gemengd koor.", "Dirigent"),
    _p("Bakkerij {surname}", "company", ("stage_bakkerij",), 0.6,
       "Ambachtelijke bakkerij.", "Zaakvoerder"),
    _p("Garage {surname}", "company", ("stage_garage",), 0.4, "Garage en bandencentrale.",
       "Zaakvoerder"),
    _p("{surname} Logistics", "company", ("stage_logistiek",), 0.5,
       "Logistiek bedrijf met een groot magazijn.", "HR-medewerker", min_size=1.0),
    _p("Kinderdagverblijf {place}", "company", ("stage_kinderopvang",), 0.5,
       "Kinderopvang voor baby's en peuters.", "Verantwoordelijke"),
    _p("CVO {m}", "organisation", ("nt2_les",), 0.5,
       "Centrum voor volwassenenonderwijs.", "Trajectbegeleider", min_size=2.5),
    _p("Stedelijk Museum {m}", "organisation", ("museumbezoek",), 0.6,
       "Museum over de geschiedenis van de stad.", "Educatief medewerker", min_size=2.0),
)  # fmt: skip

# The regional organisation the demo's `provider` login works for: several activities in the
# host city, all with newcomers enrolled, so the provider pages have something to show.
ANCHOR_PROVIDER = ProviderTemplate(
    "Vormingplus {region}",
    "nonprofit",
    ("samen_koken", "taalcafe", "wandelen_praten", "museumbezoek", "praatgroep_vrouwen",
     "samen_zingen"),
    0,
    "Organiseert vorming en ontmoeting voor volwassenen in de hele regio.",
    "Educatief medewerker",
)  # fmt: skip

# Activity types a small municipality may lack altogether (the problem the network tackles).
SCARCE_TYPES = ("conversation_table", "buddy")
