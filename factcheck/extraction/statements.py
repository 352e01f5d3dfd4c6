"""Find statements (direct quotes and reported speech) and attribute them to speakers.

The work is done paragraph by paragraph on a "masked" copy of the text in which quote
interiors are blanked out: sentences are split and speech verbs searched only in the
narrative around the quotes. Each speech verb yields an attribution (speaker, and the span
of what was said); quotes then take the speaker of the attribution next to them, of the
quote they continue, or of the paragraph around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extraction.clean import duplicate_paragraphs, paragraph_spans
from factcheck.extraction.quotes import Quote, find_quotes, mask, sentences
from factcheck.extraction.speakers import (
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    MEDIA_WORDS,
    ORG_WORDS,
    PRONOUNS,
    SOURCE_NOUNS,
    TITLE_WORDS,
    Registry,
    kind_of,
    looks_person_name,
    norm_key,
    split_names,
    strip_possessive,
)

# Verbs that carry reported speech (or a stated position), by how their content follows.
_CLAUSE_VERBS = """said says say saying told tells tell telling wrote writes writing added adds
adding insisted insists insisting argued argues arguing stated explained explains explaining
noted notes noting acknowledged acknowledges admitted admits confirmed confirms announced
announces assured assures responded responds replied replies stressed stresses reiterated
reiterates emphasized emphasised emphasizes emphasises warned warns warning cautioned
complained complains conceded concedes declared declares asserted asserts contended contends
alleged alleges predicted predicts pledged pledges promised promises vowed vows
revealed reveals disclosed discloses claimed claims claiming claim asked asks urged urges
questioned questions believes thinks suggested suggests recalled recalls testified agreed
agrees reported reports report ruled rules explained observed remarked countered
answered answers""".split()
_OBJECT_VERBS = """denied denies deny denying rejected rejects refuted refutes condemned condemns
criticised criticized criticises criticizes dismissed dismisses disputed disputes welcomed
welcomes praised praises slammed slams blasted decried decries demanded demands""".split()
# Nouns as often as verbs: only a speech verb when a clause or a speaker is plainly attached.
_AMBIGUOUS = frozenset(
    "claims claim states reports report notes questions answers rules warning asks demands".split()
)
_TELL_VERBS = frozenset(
    """told tells tell telling assured assures warned warns cautioned urged urges asked asks
    informed reminded""".split()
)
_PHRASE_VERBS = r"spoken out|spoke out|speaks out|voiced concerns?|expressed concerns?|called for|calls for|called on|called it"
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
    r"(?:,?\s*\b(?:also|however|then|still|later|earlier|again|previously|repeatedly|strongly|"
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
    "the a an one two three four five some many several most all both another his her their its".split()
)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|ours|I|my|me)\b", re.IGNORECASE)
_SECTION_HEAD = re.compile(
    r"\b(?:full|complete|entire|whole)\b.{0,60}\bstatements?\b|\bstatements?\b.{0,30}\bin full\b",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^[–—-]\s*([A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})\s*(?:,\s*(.+))?$")
_WORD = re.compile(r"\S+")
_CONTENT_CUT = re.compile(r",\s*(?:saying|adding|telling|insisting|noting|arguing)\b")
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


@dataclass
class _State:
    registry: Registry
    text: str
    masked: str
    found: list[_Found] = field(default_factory=list)
    used: set[str] = field(default_factory=set)


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
    return bool(w) and (w[0].isupper() or w[0].isdigit() and len(w) > 1 and w[-1].isalpha())


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

    # -- speakers -------------------------------------------------------------------------
    def resolve(self, np: str, pos: int, detail: str = "") -> str | None:
        """Canonical party name for a noun phrase naming a speaker at position pos."""
        np = np.strip(" ,;:\"“”'’-–—")
        if not np:
            return None
        reg = self.registry
        low = np.casefold()
        if low in PRONOUNS:
            return self._pronoun(low, pos)
        words = np.split()
        if words[0].casefold().rstrip(".") in ("mr", "mrs", "ms", "dr"):
            words = words[1:]
            np = " ".join(words)
            if not words:
                return None
        # "Wee of the Times", "Alex Horton of the Washington Post"
        m = re.match(r"^(.+?)\s+(?:of|from|at|with)\s+(?:the\s+)?([A-Z].*)$", np)
        if (
            m
            and _is_cap(m.group(1))
            and (reg.lookup_person(m.group(1), pos) or looks_person_name(m.group(1)))
        ):
            np, detail = m.group(1), detail or m.group(2)
            words = np.split()
        # "Businessweek's published story" -> Businessweek
        m = re.match(r"^(.+?)['’]s?\s+(?:\w+\s+){0,2}(\w+)$", np)
        if m and m.group(2).casefold() in _DOC_NOUNS and _is_cap(m.group(1)):
            return self._party(m.group(1), "organization", pos, alias=np)
        if all(_is_cap(w) or w in ("of", "for", "and", "the", "de", "al") for w in words):
            if words[0].casefold() == "the" or words[0] == "The":
                words = words[1:]
            name = " ".join(words)
            if not name:
                return None
            person = reg.lookup_person(name, pos)
            if person:
                self._note_alias(person, np, detail)
                return person
            acronym = self._acronym(name)
            if acronym:
                self._note_alias(acronym, np, "")
                return acronym
            if looks_person_name(name):
                info = reg.add(name, "person")
                self._note_alias(name, np, detail)
                return info.name
            hint = None
            if " " not in name and self._media_prefix(name):
                hint = "media"
            return self._party(name, kind_of(name, hint), pos, alias=np)
        # A bare title: "the president", "the prime minister"
        m = re.match(r"^(?:the|a|an)\s+(.+)$", np, re.IGNORECASE)
        if m and all(w.casefold() in TITLE_WORDS for w in m.group(1).split()):
            person = reg.person_with_title(m.group(1), pos)
            if person:
                self._note_alias(person, np, "")
                return person
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
        for other in list(self.registry.parties) + sorted(self.registry.chunk_names):
            words = [w for w in other.split() if w[:1].isupper()]
            initials = "".join(w[0] for w in words)
            if len(words) > 1 and name in initials and other != name:
                return self.registry.add(other, kind_of(other)).name
        return None

    def _media_prefix(self, name: str) -> bool:
        for other in self.registry.chunk_names:
            words = other.split()
            if len(words) > 1 and words[0] == name and words[-1].casefold() in MEDIA_WORDS:
                return True
        return False

    def _pronoun(self, pronoun: str, pos: int) -> str | None:
        if pronoun in ("we", "i"):
            return None
        reg = self.registry
        if pronoun in ("he", "she", "they"):
            person = reg.last_person_before(pos)
            if person and (pronoun != "they" or self._same_paragraph_mention(person, pos)):
                return person
            if pronoun != "they":
                return person
        # "it"/"they": a speaker earlier in the sentence, else the last one before.
        if self._sentence_speakers:
            return self._sentence_speakers[-1]
        for f in reversed(self.found):
            if f.start < pos and f.speaker and pos - f.start < 600:
                return f.speaker
        i = len(reg.other_mentions)
        while i > 0:
            i -= 1
            mpos, name = reg.other_mentions[i]
            if mpos < pos:
                return self._party(name, kind_of(name), pos, alias=None)
        return None

    def _same_paragraph_mention(self, person: str, pos: int) -> bool:
        floor = self.text.rfind("\n\n", 0, pos)
        for mpos, name in reversed(self.registry.person_mentions):
            if mpos < pos:
                return name == person and mpos > floor
        return False

    # -- noun phrases around a verb ---------------------------------------------------------
    def left_subject(self, ss: int, vs: int) -> tuple[str, int, str, bool] | None:
        """(noun phrase, its start, appositive/descriptor, joint 'all') ending just before vs."""
        m = self.masked
        left = m[ss:vs]
        joint = False
        while True:
            t = _ADVERB_TAIL.search(left)
            if not t or t.start() == len(left):
                break
            if re.search(r"\b(?:all|both)\b", t.group(0)):
                joint = True
            left = left[: t.start()]
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
            # "The only two Arab states - Egypt and Jordan - criticised": the names are inside
            if len(split_names(appositive)) > 1 and not _is_cap(head.split()[-1]):
                return appositive, ss + body.find(appositive), "", True
            seg = head
        words = _words(seg, ss)
        if not words:
            return None
        last_pos, last = words[-1]
        if any(c in last for c in '"“”') or "xxx" in last:
            return None
        low = _bare(last)
        if _possessive(last):
            return None
        if low in PRONOUNS and last[-1:].isalpha():
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
                if _is_cap(prev) and pl not in FUNCTION_WORDS and not _possessive(prev):
                    i -= 1
                    continue
                if pl in _LINKS:
                    j = i - 1
                    while j > 0 and _bare(words[j - 1][1]) in _LINKS:
                        j -= 1
                    if j > 0 and _is_cap(words[j - 1][1]) and not _boundary(words[j - 1][1]):
                        if _bare(words[j - 1][1]) not in FUNCTION_WORDS:
                            i = j - 1
                            continue
                    break
                if pl in TITLE_WORDS and i > 0:
                    i -= 1
                    continue
                break
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
        while i > 0 and len(words) - i < 10:
            prev = words[i - 1][1]
            pl = _bare(prev)
            if _boundary(prev):
                break
            if pl in _CLAUSE_STOPS or pl in ("is", "was", "are", "were", "has", "have", "had"):
                break
            if pl == "and" and not (
                _is_cap(words[i][1]) and _is_cap(words[i - 2][1]) if i > 1 else False
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
            or _bare(np_words[0]) in _DETERMINERS
            and len(np_words) <= 4
        ):
            return None
        if len(np_words) > 9:
            return None
        return " ".join(np_words), words[i][0], appositive, joint

    def right_subject(self, ve: int, se: int) -> tuple[str, int] | None:
        """Speaker named after the verb: 'said Derek Scissors, a scholar', 'reports Wee'."""
        right = self.masked[ve:se]
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
            if _is_cap(w) and _bare(w) not in FUNCTION_WORDS:
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
                        if wj.endswith((",", ".", ";", ":")):
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
            if section is None and _SECTION_HEAD.search(p) and self._is_heading(p):
                name = self.registry.known_name_in(p)
                if name:
                    speaker = self.resolve(name, ps)
                    section = {"speaker": speaker, "found": [], "started": False}
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
                ns, ne = self.paragraphs[index + 1]
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
            elif p.strip():
                prev_direct_speaker = prev_speaker = None if len(p.split()) > 12 else prev_speaker

    def _is_heading(self, p: str) -> bool:
        words = p.split()
        return len(words) <= 16 and (p.isupper() or not p.rstrip().endswith((".", '"', "”")))

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
        if not section["started"] or len(words) <= 12:
            if not p.rstrip().endswith((".", '"', "”", "?", "!", ":")):
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
            att = self._attribution(verb, vs, ve, ss, se, out)
            if att:
                out.append(att)
        has_verb = bool(out)
        for am in _ACCORDING_RE.finditer(sentence):
            if has_verb:
                break
            att = self._according(ss + am.start(), ss + am.end(), ss, se)
            if att:
                out.append(att)
        # content of each attribution ends where the next one's words begin
        out.sort(key=lambda a: a.verb_start)
        for k, a in enumerate(out):
            if a.content and not a.trailing and a.kind != "as":
                cs, ce = a.content
                for b in out[k + 1 :]:
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
            speakers = [self.resolve(n, vs) for n in names]
            content = self._trim_content(ss, ve)
            att = Attribution(vs, ve, vs, [s for s in speakers if s], content, True, "object")
            return att if content else None
        if low in ("asked", "asks", "ask") and re.match(
            r"\s+(?:how|what|why|when|where|who)\b", after
        ):
            return None
        ambiguous = low in _AMBIGUOUS
        object_verb = low in _OBJECT_VERBS or low.startswith(("called for", "calls for"))
        participle = low.endswith("ing")
        left = m[ss:vs].rstrip()
        subject = None
        inverted = False
        coordinated = bool(re.search(r"\band(?:\s+then)?$", left))
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
                if left.endswith((",", '"', "”")) or not left:
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
                self._sentence_speakers = [s for a in earlier for s in a.speakers]
                speakers = [self.resolve(n, npos, detail) for n in names]
                subj_start = npos
                if ambiguous and not re.match(r"\s+(?:that\b|:)", after):
                    if not (_is_cap(np.split()[-1]) or _bare(np) in PRONOUNS):
                        return None
        speakers = [s for s in speakers if s]
        if not speakers:
            return None
        if ambiguous and inverted and not m[max(ss, vs - 3) : vs].strip().endswith((",", '"', "”")):
            return None
        att = Attribution(vs, ve, subj_start, speakers)
        prefix = m[ss:subj_start].rstrip()
        quote_before = prefix.endswith(('"', "”", '",', "”,"))
        if inverted:
            # content precedes: ', said X' / '" said X'
            att.trailing = True
            att.content = None if quote_before and self._quote_starts(prefix) else (ss, vs)
            return self._finish_trailing(att, se)
        rest = after
        that = re.match(r"\s+(?:(?:[\w’'-]+\s+){0,3}?)that\s", rest)
        if low in _TELL_VERBS:
            that = re.match(r"[^.\"“]{0,110}?\bthat\s", rest) or that
        colon = re.match(r"[^\"“:]{0,60}:\s*", rest)
        if that and not quote_before:
            return self._with_content(att, ve + that.end(), se)
        if (
            colon
            and not quote_before
            and ("xxx" in m[ve + colon.end() : ve + colon.end() + 8] or not object_verb)
        ):
            att.kind = "colon"
            return self._with_content(att, ve + colon.end(), se)
        tail = rest.strip()
        if quote_before or prefix.endswith(","):
            # 'CONTENT, X said.' / '"QUOTE," X told Y.' / 'CONTENT, X said, but ...'
            if quote_before or not tail or tail[0] in ".!?" or _is_adverbial(tail):
                att.trailing = True
                if quote_before and self._quote_starts(prefix):
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
                pm = re.search(r"(?:\b(?:all|both|also|have|has|had|\w+ly|never|not)\s+)$", m[ss:k])
                if not pm:
                    break
                k = ss + pm.start()
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
                if t[cs:ce].endswith(tail):
                    ce -= len(tail)
                    changed = True
        if ce - cs < 2 or len(t[cs:ce].split()) < 2 and '"' not in t[cs - 1 : ce + 1]:
            return None
        return cs, ce

    def _participle_speakers(self, ss: int, vs: int, earlier: list[Attribution]) -> list[str]:
        if earlier:
            return list(earlier[-1].speakers)
        person = self.registry.last_person_before(vs, floor=ss)
        if person:
            return [person]
        m = re.match(
            r"\s*((?:The|the|A|An)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+?)(?=\s+(?:\w+ing|\w+ed|\w+s)\b)",
            self.masked[ss:vs],
        )
        if m:
            s = self.resolve(m.group(1), ss)
            return [s] if s else []
        return []

    def _according(self, as_: int, ae: int, ss: int, se: int) -> Attribution | None:
        m = self.masked
        np_m = re.match(r"[^,;]*", m[ae:se])
        np = np_m.group(0).strip().rstrip(".")
        if not np or len(np.split()) > 10:
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
        # attribution serving a quote right before or after it
        quote_speaker: dict[int, list[str]] = {}
        for qi, q in enumerate(quotes):
            qs, qe = ps + q.open, ps + q.outer_end
            for a in attributions:
                gap_after = m[qe : a.subj_start if a.subj_start >= qe else a.verb_start]
                gap_before = m[a.verb_end : qs]
                if (
                    a.subj_start >= qe
                    and len(gap_after) < 40
                    and not re.search(r'[.!?"“”]', gap_after.strip(" ,"))
                    and (a.trailing or a.content is None or a.content[0] >= a.verb_end)
                ):
                    if a.trailing or a.content is None or a.kind == "colon":
                        quote_speaker[qi] = a.speakers
                        if a.trailing and a.content and a.content[0] <= ps + q.start:
                            # the quote opens the sentence: the quote itself is the statement
                            if m[a.content[0] : qs].strip() == "":
                                a.content = None
                        break
                if a.verb_end <= qs and re.fullmatch(
                    r"\s*(?:[:,]|\s+(?:last|this|on|in)\s+\w+)?\s*", gap_before
                ):
                    quote_speaker[qi] = a.speakers
                    if a.content and a.content[0] >= qs - 1 and a.content[1] <= qe + 1:
                        a.content = None
                    break
        for a in attributions:
            if a.content:
                cs, ce = a.content
                for qi, q in enumerate(quotes):
                    if qi in quote_speaker:
                        continue
                    if cs <= ps + q.start and ps + q.end <= ce + 1:
                        taken.add(qi)
                found.extend(self._emit_attribution(a))
        para_speakers = [s for qi in sorted(quote_speaker) for s in quote_speaker[qi][:1]]
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
                before = [quote_speaker[k][0] for k in sorted(quote_speaker) if k < qi]
                after = [quote_speaker[k][0] for k in sorted(quote_speaker) if k > qi]
                if starts_para and chain_speaker:
                    guess = chain_speaker
                elif before:
                    guess = before[-1]
                elif after:
                    guess = after[0]
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
        del para_speakers
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
    m = re.search(
        r"\b(?:of|for|at|with)\s+(?:the\s+)?([A-Z][\w’'&.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'&.-]*))*)",
        detail,
    )
    if m:
        return m.group(1).strip()
    m = re.match(r"^([A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*)(?:['’]s)?\s+[a-z]", detail)
    if m and m.group(1).casefold() not in FUNCTION_WORDS:
        return m.group(1)
    return None


def find_statements(text: str) -> tuple[list[_Found], Registry]:
    ex = Extractor(text)
    ex.run()
    return ex.statements(), ex.registry
