"""Static material for the demo data set: places, schools, invented names, the demo accounts and
the proportions the plan draws from. The Dutch case texts are in `wording.py`.

Regions and municipalities are real (the demo must feel like Halt's map); every person, school,
BRIN code, phone number and e-mail address is invented.
"""

DEMO_PASSWORD = "kansrijk-demo"  # noqa: S105 - the documented password of the demo accounts
DEMO_URL = "http://127.0.0.1:8000/"

# Reference prefixes, as the referral services number them (AAN-2025-000123, HLT-2025-000123).
REFERRAL_PREFIX = "AAN"
INTERVENTION_PREFIX = "HLT"

HAAGLANDEN = "Haaglanden"
ROTTERDAM = "Rotterdam-Rijnmond"
DEN_HAAG = "Den Haag"

# Region -> [(municipality, relative number of young people, neighbourhoods)].
REGIONS: dict[str, list[tuple[str, int, list[str]]]] = {
    "Noord-Nederland": [
        ("Groningen", 10, ["Centrum", "Beijum", "Selwerd", "Vinkhuizen", "Lewenborg"]),
        ("Leeuwarden", 6, ["Centrum", "Heechterp-Schieringen", "Bilgaard", "Vrijheidswijk"]),
        ("Assen", 3, ["Centrum", "Kloosterveen", "Pittelo"]),
        ("Emmen", 4, ["Centrum", "Angelslo", "Emmerhout"]),
        ("Heerenveen", 2, ["Centrum", "Noord", "Zuid"]),
        ("Smallingerland", 3, ["Drachten-Centrum", "De Wissel", "De Drait"]),
        ("Hoogeveen", 2, ["Centrum", "De Weide", "Krakeel"]),
        ("Súdwest-Fryslân", 2, ["Sneek", "Bolsward", "Workum"]),
    ],
    "Oost-Nederland": [
        ("Enschede", 7, ["Centrum", "Velve-Lindenhof", "Twekkelerveld", "Wesselerbrink"]),
        ("Arnhem", 7, ["Centrum", "Presikhaaf", "Malburgen", "Geitenkamp"]),
        ("Nijmegen", 7, ["Centrum", "Dukenburg", "Lindenholt", "Hatert"]),
        ("Apeldoorn", 6, ["Centrum", "Zevenhuizen", "De Maten", "Zuidbroek"]),
        ("Zwolle", 5, ["Centrum", "Holtenbroek", "Stadshagen", "Aa-landen"]),
        ("Deventer", 4, ["Centrum", "Rivierenwijk", "Keizerslanden"]),
        ("Hengelo", 3, ["Centrum", "Berflo Es", "Hasseler Es"]),
        ("Almelo", 3, ["Centrum", "Kerkelanden", "Nieuwstraatkwartier"]),
    ],
    "Midden-Nederland": [
        ("Utrecht", 14, ["Overvecht", "Kanaleneiland", "Leidsche Rijn", "Zuilen", "Binnenstad"]),
        ("Amersfoort", 6, ["Centrum", "Kruiskamp", "Schothorst", "Vathorst"]),
        ("Nieuwegein", 3, ["Batau", "Galecop", "Zuilenstein"]),
        ("Zeist", 2, ["Centrum", "Vollenhove", "Kerckebosch"]),
        ("Veenendaal", 2, ["Centrum", "Dragonder", "Petenbos"]),
        ("Almere", 8, ["Stad", "Haven", "Buiten", "Poort"]),
        ("Lelystad", 3, ["Centrum", "Atolwijk", "Zuiderzeewijk"]),
    ],
    "Noord-Holland": [
        ("Haarlem", 6, ["Centrum", "Schalkwijk", "Haarlem-Noord", "Oost"]),
        ("Zaanstad", 6, ["Poelenburg", "Kogerveld", "Wormerveer", "Krommenie"]),
        ("Alkmaar", 4, ["Centrum", "Overdie", "Oudorp"]),
        ("Hilversum", 3, ["Centrum", "Noord", "Kerkelanden"]),
        ("Den Helder", 2, ["Centrum", "Nieuw-Den Helder", "Julianadorp"]),
        ("Hoorn", 3, ["Centrum", "Kersenboogerd", "Risdam"]),
        ("Purmerend", 3, ["Centrum", "Overwhere", "Weidevenne"]),
        ("Velsen", 2, ["IJmuiden", "Velsen-Noord", "Santpoort"]),
    ],
    "Amsterdam-Amstelland": [
        ("Amsterdam", 28, ["Nieuw-West", "Zuidoost", "Noord", "Oost", "West", "Centrum", "Zuid"]),
        ("Amstelveen", 4, ["Centrum", "Westwijk", "Keizer Karelpark"]),
        ("Diemen", 1, ["Centrum", "Noord", "Zuid"]),
        ("Ouder-Amstel", 1, ["Duivendrecht", "Ouderkerk"]),
        ("Uithoorn", 1, ["Centrum", "Meerwijk", "Legmeer"]),
        ("Aalsmeer", 1, ["Centrum", "Oosteinde", "Kudelstaart"]),
    ],
    HAAGLANDEN: [
        (
            DEN_HAAG,
            26,
            [
                "Zuid-West",
                "Escamp",
                "Laak",
                "Centrum",
                "Scheveningen",
                "Segbroek",
                "Loosduinen",
                "Haagse Hout",
                "Leidschenveen-Ypenburg",
                "Transvaal",
                "Moerwijk",
            ],
        ),
        ("Delft", 4, ["Centrum", "Tanthof", "Voorhof", "Buitenhof"]),
        ("Zoetermeer", 5, ["Centrum", "Meerzicht", "Oosterheem", "Seghwaert"]),
        ("Rijswijk", 2, ["Centrum", "Te Werve", "Steenvoorde"]),
        ("Westland", 4, ["Naaldwijk", "Monster", "Wateringen", "'s-Gravenzande"]),
        ("Leidschendam-Voorburg", 3, ["Leidschendam", "Voorburg", "Stompwijk"]),
        ("Pijnacker-Nootdorp", 2, ["Pijnacker", "Nootdorp", "Delfgauw"]),
        ("Wassenaar", 1, ["Centrum", "Kerkehout"]),
        ("Midden-Delfland", 1, ["Maasland", "Schipluiden"]),
    ],
    ROTTERDAM: [
        (
            "Rotterdam",
            28,
            ["Feijenoord", "Charlois", "IJsselmonde", "Delfshaven", "Noord", "Prins Alexander"],
        ),
        ("Schiedam", 3, ["Centrum", "Nieuwland", "Groenoord"]),
        ("Vlaardingen", 3, ["Centrum", "Westwijk", "Holy"]),
        ("Capelle aan den IJssel", 3, ["Schollevaar", "Oostgaarde", "Middelwatering"]),
        ("Nissewaard", 3, ["Spijkenisse-Centrum", "Maaswijk", "Hoogvliet-grens"]),
        ("Maassluis", 1, ["Centrum", "Sluispolder", "Koningshoek"]),
        ("Barendrecht", 2, ["Centrum", "Carnisselande", "Smitshoek"]),
        ("Ridderkerk", 2, ["Centrum", "Bolnes", "Slikkerveer"]),
    ],
    "Zeeland-West-Brabant": [
        ("Breda", 8, ["Centrum", "Hoge Vucht", "Tuinzigt", "Heuvel"]),
        ("Tilburg", 9, ["Centrum", "Tilburg-Noord", "Groenewoud", "Reeshof"]),
        ("Roosendaal", 3, ["Centrum", "Kroeven", "Langdonk"]),
        ("Bergen op Zoom", 3, ["Centrum", "Gageldonk", "Warande"]),
        ("Middelburg", 2, ["Centrum", "Dauwendaele", "Griffioen"]),
        ("Vlissingen", 2, ["Centrum", "Paauwenburg", "Lammerenburg"]),
        ("Goes", 2, ["Centrum", "Goes-Oost", "Goese Meer"]),
        ("Terneuzen", 2, ["Centrum", "Zeldenrust", "Sluiskil"]),
    ],
    "Oost-Brabant en Limburg": [
        ("Eindhoven", 10, ["Centrum", "Woensel-Noord", "Woensel-Zuid", "Strijp", "Tongelre"]),
        ("'s-Hertogenbosch", 6, ["Centrum", "De Muntel", "Rosmalen", "Kruiskamp"]),
        ("Helmond", 4, ["Centrum", "Brouwhuis", "Brandevoort"]),
        ("Venlo", 4, ["Centrum", "Blerick", "Tegelen"]),
        ("Maastricht", 5, ["Centrum", "Malberg", "Wittevrouwenveld", "Heer"]),
        ("Heerlen", 4, ["Centrum", "Heerlerheide", "Meezenbroek"]),
        ("Roermond", 2, ["Centrum", "Donderberg", "Kapel in 't Zand"]),
        ("Oss", 3, ["Centrum", "Schadewijk", "Ruwaard"]),
    ],
}

# Share of the interventions per region (roughly the sizes of the regions' populations).
REGION_WEIGHTS = {
    "Noord-Nederland": 8,
    "Oost-Nederland": 12,
    "Midden-Nederland": 11,
    "Noord-Holland": 9,
    "Amsterdam-Amstelland": 12,
    HAAGLANDEN: 16,
    ROTTERDAM: 15,
    "Zeeland-West-Brabant": 8,
    "Oost-Brabant en Limburg": 9,
}

# Neighbourhoods the referrals of the seed region page come from get a larger share.
NEIGHBOURHOOD_BOOST = {(DEN_HAAG, "Zuid-West"): 4, (DEN_HAAG, "Escamp"): 3, (DEN_HAAG, "Laak"): 3}

TOTAL_SCHOOLS = 236

# School kinds: (share, youngest, oldest, name patterns).
SCHOOL_KINDS = {
    "primary": (14, 10, 12),
    "secondary": (66, 12, 18),
    "vocational": (20, 16, 22),
}
SCHOOL_NAME_WORDS = [
    "Zuiderlicht", "Lindenhof", "Meridiaan", "Duinroos", "Kompasroos", "Horizonhof", "Waterlelie",
    "Vlinderhof", "Esdoorn", "Helmgras", "Zeewind", "Lichtbaken", "Rietkraag", "Parkzicht",
    "Boomgaard", "Wilgenhoek", "Torenvalk", "Klaproos", "Zonnewende", "Havenlicht", "Sterrenwacht",
    "Duinzicht", "Vaartkant", "Eikenhorst", "Brugwachter", "Zilverspar", "Morgenster", "Akkerwinde",
    "Veldzicht", "Heideroos", "Kastanjehof", "Maasoever", "Dijkgraaf", "Polderlicht", "Waaierhof",
    "Beukenrode", "Kiekendief", "Lisdodde", "Wolkenveld", "Schelpenhof", "Nachtegaal", "Populier",
    "Goudsbloem", "Dorpsweide", "Molenwiek", "Stadsweide", "Sluiswachter", "Kraanvogel",
]  # fmt: skip
SCHOOL_NAME_PATTERNS = {
    "primary": ["Basisschool {w}", "Kindcentrum {w}", "Openbare basisschool De {w}", "IKC {w}"],
    "secondary": ["{w} College", "{w} Lyceum", "Scholengemeenschap {w}", "{w} Mavo", "Het {w} College"],
    "vocational": ["{w} Vakcollege", "MBO {w}", "{w} Beroepsopleidingen", "Vakschool {w}"],
}
SCHOOL_CLASSES = {
    "primary": ["groep 7", "groep 8"],
    "secondary": [
        "1 mavo", "1 havo/vwo", "2 vmbo-b", "2 vmbo-t", "2 havo", "3 vmbo-k", "3 havo", "3 vwo",
        "4 vmbo-t", "4 havo", "5 havo", "5 vwo", "6 vwo",
    ],
    "vocational": ["MBO 1 Entree", "MBO 2 Zorg & Welzijn", "MBO 2 Techniek", "MBO 3 Handel", "MBO 4 ICT"],
}  # fmt: skip

# Invented people: first names by gender and generation, family names.
BOYS = [
    "Daan", "Sem", "Lucas", "Milan", "Noah", "Levi", "Finn", "Luuk", "Mohammed", "Ayoub", "Yassin",
    "Adam", "Bram", "Thijs", "Jesse", "Ravi", "Mees", "Ilias", "Emir", "Kerem", "Joël", "Sven",
    "Ruben", "Stijn", "Jayden", "Dylan", "Rayan", "Amir", "Omar", "Gijs", "Hamza", "Nathan",
    "Tygo", "Julian", "Owen", "Mats", "Silas", "Kenzo", "Anass", "Mert", "Dani", "Shane",
]  # fmt: skip
GIRLS = [
    "Emma", "Julia", "Sophie", "Tess", "Zoë", "Noor", "Sara", "Lotte", "Fleur", "Anna", "Eva",
    "Lina", "Yasmina", "Aya", "Nora", "Isa", "Amira", "Elif", "Zeynep", "Hiba", "Chayenne",
    "Naomi", "Mila", "Femke", "Sanne", "Roos", "Jasmijn", "Liv", "Maud", "Indy", "Salma",
    "Ilse", "Kiki", "Demi", "Malak", "Esmee", "Soraya", "Fenna", "Lieke", "Sterre",
]  # fmt: skip
NEUTRAL = ["Sam", "Robin", "Charlie", "Noa", "Alex", "Kai", "Jip", "Luca"]
MEN = [
    "Mark", "Erik", "Peter", "Mohamed", "Hasan", "Patrick", "Dennis", "Kevin", "Rachid", "Anil",
    "Ricardo", "Martijn", "Jeroen", "Youssef", "Murat", "Sander", "Vincent", "Rob", "Said", "Edwin",
    "Marco", "Bas", "Gerrit", "Khalid",
]  # fmt: skip
WOMEN = [
    "Sandra", "Linda", "Fatima", "Khadija", "Ayşe", "Marieke", "Esther", "Wendy", "Samira",
    "Nadia", "Priya", "Jolanda", "Monique", "Shanti", "Karin", "Angela", "Saskia",
    "Ingrid", "Hatice", "Petra", "Miranda", "Yvonne", "Latifa", "Denise", "Nezha",
]  # fmt: skip
LAST_NAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
    "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Vermeulen",
    "El Amrani", "Bouzid", "Yilmaz", "Kaya", "Demir", "Öztürk", "El Idrissi", "Benali", "Ramdin",
    "Sewnath", "Biharie", "Kromodikromo", "Martina", "Pinas", "Lont", "Nowak", "Kowalski",
    "Haddou", "Aydın", "Çelik", "Tahiri", "Ouali", "van Dam", "Koster", "Prins", "Huisman",
    "Kuipers", "Verbeek", "Post", "Willems", "van Dijk", "Schouten", "Ramsaran", "Doornbos",
    "Veenstra", "Hoekstra", "Sanchez", "Ferreira", "Mahabier", "Zwart", "Blom", "Timmermans",
]  # fmt: skip
PARENT_RELATIONS_WITH_AUTHORITY = ["moeder", "vader", "pleegmoeder", "voogd"]
PARENT_RELATIONS_WITHOUT_AUTHORITY = ["stiefvader", "stiefmoeder", "oma", "oom"]

# The demo accounts of the README: (username, role, first name, last name).
DEMO_LOGINS = [
    ("teamlead", "team_lead", "Marloes", "Verhagen"),
    ("medewerker", "caseworker", "Jamal", "Ouazzani"),
    ("medewerker2", "caseworker", "Ingrid", "Koopmans"),
    ("relatiemanager", "relationship_manager", "Roel", "Brinkhuis"),
    ("verwijzer", "referrer", "Sietske", "Haverkamp"),
    ("privacy", "privacy_officer", "Pieter", "Landstra"),
    ("beheerder", "admin", "Bernadette", "Wolters"),
]
# How many invented caseworkers each region gets besides the demo accounts.
CASEWORKERS_PER_REGION = 4

# Primary referral reasons of the 2024-2025 year per intervention type. The totals per reason
# are the seed factsheet's top five (337, 236, 174, 132, 127); the other reasons stay below 127.
REASONS_2024_2025 = {
    "school": {
        "disorderly_behaviour": 245,
        "physical_aggression": 196,
        "theft": 139,
        "online_misconduct": 122,
        "school_absence": 127,
        "verbal_aggression": 98,
        "vandalism": 61,
        "bullying": 83,
        "substance_use": 54,
        "fireworks": 22,
        "other": 58,
        "sexual_misconduct": 39,
        "weapons": 29,
        "discrimination": 25,
    },
    "neighbourhood": {
        "disorderly_behaviour": 92,
        "physical_aggression": 40,
        "theft": 35,
        "online_misconduct": 10,
        "verbal_aggression": 20,
        "vandalism": 35,
        "bullying": 5,
        "substance_use": 20,
        "fireworks": 30,
        "other": 3,
        "sexual_misconduct": 2,
        "weapons": 3,
    },
}

# Referral dates follow the school calendar: quiet in the summer holidays.
MONTH_WEIGHTS = {8: 2, 9: 10, 10: 11, 11: 12, 12: 8, 1: 10, 2: 10, 3: 12, 4: 9, 5: 9, 6: 10, 7: 3}

# How likely a referral for this reason names a victim.
VICTIM_SHARE = {
    "physical_aggression": 0.8,
    "theft": 0.8,
    "bullying": 0.9,
    "online_misconduct": 0.7,
    "vandalism": 0.6,
    "verbal_aggression": 0.6,
    "discrimination": 0.7,
    "sexual_misconduct": 0.8,
    "disorderly_behaviour": 0.3,
    "fireworks": 0.3,
    "weapons": 0.1,
    "other": 0.2,
}
