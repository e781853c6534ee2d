"""Static material for the demo data set: the Dutch case texts (what happened, notes, summaries,
agreements, the names of places and organisations in them) and the regions' public page."""

# What happened, per primary reason ({name} is the young person's first name).
DESCRIPTIONS = {
    "disorderly_behaviour": [
        "{name} heeft samen met een groep leeftijdsgenoten herhaaldelijk overlast veroorzaakt bij het "
        "winkelcentrum.",
        "Tijdens de pauzes verstoort {name} met klasgenoten de orde in de aula en negeert aanwijzingen "
        "van docenten.",
        "{name} gooide met een groep jongeren eieren tegen ramen van woningen in de straat.",
        "Buurtbewoners klagen al weken over {name} en vrienden die 's avonds lawaai maken bij het speelveld.",
    ],
    "physical_aggression": [
        "{name} heeft een medeleerling op het schoolplein geslagen na een ruzie over een telefoon.",
        "Na een woordenwisseling in de bus heeft {name} een andere jongere geduwd en geschopt.",
        "{name} raakte in gevecht met een klasgenoot; de mentor moest tussenbeide komen.",
    ],
    "theft": [
        "{name} heeft in de kleedkamer een telefoon en oordopjes van een klasgenoot weggenomen.",
        "{name} is betrapt op het meenemen van snoep en energiedrank uit de buurtsupermarkt.",
        "Uit de tas van een docent is geld verdwenen; {name} heeft toegegeven dit te hebben gedaan.",
    ],
    "online_misconduct": [
        "{name} heeft een bewerkte foto van een klasgenoot in een groepsapp gedeeld.",
        "Via sociale media heeft {name} anoniem kwetsende berichten gestuurd naar een medeleerling.",
        "{name} heeft een filmpje van een vechtpartij online gezet en met naam en toenaam verspreid.",
    ],
    "school_absence": [
        "{name} is de afgelopen maanden vaak te laat en spijbelt regelmatig de laatste uren.",
        "Het verzuim van {name} loopt op; vooral op maandag en vrijdag is {name} afwezig.",
        "{name} komt wel naar school maar verlaat het gebouw geregeld zonder toestemming.",
    ],
    "verbal_aggression": [
        "{name} heeft een docent uitgescholden en bedreigd toen een telefoon werd ingenomen.",
        "{name} schreeuwde beledigingen naar een buschauffeur en medepassagiers.",
    ],
    "vandalism": [
        "{name} heeft met een stift tags gezet op de muren van de toiletten.",
        "Bij de bushalte heeft {name} samen met een vriend een ruit ingetrapt.",
        "{name} heeft fietsbanden van medeleerlingen lek gestoken.",
    ],
    "bullying": [
        "{name} pest al langere tijd een klasgenoot door uitsluiting en nare opmerkingen.",
        "Een medeleerling durft niet meer naar gym omdat {name} en anderen haar daar uitlachen.",
    ],
    "fireworks": [
        "{name} heeft rond de jaarwisseling vuurwerk in een portiek gegooid.",
        "{name} stak bij school knalvuurwerk af tijdens de pauze.",
    ],
    "substance_use": [
        "{name} is op het schoolplein betrapt met een joint.",
        "{name} was onder invloed van alcohol bij een buurtfeest en werd agressief.",
    ],
    "sexual_misconduct": [
        "{name} heeft zonder toestemming een intieme foto van een klasgenoot doorgestuurd.",
        "{name} maakte herhaaldelijk seksueel getinte opmerkingen naar een medeleerling.",
    ],
    "weapons": [
        "Bij een tassencontrole is een mes bij {name} gevonden.",
        "{name} liet in de groepsapp een nepvuurwapen zien en dreigde ermee.",
    ],
    "discrimination": [
        "{name} heeft een medeleerling herhaaldelijk uitgescholden om diens afkomst.",
        "{name} maakte discriminerende opmerkingen in de klassenapp.",
    ],
    "other": [
        "{name} heeft zonder toestemming een brommer van de buren gebruikt.",
        "{name} heeft een valse brandmelding gedaan op school.",
    ],
}
DESCRIPTION_CONTEXT = [
    "Het is de eerste keer dat {name} op deze manier in beeld is.",
    "De mentor heeft eerder al gesprekken met {name} gevoerd over het gedrag.",
    "Ouders zijn geschrokken en staan open voor een interventie.",
    "{name} heeft spijt en wil het graag goedmaken.",
    "Er speelt groepsdruk mee; {name} lijkt mee te gaan in het gedrag van vrienden.",
    "Thuis is de situatie onrustig; ouders geven aan handelingsverlegen te zijn.",
    "De wijkagent kent {name} van eerdere gesprekken op straat.",
]
DESCRIPTION_ASKS = [
    "Wij vragen Halt om met {name} en ouders te werken aan bewustwording en herstel.",
    "Graag een interventie gericht op sociale vaardigheden en het voorkomen van herhaling.",
    "Wij hopen dat {name} met Halt leert stil te staan bij de gevolgen voor anderen.",
]
OTHER_CARE = [
    "Schoolmaatschappelijk werk",
    "Wijkteam",
    "Jeugdarts GGD",
    "Ambulante jeugdhulp",
    "Leerplichtambtenaar (verzuimmelding gedaan)",
]
REJECTION_NOTES = {
    "age": "De jongere valt buiten de leeftijdsgrens van 10 tot en met 23 jaar.",
    "criminal_offence": "Dit is een strafbaar feit waarvoor de politie een Halt-afdoening kan inzetten.",
    "care_sufficient": "Er is al passende hulpverlening betrokken die dit oppakt.",
    "no_agreement": "Er is geen afspraak met deze gemeente of school over preventieve interventies.",
    "other": "Na overleg met de verwijzer is besloten de jongere niet aan te melden.",
}
WITHDRAWAL_NOTES = [
    "De situatie is op school zelf opgelost.",
    "Ouders willen eerst zelf met de jongere aan de slag.",
    "Per abuis aangemeld; de jongere is al in beeld bij het wijkteam.",
]

AGREEMENTS = [
    "{name} schrijft een excuusbrief aan de betrokkene.",
    "{name} maakt de leeropdracht over groepsdruk en bespreekt die in het volgende gesprek.",
    "{name} en ouders bespreken thuis elke week kort hoe het op school gaat.",
    "{name} meldt zich bij de mentor als er spanning ontstaat in de klas.",
    "{name} houdt zich aan de afspraken over telefoongebruik op school.",
    "{name} is elke dag op tijd op school; de school houdt de aanwezigheid bij.",
    "{name} helpt twee middagen mee met opruimen op het schoolplein.",
    "{name} maakt binnen twee weken een afspraak met het jongerenwerk.",
    "{name} oefent in een rollenspel hoe je nee zegt tegen vrienden.",
    "{name} bedenkt samen met ouders een manier om de schade te vergoeden.",
]
PLACES_SCHOOL = [
    "Halt-spreekuur op {school}",
    "Kamer van de zorgcoördinator, {school}",
    "Mediatheek, {school}",
]
PLACES_NEIGHBOURHOOD = [
    "Bij de jongere thuis",
    "Buurthuis in {neighbourhood}",
    "Halt-kantoor {municipality}",
    "Jongerencentrum {neighbourhood}",
]
INTAKE_SUMMARIES = [
    "Eerste gesprek: besproken wat er is gebeurd, wat {name} anders had kunnen doen en wat nodig is om "
    "herhaling te voorkomen. Afspraken gemaakt over de invulling van de interventie.",
    "{name} vertelde open over het incident en schaamt zich. Samen met ouders afspraken gemaakt.",
    "{name} was eerst terughoudend, maar werd opener toen het over de gevolgen voor anderen ging.",
]
FOLLOW_UP_SUMMARIES = [
    "Leeropdracht besproken; {name} kon goed benoemen wat de gevolgen waren voor de ander.",
    "Rollenspel gedaan over omgaan met boosheid. Voortgang met ouders besproken.",
    "Tussenevaluatie: afspraken worden grotendeels nagekomen.",
]
CLOSING_SUMMARIES = {
    "sufficient": "Afrondend gesprek: {name} heeft de afspraken nagekomen en het herstel is gelukt. "
    "De interventie was voldoende.",
    "further_support": "Afrondend gesprek: de interventie is doorlopen, maar er is meer nodig. "
    "Met ouders besproken welke ondersteuning passend is.",
}
NOTES_BEFORE_INTAKE = [
    "Ouders gebeld voor een afspraak; voicemail ingesproken.",
    "Afspraak verzet op verzoek van ouders.",
    "Verwijzer gebeld voor aanvullende informatie over het incident.",
]
NOTES = NOTES_BEFORE_INTAKE + [
    "Mentor gebeld: het gaat sinds het eerste gesprek rustiger in de klas.",
    "Verwijzer teruggekoppeld dat de interventie is gestart (met toestemming van ouders).",
    "Excuusbrief ontvangen en doorgestuurd naar de school.",
    "Overleg met de teamleider over de thuissituatie.",
]
STOP_NOTES = {
    "youth_withdrew": "{name} wil niet meer meewerken aan de interventie.",
    "parents_withdrew": "Ouders hebben hun toestemming ingetrokken.",
    "other": "De familie is verhuisd naar een andere regio.",
}
NOT_STARTED_NOTES = {
    "no_consent": "Ouders gaven geen toestemming voor deelname.",
    "no_contact": "Ondanks herhaalde pogingen geen contact gekregen met de jongere en ouders.",
    "other": "De jongere is inmiddels in beeld bij jeugdhulp; interventie niet gestart.",
}
RESTORATION_NOTES = {
    "restorative_conversation": "Herstelgesprek gevoerd; beide partijen konden hun kant vertellen.",
    "apology_letter": "{name} heeft een excuusbrief geschreven.",
    "other_restoration": "{name} heeft de schade hersteld door mee te helpen met opruimen.",
}
CARE_ORGANISATIONS = {
    "neighbourhood_team": "Wijkteam {municipality}",
    "youth_care": "Jeugdhulpteam {region}",
    "youth_work": "Jongerenwerk {municipality}",
    "mental_health": "GGZ Jeugd {region}",
    "addiction_care": "Verslavingszorg {region}",
    "other": "Maatschappelijk werk {municipality}",
}
CARE_REPORT_NOTES = [
    "Zorgen over de thuissituatie; na overleg met de teamleider melding gedaan volgens de meldcode.",
    "Signalen van huiselijk geweld; melding gedaan en ouders geïnformeerd.",
]
VICTIM_ORGANISATIONS = [
    "Buurtsupermarkt {neighbourhood}",
    "Sportvereniging {municipality}",
    "Woningcorporatie {municipality}",
    "Speeltuinvereniging {neighbourhood}",
]

# The public page of each region (organisations.RegionPage), in Kansrijk's own words after the
# regional page of docs/process.md (the seed region page); "{region}" is replaced by the region's name.
REGION_PAGE = {
    "introduction": (
        "Halt helpt jongeren in de regio {region} om te leren van wat er misging en het weer goed "
        "te maken. Zo krijgt iedere jongere een eerlijke kans op een goede toekomst."
    ),
    "for_whom": (
        "Voor jongeren van 10 tot en met 23 jaar die over een grens zijn gegaan, thuis, op school of "
        "in de wijk, en bij wie het strafrecht niet kan of niet past."
    ),
    "why": (
        "Hoe eerder we erbij zijn, hoe kleiner de kans dat het opnieuw gebeurt. Halt stemt de "
        "interventie af op wat de jongere, de ouders en een eventueel slachtoffer nodig hebben, en "
        "werkt met methoden waarvan bekend is dat ze werken."
    ),
    "approach": (
        "Een Halt-professional praat met de jongere en de ouders of verzorgers, op een plek dicht bij "
        "de jongere. In het eerste gesprek bespreken we wat er is gebeurd, wat nodig is om herhaling "
        "te voorkomen, en wat we samen gaan doen.\n\n"
        "De jongere denkt na over de eigen keuzes en oefent sociale vaardigheden, bijvoorbeeld met "
        "leeropdrachten en rollenspellen. De jongere biedt excuses aan of maakt de schade op een "
        "andere manier goed."
    ),
    "parents": (
        "Ouders en verzorgers doen mee. Ze krijgen meer zicht op het gedrag van hun kind en op wat "
        "daarachter zit, en horen hoe ze hun kind kunnen steunen. We nodigen hen uit voor het eerste "
        "gesprek en houden hen de hele interventie betrokken."
    ),
    "ending": (
        "Aan het eind kijken we samen of de interventie genoeg was, of dat de jongere nog andere "
        "hulp nodig heeft. Is dat zo, dan verwijzen we door."
    ),
    "how_to_refer": (
        "Scholen, wijkagenten, boa's, gemeenten, wijkteams en jongerenwerkers melden een jongere aan "
        "via Kansrijk. U krijgt een account van het Halt-team van de regio. Bespreek de aanmelding "
        "vooraf met de jongere en de ouders."
    ),
}
