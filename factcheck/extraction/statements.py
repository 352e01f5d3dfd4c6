"""Find statements (direct quotes and reported speech) and attribute them to speakers.

The work is done paragraph by paragraph on a "masked" copy of the text in which quote
interiors are blanked out: sentences are split and speech verbs searched only in the
narrative around the quotes. Each speech verb yields an attribution (speaker, and the span
of what was said); quotes then take the speaker of the attribution next to them, of the
quote they continue, or of the paragraph around them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.extraction.clean import duplicate_paragraphs, paragraph_spans
from factcheck.extraction.quotes import Quote, find_quotes, mask, sentences
from factcheck.extraction.speakers import (
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    HONORIFICS,
    MEDIA_WORDS,
    ORG_WORDS,
    PRONOUNS,
    SENTENCE_END,
    SOURCE_NOUNS,
    TITLE_WORDS,
    VERB_LIKE,
    Registry,
    kind_of,
    looks_person_name,
    norm_key,
    person_tail,
    split_names,
)

# Verbs that carry reported speech (or a stated position), by how their content follows.
_CLAUSE_VERBS = """said says say saying told tells tell telling wrote writes writing added adds
adding insisted insists insisting argued argues arguing stated states stating explained explains
explaining
noted notes noting acknowledged acknowledges admitted admits confirmed confirms announced
announces assured assures responded responds replied replies stressed stresses reiterated
reiterates emphasized emphasised emphasizes emphasises warned warns warning cautioned
complained complains conceded concedes declared declares asserted asserts contended contends
alleged alleges predicted predicts pledged pledges promised promises vowed vows
revealed reveals disclosed discloses claimed claims claiming claim asked asks urged urges
questioned questions believes thinks suggested suggests recalled recalls testified agreed
agrees reported reports report ruled rules explained observed remarked countered disagreed disagrees
answered answers found finds concluded concludes showed shows tweeted tweets estimated
estimates""".split()
_OBJECT_VERBS = """denied denies deny denying rejected rejects refuted refutes condemned condemns
criticised criticized criticises criticizes dismissed dismisses disputed disputes welcomed
welcomes praised praises slammed slams blasted decried decries demanded demands""".split()
# Nouns as often as verbs: only a speech verb when a clause or a speaker is plainly attached.
_AMBIGUOUS = frozenset(
    """claims claim states reports report notes questions answers rules warning asks demands
    pledges promises vows found finds concluded concludes showed shows""".split()
)
_THAT_ONLY = frozenset("found finds concluded concludes showed shows estimated estimates".split())
_TELL_VERBS = frozenset(
    """told tells tell telling assured assures warned warns cautioned urged urges asked asks
    informed reminded""".split()
)
_PHRASE_VERBS = (
    r"spoken out|spoke out|speaks out|voiced concerns?|expressed concerns?|called for|calls for|"
    r"called on|called it"
)
VERB_RE = re.compile(
    r"\b(?:"
    + _PHRASE_VERBS
    + "|"
    + "|".join(sorted(set(_CLAUSE_VERBS) | set(_OBJECT_VERBS), key=len, reverse=True))
    + r")\b"
)
_ACCORDING_RE = re.compile(r"\b(?:[Aa]ccording to|[Pp]er(?= (?:the )?[A-Z]))\s+")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|was|were|be|been|being|are|am)\s+(?:\w+ly\s+)?$")
_BY_AGENT = re.compile(r"^\s+by\s+")
_ADVERB_TAIL = re.compile(
    r"(?:\s*\b(?:also|however|then|still|later|earlier|again|previously|repeatedly|strongly|"
    r"sharply|firmly|flatly|publicly|privately|initially|first|finally|ultimately|unanimously|"
    r"quickly|immediately|separately|similarly|further|never|always|often|once|recently|now|too|"
    r"already|just|only|simply|even|both|all|each|reportedly|apparently|allegedly|"
    r"(?:has|have|had|would|will|could|should|may|might|must|did|does|do)(?:\s+not|n['’]t)?|"
    r"to|last (?:week|month|year|night|weekend)|this (?:week|month|year|morning|afternoon)|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"at (?:that|the) time|in (?:a|an) (?:\w+ )?(?:statement|interview|email|letter|post)|"
    r"earlier this \w+|[a-z]+ly)\s*,?)\s*$"
)
_CLAUSE_STOPS = frozenset(
    """that which who whom whose if when while because but or as so though although since after
    before where why how than then whether where until unless once despite""".split()
)
_DOC_NOUNS = frozenset(
    "report reports story article statement study survey analysis data paper document".split()
)
_DETERMINERS = frozenset(
    """the a an one two three four five some many several most all both another his her their
    its""".split()
)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ours|I|my|me)\b", re.IGNORECASE)
_SECTION_HEAD = re.compile(
    r"\b(?:full|complete|entire|whole)\b.{0,60}\bstatements?\b|\bstatements?\b.{0,30}\bin full\b",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^[–—-]\s*([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})\s*(?:,\s*(.+))?$")
_WORD = re.compile(r"\S+")
_CONTENT_CUT = re.compile(r",\s*(?:saying|adding|telling|insisting|noting|arguing)\b")
_TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "pres": "president",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "prof": "professor",
    "dr": "doctor",
}
_COMPANY_NOUNS = frozenset(
    """company firm group carrier automaker carmaker retailer bank airline manufacturer maker
    startup chain conglomerate insurer lender chipmaker drugmaker""".split()
)
_BY_SOURCE = re.compile(
    r"\bby\s+((?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|[A-Z][\w’'&.-]*))*)"
)
_ADVERB_BEFORE_VERB = re.compile(r"\b(?:all|both|also|have|has|had|\w+ly|never|not)\s+$")
_COORDINATED = re.compile(r"\b(?:and|but)(?:\s+(?:then|also|later|\w+ly))*$")
_AUXILIARIES = frozenset(
    "is was are were has have had will would can could should may might must did does".split()
)
_WINDOW_BEFORE = 400  # characters of a sentence examined before a speech verb
_WINDOW_AFTER = 1500  # and after it (reported content longer than this is cut)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_LEADING_ADVERBIAL = re.compile(
    rf"\s*(?:(?:on\s+)?{_DAY}(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:last|this|next)\s+(?:week|month|year|weekend|morning|night)|yesterday|today|"
    r"in\s+(?:a|an)\s+(?:\w+\s+)?(?:statement|interview|email|letter|post)|"
    r"earlier|later|recently|publicly|privately)\s*,?\s+(?=\S)"
)
_OBJECT_END = re.compile(
    r"[,;:]|\s(?:and|but|which|who|while|because|after|before|when|as|saying|in a statement)\s"
    r"|\s(?:announced|made|published|issued|released|posted|reported)\s"
)


@dataclass
class Attribution:
    verb_start: int
    verb_end: int
    subj_start: int  # where the attribution words begin (for cutting the content before it)
    speakers: list[str]
    content: tuple[int, int] | None = None
    trailing: bool = False  # the attribution follows what was said
    kind: str = "clause"
    serves_quote: Quote | None = None


@dataclass
class _Found:
    start: int
    end: int
    speaker: str | None
    direct: bool
    guessed: bool = False  # speaker taken from context, not from an attribution


_LINKS = frozenset("of for the de del al and".split())
_LIST_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*, )+$")


def _boundary(word: str) -> bool:
    return word.endswith((",", ";", ":")) or any(c in word for c in '"“”—–') or "xxx" in word


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _words(text: str, base: int) -> list[tuple[int, str]]:
    return [(base + m.start(), m.group()) for m in _WORD.finditer(text)]


def _bare(word: str) -> str:
    return word.strip(',.;:!?"“”‘’()[]—–-').casefold()


def _is_cap(word: str) -> bool:
    w = word.lstrip('"“‘(')
    return bool(w) and (w[0].isupper() or (w[0].isdigit() and len(w) > 1 and w[-1].isalpha()))


class Extractor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.registry = Registry()
        self.found: list[_Found] = []
        self.used: set[str] = set()
        self.paragraphs = paragraph_spans(text)
        duplicates = set(duplicate_paragraphs(text))
        self.quotes: list[list[Quote]] = []
        masked_parts = []
        last = 0
        for start, end in self.paragraphs:
            p = text[start:end]
            qs = find_quotes(p)
            self.quotes.append(qs)
            masked_parts.append(text[last:start])
            masked_parts.append(mask(p, qs))
            last = end
        masked_parts.append(text[last:])
        self.masked = "".join(masked_parts)
        self.skip = [(s, e) in duplicates for s, e in self.paragraphs]
        self.registry.scan(self.masked)
        self._sentence_speakers: list[str] = []
        self._acronyms: dict[str, str | None] = {}
        self._media_prefixes: set[str] = set()

    # -- speakers -------------------------------------------------------------------------
    def resolve(self, np: str, pos: int, detail: str = "", in_list: bool = False) -> str | None:
        """Canonical party name for a noun phrase naming a speaker at position pos."""
        np = np.strip(" ,;:\"“”'’-–—")
        if not np:
            return None
        reg = self.registry
        low = np.casefold()
        if low in PRONOUNS:
            return self._pronoun(low, pos)
        words = np.split()
        honorific = False
        while words and words[0].casefold() in HONORIFICS | {w + "." for w in HONORIFICS}:
            honorific = True
            title = _TITLE_ABBREVIATIONS.get(words[0].casefold().rstrip("."))
            if title and not detail:
                detail = title
            words = words[1:]
            np = " ".join(words)
            if not words:
                return None
        # "Wee of the Times", "Alex Horton of the Washington Post"
        m = re.match(r"^(.+?)\s+(?:of|from|at|with)\s+(?:the\s+)?([A-Z].*)$", np)
        if (
            m
            and _is_cap(m.group(1))
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
        # "a report by the city's budget office" -> the city's budget office
        m = re.match(r"^(?:a|an|the)\s+(?:\w+\s+)?(\w+)\s+(?:by|from)\s+(.+)$", np, re.IGNORECASE)
        if m and m.group(1).casefold() in _DOC_NOUNS:
            return self.resolve(m.group(2), pos, detail)
        # "Businessweek's published story" -> Businessweek
        m = re.match(r"^(.+?)['’]s?\s+(?:\w+\s+){0,2}(\w+)$", np)
        if m and m.group(2).casefold() in _DOC_NOUNS and _is_cap(m.group(1)):
            return self._party(m.group(1), "organization", pos, alias=np)
        if all(_is_cap(w) or w in ("of", "for", "and", "the", "de", "al") for w in words):
            if words[0].casefold() == "the" or words[0] == "The":
                words = words[1:]
            if honorific and len(words) == 1 and not reg.lookup_person(words[0], pos):
                info = reg.add(words[0], "person")  # "Ms. Patel"
                self._note_alias(info.name, np, detail)
                return info.name
            while len(words) > 1 and words[0].casefold() in TITLE_WORDS:
                detail = detail or words[0]  # "President Biden"
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
            acronym = self._acronym(name)
            if acronym:
                self._note_alias(acronym, np, "")
                return acronym
            if looks_person_name(name) and not in_list:
                info = reg.add(name, "person")
                self._note_alias(name, np, detail)
                return info.name
            hint = "organization" if in_list else None
            if " " not in name and self._media_prefix(name):
                hint = "media"
            return self._party(name, kind_of(name, hint), pos, alias=np)
        # A bare title: "the president", "the prime minister", "the ministry's spokeswoman"
        m = re.match(r"^(?:the|a|an)\s+(.+)$", np, re.IGNORECASE)
        if m and all(w.casefold() in TITLE_WORDS for w in m.group(1).split()):
            person = reg.person_with_title(m.group(1), pos)
            if person:
                self._note_alias(person, np, "")
                return person
        if low.startswith("the ") and words[-1].casefold() in TITLE_WORDS:
            person = reg.person_with_title(words[-1], pos)
            if person:
                self._note_alias(person, np, "")
                return person
        # "the company", "the firm": the organisation that spoke last
        if m and m.group(1).casefold() in _COMPANY_NOUNS and low.startswith("the "):
            for f in reversed(self.found[-30:]):
                info = reg.parties.get(f.speaker or "")
                if info and info.kind == "organization" and f.start < pos and pos - f.start < 3000:
                    info.add_alias(np)
                    return info.name
        # A title followed by a name inside a lowercase phrase: "trust member Peggy Bell"
        m = re.search(r"((?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)$", np)
        if m and looks_person_name(m.group(1)):
            info = reg.add(reg.lookup_person(m.group(1), pos) or m.group(1), "person")
            self._note_alias(info.name, np, detail or np[: m.start()].strip())
            return info.name
        return self._party(np, kind_of(np), pos, alias=None)

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
                aff = _affiliation_from(detail)
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
        return None

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
            if person and (pronoun != "they" or self._same_paragraph_mention(person, pos)):
                return person
            if pronoun != "they":
                return person
        # "it"/"they": a speaker earlier in the sentence, an organisation named earlier in
        # it ("Bloomberg published a story in which it stated"), else the last speaker.
        if self._sentence_speakers:
            return self._sentence_speakers[-1]
        other = reg.last_other_with_position(pos)
        if other:
            lo = max(0, pos - 300)
            ends = [m.end() for m in SENTENCE_END.finditer(self.masked, lo, pos)]
            if other[0] >= (ends[-1] if ends else lo) and kind_of(other[1]) != "person":
                return self._party(other[1], kind_of(other[1]), pos, alias=None)
        for f in reversed(self.found[-20:]):
            if f.start < pos and f.speaker and pos - f.start < 600:
                return f.speaker
        name = reg.last_other_before(pos)
        return self._party(name, kind_of(name), pos, alias=None) if name else None

    def _person_antecedent(self, pos: int) -> str | None:
        """The subject of the sentence naming the last person, or the person who spoke last
        if that was more recent (within the two paragraphs before)."""
        subject = self.registry.subject_before(pos, self.masked)
        floor = self.text.rfind("\n\n", 0, max(0, self.text.rfind("\n\n", 0, pos)))
        for f in reversed(self.found[-10:]):
            info = self.registry.parties.get(f.speaker or "")
            if info and info.kind == "person" and floor < f.start < pos:
                if subject is None or f.start > subject[0]:
                    return f.speaker
                break
        return subject[1] if subject else None

    def _same_paragraph_mention(self, person: str, pos: int) -> bool:
        floor = self.text.rfind("\n\n", 0, pos)
        mentions = self.registry.person_mentions
        i = bisect.bisect_left(mentions, (pos, ""))
        return bool(i) and mentions[i - 1][1] == person and mentions[i - 1][0] > floor

    # -- noun phrases around a verb ---------------------------------------------------------
    def left_subject(self, ss: int, vs: int) -> tuple[str, int, str, bool] | None:
        """(noun phrase, its start, appositive/descriptor, joint 'all') ending just before vs."""
        m = self.masked
        left = m[ss:vs]
        joint = False
        while True:
            t = _ADVERB_TAIL.search(left, max(0, len(left) - 80))
            if not t or t.start() == len(left):
                break
            if re.search(r"\b(?:all|both)\b", t.group(0)):
                joint = True
            parenthetical = t.group(0).rstrip().endswith(",")
            left = left[: t.start()]
            if parenthetical and left.rstrip().endswith(","):
                left = left.rstrip()[:-1]
        seg = left.rstrip()
        appositive = ""
        if seg.endswith((",", " -", " –", " —")):
            sep = seg[-1]
            body = seg[:-1].rstrip()
            k = max(body.rfind(","), body.rfind(" -"), body.rfind(" –"), body.rfind(" —"))
            if sep != "," and k < 0:
                return None
            if k < 0:
                return None
            appositive = body[k + 1 :].strip(" ,-–—")
            head = body[:k].rstrip(" ,-–—")
            if not head.strip():
                return None
            if _FIRST_PERSON.fullmatch(appositive.strip()):
                return None
            # ", Ryan Evans, was a British spy, reports X": a predicate, not an appositive
            if _bare(appositive.split()[0] if appositive.split() else "") in _AUXILIARIES:
                return None
            # "The only two Arab states - Egypt and Jordan - criticised": the names are inside
            if len(split_names(appositive)) > 1:
                return appositive, ss + body.find(appositive), "", True
            apos_start = ss + k + 1 + (len(body[k + 1 :]) - len(body[k + 1 :].lstrip(" ,-–—")))
            seg = re.sub(r",\s*\d{1,3}$", "", head)  # "Janet Cole, 58, a teacher, said"
            found = self._left_np(seg, ss, appositive, joint)
            # "The team's owner, Derek Vance, said": the name is in the appositive
            if found and found[0].split()[-1].islower() and looks_person_name(appositive):
                return appositive, apos_start, found[0], joint
            return found
        return self._left_np(seg, ss, appositive, joint)

    def _left_np(
        self, seg: str, ss: int, appositive: str, joint: bool
    ) -> tuple[str, int, str, bool] | None:
        # a subject is a few words long: tokenise only the end of the window
        cut = max(0, len(seg) - 240)
        cut = seg.find(" ", cut) + 1 if cut else 0
        words = _words(seg[cut:], ss + cut)
        if not words:
            return None
        last_pos, last = words[-1]
        if any(c in last for c in '"“”') or "xxx" in last:
            return None
        low = _bare(last)
        if _possessive(last):
            return None
        if low in PRONOUNS and last[-1:].isalpha():
            # "people who it thinks could benefit", but "a story in which it stated"
            before = _bare(words[-2][1]) if len(words) > 1 else ""
            relative = before in ("who", "which", "that", "whom")
            after_preposition = len(words) > 2 and _bare(words[-3][1]) in ("in", "of", "for")
            if (relative and not after_preposition) or before in ("if", "whether"):
                return None
            return last, last_pos, appositive, joint
        if low in _CLAUSE_STOPS or low in ("and", "or"):
            return None
        # a capitalised name (with titles and affiliation words before it)
        if _is_cap(last) and low not in FUNCTION_WORDS:
            i = len(words) - 1
            while i > 0:
                prev = words[i - 1][1]
                pl = _bare(prev)
                if _boundary(prev):
                    break
                if _is_cap(prev) and pl not in FUNCTION_WORDS and not prev.endswith(("'s", "’s")):
                    i -= 1
                    continue
                if pl in _LINKS:
                    j = i - 1
                    while j > 0 and _bare(words[j - 1][1]) in _LINKS:
                        j -= 1
                    if (
                        j > 0
                        and _is_cap(words[j - 1][1])
                        and not _boundary(words[j - 1][1])
                        and _bare(words[j - 1][1]) not in FUNCTION_WORDS
                    ):
                        i = j - 1
                        continue
                    break
                if pl in TITLE_WORDS and i > 0:
                    i -= 1
                    continue
                break
            # "the ministry's spokeswoman Maria Zakharova": the possessor belongs to the phrase
            if (
                i > 0
                and _bare(words[i][1]) in TITLE_WORDS
                and words[i - 1][1].endswith(("'s", "’s"))
            ):
                i -= 1
                while i > 0 and (
                    _bare(words[i - 1][1]) in ("the", "a", "an")
                    or (_is_cap(words[i - 1][1]) and not _boundary(words[i - 1][1]))
                ):
                    i -= 1
            start = words[i][0]
            np = seg[start - ss :].strip()
            # "authorities in Beijing", "officials from China"
            if (
                i >= 2
                and _bare(words[i - 1][1]) in ("in", "from", "at")
                and (
                    _bare(words[i - 2][1]) in SOURCE_NOUNS
                    or _bare(words[i - 2][1]) in GOVERNMENT_WORDS
                )
            ):
                start = words[i - 2][0]
                np = seg[start - ss :].strip()
            # "Apple, Amazon and Super Micro": a list before the last name
            lst = _LIST_BEFORE.search(seg[: start - ss])
            if lst and " and " in np:
                start = ss + lst.start()
                np = seg[start - ss :].strip()
            if i > 0 and _bare(words[i - 1][1]) == "the":
                start = words[i - 1][0]
            if _bare(np) in FUNCTION_WORDS:
                return None
            if i > 0 and _bare(words[i - 1][1]) in ("whether", "if"):
                return None
            return np, start, appositive, joint
        # a common noun phrase: walk back to a clause boundary
        i = len(words) - 1
        while i > 0 and len(words) - i < 12:
            prev = words[i - 1][1]
            pl = _bare(prev)
            if _boundary(prev):
                break
            if pl in _CLAUSE_STOPS or pl in ("is", "was", "are", "were", "has", "have", "had"):
                break
            # "the union and the company" is a joint subject, "X said it and Y" is not
            if pl == "and" and not (
                (_is_cap(words[i][1]) or _bare(words[i][1]) in ("the", "a", "an"))
                and (_is_cap(words[i - 2][1]) or (i > 2 and _bare(words[i - 3][1]) == "the"))
                if i > 1
                else False
            ):
                break
            i -= 1
        np_words = [w for _, w in words[i:]]
        head = _bare(np_words[-1])
        if not head.isalpha():
            return None
        if _bare(np_words[0]) in ("whether", "if") or (
            i > 0 and _bare(words[i - 1][1]) in ("whether", "if")
        ):
            return None
        if not (
            any(_bare(w) in SOURCE_NOUNS for w in np_words)
            or head in SOURCE_NOUNS
            or head in ORG_WORDS
            or head in GOVERNMENT_WORDS
            or head in MEDIA_WORDS
            or head in _DOC_NOUNS
            or head in TITLE_WORDS
            or head in ("firm", "company", "department", "ministry", "court", "trust")
            or (_bare(np_words[0]) in _DETERMINERS and len(np_words) <= 4)
        ):
            return None
        if len(np_words) > 11:
            return None
        return " ".join(np_words), words[i][0], appositive, joint

    def right_subject(self, ve: int, se: int) -> tuple[str, int] | None:
        """Speaker named after the verb: 'said Derek Scissors, a scholar', 'reports Wee'."""
        right = self.masked[ve : min(se, ve + 300)]
        words = _words(right, ve)
        if not words:
            return None
        first = _bare(words[0][1])
        if first in ("in", "on", "at", "that", "to", "it", "this", "about", "for", "with", "by"):
            return None
        if first in ("he", "she", "they"):
            return words[0][1].strip(",."), words[0][0]
        # a name within the first few words
        for k in range(min(4, len(words))):
            w = words[k][1]
            starts_name = k + 1 < len(words) and _is_cap(words[k + 1][1]) and not _boundary(w)
            if _is_cap(w) and (_bare(w) not in FUNCTION_WORDS or starts_name):
                j = k
                parts = []
                while j < len(words):
                    wj = words[j][1]
                    if _is_cap(wj) or (
                        _bare(wj) in ("of", "for", "the")
                        and j + 1 < len(words)
                        and _is_cap(words[j + 1][1])
                    ):
                        parts.append(wj)
                        honorific = wj.endswith(".") and _bare(wj) in HONORIFICS
                        if wj.endswith((",", ".", ";", ":")) and not honorific:
                            break
                        j += 1
                    else:
                        break
                name = " ".join(parts).strip(" ,.;:")
                lead = " ".join(x for _, x in words[:k])
                if k > 0 and _bare(words[0][1]) not in _DETERMINERS:
                    break
                if k > 0 and "for" in lead.split():
                    break
                return name, words[k][0]
            if words[k][1].endswith((",", ".")):
                break
        # a common noun phrase up to a comma or the end
        parts = []
        for _, w in words:
            if (
                _bare(w) in ("in", "on", "at", "during", "before", "after", "while", "who", "which")
                and parts
            ):
                break
            parts.append(w)
            if w.endswith((",", ";")):
                break
            if len(parts) >= 12:
                return None
        np = " ".join(parts).strip(" ,;")
        np = re.sub(r"\.$", "", np)
        if not parts or _bare(parts[0]) not in _DETERMINERS:
            return None
        return np, words[0][0]

    # -- main loop --------------------------------------------------------------------------
    def run(self) -> None:
        prev_speaker: str | None = None
        prev_direct_speaker: str | None = None
        chain_speaker: str | None = None
        chain_pending: list[_Found] = []
        section: dict | None = None
        for index, (ps, pe) in enumerate(self.paragraphs):
            if self.skip[index]:
                continue
            p = self.text[ps:pe]
            quotes = self.quotes[index]
            if section is not None:
                section = self._section_paragraph(section, index, ps, pe)
                if section is not None and section.get("consumed"):
                    section["consumed"] = False
                    continue
            head = self._is_heading(p) or (p.rstrip().endswith(":") and len(p.split()) <= 16)
            if section is None and head and _SECTION_HEAD.search(p):
                # "READ APPLE'S FULL STATEMENT", "Read the full statement below:"
                name = self.registry.known_name_in(p)
                speaker = self.resolve(name, ps) if name else prev_speaker
                if speaker:
                    section = {"speaker": speaker, "found": [], "started": False}
                    continue
            if self._is_heading(p) and not quotes:
                continue
            before = len(self.found)
            attributions = []
            for ss, se in sentences(self.masked[ps:pe]):
                attributions.extend(self._sentence(ps + ss, ps + se))
            para_found = self._place_quotes(
                ps, pe, quotes, attributions, prev_speaker, prev_direct_speaker, chain_speaker
            )
            # a quote left open continues in the next paragraph when that one opens with a mark
            continues = bool(quotes) and not quotes[-1].closed and index + 1 < len(self.paragraphs)
            if continues:
                ns = self.paragraphs[index + 1][0]
                continues = self.text[ns : ns + 1] in ('"', "“", "„", "«")
            attributed = [f.speaker for f in para_found if f.direct and not f.guessed and f.speaker]
            if attributed and chain_pending:
                for f in chain_pending:
                    f.speaker = attributed[0]
                    f.guessed = False
                chain_pending = []
            if continues:
                chain_pending += [f for f in para_found if f.direct and f.guessed]
                chain_speaker = attributed[-1] if attributed else chain_speaker
            else:
                chain_speaker = None
                chain_pending = []
            new = self.found[before:]
            if new:
                prev_speaker = new[-1].speaker
                directs = [f.speaker for f in new if f.direct and f.speaker]
                prev_direct_speaker = directs[-1] if directs else prev_speaker
            elif p.rstrip().endswith(":") and attributions:
                # 'Park added:' introduces the quote in the next paragraph
                prev_direct_speaker = prev_speaker = attributions[-1].speakers[0]
            elif p.strip():
                prev_direct_speaker = prev_speaker = None if len(p.split()) > 12 else prev_speaker

    def _is_heading(self, p: str) -> bool:
        words = p.split()
        end = p.rstrip()[-1:]
        return len(words) <= 16 and (p.isupper() or end not in '."”:?!')

    def _section_paragraph(self, section: dict, index: int, ps: int, pe: int) -> dict | None:
        """Inside a 'full statement' section: each paragraph is a statement of its speaker,
        until a signature line, a new heading or a plain narrative attribution."""
        p = self.text[ps:pe]
        sig = _SIGNATURE.match(p)
        if sig:
            name = self.resolve(sig.group(1), ps, sig.group(2) or "")
            for f in section["found"]:
                f.speaker = name
            return None
        words = p.split()
        if p.isupper() and len(words) <= 16:
            return None
        unfinished = not p.rstrip().endswith((".", '"', "”", "?", "!", ":"))
        if (not section["started"] or len(words) <= 12) and unfinished:
            section["consumed"] = True
            return section
        single = len(sentences(self.masked[ps:pe])) == 1
        if single and p.rstrip().endswith(":"):
            section["consumed"] = True
            return section
        if (
            single
            and not any(c in p for c in '"“”')
            and not _FIRST_PERSON.search(p)
            and VERB_RE.search(p)
            and section["started"]
        ):
            return None
        section["started"] = True
        f = _Found(ps, pe, section["speaker"], True)
        section["found"].append(f)
        self.found.append(f)
        # nested attributions still count (the statement may quote others), quotes do not
        for ss, se in sentences(self.masked[ps:pe]):
            atts = self._sentence(ps + ss, ps + se)
            for a in atts:
                self._emit_attribution(a)
        section["consumed"] = True
        return section

    # -- one sentence ---------------------------------------------------------------------
    def _sentence(self, ss: int, se: int) -> list[Attribution]:
        m = self.masked
        out: list[Attribution] = []
        sentence = m[ss:se]
        self._sentence_speakers = []
        for vm in VERB_RE.finditer(sentence):
            vs, ve = ss + vm.start(), ss + vm.end()
            verb = vm.group(0)
            # a bounded window keeps run-on "sentences" linear
            att = self._attribution(
                verb, vs, ve, max(ss, vs - _WINDOW_BEFORE), min(se, ve + _WINDOW_AFTER), out
            )
            if att:
                out.append(att)
        has_verb = bool(out)
        for am in _ACCORDING_RE.finditer(sentence):
            if has_verb:
                break
            as_, ae = ss + am.start(), ss + am.end()
            att = self._according(
                as_, ae, max(ss, as_ - _WINDOW_AFTER), min(se, ae + _WINDOW_AFTER)
            )
            if att:
                out.append(att)
        # content of each attribution ends where the next one's words begin
        out.sort(key=lambda a: a.verb_start)
        for k, a in enumerate(out):
            if a.content and not a.trailing and a.kind != "as":
                cs, ce = a.content
                for b in out[k + 1 : k + 9]:
                    cut = b.subj_start if b.subj_start > cs else b.verb_start
                    if cs < cut < ce and not b.trailing:
                        ce = cut
                        break
                    if b.trailing and cs < b.subj_start < ce:
                        ce = b.subj_start
                        break
                a.content = self._trim_content(cs, ce)
        # the most specific speaker: a person speaking for an organisation named alongside
        persons = {
            s: self.registry.parties[s]
            for a in out
            for s in a.speakers
            if s in self.registry.parties and self.registry.parties[s].kind == "person"
        }
        for a in out:
            for i, s in enumerate(a.speakers):
                info = self.registry.parties.get(s)
                if info and info.kind != "person":
                    for pname, pinfo in persons.items():
                        if pinfo.affiliation and norm_key(pinfo.affiliation) == norm_key(s):
                            a.speakers[i] = pname
        return [a for a in out if a.speakers]

    def _attribution(
        self, verb: str, vs: int, ve: int, ss: int, se: int, earlier: list[Attribution]
    ) -> Attribution | None:
        m = self.masked
        low = verb.casefold()
        before = m[max(ss, vs - 30) : vs]
        after = m[ve:se]
        if _PASSIVE_BEFORE.search(before):
            by = _BY_AGENT.match(after)
            if not by:
                return None
            # "All his claims were refuted by Amazon, Apple and Supermicro."
            agent_start = ve + by.end()
            agent = re.match(r"[^,;.]*(?:,\s*[A-Z][^,;.]*)*", m[agent_start:se]).group(0).strip()
            names = split_names(agent)
            speakers = [self.resolve(n, vs, in_list=len(names) > 1) for n in names]
            content = self._trim_content(ss, ve)
            att = Attribution(vs, ve, vs, [s for s in speakers if s], content, True, "object")
            return att if content else None
        if low in ("asked", "asks", "ask") and re.match(
            r"\s+(?:how|what|why|when|where|who)\b", after
        ):
            return None
        ambiguous = low in _AMBIGUOUS
        if low in _THAT_ONLY and not re.match(r"\s+(?:[\w’'-]+\s+){0,4}?that\s", after):
            return None  # "the study found that ..." but not "police found a body"
        object_verb = low in _OBJECT_VERBS or low.startswith(("called for", "calls for"))
        participle = low.endswith("ing")
        left = m[ss:vs].rstrip()
        subject = None
        inverted = False
        coordinated = bool(_COORDINATED.search(left[-48:]))
        bare_participle = participle and (left.endswith(",") or not left)
        if (
            (bare_participle or coordinated)
            and ambiguous
            and not re.match(r"\s+(?:that\b|:)", after)
        ):
            return None
        if participle and (left.endswith(",") or not left or coordinated):
            speakers = self._participle_speakers(ss, vs, earlier)
            subj_start = vs
            while subj_start > ss and m[subj_start - 1] in " ,":
                subj_start -= 1
        elif coordinated:
            speakers = self._participle_speakers(ss, vs, earlier)
            subj_start = ss + left.rfind(" and")
        else:
            subject = self.left_subject(ss, vs)
            if subject is None:
                r = None
                if (left.endswith((",", '"', "”")) or not left) and low not in _TELL_VERBS:
                    r = self.right_subject(ve, se)
                if r is None:
                    return None
                np, npos = r
                inverted = True
                speakers = [self.resolve(np, npos)]
                subj_start = vs
            else:
                np, npos, detail, joint = subject
                names = split_names(np)
                if joint and len(names) == 1:
                    lst = self._sentence_start_list(ss, vs)
                    if lst:
                        names = split_names(lst)
                self._sentence_speakers = [s for a in earlier[-4:] for s in a.speakers]
                if len(names) > 1:
                    speakers = [self.resolve(n, npos, in_list=True) for n in names]
                elif _bare(np.split()[-1]) in _DOC_NOUNS and _BY_SOURCE.search(detail):
                    # "The report, published by the Global Health Institute, found ..."
                    speakers = [self.resolve(_BY_SOURCE.search(detail).group(1), npos)]
                else:
                    speakers = [self.resolve(n, npos, detail) for n in names]
                subj_start = npos
                plain = _is_cap(np.split()[-1]) or _bare(np) in PRONOUNS
                if ambiguous and not plain and not re.match(r"\s+(?:that\b|:)", after):
                    return None
        speakers = [s for s in speakers if s]
        if not speakers:
            return None
        if ambiguous and inverted and not m[max(ss, vs - 3) : vs].strip().endswith((",", '"', "”")):
            return None
        att = Attribution(vs, ve, subj_start, speakers)
        prefix = m[ss:subj_start].rstrip()
        as_prefix = r"(?:^|[,;]\s*|\b(?:[Bb]ut|[Aa]nd)\s+)[Aa]s(?:\s+(?:both|all|the))?$"
        if not inverted and re.search(as_prefix, prefix[-24:]):
            # 'As Emily Feng reports for NPR, CONTENT'
            comma = m.find(",", ve, se)
            if comma != -1 and len(m[ve:comma].split()) <= 12:
                att.kind = "as"
                att.content = self._trim_content(comma + 1, se)
                return att if att.content else None
        quote_before = prefix.endswith(('"', "”", '",', "”,"))
        if inverted:
            # content precedes: ', said X' / '" said X'
            att.trailing = True
            att.content = None if quote_before and self._quote_starts(prefix) else (ss, vs)
            return self._finish_trailing(att, se)
        rest = after
        that = re.match(r"\s+(?:(?:[\w’'-]+\s+){0,5}?)that\s", rest)
        if low in _TELL_VERBS:
            that = re.match(r"[^.\"“]{0,110}?\bthat\s", rest) or that
        if that and VERB_RE.match(m, ve + that.end()):
            that = None  # "a story that states ...": a relative clause, not what was said
        colon = re.match(r"[^\"“:,]{0,60}:\s*", rest)
        if colon and (VERB_RE.search(colon.group(0)) or len(colon.group(0).split()) > 8):
            colon = None
        if re.match(r"\s+(?:this|so)\b(?!\s+(?:is|was|are|were|week|year|month))", rest):
            return att if self._quote_near(vs) else None  # "Idris said this while briefing"
        if (participle or coordinated) and not that:
            return self._with_content(att, ve, se)
        if that and object_verb and not re.match(r"\s+that\s", rest):
            that = None  # "denied a claim from Russia that ...": the claim is the object
        if that and not quote_before:
            return self._with_content(att, ve + that.end(), se)
        if (
            colon
            and not quote_before
            and ("xxx" in m[ve + colon.end() : ve + colon.end() + 8] or not object_verb)
        ):
            att.kind = "colon"
            # 'Park added:' may introduce a quote in the next paragraph
            return self._with_content(att, ve + colon.end(), se) or att
        tail = rest.strip()
        if quote_before or prefix.endswith(","):
            # 'CONTENT, X said.' / '"QUOTE," X told Y.' / 'CONTENT, X said, but ...'
            if quote_before or not tail or tail[0] in ".!?" or _is_adverbial(tail):
                att.trailing = True
                if quote_before and (self._quote_starts(prefix) or earlier):
                    att.content = None
                else:
                    att.content = (ss, subj_start)
                return self._finish_trailing(att, se)
            if tail[0] == ",":
                att.trailing = True
                att.kind = "parenthetical"
                att.content = self._trim_content(ss, se)
                return att
        if object_verb:
            start = vs
            k = start
            # keep adverbs and auxiliaries just before the verb: "all denied", "have denied"
            while True:
                lo = max(ss, k - 40)
                pm = _ADVERB_BEFORE_VERB.search(m, lo, k)
                if not pm:
                    break
                k = pm.start()
            start = k
            obj = _OBJECT_END.search(m, ve, se)
            end = obj.start() if obj else se
            att.kind = "object"
            att.content = self._trim_content(start, end)
            return att if att.content else None
        if low in _TELL_VERBS:
            # 'told trust members they would ...': the clause starts at its pronoun
            pm = re.match(r"\s+(?:[\w’'-]+\s+){1,4}?(?=(?:they|he|she|it|we|I)\s)", rest)
            if pm and low in ("told", "tells", "tell", "telling"):
                return self._with_content(att, ve + pm.end(), se)
            if low.startswith(("tell", "told")):
                return att if self._quote_near(vs) else None
        if not tail or tail[0] in ".!?,;":
            return att if self._quote_near(vs) else None
        if low in (
            "responded",
            "responds",
            "replied",
            "replies",
            "answered",
            "answers",
            "added",
            "adds",
        ):
            return att if self._quote_near(vs) else None
        if ambiguous and re.match(r"\s+(?:on|in|for|at|to|with|about|from)\b", rest):
            return att if self._quote_near(vs) else None
        if low.startswith(("ask", "question")) and re.match(r"\s+(?:last|this|on|in)\b", rest):
            return att if self._quote_near(vs) else None
        return self._with_content(att, ve, se)

    def _sentence_start_list(self, ss: int, vs: int) -> str | None:
        m = re.match(
            r"\s*((?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,\s+)+(?:and\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
            r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+and\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)",
            self.masked[ss:vs],
        )
        return m.group(1) if m else None

    def _quote_starts(self, prefix: str) -> bool:
        return prefix.lstrip()[:1] in ('"', "“")

    def _quote_near(self, vs: int) -> bool:
        window = self.masked[max(0, vs - 80) : vs + 80]
        return '"' in window or "“" in window or "”" in window

    def _finish_trailing(self, att: Attribution, se: int) -> Attribution:
        if att.content:
            cs, ce = att.content
            # 'As yet, there is no evidence, the commission said' / 'X, officials say, but Y'
            after = self.masked[att.verb_end : se]
            if re.match(
                r"\s*(?:\w+\s+){0,4}?\w*\s*,\s*(?:but|and|while)\b", after
            ) and not re.match(r"\s*,\s*(?:according|per)\b", after):
                ce = se
            att.content = self._trim_content(cs, ce)
        return att

    def _with_content(self, att: Attribution, cs: int, se: int) -> Attribution | None:
        lead = _LEADING_ADVERBIAL.match(self.masked, cs, se)
        if lead:
            cs = lead.end()
        cut = _CONTENT_CUT.search(self.masked, cs, se)
        ce = cut.start() if cut else se
        att.content = self._trim_content(cs, ce)
        return att if att.content else None

    def _trim_content(self, cs: int, ce: int) -> tuple[int, int] | None:
        t = self.text
        while cs < ce and (t[cs].isspace() or t[cs] in ",:;—–-"):
            cs += 1
        changed = True
        while changed and ce > cs:
            changed = False
            while ce > cs and (t[ce - 1].isspace() or t[ce - 1] in ",;:—–-"):
                ce -= 1
                changed = True
            for tail in (" and", " but", " while", " as", " and then", " though", " or"):
                if t.endswith(tail, cs, ce):
                    ce -= len(tail)
                    changed = True
        one_word = " " not in t[cs:ce].strip() if ce - cs < 80 else False
        if ce - cs < 2 or (one_word and '"' not in t[max(0, cs - 1) : ce + 1]):
            return None
        return cs, ce

    def _participle_speakers(self, ss: int, vs: int, earlier: list[Attribution]) -> list[str]:
        if earlier:
            return list(earlier[-1].speakers)
        person = self.registry.last_person_before(vs, floor=ss, namelike=False)
        if person:
            return [person]
        # the sentence's own subject: "The trust gave ... and then urged ..."
        tokens = self.masked[ss : min(vs, ss + 160)].split()
        if len(tokens) > 2 and tokens[0] in ("The", "the", "A", "An"):
            for k in range(2, min(5, len(tokens))):
                word = tokens[k]
                if VERB_LIKE.match(word) or (word.endswith("ing") and word.islower()):
                    s = self.resolve(" ".join(tokens[:k]), ss)
                    return [s] if s else []
        return []

    def _according(self, as_: int, ae: int, ss: int, se: int) -> Attribution | None:
        m = self.masked
        np_m = re.match(r"[^,;]*", m[ae:se])
        np = np_m.group(0).strip().rstrip(".")
        if not np or len(np.split()) > 10:
            return None
        first = _bare(np.split()[0])
        if np.casefold() in ("him", "her", "them"):
            np = {"him": "he", "her": "she", "them": "they"}[np.casefold()]  # "According to him"
        elif first in ("our", "their", "his", "her", "its", "my", "your", "this", "that"):
            return None
        if (
            np not in PRONOUNS
            and not any(_is_cap(w) for w in np.split())
            and not any(
                _bare(w) in SOURCE_NOUNS | ORG_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS | _DOC_NOUNS
                for w in np.split()
            )
        ):
            return None
        speaker = self.resolve(np, ae)
        if not speaker:
            return None
        att = Attribution(as_, ae, as_, [speaker], kind="according")
        head = m[ss:as_].strip()
        if not head:
            # 'According to X, CONTENT.'
            cs = ae + np_m.end()
            att.content = self._trim_content(cs, se)
        elif m[ae + np_m.end() : se].strip(" .") == "":
            att.trailing = True
            att.content = self._trim_content(ss, as_)
        else:
            att.trailing = True
            att.content = self._trim_content(ss, se)
        return att if att.content else None

    # -- statements -----------------------------------------------------------------------
    def _emit_attribution(self, a: Attribution) -> list[_Found]:
        out = []
        if not a.content:
            return out
        cs, ce = a.content
        inside_quote = self._inside_quote(cs, ce)
        for s in a.speakers:
            f = _Found(cs, ce, s, inside_quote)
            self.found.append(f)
            out.append(f)
        return out

    def _inside_quote(self, cs: int, ce: int) -> bool:
        span = self.masked[cs:ce]
        return bool(span) and span.count("x") > 0.8 * len(span)

    def _place_quotes(
        self,
        ps: int,
        pe: int,
        quotes: list[Quote],
        attributions: list[Attribution],
        prev_speaker: str | None,
        prev_direct_speaker: str | None,
        chain_speaker: str | None,
    ) -> list[_Found]:
        found: list[_Found] = []
        taken: set[int] = set()
        m = self.masked
        quote_speaker: dict[int, list[str]] = {}
        # a quote inside what an attribution reports belongs to that statement, unless the
        # statement is just the quote ('Cook responded: "..."')
        starts = [ps + q.start for q in quotes]
        for a in attributions:
            if not a.content:
                continue
            cs, ce = a.content
            qi = bisect.bisect_left(starts, cs)
            while qi < len(quotes) and starts[qi] <= ce:
                q = quotes[qi]
                qs_, qe_ = ps + q.start, ps + q.end
                if qe_ <= ce + 1:
                    if m[cs:qs_].strip(' "“:,') == "" and m[qe_:ce].strip(' "”.,!?') == "":
                        quote_speaker[qi] = a.speakers
                        a.content = None
                        a.serves_quote = q
                        break
                    taken.add(qi)
                qi += 1
        # an attribution right after or right before a quote serves it
        by_subject = sorted(attributions, key=lambda a: a.subj_start)
        subject_starts = [a.subj_start for a in by_subject]
        by_verb_end = sorted(attributions, key=lambda a: a.verb_end)
        verb_ends = [a.verb_end for a in by_verb_end]
        for qi, q in enumerate(quotes):
            if qi in taken or qi in quote_speaker:
                continue
            qs, qe = ps + q.open, ps + q.outer_end
            k = bisect.bisect_left(subject_starts, qe)
            for a in by_subject[k : k + 3]:
                serves_after = a.trailing or (a.content is None and a.serves_quote is None)
                if serves_after and m[qe : a.subj_start].strip(" ,—–-") == "":
                    quote_speaker[qi] = a.speakers
                    break
            if qi in quote_speaker:
                continue
            k = bisect.bisect_right(verb_ends, qs)
            for a in reversed(by_verb_end[max(0, k - 3) : k]):
                if re.fullmatch(
                    r"\s*(?:[:,]|\s+(?:last|this|on|in)\s+\w+)?\s*", m[a.verb_end : qs]
                ):
                    quote_speaker[qi] = a.speakers
                    break
        for a in attributions:
            if a.content:
                found.extend(self._emit_attribution(a))
        attributed_at = sorted(quote_speaker)
        for qi, q in enumerate(quotes):
            if qi in taken:
                continue
            speakers = quote_speaker.get(qi)
            interior = self.text[ps + q.start : ps + q.end]
            if not speakers:
                starts_para = q.open == 0
                sentence_like = interior[:1].isupper() and len(interior.split()) >= 4
                if not (starts_para or sentence_like):
                    continue
                guess = None
                k = bisect.bisect_left(attributed_at, qi)
                before = quote_speaker[attributed_at[k - 1]][0] if k else None
                after = quote_speaker[attributed_at[k]][0] if k < len(attributed_at) else None
                if starts_para and chain_speaker:
                    guess = chain_speaker
                elif before:
                    guess = before
                elif after:
                    guess = after
                elif found:
                    guess = found[-1].speaker
                elif starts_para:
                    guess = prev_direct_speaker
                if not guess and not starts_para:
                    continue
                speakers = [guess] if guess else [None]
                guessed = not (starts_para and chain_speaker)
            else:
                guessed = False
            for s in speakers:
                f = _Found(ps + q.start, ps + q.end, s, True, guessed)
                found.append(f)
                self.found.append(f)
        return found

    def statements(self) -> list[_Found]:
        seen = set()
        out = []
        for f in sorted(self.found, key=lambda f: (f.start, f.end)):
            key = (f.start, f.end, f.speaker)
            if key in seen or f.end <= f.start:
                continue
            seen.add(key)
            out.append(f)
        return out


def _is_adverbial(tail: str) -> bool:
    first = tail.split()[0].casefold().strip(",.")
    return (
        first
        in (
            "in",
            "on",
            "at",
            "before",
            "after",
            "during",
            "last",
            "this",
            "earlier",
            "later",
            "tuesday",
            "monday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "to",
            "when",
            "while",
            "as",
            "from",
            "via",
            "through",
            "with",
            "by",
            "per",
            "according",
            "then",
            "yesterday",
            "today",
            "recently",
            "also",
            "again",
            "told",
        )
        and len(tail.split()) <= 14
    )


def _affiliation_from(detail: str) -> str | None:
    found = list(
        re.finditer(
            r"\b(of|for|at|with)\s+(?:the\s+)?"
            r"([A-Z][\w’'&.-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w’'&.-]*)*)",
            detail,
        )
    )
    if found:
        # "director of information security for Amazon Web Services": the employer is last
        best = [m for m in found if m.group(1) != "of"] or found
        return best[-1].group(2).strip()
    m = re.match(r"^([A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*)\s+[a-z]", detail)
    if m and m.group(1).casefold() not in FUNCTION_WORDS:
        return re.sub(r"['’]s$", "", m.group(1))
    return None


def find_statements(text: str) -> tuple[list[_Found], Registry]:
    ex = Extractor(text)
    ex.run()
    return ex.statements(), ex.registry
