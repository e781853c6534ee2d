"""The first versions of the privacy statements, in plain Dutch (the one for young people
written for a 12-year-old). Migration 0002 stores them; later versions are added in the admin.
"""

import datetime as dt

YOUNG_PEOPLE = """\
Je bent naar Halt gestuurd door je school of door iemand uit de wijk. Halt schrijft een paar dingen over jou op. Hier lees je wat, waarom, en wat je rechten zijn.

## Wat schrijven we op?
Je naam, je geboortedatum, je school of je wijk, en hoe we je kunnen bereiken. Wat er gebeurd is en waarom je bent aangemeld. Wat we samen afspreken en wat je doet, zoals een excuusbrief of een gesprek. We schrijven nooit je BSN op.

## Waarom?
Zodat de Halt-medewerker weet wat er speelt en jou goed kan helpen. En zodat Halt aan de gemeente en de school kan laten zien hoeveel jongeren zijn geholpen. Daarin staan alleen aantallen, nooit je naam.

## Wie kan het zien?
Alleen de Halt-medewerkers die met jou werken en hun teamleider. Je school of de wijkagent hoort alleen of het gelukt is als jij (en als je jonger bent dan 16, ook je ouder) dat goed vindt.

## Hoe lang bewaren we het?
Tot twee jaar nadat we klaar zijn. Daarna halen we je naam en alles over jou weg. Alleen de aantallen blijven over.

## Wat mag jij?
Je mag altijd vragen wat we over je hebben opgeschreven. Staat er iets verkeerds, dan mag je vragen om het te verbeteren. Je mag ook vragen om het weg te halen. Vraag het aan je Halt-medewerker. We antwoorden binnen een maand.

## Toestemming
Meedoen met Halt is vrijwillig. Ben je jonger dan 16? Dan beslis je samen met je ouder. Ben je 16 of ouder? Dan beslis je zelf. Je mag je toestemming altijd weer intrekken.
"""

PARENTS = """\
Uw kind is aangemeld voor een preventieve interventie van Halt. Halt legt daarvoor gegevens vast over uw kind en over u als ouder of verzorger. Hier leest u welke gegevens, waarom, en welke rechten u heeft.

## Welke gegevens?
Van uw kind: naam, geboortedatum, school of wijk, contactgegevens, de reden van de aanmelding en wat er tijdens de interventie gebeurt. Van u: naam, of u het gezag heeft, en hoe wij u kunnen bereiken. Wij leggen geen burgerservicenummer (BSN) vast.

## Waarom?
Om de interventie goed uit te voeren, en om aan gemeenten en scholen te verantwoorden wat Halt doet. Die verantwoording bevat alleen aantallen, nooit namen.

## Wie ziet de gegevens?
Alleen de Halt-professional van uw kind en de teamleider. De verwijzer (de school of de wijkpartner) hoort alleen hoe de interventie is afgelopen als daarvoor toestemming is gegeven: onder de 16 jaar door uw kind én een ouder met gezag, vanaf 16 jaar door uw kind zelf. Een doorverwijzing naar hulpverlening gebeurt alleen met toestemming, of als er ernstige zorgen zijn over de veiligheid van uw kind (de Meldcode huiselijk geweld en kindermishandeling).

## Hoe lang?
Twee jaar na het einde van de interventie verwijderen wij de persoonsgegevens. Een afgewezen aanmelding verwijderen wij na zes maanden. Wat overblijft zijn anonieme aantallen.

## Uw rechten
U kunt vragen welke gegevens wij over u of uw kind hebben (inzage), en vragen om verbetering of verwijdering. Vraag het aan de Halt-professional of aan de functionaris gegevensbescherming van Halt. Wij antwoorden binnen een maand. Elke inzage en elke wijziging van het dossier wordt vastgelegd.

## Toestemming intrekken
Meedoen is vrijwillig. U kunt een gegeven toestemming altijd intrekken; vanaf dat moment geldt die niet meer.
"""

# The first versions count from the start of the oldest school year Kansrijk holds (the demo's
# and the imported history's), so every file has a statement that applied to it.
FIRST_IN_FORCE = dt.date(2023, 8, 1)

STATEMENTS = [
    ("jongeren", "Wat Halt over jou opschrijft", YOUNG_PEOPLE),
    ("ouders", "Privacyverklaring voor ouders en verzorgers", PARENTS),
]
