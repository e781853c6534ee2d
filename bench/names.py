"""Realistic Dutch names for the benchmark data set.

Name search is only as hard as the names are common: with the small pool of last names the
generator once had (eleven, so one young person in eleven was a "Bakker") it measured a case
no region has. Here the commonest surnames come with roughly their share of the Dutch
population (de Jong about 0.5 %, the top twenty about 5 % together; figures rounded from the
Meertens Instituut's surname database), and the rest of the draws spread over a long tail of
a few thousand generated Dutch-looking surnames, as in a real register. First names likewise:
a few hundred, the commonest about 1 %.
"""

from __future__ import annotations

import bisect
import itertools
import random

# Share in per ten thousand.
COMMON_SURNAMES = {
    "de Jong": 51,
    "Jansen": 44,
    "de Vries": 40,
    "van den Berg": 36,
    "van Dijk": 34,
    "Bakker": 33,
    "Janssen": 32,
    "Visser": 29,
    "Smit": 27,
    "Meijer": 24,
    "de Boer": 23,
    "Mulder": 22,
    "de Groot": 22,
    "Bos": 21,
    "Vos": 19,
    "Peters": 19,
    "Hendriks": 19,
    "van Leeuwen": 18,
    "Dekker": 18,
    "Brouwer": 17,
    "de Wit": 17,
    "Dijkstra": 16,
    "Smits": 16,
    "de Graaf": 15,
    "van der Meer": 15,
    "van der Linden": 14,
    "Kok": 14,
    "Jacobs": 14,
    "de Haan": 14,
    "Vermeulen": 13,
    "van den Heuvel": 13,
    "van der Veen": 13,
    "van den Broek": 13,
    "de Bruijn": 12,
    "de Bruin": 12,
    "van der Heijden": 12,
    "Schouten": 12,
    "van Beek": 12,
    "Willems": 12,
    "van Vliet": 11,
    "Yilmaz": 11,
    "El Amrani": 6,
    "Kaya": 8,
    "Demir": 8,
    "Sahin": 6,
    "Öztürk": 5,
    "Bouzid": 4,
    "Mohamed": 6,
    "Ahmed": 5,
    "Nguyen": 5,
    "Singh": 5,
    "Baldewsingh": 3,
}
_ROOTS = (
    "Hoek Berg Veld Dijk Brink Kamp Hof Wijk Meer Bosch Hout Linde Molen Steen Water Zand Broek Hooge "
    "Wester Ooster Noorder Zuider Kerk Akker Heuvel Beek Laan Weide Vliet Dam Haag Horst Rijn Maas Eik"
).split()
_ENDINGS = "stra sma man huis ink ing inga er ers kamp veld hof meijer boer zoon s en mans land horst".split()
_PREFIXES = ("", "van ", "van de ", "ter ", "van der ")
TAIL_SURNAMES = [
    f"{prefix}{root}{ending}" for prefix, root, ending in itertools.product(_PREFIXES, _ROOTS, _ENDINGS)
]
random.Random(0).shuffle(TAIL_SURNAMES)

FIRST_NAMES = (
    "Noah Sem Liam Lucas Daan Finn Levi Luuk Mees James Milan Sam Adam Jesse Bram Thomas Max Teun "
    "Mohammed Ryan Ibrahim Yusuf Omar Ayoub Amir Mats Siem Thijs Ruben Tim Lars Jayden Stijn Guus "
    "Emma Julia Mila Tess Sophie Zoë Sara Nora Yara Eva Liv Lotte Evi Saar Anna Noor Lieke Fenna "
    "Isa Fleur Roos Nina Sofia Amira Nour Malak Hiba Aya Ilse Femke Maud Jill Sanne Lynn Demi Iris"
).split()

_TAIL_SHARE = 10_000 - sum(COMMON_SURNAMES.values())


class NameDrawer:
    """Draws (first name, last name) pairs from its own seeded generator.

    Its own generator, so that the names never shift the other draws of the data set.
    """

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        names = list(COMMON_SURNAMES)
        weights = list(COMMON_SURNAMES.values())
        # The tail follows a flattened Zipf law and shares what the common names leave; its
        # commonest name stays below the rarest common one.
        tail = [1 / (rank + 300) for rank in range(len(TAIL_SURNAMES))]
        scale = _TAIL_SHARE / sum(tail)
        names += TAIL_SURNAMES
        weights += [w * scale for w in tail]
        self.surnames = names
        self.surname_cum = list(itertools.accumulate(weights))
        first_weights = [1 / (rank + 60) for rank in range(len(FIRST_NAMES))]
        self.first_cum = list(itertools.accumulate(first_weights))

    def draw(self) -> tuple[str, str]:
        rng = self.rng
        first = FIRST_NAMES[bisect.bisect_left(self.first_cum, rng.random() * self.first_cum[-1])]
        last = self.surnames[bisect.bisect_left(self.surname_cum, rng.random() * self.surname_cum[-1])]
        return first, last
