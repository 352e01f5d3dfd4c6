"""Speaker resolution: a noun phrase at a position in the text to its canonical party
(titles, honorifics, acronyms, pronoun antecedents, 'the company')."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from factcheck.extraction import first_names
from factcheck.extraction.lexicon import (
    COMPANY_NOUNS,
    DOC_NOUNS,
    TITLE_ABBREVIATIONS,
    company_noun,
    is_cap,
)
from factcheck.extraction.quotes import sentences
from factcheck.extraction.speakers import (
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    HONORIFIC_SURNAME,
    HONORIFICS,
    MEDIA_WORDS,
    ORG_WORDS,
    PRONOUNS,
    SENTENCE_END,
    SOURCE_NOUNS,
    TITLE_WORDS,
    Registry,
    is_address_title,
    kind_of,
    looks_person_name,
    norm_key,
    person_tail,
    split_names,
    subject_like,
)
from factcheck.extraction.subjects import describing_chain

if TYPE_CHECKING:
    from factcheck.extraction.placement import Found


_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4}
# "Both airlines", "the two companies", "all three carriers", "both men": a plural phrase
# taking up several parties named before it, each of whom then says what it says.
_PLURAL_ANAPHOR = re.compile(
    r"^(?i:(?:both|all)(?:\s+(?:the\s+)?(two|three|four))?|the\s+(two|three|four))"
    r"\s+((?:[a-z][\w-]*\s+){0,2})([a-z]+)$"
)
_NAME = r"(?:[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|de\s+)?[A-Z][\w’'&.-]*)*)"
# a name may carry a short parenthesis: a ticker or an abbreviation ('Contoso Air (CTA)')
_NAME_TAG = rf"{_NAME}(?:\s+\([^()\n]{{1,20}}\))?"
_COORDINATION = re.compile(rf"({_NAME_TAG}(?:,\s+{_NAME_TAG})*,?\s+and\s+{_NAME_TAG})(?![\w’'])")
_PARENTHESIS = re.compile(r"\s+\([^()\n]*\)")
_PERSON_PLURALS = frozenset("men women people leaders".split()) | {w + "s" for w in TITLE_WORDS}
_BODY_PLURALS = frozenset(
    w + "s" for w in COMPANY_NOUNS | ORG_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS
) | frozenset("companies countries nations agencies".split())
_OBJECT_OF = re.compile(
    r"\b(?:to|around|near|surrounding|with|of|for|at|from|about|on|in|along|outside|behind"
    r"|beside|opposite|across|inside)\s+(?:the\s+)?$"
)
_POST_NOMINAL = re.compile(r",?\s+(MP|MEP|MSP|MLA|MPP|MHA|TD|QC|KC|SC)\.?$")
_OBTAINED_BY = re.compile(r"\b(?:obtained|seen|reviewed|viewed|acquired)\s+by\b")
# "NBC's Costas": a possessor (outlet or body) before one capitalised word
_OWNER_SURNAME = re.compile(
    r"^(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*['’]s\s+([A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*)?)$"
)  # ("NBC's Costas", "Foursquare's Dennis Crowley")
_A_PAPER = re.compile(r"\b(?:a|an|their|his|her|its|new)\s+(?:[\w-]+\s+)?paper\b")
_ROLE_OF_BODY = re.compile(
    r"^(?:[Tt]he\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:of|at|for)\s+(?:the\s+)?([A-Z].*)$"
)
_ISSUER_MODIFIER = re.compile(
    r"^(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}((?:[A-Z][\w.&’'-]*\s+){1,4})(\w+)$"
)
_ISSUED_WORKS = frozenset("forecast forecasts model models plan proposal".split())
_BODY_OR_TITLE = ORG_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS | TITLE_WORDS | SOURCE_NOUNS
_FOCUS_ADVERB = re.compile(r"^(?:even|only|also|especially|particularly|just)\s+(?=\S)", re.I)
# two or more capitalised words in a row: "Coastal Water Board"
_CAPITALISED_RUN = re.compile(r"(?:\bThe\s+)?\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b")
# "the residents", "some local officials": a group of people a plural pronoun can take up
_PLURAL_GROUP = re.compile(
    r"\b(?:the|some|many|several|other|local)\s+(?:[a-z-]+\s+)?(?:"
    + "|".join(sorted(w for w in SOURCE_NOUNS | _PERSON_PLURALS if w.endswith("s")))
    + r")\b"
)
_DESCRIBED_GROUP = re.compile(
    r"\b[Tt]hose\s+(?:who|close\s+to|around|near)\s+(?:[\w’'-]+\s+){0,5}?[A-Z][\w’'-]+"
    r"(?:\s+[A-Z][\w’'-]+)*"
)
# descriptors (a head noun last, no verb) then a capitalised name
_DESCRIBED_NAME = re.compile(
    r"^(?:(?:the|a|an)\s+)?((?:[\w’'.&-]+\s+)*?[\w’'&-]+(?<!ed)(?<!ing)(?<!ly))\s+"
    r"((?:[A-Z][\w’'&.-]*\s+)*[A-Z][\w’'&.-]*)$"
)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:He|She)\s+(?!said\b|says\b)")
_RUN_ON_QUOTE = re.compile(r"[\"“”]x{3,}.*$")
_JOINT_WINDOW = 1500  # characters back: the paragraph before or so
# Epithets: news style names a person once, then describes them on later mentions ("the
# 24-year-old sprinter", "the four-term Republican", "the retired teacher"). An age, a party
# or a describing word before a person noun marks such a second mention of someone named.
_AGE_EPITHET = re.compile(
    r"^(?i:the\s+)?(?:\d{1,3}-year-old(?:\s+[a-z][\w-]*){0,2}"
    # "the five-time Grammy winner", "the two-time champion": a record, as telling as an age
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-time(?:\s+[\w-]+){1,2})$"
)
_PARTY_MEMBERS = frozenset(
    "republican democrat tory conservative liberal socialist libertarian independent".split()
)
# (the describing words the subject finder leaves out before a capitalised word)
_DESCRIBED_BEFORE = re.compile(r"\b(?i:the)\s+(?:[a-z][\w-]*\s+){1,3}$")
_EPITHET = re.compile(r"^(?i:the)\s+((?:[a-z][\w-]*\s+){1,3})([A-Za-z][a-z-]+)$")
# what a person is famous for, after the award or show that made them so: "the Emmy winner",
# "the American Idol host" take up the person the paragraph is about, as an age does
_FAME_EPITHET = re.compile(
    r"^(?i:the)\s+(?:[A-Z][\w-]*\s+){1,3}(?:[a-z-]+\s+)?(?:winner|host|star|champion|"
    r"medalist|medallist|nominee|laureate)$"
)
# describing words of a person's career or standing, not of which person ("the second
# official", "the other lawyer" point to someone else)
_NOT_DESCRIBING = frozenset(
    """other another second third first new same last next latest previous
    senior junior chief deputy assistant acting top local state federal""".split()
)
# roles that usually belong to someone other than the person in the news: whoever speaks
# for, represents or judges them
_UNNAMED_ROLES = frozenset(
    """spokesman spokeswoman spokesperson lawyer attorney judge officer official agent
    analyst economist reporter correspondent detective inspector doctor nurse""".split()
)
# "A Maine man", "an elderly woman": a person described, not named
_DESCRIBED_PERSON = re.compile(r"\b((?:[Aa]n?)\s+(?:[\w-]+\s+){0,3}?(man|woman|boy|girl))\b")
_MALE_HEADS = frozenset(("man", "boy"))
_FEMALE_HEADS = frozenset(("woman", "girl"))
_GENDERED_HEADS = {"man": "m", "woman": "f", "father": "m", "mother": "f", "boy": "m", "girl": "f"}


class SpeakerResolver:
    """Mixed into statements.Extractor: turns noun phrases into parties of its registry."""

    text: str
    masked: str
    registry: Registry
    found: list[Found]
    _sentence_speakers: list[str]
    _paragraph_speakers: list[str]
    _acronyms: dict[str, str | None]
    _short_forms: dict[str, str | None]
    _media_prefixes: set[str]

    def resolve(self, np: str, pos: int, detail: str = "", in_list: bool = False) -> str | None:
        """Canonical party name for a noun phrase naming a speaker at position pos."""
        # 'Tim Kaine."So that ...': a quotation run on without a space is no part of a name
        np = _RUN_ON_QUOTE.sub("", np).strip(" ,;:\"“”'’-–—")
        # "Even critics of the vaccine agree": a focusing adverb is no part of the name
        np = _FOCUS_ADVERB.sub("", np)
        # a headline's "NBC's Costas says": the person, by the outlet or body they work for
        owned = _OWNER_SURNAME.match(np)
        if owned and not any(w.casefold() in _BODY_OR_TITLE for w in owned.group(1).split()):
            np = owned.group(1)
        if not np:
            return None
        reg = self.registry
        low = np.casefold()
        if low in PRONOUNS:
            return self._pronoun(low, pos)
        if low in ("a", "an", "the"):
            return None  # an article cut off from its noun names no one
        if low in ("the paper", "the newspaper"):
            # "The Ledger spent a year on it. ... the paper says": the newspaper named last
            outlet = self._outlet_before(pos)
            if outlet:
                self._note_alias(outlet, np, "")
                return outlet
        if _AGE_EPITHET.match(np) or low in _PARTY_MEMBERS:
            # the subject finder stops at a capitalised word: "the four-term Republican"
            described = _DESCRIBED_BEFORE.search(self.masked, max(0, pos - 60), pos)
            phrase = (described.group(0) + np) if described else np
            epithet = self._epithet(phrase, pos)
            if epithet:
                self._note_alias(epithet, phrase, "")
                return epithet
        words = np.split()
        honorific = False
        while words and words[0].casefold() in HONORIFICS | {w + "." for w in HONORIFICS}:
            honorific = True
            title = TITLE_ABBREVIATIONS.get(words[0].casefold().rstrip("."))
            if title and not detail:
                detail = title
            words = words[1:]
            np = " ".join(words)
            if not words:
                return None
        # "Dana Kim MP", "Jane Roe, QC": letters after a name give her office, not her name
        m = _POST_NOMINAL.search(np)
        if m and len(np[: m.start()].split()) >= 2 and is_cap(np[: m.start()]):
            detail = detail or m.group(1)
            np = np[: m.start()]
            words = np.split()
        # "Lind of the Ledger", "Ana Ruiz of the Coastal Herald"
        m = re.match(r"^(.+?)\s+(?:of|from|at|with)\s+(?:the\s+)?([A-Z].*)$", np)
        if (
            m
            and is_cap(m.group(1))
            and (
                reg.lookup_person(m.group(1), pos)
                or (
                    looks_person_name(m.group(1))
                    and kind_of(m.group(2)) in ("media", "organization")
                )
            )
        ):
            np, detail = m.group(1), detail or m.group(2)
            words = np.split()
        # "agricultural economist Greg Graff of Colorado State University": descriptors, a
        # person's name, then where they work
        m = re.match(
            r"^(.*?\b[a-z][\w-]*\s+)((?:[A-Z][\w’'.-]*\s+){1,3})(?:of|at|from)\s+"
            r"(?:the\s+)?([A-Z].*)$",
            np,
        )
        if m and looks_person_name(m.group(2).strip()) and describing_chain(m.group(1).split()):
            return self.resolve(m.group(2).strip(), pos, detail or m.group(1) + m.group(3))
        # "internal emails obtained by the Ledger": the outlet came by them, it did not write
        # them; the documents stand (and, their writer unnamed, later speak for no one)
        if _OBTAINED_BY.search(np) and not _OBTAINED_BY.match(np):
            return self._party(np, "anonymous", pos, alias=None)
        # "a report by the city's budget office" -> the city's budget office
        # ("figures from the energy ministry": plural documents need no article)
        # ("more than 8,000 analyst estimates compiled by Bloomberg")
        m = re.match(
            r"^(?:(?:a|an|the)\s+)?(?:[\w,’'()-]+\s+){0,7}?(\w+)\s+"
            r"(?:out\s+(?:on\s+)?\w+\s+)?"  # ("a report out Friday from Stifel Nicolaus")
            r"(?:(?:compiled|published|released|issued|prepared|conducted|produced)\s+)?"
            r"(?:by|from)\s+(.+)$",
            np,
            re.I,
        )
        if m and m.group(1).casefold() in DOC_NOUNS:
            return self.resolve(m.group(2), pos, detail)
        # "the current Ledger forecast", "a Gallup poll": the issuer named as a modifier
        m = _ISSUER_MODIFIER.match(np)
        if m and m.group(2).casefold() in DOC_NOUNS | _ISSUED_WORKS:
            return self.resolve(m.group(1), pos)
        # "the Ledger's published story" -> the Ledger
        m = re.match(r"^(.+?)['’]s?\s+(?:\w+\s+){0,2}(\w+)$", np)
        # (and "CRU's forecast", "the company's estimates": a work its owner issued)
        owned_work = (
            DOC_NOUNS | _ISSUED_WORKS | {"estimate", "estimates", "projection", "projections"}
        )
        if m and m.group(2).casefold() in owned_work and is_cap(m.group(1)):
            issuer = re.sub(r"^The\s+(?=[A-Z])", "", m.group(1))
            return self.resolve(issuer, pos) or self._party(issuer, "organization", pos, np)
        # "The CIO of Norcorp says ...": the person the article names with that title there,
        # before or after ("..., according to Norcorp CIO Dana Kim")
        role = _ROLE_OF_BODY.match(np)
        if role and all(w.casefold() in TITLE_WORDS for w in role.group(1).split()):
            person = self._titled_at(role.group(1), role.group(2))
            if person:
                self._note_alias(person, np, "")
                return person
            if is_cap(role.group(1)) and not person_tail(np):
                # "The CEO of Norcorp said", no one named so: an unnamed holder of the role
                # (a capitalised title would otherwise read as a title before a name)
                info = self.registry.add(np, "anonymous")
                info.affiliation = info.affiliation or role.group(2)
                return info.name
        if all(is_cap(w) or w in ("of", "for", "and", "the", "de", "al") for w in words):
            if words[0].casefold() == "the" or words[0] == "The":
                words = words[1:]
            if honorific and len(words) == 1 and not reg.lookup_person(words[0], pos):
                info = reg.add(words[0], "person")  # "Ms. Okafor"
                self._note_alias(info.name, np, detail)
                return info.name
            # "President Lind", but "Justice Department" is a body, not a person's title
            while (
                len(words) > 1
                and words[0].casefold() in TITLE_WORDS
                and not any(_body_word(w) for w in words[1:])
            ):
                # "General Electric", "Agent Orange": a word that only sometimes titles
                # someone opens a name of a thing when a lone word follows
                lone = len(words) == 2 and not reg.lookup_person(words[1], pos)
                if lone and not is_address_title(words[0]):
                    break
                detail = detail or words[0]
                words = words[1:]
                if len(words) == 1 and not reg.lookup_person(words[0], pos):
                    info = reg.add(words[0], "person")
                    self._note_alias(info.name, np, detail)
                    return info.name
            if len(words) == 1 and words[0].casefold() in TITLE_WORDS:
                # "The Minister said": the minister named before
                person = reg.person_with_title(words[0], pos)
                if person:
                    self._note_alias(person, np, "")
                    return person
            name = " ".join(words)
            if not name:
                return None
            person = reg.lookup_person(name, pos)
            if person:
                self._note_alias(person, np, detail)
                return person
            tail = person_tail(name)
            if tail and tail != name and not in_list:
                person = reg.lookup_person(tail, pos) or reg.add(tail, "person").name
                self._note_alias(person, np, detail or name[: len(name) - len(tail)].strip())
                return person
            acronym = self._acronym(name) or self._clipping(name)
            if not acronym and low.startswith("the "):
                acronym = self._short_form(name)
            if acronym:
                self._note_alias(acronym, np, "")
                return acronym
            if looks_person_name(name) and not in_list and name not in reg.bodies:
                info = reg.add(name, "person")
                self._note_alias(name, np, detail)
                return info.name
            hint = "organization" if in_list or name in reg.bodies else None
            if " " not in name and self._media_prefix(name):
                hint = "media"
            return self._party(name, kind_of(name, hint), pos, alias=np)
        # A bare title: "the president", "the prime minister", "the ministry's spokeswoman"
        m = re.match(r"^(?:the|a|an)\s+(.+)$", np, re.IGNORECASE)
        if m and all(w.casefold() in TITLE_WORDS for w in m.group(1).split()):
            person = self._paragraph_topic(m.group(1), reg.person_with_title(m.group(1), pos), pos)
            if person:
                self._note_alias(person, np, "")
                return person
        if low.startswith("the ") and words[-1].casefold() in TITLE_WORDS:
            person = self._paragraph_topic(words[-1], reg.person_with_title(words[-1], pos), pos)
            if person:
                self._note_alias(person, np, "")
                return person
        # "the company", "the firm": the organisation that spoke last
        # ("the Dutch chipmaker", "the struggling retailer": a modifier or two before it)
        trade = m and len(m.group(1).split()) <= 3 and company_noun(m.group(1).split()[-1])
        if trade and low.startswith("the "):
            # an organisation opening the same sentence ("Norcorp will cut 400 jobs, the
            # company said"), else the organisation that spoke last
            other = reg.last_other_with_position(pos)
            # (one capitalised word opening a sentence may be any noun: "Sales rose")
            named_body = other and (" " in other[1] or other[1] in reg.bodies or other[1].isupper())
            if named_body and kind_of(other[1]) == "organization":
                # (the sentence splitter knows "Corp." and "Inc." do not end one)
                pstart = self.masked.rfind("\n", 0, pos) + 1
                spans = sentences(self.masked[pstart : pos + 1])
                start = pstart + spans[-1][0] if spans else pstart
                opening = self.masked[start : other[0]].strip()
                if other[0] >= start and opening in ("", "The"):
                    return self._party(other[1], "organization", pos, alias=np)
            # the organisation that spoke last: earlier in this paragraph, else before it
            spoke = [(pos - 1, name) for name in reversed(self._paragraph_speakers)]
            spoke += [(f.start, f.speaker) for f in reversed(self.found[-30:])]
            for start, speaker in spoke:
                info = reg.parties.get(speaker or "")
                # a named organisation, not an earlier "the retailer" of its own
                named = info and info.name[:1].isupper() and not info.name.startswith("The ")
                if named and info.kind == "organization" and start < pos and pos - start < 3000:
                    info.add_alias(np)
                    return info.name
        # "veteran Utah firefighter Jo Banks", "Dutch chipmaker Contoso": the chain of
        # descriptors before a name is its role
        m = _DESCRIBED_NAME.match(np)
        if m and describing_chain(m.group(1).split()):
            return self.resolve(m.group(2), pos + m.start(2), detail or m.group(1), in_list)
        # A title followed by a name inside a lowercase phrase: "board member Ana Ruiz"
        m = re.search(r"((?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)$", np)
        # ... but in "people close to Ana Ruiz" the name is the object of a preposition
        governed = m and _OBJECT_OF.search(np, 0, m.start())
        if m and looks_person_name(m.group(1)) and not governed:
            info = reg.add(reg.lookup_person(m.group(1), pos) or m.group(1), "person")
            self._note_alias(info.name, np, detail or np[: m.start()].strip())
            return info.name
        epithet = self._epithet(np, pos)
        if epithet:
            self._note_alias(epithet, np, "")
            return epithet
        return self._party(np, kind_of(np), pos, alias=None)

    def _epithet(self, np: str, pos: int) -> str | None:
        """The named person a describing noun phrase takes up ('Nora Quinn won ... "...," the
        24-year-old sprinter said'): the person the text is about in this paragraph or the
        one before, if none was introduced by this noun on its own ('a nurse ... the nurse')."""
        low = np.casefold()
        head = low.split()[-1]
        if not (_AGE_EPITHET.match(np) or _FAME_EPITHET.match(np)):
            m = _EPITHET.match(np)
            if not m:
                return None
            mods = m.group(1).split()
            if any(w in _NOT_DESCRIBING or w.endswith(("'s", "’s")) for w in mods):
                return None
            if head in _PARTY_MEMBERS:
                if self.registry.parties.get(m.group(2)):
                    return None
            elif head not in TITLE_WORDS or head in SOURCE_NOUNS or head in _UNNAMED_ROLES:
                return None
            # "a veteran officer ... the veteran officer": someone the text leaves unnamed
            if re.search(
                rf"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){{0,3}}{re.escape(head)}\b",
                self.masked[max(0, pos - 3000) : pos],
                re.IGNORECASE,
            ):
                return None
        if any(
            np.casefold() == a.casefold()
            for p in self.registry.parties.values()
            for a in p.aliases
            if p.kind != "person"
        ):
            return None
        person = self._person_antecedent(pos)
        if not person:
            return None
        floor = self.text.rfind("\n\n", 0, max(0, self.text.rfind("\n\n", 0, pos)))
        if not self._mentioned_between(person, floor, pos):
            return None
        gender = _GENDERED_HEADS.get(head)
        if gender:
            person = self._agreeing_person(person, gender, pos)
        return person

    def _mentioned_between(self, person: str, floor: int, pos: int) -> bool:
        reg = self.registry
        for mentions in (reg.person_mentions, reg.namelike_mentions):
            i = bisect.bisect_left(mentions, (pos, ""))
            for offset, name in reversed(mentions[max(0, i - 40) : i]):
                if offset <= floor:
                    break
                if name == person:
                    return True
        return False

    def joint_antecedents(self, np: str, pos: int) -> list[str] | None:
        """The names a plural anaphor takes up: 'Northwind and Contoso cut fares ... Both
        airlines said' -> ['Northwind', 'Contoso'], the latest coordination of as many names
        (of people for 'both men', of bodies for 'the two companies') before pos."""
        m = _PLURAL_ANAPHOR.match(np.strip())
        if not m:
            return None
        head = m.group(4).casefold()
        # "both sides", "the two parties": no telling whose they are
        if head not in _PERSON_PLURALS and head not in _BODY_PLURALS:
            return None
        count = _COUNTS.get((m.group(1) or m.group(2) or "both").casefold())
        if not np.casefold().startswith("both") and not (m.group(1) or m.group(2)):
            count = None  # "all airlines": no number to match
        if count is None:
            return None
        lo = max(0, pos - _JOINT_WINDOW)
        for cm in reversed(list(_COORDINATION.finditer(self.masked, lo, pos))):
            listed = split_names(_PARENTHESIS.sub("", cm.group(1)))
            names = [n for n in (_strip_function_words(n) for n in listed) if n]
            if len(names) != count or len(names) != len(listed):
                continue
            persons = [bool(self.registry.lookup_person(n) or looks_person_name(n)) for n in names]
            if head in _PERSON_PLURALS and not all(persons):
                continue
            # a two-word company name looks like a person's: only a known person disagrees
            if head in _BODY_PLURALS and any(_known_person(self.registry, n) for n in names):
                continue
            return names
        return None

    def _paragraph_topic(self, title: str, titled: str | None, pos: int) -> str | None:
        """'the coach said' after a paragraph naming someone whom a sentence of the text
        already calls a coach ('... hired another coach, Tom Hale'; 'a coach when Hale
        arrived'), though the one titled so was last named in an earlier paragraph: the
        paragraph's person, named last."""
        reg = self.registry
        floor = self.text.rfind("\n\n", 0, pos)
        i = bisect.bisect_left(reg.person_mentions, (pos, ""))
        here = [n for o, n in reg.person_mentions[:i] if o > floor]
        if not titled or not here or titled in here:
            return titled
        topic = here[-1]
        info = reg.parties.get(topic)
        if not info or info.titles:
            return titled
        noun = re.compile(rf"\b{re.escape(title.casefold())}\b")
        for mpos in reg.mention_positions.get(topic, []):
            if mpos >= pos:
                break
            lo = max(0, mpos - 200)
            ends = [e.end() for e in SENTENCE_END.finditer(self.masked, lo, mpos)]
            start = ends[-1] if ends else lo
            end_m = SENTENCE_END.search(self.masked, mpos, mpos + 300)
            if noun.search(self.masked[start : end_m.start() if end_m else mpos + 300].casefold()):
                return topic
        return titled

    def _party(self, name: str, kind: str, pos: int, alias: str | None) -> str:
        info = self.registry.add(name, kind)
        if alias:
            info.add_alias(alias)
        return info.name

    def _note_alias(self, name: str, np: str, detail: str) -> None:
        info = self.registry.parties.get(name)
        if not info:
            return
        info.add_alias(np)
        if info.kind == "person":
            words = name.split()
            if len(words) > 1:
                info.add_alias(words[-1])
        if detail:
            detail = " ".join(detail.split()).strip(" ,")
            if detail and detail not in info.titles:
                info.titles.append(detail)
            if not info.affiliation:
                aff = affiliation_from(detail)
                if aff and norm_key(aff) != norm_key(name):
                    info.affiliation = aff

    def _acronym(self, name: str) -> str | None:
        if not (name.isupper() and 2 <= len(name) <= 6 and name.isalpha()):
            return None
        if name not in self._acronyms:
            self._acronyms[name] = self._find_acronym(name)
        return self._acronyms[name]

    def _find_acronym(self, name: str) -> str | None:
        for other in list(self.registry.parties) + sorted(self.registry.chunk_names):
            words = [w for w in other.split() if w[:1].isupper()]
            initials = "".join(w[0] for w in words)
            if len(words) > 1 and name in initials and other != name:
                return self.registry.add(other, kind_of(other)).name
        # spelled out only inside a quotation ("... which the United States supports"), which
        # the name scan skips: the whole text, but then only initials that match exactly
        for m in _CAPITALISED_RUN.finditer(self.text):
            if "".join(w[0] for w in m.group(1).split()) == name:
                return self.registry.add(m.group(1), kind_of(m.group(1))).name
        return None

    def _clipping(self, name: str) -> str | None:
        """'the Fed' for the Federal Reserve, 'the Met' for the Metropolitan Opera: a short
        word that opens a longer name of the text, the first word of which it clips."""
        if not (3 <= len(name) <= 4 and name.isalpha() and name.istitle()):
            return None
        if self.registry.lookup_person(name) or name.casefold() in FUNCTION_WORDS:
            return None
        fuller = {
            other
            for other in (re.sub(r"^(?i:the)\s+", "", c) for c in self.registry.chunk_names)
            if " " in other
            and other.split()[0].startswith(name)
            # a clipping drops a good part of the word; "Bankers" only inflects "Bank"
            and len(other.split()[0]) - len(name) >= 3
            and other.split()[0][len(name) :] not in ("ers", "ing", "ings")
            and kind_of(other) != "person"
            and not looks_person_name(other)
        }
        # two different names it could clip: no telling which
        if len(fuller) != 1:
            return None
        other = fuller.pop()
        return self.registry.add(other, kind_of(other)).name

    def _short_form(self, name: str) -> str | None:
        """'the Herald' for the Harbor Herald, 'the Post' for The Washington Post: a body's
        last word stands for it once the text has given its full name."""
        if " " in name or not name.istitle() or self.registry.lookup_person(name):
            return None
        if name not in self._short_forms:
            self._short_forms[name] = self._find_short_form(name)
        found = self._short_forms[name]
        return self.registry.add(found, kind_of(found)).name if found else None

    def _find_short_form(self, name: str) -> str | None:
        fuller = {
            other
            for other in (re.sub(r"^(?i:the)\s+", "", c) for c in self.registry.chunk_names)
            if " " in other
            and other.split()[-1] == name
            and kind_of(other) in ("media", "organization", "government")
            and not looks_person_name(other)
        }
        return fuller.pop() if len(fuller) == 1 else None

    def _media_prefix(self, name: str) -> bool:
        if not self._media_prefixes:
            self._media_prefixes = {"\0"}
            for other in self.registry.chunk_names:
                words = other.split()
                if len(words) == 2 and words[-1].casefold() in MEDIA_WORDS:
                    self._media_prefixes.add(words[0])
        return name in self._media_prefixes

    def _pronoun(self, pronoun: str, pos: int) -> str | None:
        if pronoun in ("we", "i"):
            return None
        reg = self.registry
        if pronoun in ("he", "she", "they"):
            person = self._person_antecedent(pos)
            if pronoun != "they" and person:
                person = self._agreeing_person(person, "m" if pronoun == "he" else "f", pos)
            if pronoun != "they":
                unnamed = self._unnamed_speaker_since(person, pos)
                if unnamed:
                    return unnamed
            group = self._plural_group_after(pos) if pronoun == "they" else None
            if group:
                return group
            if person and (pronoun != "they" or self._same_paragraph_mention(person, pos)):
                return person
            if pronoun != "they":
                # "A Maine man was arrested when he told police that ...": with no person
                # named yet, the one person of that sex the paragraph has described
                return person or self._described_in_paragraph(pronoun, pos)
        # "it"/"they": a speaker earlier in the sentence, an organisation named earlier in
        # it ("the Ledger ran an article in which it claimed"), else the last speaker.
        if self._sentence_speakers:
            return self._sentence_speakers[-1]
        other = reg.last_other_with_position(pos)
        if other:
            lo = max(0, pos - 300)
            ends = [m.end() for m in SENTENCE_END.finditer(self.masked, lo, pos)]
            if other[0] >= (ends[-1] if ends else lo) and kind_of(other[1]) != "person":
                return self._party(other[1], kind_of(other[1]), pos, alias=None)
        # "Officials said more fines could follow. They said ...": a plural or a body that
        # spoke earlier in the paragraph, before any earlier paragraph's speaker
        for name in reversed(self._paragraph_speakers):
            kind = reg.parties[name].kind if name in reg.parties else None
            plural = pronoun == "they" and kind not in (None, "person")
            if plural or (pronoun == "it" and kind in ("organization", "government", "media")):
                return name
        for f in reversed(self.found[-20:]):
            if f.start < pos and f.speaker and pos - f.start < 600:
                return f.speaker
        name = reg.last_other_before(pos)
        return self._party(name, kind_of(name), pos, alias=None) if name else None

    def _outlet_before(self, pos: int) -> str | None:
        """The news outlet named last before pos (within a few paragraphs)."""
        reg = self.registry
        i = bisect.bisect_left(reg.other_mentions, (pos, ""))
        for offset, name in reversed(reg.other_mentions[max(0, i - 40) : i]):
            if pos - offset > 3000:
                break
            if kind_of(name) == "media":
                # (unless a paper was published since: "Researchers published a paper")
                if _A_PAPER.search(self.masked, offset, pos):
                    return None
                return self._party(name, "media", pos, alias=None)
        return None

    def _titled_at(self, title: str, body: str) -> str | None:
        """The one person of the article whose title names both the role and the body."""
        title, body = title.casefold(), body.casefold()
        held = [
            name
            for name, info in self.registry.parties.items()
            if info.kind == "person"
            and any(title in t.casefold() and body in t.casefold() for t in info.titles)
        ]
        return held[0] if len(held) == 1 else None

    def _described_in_paragraph(self, pronoun: str, pos: int) -> str | None:
        """'A Maine man ... he told', 'Police found a woman in the car. She said': the only
        person of the pronoun's sex described (not named) in the paragraph so far."""
        start = max(self.masked.rfind("\n", 0, pos) + 1, pos - 300)
        heads = _MALE_HEADS if pronoun == "he" else _FEMALE_HEADS
        described = [
            m for m in _DESCRIBED_PERSON.finditer(self.masked, start, pos) if m.group(2) in heads
        ]
        if len(described) != 1:
            return None
        return self._party(described[0].group(1), "anonymous", pos, alias=None)

    def _unnamed_speaker_since(self, person: str | None, pos: int) -> str | None:
        """'A spokesman for the agency said ... He said ...': one unnamed source who spoke
        earlier in the paragraph, when the person otherwise taken is not named in it."""
        if not self._paragraph_speakers:
            return None
        last = self._paragraph_speakers[-1]
        info = self.registry.parties.get(last)
        if not info or info.kind != "anonymous" or last == person:
            return None
        head = re.split(r"\s+(?:of|for|at|with|from|in|close|familiar|who)\b", last, maxsplit=1)[0]
        words = head.split()
        if len(words) < 2 or words[0].casefold() not in ("a", "an", "the", "one"):
            return None
        if words[-1].endswith("s") and not words[-1].endswith("ss"):
            return None  # plural: "the sources", "two officials"
        if person and self._same_paragraph_mention(person, pos):
            return None
        return last

    def _person_antecedent(self, pos: int, depth: int = 0) -> str | None:
        """The subject of the sentence naming the last person, or the person who spoke last
        if that was more recent (within the two paragraphs before)."""
        subject = self.registry.subject_before(pos, self.masked)
        floor = self.text.rfind("\n\n", 0, max(0, self.text.rfind("\n\n", 0, pos)))
        for f in reversed(self.found[-10:]):
            info = self.registry.parties.get(f.speaker or "")
            if info and info.kind == "person" and floor < f.start < pos:
                # (a person named inside what the speaker said is not the one who goes on
                # talking: 'Crews went to Long Island, Moline said. "...," he said')
                if subject is None or f.start > subject[0] or f.start <= subject[0] < f.end:
                    return f.speaker
                break
        if subject and depth < 3:
            # "He moved home to the city where he and Lind grew up. '...,' he says": the
            # sentence's subject is a pronoun, so the person stays the one it takes up
            pstart = self.text.rfind("\n\n", 0, subject[0]) + 1
            spans = sentences(self.masked[pstart : subject[0] + 1])
            start = pstart + spans[-1][0] if spans else pstart
            opener = _PRONOUN_SUBJECT.match(self.masked, start, subject[0])
            if opener and start > floor:
                earlier = self._person_antecedent(start, depth + 1)
                if earlier and earlier != subject[1]:
                    return earlier
        return subject[1] if subject else None

    def _agreeing_person(self, person: str, gender: str, pos: int) -> str:
        """'he' is not a person the text calls Ms. or 'spokeswoman', nor someone named before
        a later 'Mr. Berg': take the latest person before pos (within two paragraphs) who is
        not marked as the other gender."""
        reg = self.registry
        known = reg.gender(person, self.masked)
        floor = self.text.rfind("\n\n", 0, max(0, self.text.rfind("\n\n", 0, pos)))
        # 'Mr. Berg' needs no other mention to be a man
        marked = [
            m
            for m in HONORIFIC_SURNAME.finditer(self.masked, max(0, floor), pos)
            if (m.group(1).casefold() == "mr") == (gender == "m")
        ]
        if known in (None, gender) and not marked:
            return person
        i = bisect.bisect_left(reg.person_mentions, (pos, ""))
        j = bisect.bisect_left(reg.namelike_mentions, (pos, ""))
        # (a name that only looks like a person's, as an object, "to save Social Security",
        # is no antecedent)
        recent = reg.person_mentions[max(0, i - 30) : i] + [
            (o, n)
            for o, n in reg.namelike_mentions[max(0, j - 30) : j]
            if subject_like(self.masked, o, n)
        ]
        for m in marked:
            surname = re.sub(r"['’]s?$", "", m.group(2))  # ("Mr. Trump's approach")
            name = reg.lookup_person(surname, m.start())
            recent.append((m.start(2), name or reg.add(surname, "person").name))
        recent.sort()
        last_of_person = max((o for o, n in recent if n == person), default=-1)
        for offset, name in reversed(recent):
            if offset <= max(floor, last_of_person if known in (None, gender) else -1):
                break
            if name != person and reg.gender(name, self.masked) in (None, gender):
                if known in (None, gender) and reg.gender(name, self.masked) != gender:
                    continue  # only a marked gender outranks a compatible antecedent
                return reg.add(name, "person").name
        if known not in (None, gender):
            # The nearest person is of the other gender: the pronoun reaches further back, to
            # the latest person the text marks with the pronoun's gender.
            for _, name in reversed(reg.person_mentions[:i]):
                if reg.gender(name, self.masked) == gender:
                    return name
            # none marked so: the latest person whose gender the text leaves open ('she'
            # after 'Kim Sato ... Mr. Berg said' is Kim Sato, never Mr. Berg)
            # (a name that only looks like a person's, as an object, "to save Social
            # Security", is none)
            everyone = sorted(
                [(o, n, True) for o, n in reg.person_mentions[:i]]
                + [(o, n, False) for o, n in reg.namelike_mentions[:j]]
            )
            for offset, name, known in reversed(everyone):
                if not known and not subject_like(self.masked, offset, name):
                    continue
                if reg.gender(name, self.masked) is None:
                    return reg.add(name, "person").name
        return person

    def _plural_group_after(self, pos: int) -> str | None:
        """'Hale met the residents on Monday. They said ...': a plural group named after the
        last name of the paragraph is the nearer antecedent of 'they'."""
        reg = self.registry
        floor = self.text.rfind("\n\n", 0, pos)
        # "Those who have worked with Hale doubt it. Hale, by their telling, ...": a group
        # described by a relative clause, in the sentence before or this one
        ends = [m.end() for m in SENTENCE_END.finditer(self.masked, max(floor, pos - 600), pos)]
        lo = max(floor, ends[-2] if len(ends) > 1 else floor)
        described = list(_DESCRIBED_GROUP.finditer(self.masked, lo, pos))
        if described:
            return self._party(described[-1].group(0), "anonymous", pos, alias=None)
        i = bisect.bisect_left(reg.person_mentions, (pos, ""))
        other = reg.last_other_with_position(pos)
        anchor = max(reg.person_mentions[i - 1][0] if i else -1, other[0] if other else -1)
        if anchor <= floor:
            return None
        groups = list(_PLURAL_GROUP.finditer(self.masked, anchor, pos))
        if not groups:
            return None
        return self.resolve(groups[-1].group(0), groups[-1].start())

    def _same_paragraph_mention(self, person: str, pos: int) -> bool:
        floor = self.text.rfind("\n\n", 0, pos)
        mentions = self.registry.person_mentions
        i = bisect.bisect_left(mentions, (pos, ""))
        return bool(i) and mentions[i - 1][1] == person and mentions[i - 1][0] > floor


def affiliation_from(detail: str) -> str | None:
    found = list(
        re.finditer(
            r"\b(of|for|at|with)\s+(?:the\s+)?"
            r"([A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w’'&.-]*)*)",
            detail,
        )
    )
    if found:
        # "director of research for Northwind Labs": the employer is last
        best = [m for m in found if m.group(1) != "of"] or found
        return best[-1].group(2).strip()
    m = re.match(r"^([A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*)\s+[a-z]", detail)
    if m and m.group(1).casefold() not in FUNCTION_WORDS:
        return re.sub(r"['’]s$", "", m.group(1))
    return None


def _body_word(word: str) -> bool:
    low = word.casefold().strip(".,")
    return low in ORG_WORDS or low in GOVERNMENT_WORDS or low in MEDIA_WORDS


def _strip_function_words(name: str) -> str:
    """'But Northwind' -> 'Northwind': a capitalised sentence opener is no part of a name."""
    words = name.split()
    while words and words[0].casefold() in FUNCTION_WORDS:
        words = words[1:]
    return " ".join(words)


def _known_person(registry: Registry, name: str) -> bool:
    """A person the article names as such, or a name opening with a common given name."""
    tail = person_tail(name) or name
    if registry.lookup_person(name) or registry.lookup_person(tail):
        return True
    given = tail.split()[0].casefold() if " " in tail else ""
    return given in first_names.FEMININE or given in first_names.MASCULINE
