"""Who is speaking: names, titles, pronouns and the parties they resolve to.

Only generic cues are used (capitalisation, titles, organisation words, pronouns); there is
no list of particular people or companies.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.extraction.records import Party

_TOKEN = r"[A-Z][\w’'&\-]*"
_LINK = r"(?:of|for|the|and|de|del|della|da|di|du|la|le|van|von|der|den|bin|ibn|al|el|y)"
NAME_CHUNK = re.compile(rf"(?<![\w’'-]){_TOKEN}(?: (?:{_LINK} )*{_TOKEN})*")

# Capitalised words that start sentences or clauses but do not start a name.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if when while as in on at by for from with without after
    before since until though although however meanwhile also this that these those it he she
    they we i you his her their our its my your some many most all both each every any no not
    once then there here what which who whom whose why how where like unlike among despite over
    under above below today yesterday tomorrow now even still just only right last next first
    finally similarly according citing apart amid barely hours maybe perhaps unsurprisingly
    instead indeed thus therefore moreover furthermore besides otherwise again later earlier
    soon already yes oh well please let let's during through throughout against toward towards
    into onto upon about around near beyond within more less few several such other another
    one two three four five six seven eight nine ten to of do does did is are was were be been
    has have had will would can could should may might must shall read see watch scroll click
    is said says told asked added""".split()
)
MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame prof prof. rev rev.".split())
TITLE_WORDS = frozenset(
    """president prime minister secretary director chief ceo cfo coo cto chairman chairwoman
    chair spokesman spokeswoman spokesperson senator sen. governor gov. mayor judge justice
    general gen. executive deputy vice assistant representative rep. ambassador commissioner
    chancellor king queen prince princess pope premier head leader founder cofounder co-founder
    manager coach captain officer official analyst professor lawyer attorney economist reporter
    editor correspondent columnist author researcher scientist doctor dr. nurse negotiator
    adviser advisor consultant member fellow scholar envoy lieutenant colonel sergeant admiral
    commander inspector superintendent sheriff detective agent defenseman goalie winger center
    forward striker midfielder defender quarterback pitcher player star veteran rookie
    spokesperson owner partner president-elect candidate lawmaker legislator councilman
    councilwoman councillor trustee principal dean provost analyst strategist""".split()
)
ORG_WORDS = frozenset(
    """inc inc. corp corp. co co. ltd ltd. llc plc company companies corporation group holdings
    bank fund institute university college school association foundation league union forum
    trust services systems technologies technology labs laboratories partners industries
    enterprises airlines motors pharmaceuticals capital ventures club team society council
    committee board centre center organization organisation alliance federation network
    coalition party church hospital clinic institution firm agency""".split()
)
GOVERNMENT_WORDS = frozenset(
    """ministry department government office commission court courts parliament congress senate
    authority authorities administration embassy police army military navy force forces
    cabinet state states kremlin whitehouse city county municipality province regional
    federal officials official bureau""".split()
)
MEDIA_WORDS = frozenset(
    """news times post press journal herald tribune gazette magazine daily weekly radio
    television tv broadcasting channel wire businessweek newspaper telegraph guardian observer
    chronicle reporter insider""".split()
)
# Lower-case heads that make a common noun phrase a plausible (anonymous) source.
SOURCE_NOUNS = frozenset(
    """official officials source sources spokesman spokeswoman spokesperson spokespeople
    representative representatives analyst analysts expert experts people person observers
    critics residents witnesses diplomat diplomats aide aides adviser advisers advisors member
    members commenter commenters user users investigators researchers scientists economists
    lawmakers leaders authorities police prosecutors insiders executive executives employees
    staff workers activists settlers groups group some many others one mother father parent
    parents woman man teacher doctor doctors""".split()
)
PRONOUNS = frozenset("he she they it we i".split())
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|added|wrote|asked|explained|Mr|Mrs|Ms|Dr)\.?\s+$")
_SPEECH_AFTER = re.compile(
    r"^,?\s+(?:said|says|told|added|wrote|asked|explained|acknowledged|responded|noted)\b"
)
_POSSESSIVE = re.compile(r"['’]s?$")


def norm_key(name: str) -> str:
    return re.sub(r"[^\w]+", "", name.casefold())


def tokens_of(name: str) -> list[str]:
    return name.split()


def strip_possessive(word: str) -> tuple[str, bool]:
    if word.endswith(("'s", "’s")):
        return word[:-2], True
    if word.endswith(("s'", "s’")):
        return word[:-1], True
    return word, False


def looks_person_name(name: str) -> bool:
    """Two to four capitalised words, none of them an organisation or title word."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        low = w.casefold().rstrip(".")
        if not w[:1].isupper() or any(ch.isdigit() for ch in w):
            return False
        if low in ORG_WORDS or low in GOVERNMENT_WORDS or low in MEDIA_WORDS:
            return False
        if low in TITLE_WORDS or low in FUNCTION_WORDS or low in MONTHS_DAYS:
            return False
        if w.isupper() and len(w) > 1:
            return False
    return True


def kind_of(name: str, hint: str | None = None) -> str:
    words = [w.casefold().strip(".,") for w in name.split()]
    if not words:
        return "anonymous"
    if name[:1].islower() or words[0] in ("a", "an", "one", "two", "three", "some", "many"):
        if not any(w[:1].isupper() for w in name.split()[1:]):
            return "anonymous"
    if any(w in MEDIA_WORDS for w in words):
        return "media"
    if any(w in GOVERNMENT_WORDS for w in words):
        return "government"
    if any(w in ORG_WORDS for w in words):
        return "organization"
    if hint:
        return hint
    if looks_person_name(name):
        return "person"
    return "organization"


@dataclass
class PartyInfo:
    name: str
    kind: str
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split()).strip(" ,.;:")
        if alias and alias != self.name and alias not in self.aliases and len(alias) < 90:
            self.aliases.append(alias)

    def freeze(self) -> Party:
        return Party(self.name, self.kind, self.affiliation, tuple(self.aliases))


_TITLE_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(sorted(re.escape(t) for t in TITLE_WORDS)) + r")|\b(?:Mr|Mrs|Ms|Dr)\.?)"
    r"\s+$",
    re.IGNORECASE,
)
_APPOSITIVE_AFTER = re.compile(
    r"^,\s+(?:\d{1,3},|(?:a|an|the|who|whose)\b|[a-z]+\s+(?:of|for|at)\b)"
)


class Registry:
    """Parties of one article, built from a first pass over the text, plus mention positions
    for resolving surnames, titles and pronouns."""

    def __init__(self) -> None:
        self.parties: dict[str, PartyInfo] = {}
        self.by_key: dict[str, str] = {}
        self.surnames: dict[str, list[str]] = {}
        self.person_mentions: list[tuple[int, str]] = []
        self.other_mentions: list[tuple[int, str]] = []
        self.chunk_names: set[str] = set()

    # -- first pass -------------------------------------------------------------------------
    def scan(self, masked_text: str) -> None:
        chunks = []
        standalone: dict[str, int] = {}
        for m in NAME_CHUNK.finditer(masked_text):
            name, start = self._trim_chunk(m.group(0), m.start())
            if not name:
                continue
            chunks.append((start, name))
            if " " not in name:
                bare, _ = strip_possessive(name)
                if _SPEECH_BEFORE.search(
                    masked_text[max(0, start - 12) : start]
                ) or _SPEECH_AFTER.match(masked_text[start + len(name) : start + len(name) + 16]):
                    standalone[bare] = standalone.get(bare, 0) + 1
        persons: set[str] = set()
        for start, name in chunks:
            bare, _ = strip_possessive(name)
            for part in _split_list(bare):
                self.chunk_names.add(part)
                person = _person_tail(part)
                if not person:
                    continue
                pstart = start + part.rfind(person) if person in part else start
                before = masked_text[max(0, pstart - 40) : pstart]
                after = masked_text[pstart + len(person) : pstart + len(person) + 40]
                evidence = (
                    person != part
                    or bool(_TITLE_BEFORE.search(before))
                    or bool(_APPOSITIVE_AFTER.match(after))
                    or standalone.get(person.split()[-1], 0) > 0
                    or bool(re.match(r"^,?\s+(?:said|says|told|added|wrote)\b", after))
                    or bool(re.search(r"\b(?:said|says|told|added|wrote)\s+$", before))
                )
                if evidence:
                    persons.add(person)
        for person in persons:
            if person in self.by_key.values():
                continue
            # "Eriksson Ek" inside "Joel Eriksson Ek" is the same person.
            longer = [p for p in persons if p != person and p.endswith(" " + person)]
            if longer:
                continue
            self.add(person, "person")
        for start, name in chunks:
            bare, possessive = strip_possessive(name)
            for part in _split_list(bare):
                offset = start + max(0, bare.find(part))
                resolved = self.lookup_person(part) or self.lookup_person(_person_tail(part) or "")
                if resolved and not possessive:
                    self.person_mentions.append((offset, resolved))
                elif not resolved and not possessive:
                    self.other_mentions.append((offset, part))
        self.person_mentions.sort()
        self.other_mentions.sort()

    def _trim_chunk(self, chunk: str, start: int) -> tuple[str, int]:
        words = [(m.start(), m.group()) for m in re.finditer(r"\S+", chunk)]
        while words:
            low = words[0][1].casefold().rstrip(".")
            if low in FUNCTION_WORDS or low in MONTHS_DAYS or low + "." in HONORIFICS:
                words.pop(0)
            else:
                break
        while words and words[-1][1].casefold() in ("of", "for", "the", "and"):
            words.pop()
        if not words:
            return "", start
        s, e = words[0][0], words[-1][0] + len(words[-1][1])
        name = chunk[s:e].rstrip(".")
        if name.casefold() in MONTHS_DAYS:
            return "", start
        return name, start + s

    # -- parties ----------------------------------------------------------------------------
    def add(self, name: str, kind: str, affiliation: str | None = None) -> PartyInfo:
        key = norm_key(name)
        if key in self.by_key:
            info = self.parties[self.by_key[key]]
            if affiliation and not info.affiliation:
                info.affiliation = affiliation
            return info
        info = PartyInfo(name, kind, affiliation)
        self.parties[name] = info
        self.by_key[key] = name
        if kind == "person":
            words = name.split()
            self.surnames.setdefault(words[-1].casefold(), []).append(name)
            if len(words) >= 3:
                self.surnames.setdefault(" ".join(words[1:]).casefold(), []).append(name)
            self.surnames.setdefault("__first__" + words[0].casefold(), []).append(name)
        return info

    def lookup_person(self, name: str, pos: int | None = None) -> str | None:
        name = " ".join(w for w in name.split() if w.casefold() not in HONORIFICS)
        if not name:
            return None
        key = norm_key(name)
        full = self.by_key.get(key)
        if full and self.parties[full].kind == "person":
            return full
        candidates = self.surnames.get(name.casefold())
        if not candidates and " " not in name:
            candidates = self.surnames.get("__first__" + name.casefold())
            if candidates and len(candidates) > 1:
                candidates = None
        if not candidates:
            return None
        if len(candidates) == 1 or pos is None:
            return candidates[0]
        # The most recently mentioned of the namesakes.
        best, best_pos = candidates[0], -1
        for cand in candidates:
            for mpos, mname in self.person_mentions:
                if mname == cand and mpos <= pos and mpos > best_pos:
                    best, best_pos = cand, mpos
        return best

    def last_person_before(self, pos: int, floor: int = 0) -> str | None:
        i = bisect.bisect_left(self.person_mentions, (pos, ""))
        while i > 0:
            i -= 1
            mpos, name = self.person_mentions[i]
            if mpos < floor:
                return None
            return name
        return None

    def person_with_title(self, title: str, pos: int) -> str | None:
        title = title.casefold()
        best = None
        for mpos, name in self.person_mentions:
            if mpos > pos:
                break
            info = self.parties.get(name)
            if info and any(title in t.casefold() for t in info.titles):
                best = name
        return best

    def known_name_in(self, text: str) -> str | None:
        """A party of this article named (in any case) in a heading such as an all-caps one."""
        low = " " + re.sub(r"[^\w]+", " ", text.casefold()) + " "
        best = None
        for name in list(self.parties) + sorted(self.chunk_names):
            n = " " + re.sub(r"[^\w]+", " ", name.casefold()).strip() + " "
            if len(n) > 3 and n in low and (best is None or len(n) > len(best[1])):
                best = (name, n)
        return best[0] if best else None

    def freeze(self, used: set[str]) -> tuple[Party, ...]:
        return tuple(self.parties[n].freeze() for n in self.parties if n in used)


def _split_list(chunk: str) -> list[str]:
    """'Apple, Amazon and Super Micro' -> three names; 'Center for Disease Control and
    Prevention' stays whole (an 'and' after 'of'/'for' belongs to the name)."""
    if " and " not in chunk:
        return [chunk]
    head, _, tail = chunk.partition(" and ")
    if re.search(r"\b(?:of|for)\b", head):
        return [chunk]
    return [head, tail]


def _person_tail(name: str) -> str | None:
    """The person's name at the end of a capitalised chunk, after any titles
    ('Israeli Prime Minister Benjamin Netanyahu' -> 'Benjamin Netanyahu')."""
    words = name.split()
    if len(words) < 2:
        return None
    for size in (3, 2):
        if len(words) < size:
            continue
        tail = words[-size:]
        if size == 3 and len(words) > 3:
            continue
        if looks_person_name(" ".join(tail)):
            return " ".join(tail)
    return None


def split_names(np: str) -> list[str]:
    """'Apple, Amazon and Super Micro' -> ['Apple', 'Amazon', 'Super Micro'] when every part
    is capitalised; otherwise the phrase itself."""
    text = re.sub(r"^(?:both|all|either)\s+", "", np.strip(), flags=re.IGNORECASE)
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if p.strip()]
    if len(parts) < 2:
        return [np]
    if re.search(r"\b(?:of|for)\b[^,]*\band\b", text):
        return [np]
    if all(p[:1].isupper() or p.casefold().startswith("the ") for p in parts):
        return parts
    return [np]
