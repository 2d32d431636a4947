"""People's names cut into their parts, to tell across articles whether two are one person.

"Donald J. Trump" and "Donald Trump" can be one person, "Boris Johnson" and
"Andrew Johnson" cannot (:meth:`PersonName.compatible`). The honorifics and name
suffixes here are also what ``kgraph.actors.people`` strips or keeps within an article.

Example:
    >>> PersonName.parse("President Donald J. Trump")
    PersonName(first='donald', middle=frozenset({'j'}), last='trump', suffix=None, nickname=None)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

#: Words before a name that are not part of it.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mme", "mlle", "madam", "dr", "sir", "dame", "lady", "lord",
     "prof", "professor", "sen", "senator", "rep", "representative", "gov", "governor", "gen",
     "general", "first", "president", "minister", "prime", "chancellor", "king", "queen", "prince",
     "princess", "sheikh", "pope", "judge", "justice", "mayor", "speaker", "secretary",
     # Ranks of the forces and the police ("Sergeant Ratana" is Matt Ratana); not "major"
     # or "private", which are also names and words.
     "sergeant", "sgt", "constable", "detective", "inspector", "superintendent", "lieutenant",
     "lt", "colonel", "col", "corporal", "cpl", "admiral", "commander", "commissioner",
     "sheriff",
     # "Cde Mugabe": the comrade of southern African parties.
     "cde", "comrade"}
)  # fmt: skip
#: Marks around a nickname inside a name ('Jeremy "Spike" Cohen').
_QUOTES = frozenset('"“”')
#: Words after a surname that tell a father from his son ("Donald Trump Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i").casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_words(label: str) -> list[str]:
    """The words of a name, folded, without the punctuation around them."""
    return [w.strip(".,'’") for w in _fold(label).replace("-", " ").split() if w.strip(".,'’")]


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name cut into its parts, folded ("Donald J. Trump" → donald, {j}, trump)."""

    first: str | None
    middle: frozenset[str]
    last: str
    suffix: str | None
    nickname: str | None = None  # 'Jeremy "Spike" Cohen' goes by Spike
    #: The word before the surname, when there is a middle name: the father's surname of
    #: a Spanish name ("Pierluisi" of "Pedro R. Pierluisi Urrutia").
    second_last: str | None = field(default=None, compare=False, repr=False)

    @classmethod
    def parse(cls, label: str) -> PersonName | None:
        """The parts of a name, honorifics dropped; None when nothing is left."""
        words = name_words(label)
        quoted = [w for w in words if len(w) > 2 and w[0] in _QUOTES and w[-1] in _QUOTES]
        words = [w for w in words if w not in quoted]
        nickname = quoted[0][1:-1] if len(quoted) == 1 else None
        while len(words) > 1 and words[0] in HONORIFICS:
            words = words[1:]
        suffix = words.pop() if len(words) > 1 and words[-1] in NAME_SUFFIXES else None
        if not words:
            return None
        if len(words) == 1:
            return cls(None, frozenset(), words[0], suffix)
        second_last = words[-2] if len(words) > 2 else None
        return cls(words[0], frozenset(words[1:-1]), words[-1], suffix, nickname, second_last)

    def compatible(self, other: PersonName) -> bool:
        """Whether two full names can be one person: same surname, suffix and first name.

        A first name matches its initial ("J. Smith" = "John Smith"); the middle names
        of one must all appear, or have their initial, among the other's.
        """
        if (self.last, self.suffix) != (other.last, other.suffix):
            return False
        if self.first is None or other.first is None:
            return True
        if self.first in (other.nickname,) or other.first in (self.nickname,):
            return True  # "Spike Cohen" is 'Jeremy "Spike" Cohen'
        if not _same_word(self.first, other.first):
            return False
        small, large = sorted((self.middle, other.middle), key=len)
        return all(any(_same_word(m, n) for n in large) for m in small)


#: Common English short forms of first names ("Jim Hedges" is "James Hedges").
NICKNAMES = {
    short: full
    for full, shorts in {
        "james": "jim jimmy jamie",
        "william": "bill billy will",
        "robert": "bob bobby rob",
        "richard": "dick rick rich",
        "michael": "mike mick",
        "mitchell": "mitch",
        "nicholas": "nick nicky",
        "joseph": "joe joey",
        "thomas": "tom tommy",
        "charles": "chuck charlie",
        "anthony": "tony",
        "daniel": "dan danny",
        "david": "dave",
        "edward": "ed ted eddie",
        "ronald": "ron",
        "peter": "pete",
        "christopher": "chris",
        "matthew": "matt",
        "andrew": "andy drew",
        "alexander": "alex",
        "benjamin": "ben",
        "samuel": "sam",
        "elizabeth": "liz beth betsy",
        "katherine": "kate kathy",
        "jennifer": "jenny jen",
        "margaret": "maggie peggy",
        "patricia": "pat patty",
        "susan": "sue",
        "stephen": "steve",
        "steven": "steve",
        "gregory": "greg",
        "jonathan": "jon",
        "timothy": "tim",
        "kenneth": "ken",
        "lawrence": "larry",
        "gerald": "jerry",
    }.items()
    for short in shorts.split()
}


def _same_word(a: str, b: str) -> bool:
    a, b = NICKNAMES.get(a, a), NICKNAMES.get(b, b)
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
