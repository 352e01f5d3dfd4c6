"""Who is speaking: names, titles, pronouns and the parties they resolve to.

Only generic cues are used (capitalisation, titles, organisation words, pronouns); there is
no list of particular people or companies.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.extraction import first_names
from factcheck.extraction.lexicon import CLAUSE_VERBS, company_noun
from factcheck.extraction.records import Party

_TOKEN = r"[A-Z][\w’'&\-]*"
# Arabic article prefixes written in lower case inside names ('Abdel Halim Nur el-Din',
# 'Ahmed al-Tayeb')
NAME_PREFIX = re.compile(r"(?<![\w’'-])(?:al|el|ad|ed|ud|ul|as|ash|an|ar|at|az)-(?=[A-Z])")
CAPITAL_NAME_PREFIX = re.compile(r"\b(?:Al|El|Ad|Ed|Ud|Ul|As|Ash|An|Ar|At|Az)-(?=[A-Z])")
# particles inside a person's name ("Joost van Hoof", "Ana de la Cruz")
_NAME_PARTICLES = frozenset(
    "de del della da di du la le van von der den bin ibn al el ter ten y".split()
)
_LINK = "(?:" + "|".join(["of", "for", "the", "and", "&", *sorted(_NAME_PARTICLES)]) + ")"
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
    has have had would can could should might must shall read see watch scroll click
    is said says told asked added""".split()
)
MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()
)
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sir dame prof prof. rev rev. sen sen. rep rep. gov gov.
    gen gen. lt lt. col col. capt capt. sgt sgt. adm adm. pres pres. rabbi imam
    maj maj. cpl cpl. pvt pvt. cmdr cmdr. det det. supt supt. atty atty. msgr msgr.""".split()
)
TITLE_WORDS = frozenset(
    """president prime minister secretary director chief ceo cfo coo cto cio cmo chairman chairwoman
    chair spokesman spokeswoman spokesperson senator sen. governor gov. mayor judge justice
    general gen. executive deputy vice assistant representative rep. ambassador commissioner
    chancellor king queen prince princess pope premier head leader founder cofounder co-founder
    manager coach captain officer official analyst professor lawyer attorney economist reporter
    editor correspondent columnist author researcher scientist doctor dr. nurse negotiator
    adviser advisor consultant member fellow scholar envoy lieutenant colonel sergeant admiral
    commander inspector superintendent sheriff detective agent defenseman goalie winger center
    forward striker midfielder defender quarterback pitcher player star veteran rookie
    spokesperson owner partner president-elect candidate lawmaker legislator councilman
    councilwoman councillor trustee principal dean provost analyst strategist lady""".split()
) | frozenset(
    # AP-style formal titles said before a name ('Marshal Ana Ruiz', 'Bishop Ana Ruiz'): a
    # closed list of offices, ranks and clerical titles, which the party's name drops and its
    # role keeps
    """marshal trooper constable corporal pastor bishop archbishop cardinal chaplain reverend
    monsignor alderman alderwoman alderperson assemblyman assemblywoman assemblymember
    councilmember congressman congresswoman comptroller controller treasurer auditor
    magistrate sheik sheikh imam rabbi ayatollah mufti""".split()
)
ORG_WORDS = frozenset(
    """inc inc. corp corp. co co. ltd ltd. llc plc bros bros. company companies corporation group
    holdings
    bank fund institute university college school association foundation league union forum
    trust services systems technologies technology labs laboratories partners industries
    enterprises service airlines motors pharmaceuticals capital ventures club team society council
    committee board centre center organization organisation alliance federation network
    coalition party church hospital clinic institution firm agency chamber commerce
    wireless mobile communications telecommunications telecom networks electric electronics
    energy software solutions entertainment studios pictures airways brands stores foods
    pharma insurance financial securities investments resources petroleum logistics
    semiconductor semiconductors aerospace automotive""".split()
)
# bodies whose plural is a plain -s ("Local Coordination Committees")
_BODY_PLURALS = frozenset(
    """committee council department commission board union association coalition alliance
    federation""".split()
)


def _body_plural(word: str) -> bool:
    return word.endswith("s") and word[:-1] in _BODY_PLURALS


GOVERNMENT_WORDS = frozenset(
    """ministry department government office commission court courts parliament congress senate
    authority authorities administration embassy police army military navy force forces
    cabinet state states kremlin house city county municipality province regional
    federal officials official bureau regulator regulators regulatory""".split()
)
MEDIA_WORDS = frozenset(
    """news times post press journal herald tribune gazette magazine daily weekly radio
    television tv broadcasting channel wire newspaper telegraph guardian observer
    chronicle reporter insider media outlet outlets""".split()
)
# Lower-case heads that make a common noun phrase a plausible (anonymous) source.
SOURCE_NOUNS = frozenset(
    """official officials source sources spokesman spokeswoman spokesperson spokespeople
    representative representatives analyst analysts expert experts people person observers
    critics residents witness witnesses eyewitness eyewitnesses diplomat diplomats aide aides
    adviser advisers advisors member
    members commenter commenters user users investigators researchers scientists economists
    lawmakers leaders authorities police prosecutors insiders executive executives employees
    staff workers activists groups group some many others one mother father parent
    parents woman man teacher doctor doctors forecasters economists analysts observers
    scientists campaigners protesters officers student students""".split()
)
PRONOUNS = frozenset("he she they it we i".split())
# prepositions of place: after a common noun they say where its people are
LOCATIVES = frozenset("on near along outside behind beside across opposite".split())
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|added|wrote|writes|reports|asked|explained|Mr|Mrs|Ms|Dr)\.?\s+$"
)
_SPEECH_AFTER = re.compile(
    r"^,?\s+(?:said|says|told|added|wrote|writes|reports|reported|asked|explained|acknowledged|"
    r"responded|noted)\b"
)
VERB_LIKE = re.compile(
    r"^(?:[a-z]+ed|[a-z]+s|is|was|has|had|will|would|can|could|did|does|said|told|says|"
    r"added|wrote|made|took|gave|went|got|kept|left|won|ran|saw|knew|thought|felt|found)[,.]?$"
)
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s|\n")
_TAG_VERBS = r"(?:said|says|told|tells|added|adds|explained|noted|wrote|recalled|insisted|argued)"
_TAGGED_AFTER = re.compile(
    rf"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+{_TAG_VERBS}(?:\s+[^\s.,;:!?]+){{0,3}}[.!?]"
)
_HEAD_BEFORE = re.compile(r"(?:^|[.,;:]\s|\n)([^.,;:\n]{3,60}),\s*$")
_OF_SPLIT = re.compile(r" (?:of|at|from) ")
_OF_OUTLET_AFTER = re.compile(r"^ (?:of|at|from) (?:the )?[A-Z]")
# 'The Ledger spoke to one nurse': an unnamed person who may then be quoted as "she".
_ANON_PERSON = re.compile(
    r"\b(?:spoke|talked|speaking|talking|interviewed)\s+(?:to\s+|with\s+)?"
    r"((?:one|a|an|another)\s+(?!of\b)[a-z-]+(?:\s+(?!who\b|which\b|that\b)[a-z-]+)?)"
)
_NON_WORD = re.compile(r"[^\w]+")
_NON_SPACE = re.compile(r"\S+")
_SAID_AFTER = re.compile(r"^,?\s+(?:said|says|told|added|wrote)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|wrote)\s+$")
_POSSESSIVE = re.compile(r"['’]s?$")
# Past forms of speech verbs: one opening a sentence is an inverted attribution ('Replied
# Ana, ...', 'Recalled Mr. Ruiz: ...'), never the first word of the name after it.
INVERTED_VERBS = frozenset(
    v for v in CLAUSE_VERBS if v.endswith("ed") or v in ("said", "told", "wrote")
)


def norm_key(name: str) -> str:
    return _NON_WORD.sub("", name.casefold())


def strip_possessive(word: str) -> tuple[str, bool]:
    if word.endswith(("'s", "’s")):
        return word[:-2], True
    if word.endswith(("s'", "s’")):
        return word[:-1], True
    return word, False


# Gendered honorifics and title nouns: grammar, not names.
_MALE_WORDS = frozenset(
    "mr mr. sir spokesman chairman congressman councilman king prince father brother son "
    "husband businessman".split()
)
_FEMALE_WORDS = frozenset(
    "mrs mrs. ms ms. dame miss spokeswoman chairwoman congresswoman councilwoman queen princess "
    "mother sister daughter wife businesswoman".split()
)


HONORIFIC_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w’'-]+)")
_GENDERED_APPOSITIVE = re.compile(
    r"\b([A-Z][\w’'-]+),\s+(?:a|an|the|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?("
    + "|".join(sorted((_MALE_WORDS | _FEMALE_WORDS) - HONORIFICS))
    + r")\b"
)
_INITIAL = re.compile(r"[A-Z]\.?")  # ("Patricia A O'Gorman": the period left out)
# Titles used before a surname alone ('Mayor Lind'); not 'Star', 'General', 'Agent', which
# also open the names of things ('General Electric').
_ADDRESS_TITLES = frozenset(
    """president premier chancellor minister secretary senator governor mayor judge justice
    ambassador commissioner king queen prince princess pope coach professor lieutenant colonel
    sergeant admiral commander inspector superintendent sheriff detective councilman
    councilwoman councillor chairman chairwoman marshal trooper deputy officer constable
    corporal pastor bishop archbishop chaplain alderman alderwoman assemblyman assemblywoman
    assemblymember councilmember congressman congresswoman comptroller""".split()
)
# a title or honorific, then one capitalised word that no other capitalised word follows
_TITLED_SURNAME = re.compile(
    r"(?<![\w’'.-])([A-Z][a-z]+)\.?\s+([A-Z][a-z][\w’'-]*)(?![\w’'-]|\s+[A-Z]|\.\w)"
)
_QUOTED_NAME = re.compile(r"[\"“‘']([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){1,3})[\"”’']")


def looks_person_name(name: str) -> bool:
    """Two to four capitalised words, none of them an organisation or title word; middle
    initials ('William J. Hardy') come on top."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    if words[0].casefold() in MONTHS_DAYS:
        return False
    inner = [w for w in words[1:-1] if _INITIAL.fullmatch(w)]
    if inner:
        words = [w for w in words if w not in inner]
        if len(words) < 2:
            return False
    # a title comes before a name: after a given name the same word is a surname
    # ('Wayne King', 'Ruth Judge')
    surname_title = given_name(words[0]) and words[-1].casefold() in TITLE_WORDS
    for k, w in enumerate(words):
        low = w.casefold().rstrip(".")
        # "Joost van Hoof", "Ana de la Cruz": a particle inside a name
        if 0 < k < len(words) - 1 and w in _NAME_PARTICLES:
            continue
        if not w[:1].isupper() or any(ch.isdigit() for ch in w):
            return False
        if low in ORG_WORDS or low in GOVERNMENT_WORDS or low in MEDIA_WORDS:
            return False
        if _body_plural(low):
            return False  # "Local Coordination Committees"
        if low in TITLE_WORDS and surname_title and k == len(words) - 1:
            continue
        if low in TITLE_WORDS or low in FUNCTION_WORDS or low in SOURCE_NOUNS:
            return False
        if w.isupper() and len(w) > 1:
            return False
    return True


def kind_of(name: str, hint: str | None = None) -> str:
    words = [w.casefold().strip(".,") for w in name.split()]
    if not words:
        return "anonymous"
    determiner = words[0] in (
        *("a", "an", "one", "two", "three", "some", "many"),
        *("his", "her", "their", "its", "our", "my", "your"),  # "His friend", "Her lawyers"
    )
    if (name[:1].islower() or determiner) and not any(w[:1].isupper() for w in name.split()[1:]):
        return "anonymous"
    if len(words) == 1 and words[0] in SOURCE_NOUNS:
        return "anonymous"
    # "Analysts at Westbrook", "officials from the ministry"
    if len(words) > 2 and words[0] in SOURCE_NOUNS and words[1] in ("at", "from", "with", "in"):
        return "anonymous"
    # "owners on Mill Street", "a resident near the Lakeshore Plant": people of a place
    body = words[1:] if determiner or words[0] == "the" else words
    if len(body) > 2 and body[1] in LOCATIVES and (body[0] in SOURCE_NOUNS or body[0][-1:] == "s"):
        return "anonymous"
    head = name.split()[-1]
    if words[-1] in SOURCE_NOUNS and words[-1] not in ("authorities", "police") and head.islower():
        return "anonymous"
    # (plurals of bodies too: "Local Coordination Committees")
    singular = [w[:-1] for w in words if _body_plural(w)]
    if any(w in MEDIA_WORDS for w in words):
        return "media"
    if any(w in GOVERNMENT_WORDS for w in words + singular):
        return "government"
    if any(w in ORG_WORDS for w in words + singular):
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
        if 1 < len(alias) < 90 and alias != self.name and alias not in self.aliases:
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
        self.lower_words: frozenset[str] = frozenset()  # words the article writes in lower case
        self.person_mentions: list[tuple[int, str]] = []
        # "Lind's office": people named only as the possessor of a thing
        self.possessor_mentions: list[tuple[int, str]] = []
        self.other_mentions: list[tuple[int, str]] = []
        self.chunk_names: set[str] = set()
        self.mention_positions: dict[str, list[int]] = {}
        # two-word capitalised names never seen with a title: people only by their look
        self.namelike_mentions: list[tuple[int, str]] = []
        # names that look like people's but that the text treats as bodies ("Harbor Freight
        # Lines said it would ...")
        self.bodies: set[str] = set()
        self._genders: dict[str, str | None] = {}
        self._honorifics: dict[str, set[str]] | None = None

    # -- first pass -------------------------------------------------------------------------
    def scan(self, masked_text: str, text: str | None = None) -> None:
        """masked_text has quote interiors blanked; text, when given, is the article itself."""
        # A capitalised phrase the text quotes whole names a dish, a film or an operation
        # (the “Blue Thunder” burger), not a person, whatever it looks like.
        quoted = {m.group(1) for m in _QUOTED_NAME.finditer(text or "")}
        chunks = []
        standalone: dict[str, int] = {}
        for m in NAME_CHUNK.finditer(masked_text):
            for piece, piece_start in _split_possessive(m.group(0), m.start()):
                name, start = self._trim_chunk(piece, piece_start)
                if name:
                    chunks.append((start, name))
        chunks = _sentence_openers_dropped(chunks, masked_text)
        for start, name in chunks:
            if " " not in name:
                bare, _ = strip_possessive(name)
                if _SPEECH_BEFORE.search(
                    masked_text[max(0, start - 12) : start]
                ) or _SPEECH_AFTER.match(masked_text[start + len(name) : start + len(name) + 16]):
                    standalone[bare] = standalone.get(bare, 0) + 1
        persons: set[str] = set()
        titles: dict[str, list[str]] = {}
        affiliations: dict[str, str] = {}
        self.lower_words = frozenset(
            w.casefold() for w in re.findall(r"\b[a-z][\w’'-]*", masked_text)
        )
        for start, name in chunks:
            bare, _ = strip_possessive(name)
            parts = _split_list(bare, self.lower_words)
            # "Ana Ruiz of the Daily Ledger": the person before the outlet
            head = _OF_SPLIT.split(bare, maxsplit=1)[0]
            if head != bare:
                parts.append(head)
                outlet = re.sub(r"^ (?:of|at|from) (?:the )?", "", bare[len(head) :])
                affiliations.setdefault(head, outlet)
            for part in parts:
                self.chunk_names.add(part)
                # "Vesko, a company that makes tools, ...": the appositive says it is a body
                at = start + name.find(part) + len(part)
                trade = _TRADE_APPOSITIVE.match(masked_text, at, at + 60)
                if (
                    trade
                    and company_noun(trade.group(1))
                    and trade.group(1) not in _PERSON_TRADES
                    and not given_name(part.split()[0])
                ):
                    self.bodies.add(part)
                    continue
                person = person_tail(part)
                if not person:
                    continue
                pstart = start + part.rfind(person) if person in part else start
                before = masked_text[max(0, pstart - 40) : pstart]
                after = masked_text[pstart + len(person) : pstart + len(person) + 40]
                prefix = part[: len(part) - len(person)].split()
                if prefix and prefix[-1].casefold() in ("of", "for", "and", "the"):
                    continue
                if not prefix and _NAMED_BODY_BEFORE.search(before):
                    self.bodies.add(person)
                    continue
                evidence = (
                    any(w.casefold().rstrip(".") in TITLE_WORDS for w in prefix)
                    or bool(_TITLE_BEFORE.search(before))
                    or bool(_APPOSITIVE_AFTER.match(after))
                    or standalone.get(person.split()[-1], 0) > 0
                    or bool(_SAID_AFTER.match(after))
                    or bool(_SAID_BEFORE.search(before))
                    or bool(_OF_OUTLET_AFTER.match(after))
                )
                strong = (
                    any(w.casefold().rstrip(".") in TITLE_WORDS for w in prefix)
                    or bool(_TITLE_BEFORE.search(before))
                    or standalone.get(person.split()[-1], 0) > 0
                )
                if evidence and not strong and treated_as_body(person, masked_text):
                    self.bodies.add(person)
                elif evidence:
                    persons.add(person)
                    title_before = _TITLE_BEFORE.search(before)
                    head = _HEAD_BEFORE.search(masked_text[max(0, pstart - 70) : pstart])
                    if head and not any(w.casefold() in TITLE_WORDS for w in head.group(1).split()):
                        head = None
                    for title in (
                        " ".join(prefix),
                        title_before and title_before.group(0),
                        head and head.group(1),
                    ):
                        if title and title.strip() not in titles.setdefault(person, []):
                            titles[person].append(title.strip())
        for am in _ANON_PERSON.finditer(masked_text):
            np = am.group(1)
            self.add(np, "anonymous")
            self.person_mentions.append((am.start(1), np))
        # "Van Holm" inside "Mara Van Holm" is the same person; "Ana Ruiz" inside "Lena Ana
        # Ruiz" starts with a given name, so it is someone else (a parent, a namesake).
        inner = {
            tail
            for p in persons
            for k in range(1, len(p.split()) - 1)
            if not given_name((tail := " ".join(p.split()[k:])).split()[0])
        }
        for person in sorted(persons):
            if person in inner or norm_key(person) in self.by_key:
                continue
            info = self.add(person, "person", affiliations.get(person))
            info.titles.extend(t for t in titles.get(person, []) if t not in info.titles)
        self._titled_surnames(masked_text)
        self._given_names_alone(masked_text)
        for start, name in chunks:
            bare, possessive = strip_possessive(name)
            head = _OF_SPLIT.split(bare, maxsplit=1)[0]
            place_of = re.search(r"\w[’']s?\s", bare[len(head) :])  # "the Netherlands’ ..."
            if (
                head != bare
                and looks_person_name(head)
                and (possessive or place_of or given_name(head.split()[0]))
            ):
                # "Joost van Hoof of the Netherlands’ Fontys University": the person before
                # where they work is the one mentioned (a possessive there is the place's)
                bare, possessive = head, False
            for part in _split_list(bare, self.lower_words):
                offset = start + max(0, bare.find(part))
                resolved = (
                    self.lookup_person(part)
                    or self.lookup_person(person_tail(part) or "")
                    or self.lookup_person(_untitled(part))
                )
                if resolved and not possessive:
                    self.person_mentions.append((offset, resolved))
                elif resolved and _possessed_thing(masked_text, start + len(name)):
                    self.possessor_mentions.append((offset, resolved))
                elif not resolved and not possessive and not _modifier(masked_text, offset, part):
                    self.other_mentions.append((offset, part))
                    body = part in self.bodies
                    if _namelike(part, masked_text, offset) and part not in quoted and not body:
                        self.namelike_mentions.append((offset, part))
        self._promote_namelike(masked_text)
        self.namelike_mentions.sort()
        self.person_mentions.sort()
        self.possessor_mentions.sort()
        self.other_mentions.sort()
        for mpos, mname in self.person_mentions:
            self.mention_positions.setdefault(mname, []).append(mpos)

    def _given_names_alone(self, text: str) -> None:
        """'Jared, an undergraduate, said', 'Another student, Brittany, said': someone the
        story names by one name only, which an appositive with a person noun marks."""
        fuller_words = {w for c in self.chunk_names if " " in c for w in c.split()}
        for m in _ONE_NAME_DESCRIBED.finditer(text):
            name = m.group("after") or m.group("before") or m.group("direct")
            if m.group("before") and re.search(
                r"[A-Z][\w’'-]*\s$", text[max(0, m.start() - 30) : m.start()]
            ):
                continue  # "Six Thirty, an accelerator": the end of a longer name
            low = name.casefold()
            if low in FUNCTION_WORDS or low in MONTHS_DAYS or name in self.bodies:
                continue
            if any(low in words for words in (ORG_WORDS, GOVERNMENT_WORDS, MEDIA_WORDS)):
                continue
            if low in TITLE_WORDS or low in SOURCE_NOUNS or self.lookup_person(name):
                continue
            # "Kim, 24, a student" after "Kim Sato": the short form of a fuller name
            if name in fuller_words:
                continue
            self.add(name, "person")

    def _titled_surnames(self, text: str) -> None:
        """'Mr. Lind', 'President Lind', 'Judge Okafor': a title or an honorific before a lone
        capitalised word makes a person of it (the full name, if the text gives one, takes
        it up)."""
        for m in _TITLED_SURNAME.finditer(text):
            title, surname = m.group(1), strip_possessive(m.group(2))[0]
            low = surname.casefold()
            if low in FUNCTION_WORDS or low in MONTHS_DAYS or not surname[1:].islower():
                continue
            if title.casefold() not in HONORIFICS and not is_address_title(title):
                continue
            if any(low in words for words in (TITLE_WORDS, ORG_WORDS, GOVERNMENT_WORDS)):
                continue
            if low in MEDIA_WORDS or low in SOURCE_NOUNS or surname in self.bodies:
                continue
            full = self.lookup_person(surname)
            info = self.parties[full] if full else self.add(surname, "person")
            if title.casefold() in _ADDRESS_TITLES and title not in info.titles:
                info.titles.append(title)

    def _promote_namelike(self, text: str) -> None:
        """'Hawks guard Marco Rivera scored ...' then 'Rivera shrugged': a name whose surname
        later acts alone as a subject is a person, and both mentions are his."""
        by_surname: dict[str, set[str]] = {}
        for _, name in self.namelike_mentions:
            by_surname.setdefault(name.split()[-1], set()).add(name)
        promoted: dict[str, str] = {}
        for offset, word in self.other_mentions:
            names = by_surname.get(word)
            if not names or len(names) != 1:
                continue
            nxt = text[offset + len(word) : offset + len(word) + 24].split()[:1]
            if nxt and VERB_LIKE.match(nxt[0]):
                promoted[word] = next(iter(names))
        if not promoted:
            return
        for full in set(promoted.values()):
            self.add(full, "person")
        keep_other = []
        for offset, word in self.other_mentions:
            full = promoted.get(word) or (word if word in promoted.values() else None)
            if full:
                self.person_mentions.append((offset, full))
            else:
                keep_other.append((offset, word))
        self.other_mentions = keep_other
        self.namelike_mentions = [
            (o, n) for o, n in self.namelike_mentions if n not in promoted.values()
        ]

    def _trim_chunk(self, chunk: str, start: int) -> tuple[str, int]:
        words = [(m.start(), m.group()) for m in _NON_SPACE.finditer(chunk)]
        while words:
            low = words[0][1].casefold().rstrip(".")
            inverted = low in INVERTED_VERBS and len(words) > 1
            if low in FUNCTION_WORDS or low in MONTHS_DAYS or low + "." in HONORIFICS or inverted:
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
            # "James Holt Jr.": the surname comes before the generation
            while len(words) > 2 and words[-1].casefold().rstrip(".,") in _GENERATIONS:
                words = words[:-1]
            self.surnames.setdefault(words[-1].casefold(), []).append(name)
            # 'Sheik Shahat' for 'Abdel Moneim el-Shahat': the surname without its prefix
            prefixed = CAPITAL_NAME_PREFIX.match(words[-1])
            if prefixed:
                self.surnames.setdefault(words[-1][prefixed.end() :].casefold(), []).append(name)
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
            positions = self.mention_positions.get(cand, [])
            k = bisect.bisect_right(positions, pos)
            if k and positions[k - 1] > best_pos:
                best, best_pos = cand, positions[k - 1]
        return best

    def last_person_before(self, pos: int, floor: int = 0, namelike: bool = True) -> str | None:
        i = bisect.bisect_left(self.person_mentions, (pos, ""))
        best = self.person_mentions[i - 1] if i else None
        j = bisect.bisect_left(self.namelike_mentions, (pos, "")) if namelike else 0
        if j and (best is None or self.namelike_mentions[j - 1][0] > best[0]):
            best = self.namelike_mentions[j - 1]
            if best[0] >= floor:
                self.add(best[1], "person")
        if best is None or best[0] < floor:
            return None
        return best[1]

    def subject_before(self, pos: int, text: str) -> tuple[int, str] | None:
        """The person a he/she at pos most likely means: take the sentence of the last person
        mentioned and prefer its first person, usually the subject ('The minister, X, said
        that President Y ...' -> X)."""
        last = self.last_person_before(pos)
        i = bisect.bisect_left(self.person_mentions, (pos, ""))
        j = bisect.bisect_left(self.namelike_mentions, (pos, ""))
        cands = [m for m in (self.person_mentions[i - 1 : i] + self.namelike_mentions[j - 1 : j])]
        mpos = max((p for p, n in cands if n == last), default=-1)
        owner = self._possessor_subject(pos, text)
        if owner and owner[0] > mpos:
            # "Lind's office did not respond. He said ...": an office, a campaign or a
            # statement opening the sentence is no "he"; its possessor is the antecedent
            return owner
        if not last:
            return None
        mpos = pos if mpos < 0 else mpos
        lo = max(0, mpos - 400)
        seg = text[lo:mpos]
        ends = [m.end() for m in SENTENCE_END.finditer(seg)]
        start = lo + ends[-1] if ends else lo
        first = (mpos, last)
        if _TAGGED_AFTER.match(text, mpos):
            # "Crews went to Long Island instead, Moline said.": the person tagged as the
            # speaker, not a name inside what they said
            return first
        for mentions in (self.person_mentions, self.namelike_mentions):
            k = bisect.bisect_left(mentions, (start, ""))
            if k < len(mentions) and mentions[k][0] < first[0]:
                first = mentions[k]
        if first[1] != last:
            self.add(first[1], "person")
        return first

    def _possessor_subject(self, pos: int, text: str) -> tuple[int, str] | None:
        """The latest person before pos named as the possessor opening a sentence's subject
        ("Governor Lind's office declined to comment")."""
        k = bisect.bisect_left(self.possessor_mentions, (pos, ""))
        if not k:
            return None
        offset, name = self.possessor_mentions[k - 1]
        lo = max(0, offset - 200)
        ends = [m.end() for m in SENTENCE_END.finditer(text, lo, offset)]
        opening = text[ends[-1] if ends else lo : offset].split()
        if (not ends and lo) or any(not w[:1].isupper() for w in opening):
            return None
        return offset, name

    def person_with_title(self, title: str, pos: int) -> str | None:
        """The latest person holding the title; a bare 'the president' prefers someone called
        so outright ('President Lind') to a 'president of the Harbor Bank'."""
        title = title.casefold()
        i = bisect.bisect_right(self.person_mentions, (pos, "\uffff"))
        latest = None
        for _, name in reversed(self.person_mentions[max(0, i - 300) : i]):
            info = self.parties.get(name)
            held = [t for t in info.titles if _title_matches(title, t)] if info else []
            if held and not all(_QUALIFIED_TITLE.search(t) for t in held):
                return name
            latest = latest or (name if held else None)
        return latest

    def last_other_with_position(self, pos: int) -> tuple[int, str] | None:
        i = bisect.bisect_left(self.other_mentions, (pos, ""))
        return self.other_mentions[i - 1] if i else None

    def last_other_before(self, pos: int) -> str | None:
        i = bisect.bisect_left(self.other_mentions, (pos, ""))
        return self.other_mentions[i - 1][1] if i else None

    def known_name_in(self, text: str) -> str | None:
        """A party of this article named (in any case) in a heading such as an all-caps one."""
        low = " " + re.sub(r"[^\w]+", " ", text.casefold()) + " "
        best = None
        for name in list(self.parties) + sorted(self.chunk_names):
            if name.isupper() and " " in name:
                continue
            n = " " + re.sub(r"[^\w]+", " ", name.casefold()).strip() + " "
            if len(n) > 3 and n in low and (best is None or len(n) > len(best[1])):
                best = (name, n)
        return best[0] if best else None

    def gender(self, name: str, text: str) -> str | None:
        """'m' or 'f' for a person the text marks so (Mr./Ms. before the surname, a gendered
        title such as 'spokeswoman'), else None. No list of first names."""
        if name not in self._genders:
            self._genders[name] = self._find_gender(name, text)
        return self._genders[name]

    def _find_gender(self, name: str, text: str) -> str | None:
        info = self.parties.get(name)
        if not info or info.kind != "person":
            return None
        words = set()
        for t in info.titles + info.aliases:
            words.update(w.casefold() for w in t.split())
        if self._honorifics is None:
            self._honorifics = {}
            for m in HONORIFIC_SURNAME.finditer(text):
                self._honorifics.setdefault(m.group(2), set()).add(m.group(1).casefold())
            # 'Ana Ruiz, a spokeswoman for the port': a gendered noun in apposition
            for m in _GENDERED_APPOSITIVE.finditer(text):
                self._honorifics.setdefault(m.group(1), set()).add(m.group(2).casefold())
        words |= self._honorifics.get(name.split()[-1], set())
        male, female = bool(words & _MALE_WORDS), bool(words & _FEMALE_WORDS)
        if male != female:
            return "m" if male else "f"
        if not male:  # no title says: a given name on one list does
            given = {n.split()[0].casefold() for n in (name, *info.aliases) if " " in n}
            female, male = bool(given & first_names.FEMININE), bool(given & first_names.MASCULINE)
            if male != female:
                return "m" if male else "f"
        return None

    def freeze(self, used: set[str]) -> tuple[Party, ...]:
        return tuple(self.parties[n].freeze() for n in self.parties if n in used)


# 'president of the Harbor Bank', "the bank's president": a title qualified by its body
_QUALIFIED_TITLE = re.compile(r"\b(?:of|at|for)\s+(?:the\s+)?[A-Z]|['’]s?\s+\w+$")


def _title_matches(title: str, held: str) -> bool:
    """'senator' is held by 'Sen. Alma Reyes' as by 'the senator from Ohio'."""
    held = held.casefold()
    if title in held:
        return True
    words = held.split()
    if any(w.endswith(".") and len(w) > 2 and title.startswith(w[:-1]) for w in words):
        return True
    # 'the CEO' holds 'chief executive', 'the CFO' 'chief financial officer'
    if title.isalpha() and 2 <= len(title) <= 4:
        for k in range(len(words)):
            initials = "".join(w[:1] for w in words[k : k + len(title)])
            if initials == title or (len(title) > 2 and initials + "o" == title):
                return True
    return False


_BODY_AFTER = re.compile(
    # "X said late Monday that it would", "X, which", "X's shares"
    r"(?:,?\s+(?:\w+\s+){0,3}?(?:said|says|announced|added|reported|expects|expected)"
    r"\s+(?:(?:on|in|late|early)\s+\w+\s+)?(?:that\s+)?(?:it|its)\b"
    r"|,\s+which\b|\s+[a-z]+\s+its\b"  # "X, which", "X cut its forecast"
    r"|['’]s?\s+(?:\w+\s+)?(?:shares|stock|headquarters|employees|workforce|subsidiary|"
    r"customers|shareholders|board|factories|stores|plants)\b)"
)
_BODY_BEFORE = re.compile(
    # "an analyst at X", "a spokeswoman for X", "employees of X", "shares of X"
    r"\b(?:"
    + "|".join(sorted(TITLE_WORDS | SOURCE_NOUNS | {"shares", "employees", "customers"}))
    + r")\s+(?:at|for|of|with|from)\s+(?:the\s+)?$"
)
# "a company called X", "a charity named X": a body introduced by its name
_NAMED_BODY_BEFORE = re.compile(
    r"\b(?:company|firm|business|group|organi[sz]ation|charity|party|movement|website|site|"
    r"magazine|newspaper|agency|startup|fund|foundation|network|campaign|coalition|trust)\s+"
    r"(?:called|named|known\s+as)\s+$"
)


def _modifier(text: str, offset: int, name: str) -> bool:
    """'a Utah firm', 'an Ohio man': a name modifying the noun after it mentions no party;
    nor does a clock time's 'AM PDT'."""
    end = offset + len(name)
    if re.match(r"(?:AM|PM|A\.M\.|P\.M\.)\b", name) and re.search(
        r"\d\s*$", text[max(0, offset - 3) : offset]
    ):
        return True  # "7:00 AM PDT": a time and its zone
    return bool(
        re.search(r"(?:^|\s)(?:a|an|An|A)\s+$", text[max(0, offset - 4) : offset])
        and re.match(r"\s+[a-z]", text[end : end + 3])
    )


# trades a person may follow too ("Tom Lind, a developer at Norcorp")
_PERSON_TRADES = frozenset(
    """developer publisher producer operator supplier distributor carrier exporter importer
    wholesaler refiner miner shipper broadcaster maker""".split()
)
_TRADE_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?([a-z]+)\b(?!['’-])")
_PERSON_AFTER = re.compile(r",?\s+(?:\w+\s+){0,3}?(?:said|says|added)\s+(?:that\s+)?(?:he|she)\b")


def treated_as_body(name: str, text: str) -> bool:
    """'Harbor Freight Lines said it would cut jobs', 'an analyst at Westbrook Securities':
    a name shaped like a person's that the text treats as a body (no 'he' or 'she' for it,
    no given name it could be a person's)."""
    given = name.split()[0].casefold()
    if given in first_names.FEMININE or given in first_names.MASCULINE:
        return False
    body = False
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if _PERSON_AFTER.match(text, end, end + 60):
            return False
        body = body or bool(
            _BODY_AFTER.match(text, end, end + 70)
            or _BODY_BEFORE.search(text, max(0, start - 40), start)
            or _NAMED_BODY_BEFORE.search(text, max(0, start - 40), start)
        )
        start = text.find(name, end)
    return body


def is_address_title(word: str) -> bool:
    """'Mayor', 'Sen.': a title said before a surname alone ('Mayor Lind')."""
    low = word.casefold()
    return low in _ADDRESS_TITLES or (low.endswith(".") and low in TITLE_WORDS)


def _untitled(name: str) -> str:
    """'President Lind' -> 'Lind'; '' when no title opens the name."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and words[k].casefold().rstrip(".") in TITLE_WORDS:
        k += 1
    return " ".join(words[k:]) if k else ""


# verbs that open a sentence in the imperative, before a name: "Ask Dana Okafor ...", "Meet
# Omar Haddad, ..."
_IMPERATIVES = frozenset(
    """ask meet take consider imagine remember call see watch listen thank tell blame
    forget picture follow join""".split()
)


# nouns that describe a person (more than the titles and source nouns): "a senior", "a mother"
_PERSON_NOUNS = (
    r"(?:student|undergraduate|graduate|senior|junior|sophomore|freshman|teenager|teen|"
    r"resident|mother|father|parent|grandmother|grandfather|nurse|teacher|worker|employee|"
    r"owner|veteran|volunteer|voter|neighbor|neighbour|patient|retiree|farmer|driver|"
    r"lawyer|attorney|doctor|professor|activist|supporter|organizer|organiser|fan|"
    r"grader|schoolboy|schoolgirl)"
)
_ONE_NAME_DESCRIBED = re.compile(
    rf"(?<![\w’'.-])(?P<before>[A-Z][a-z]{{2,}}),\s+(?:\d{{1,3}},\s+)?(?:a|an)\s+"
    rf"(?:[\w’'-]+\s+){{0,4}}?{_PERSON_NOUNS}\b"
    rf"|\b{_PERSON_NOUNS},\s+(?P<after>[A-Z][a-z]{{2,}}),"
    # "first-grader Saeed said", "Another schoolboy, student Omar, ...": the noun before the
    # one name it describes
    rf"|(?<=[a-z,]\s)(?:[\w’'-]+-)?{_PERSON_NOUNS}\s+(?P<direct>[A-Z][a-z]{{2,}})(?![\w’'-]|\s+[A-Z])"
)
_GENERATIONS = frozenset("jr sr ii iii iv".split())


def subject_like(text: str, offset: int, name: str) -> bool:
    """A mention where a subject stands: opening its sentence or clause, or before a verb or
    an appositive ('Dana Kim, a lawyer, ...'), not the object of a verb or a preposition
    (unless a given name opens it: "met Tom Hale")."""
    if given_name(name.split()[0]):
        return True
    if re.search(r"(?:^|[.!?,;:\"”“(]|\n|\band)\s*$", text[max(0, offset - 6) : offset]):
        return True
    after = text[offset + len(name) : offset + len(name) + 24]
    nxt = after.split()[:1]
    return after.startswith(",") or bool(nxt and VERB_LIKE.match(nxt[0]))


_SENTENCE_ENDED = re.compile(r"(?:[.!?][\"”’)]*|\n)\s*$")


def _sentence_openers_dropped(chunks: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """'Ask Dana Okafor, the director, and ...': a word capitalised only because it opens the
    sentence is no part of the name after it. It shows itself by being written in lower case
    elsewhere in the text, or by a full name after it (one standing alone elsewhere, or
    opening with a given name)."""
    lower = set(re.findall(r"(?<![\w’'-])[a-z][a-z’'-]*(?![\w’'-])", text))
    names = {name for _, name in chunks}
    out = []
    for start, name in chunks:
        words = name.split()
        before = text[max(0, start - 12) : start]
        opener = (start < 12 and not before.strip()) or _SENTENCE_ENDED.search(before)
        if opener and len(words) >= 2 and not given_name(words[0]) and words[0].isalpha():
            rest = " ".join(words[1:])
            full = len(words) >= 3 and (rest in names or given_name(words[1]))
            titled = words[0].casefold().rstrip(".") in TITLE_WORDS | HONORIFICS
            verb = words[0].casefold() in _IMPERATIVES
            if not titled and (words[0].casefold() in lower or full or verb):
                start, name = start + len(words[0]) + 1, rest
        out.append((start, name))
    return out


def given_name(word: str) -> bool:
    low = word.casefold()
    return low in first_names.FEMININE or low in first_names.MASCULINE


def _namelike(name: str, text: str, offset: int) -> bool:
    """'Maria Lopez disagreed' yes; 'the Vale Ridge settlement', 'from Upper Norland' no."""
    if not looks_person_name(name) or len(name.split()) > 3:
        return False
    before = text[max(0, offset - 6) : offset].casefold().split()
    if before and before[-1] in ("the", "a", "an", "in", "at", "on", "from", "to", "of", "for"):
        return False
    # "Launch Pad, which trains coders": a thing, whatever its name looks like
    if re.match(r",?\s+which\b", text[offset + len(name) : offset + len(name) + 10]):
        return False
    after = text[offset + len(name) : offset + len(name) + 20].split()
    return not (after and after[0][:1].isupper())


# people a possessor has ("Ruiz's lawyer", "Lind's wife"), who may be the "he" or "she" after
_KIN = frozenset(
    """husband wife son daughter mother father brother sister partner widow widower child
    children parents family fiance fiancee girlfriend boyfriend friend friends""".split()
)


def _possessed_thing(text: str, end: int) -> bool:
    """The noun after a possessor names no person: "Lind's office", "Ruiz's campaign"."""
    words = text[end : end + 40].split()
    if not words:
        return False
    noun = words[0].strip(",.;:").casefold()
    if not noun.isalpha() or noun in TITLE_WORDS or noun in SOURCE_NOUNS or noun in _KIN:
        return False
    return noun[:1].islower() if words[0][:1].isalpha() else False


def _split_possessive(chunk: str, start: int) -> list[tuple[str, int]]:
    """ "Contoso's Ana Ruiz" -> "Contoso's", "Ana Ruiz": a possessive ends a name."""
    pieces = []
    last = 0
    for m in _NON_SPACE.finditer(chunk):
        word = m.group(0)
        if word.endswith(("'s", "’s")) and m.end() < len(chunk):
            pieces.append((chunk[last : m.end()], start + last))
            last = m.end() + 1
    pieces.append((chunk[last:], start + last))
    return [(p, s) for p, s in pieces if p.strip()]


def _split_list(chunk: str, lower_words: frozenset[str] = frozenset()) -> list[str]:
    """'Northwind, Contoso and Blue Harbor' -> three names; 'Institute for Water and
    Soil Research' stays whole (an 'and' after 'of'/'for' belongs to the name)."""
    # ("Markets and the Fed", its common noun dropped: the name after the link)
    chunk = re.sub(r"^(?:and|or)\s+", "", chunk)
    if " and " not in chunk:
        return [chunk]
    head, _, tail = chunk.partition(" and ")
    if re.search(r"\b(?:of|for)\b", head) or and_inside_name(head, tail, lower_words):
        return [chunk]
    return [head, tail]


def and_inside_name(head: str, tail: str, lower_words: frozenset[str]) -> bool:
    """'Freedom and Justice Party', 'Science and Technology Committee': an 'and' joining
    common nouns (words the article also writes in lower case) inside a body's name, not a
    list of two names ('Northwind and Contoso Group')."""
    if not head.strip() or not tail.strip():
        return False
    if not (head.split()[-1][:1].isupper() and tail.split()[0][:1].isupper()):
        return False
    last = tail.split()[-1].casefold().rstrip(".")
    if last not in ORG_WORDS and last not in GOVERNMENT_WORDS:
        return False
    return head.split()[-1].casefold() in lower_words


def person_tail(name: str) -> str | None:
    """The person's name at the end of a capitalised chunk, after any titles
    ('Norlandic Prime Minister Ana Ruiz' -> 'Ana Ruiz')."""
    words = name.split()
    if len(words) < 2:
        return None
    for size in (3, 2):
        if len(words) < size:
            continue
        tail = words[-size:]
        # (three words after a title: 'Sheik Abdel Moneim el-Shahat', 'Gov. Ana Maria Ruiz')
        if size == 3 and len(words) > 3 and words[-4].casefold().rstrip(".") not in TITLE_WORDS:
            continue
        if len(words) > size and words[-size - 1].casefold() in ("of", "for", "and", "the"):
            return None
        if looks_person_name(" ".join(tail)):
            return " ".join(tail)
    return None


def split_names(np: str, lower_words: frozenset[str] = frozenset()) -> list[str]:
    """'Northwind, Contoso and Blue Harbor' -> ['Northwind', 'Contoso', 'Blue Harbor'] when
    every part is capitalised; otherwise the phrase itself."""
    text = re.sub(r"^(?:both|all|either)\s+", "", np.strip(), flags=re.IGNORECASE)
    if text.count(" and ") == 1 and "," not in text:
        head, _, tail = text.partition(" and ")
        if and_inside_name(head, tail, lower_words):
            return [np]
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if p.strip()]
    if len(parts) < 2:
        return [np]
    if re.search(r"\b(?:of|for)\b[^,]*\band\b", text):
        return [np]
    if all(p[:1].isupper() or p.casefold().startswith("the ") for p in parts):
        return parts
    return [np]
