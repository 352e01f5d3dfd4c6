"""Parties a desk can file: clean names, no documents, one party per person or source.

Runs once the statements have their speakers. Each step is a general cue of English:

- names lose sentence debris ("... Ministry. from Norland"), a trailing parenthesis
  ("(D-Ore.)") and stray punctuation; an unnamed spokesperson for a body is an anonymous
  source affiliated with it;
- a document ("the report", "an earlier city presentation") is not a party: its
  statements go to the party that issued it when the text says so ("X's report",
  "a report by X", "X published a report", "a city presentation" beside a City), else
  they are left without a speaker for the reviewer;
- a surname alone, a name cut at a middle initial, and a definite description that takes
  up an earlier indefinite one ("one senior official" ... "the official") join the party
  they refer to, whose aliases keep every form; "the company" is the organisation
  mentioned last;
- kinds follow the name's head: quantified or plural people ("Both sides", "people familiar
  with ...") are anonymous, "the company" an organisation, names with initials people.
"""

from __future__ import annotations

import bisect
import re

from factcheck.extraction.lexicon import DOC_NOUNS, GROUP_HEAD_WORD, company_noun
from factcheck.extraction.ranker import SpeakerContext
from factcheck.extraction.speakers import (
    GOVERNMENT_WORDS,
    HONORIFICS,
    MEDIA_WORDS,
    ORG_WORDS,
    SOURCE_NOUNS,
    TITLE_WORDS,
    PartyInfo,
    kind_of,
    looks_person_name,
    norm_key,
    treated_as_body,
)

# Nouns for written or recorded texts: they report, they do not speak. Court filings
# ("the complaint", "the indictment") are left out: they are the voice of the side that filed
# them, and the rules already read them as such.
DOCUMENTS = DOC_NOUNS | frozenset(
    """presentation presentations invitation invitations release releases letter letters memo
    memos memorandum email emails e-mail post posts tweet tweets video videos transcript
    transcripts notice notices document documents studies stories articles surveys
    papers biography biographies website websites""".split()
)
_DETERMINERS = frozenset("a an the one this that these those another its their his her".split())
_POSSESSORS = frozenset("his her their its my our your the a an one".split())
_QUANTIFIERS = frozenset(
    "both all many some several most few those two three four five six seven eight nine ten".split()
)
# Words after which a noun phrase's head has ended: "people familiar with ...".
_POST_HEAD = frozenset(
    """of in at from with who whom that which across familiar close briefed on for near
    around inside outside by""".split()
)
_ABBREVIATION = re.compile(r"^(?:[A-Z]|[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.$")
_SENTENCE_BREAK = re.compile(r"(\S+)\.\s+\S")
_PARENTHESIS_END = re.compile(r"\s*\([^()]*\)$")
_SPOKESPERSON_FOR = re.compile(
    r"^(?i:a|an|the|one)\s+(?:\w+\s+)?(?:spokes(?:man|woman|person)|representative|press officer)"
    r"\s+(?:for|of|at|from)\s+(?:the\s+)?(\w.*)$"
)
_SPOKESPERSON_OF = re.compile(
    r"^(?i:a|an|the|one)\s+([A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*)\s+"
    r"(?:spokes(?:man|woman|person)|representative)$"
)
_ISSUER_IN_NAME = (
    # "Acme's annual report", "the council's statement"
    re.compile(r"^(?:the\s+)?(.+?)['’]s?\s+(?:[\w-]+\s+){0,2}(\w+)$"),
    # "a report by the Acme Institute", "the statement from Acme" (not "obtained by")
    re.compile(r"^(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}(\w+)\s+(?:by|from)\s+(?:the\s+)?(.+)$"),
)
_STUDIES = frozenset("report study survey review analysis paper audit inquiry".split())
_ISSUER_WINDOW = 20000  # characters before a document's mention (an article or two)
_CAME_BY = r"(?:obtained|seen|reviewed|viewed|acquired|leaked)\b"
_NOT_ISSUING = re.compile(rf"\b{_CAME_BY}\s+by\b")


# a capital The inside a sentence, and the capitalised words of the title it opens
_TITLE_AFTER_THE = re.compile(r"(?<=[a-z,;:“\"(] )The ([A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*)*)")
# words that introduce people the text does not name: "two donors", "one senior official"
_INDEFINITE_OPENERS = frozenset("a an one two three four five several some many".split())


def _doc_head(name: str) -> str | None:
    """The document noun heading a name ('an earlier city presentation' -> presentation)."""
    words = name.split()
    if not words:
        return None
    head = _head_word(words)
    # "Internal emails obtained by ...": a bare plural, capitalised only as a sentence opens
    came_by = _NOT_ISSUING.search(name)
    bare_plural = came_by and head.endswith("s") and name[1 : came_by.start()].islower()
    if head.casefold() in DOCUMENTS and (
        words[0].casefold() in _DETERMINERS or name.islower() or bare_plural
    ):
        return head.casefold()
    return None


def _head_word(words: list[str]) -> str:
    """The noun a phrase is about: the word before its first preposition, relative or
    participle ('a memo obtained by ...' -> memo)."""
    for k, w in enumerate(words):
        participle = w.islower() and (w.endswith("ed") or w == "seen") and k > 1
        if k and (w.casefold() in _POST_HEAD or participle):
            return words[k - 1]
    return words[-1]


def clean_name(name: str) -> str:
    """'a spokesman for the Ministry. from Norland' -> 'a spokesman for the Ministry';
    'Ana Ruiz (D-Ore.)' -> 'Ana Ruiz'; trailing punctuation dropped."""
    for m in _SENTENCE_BREAK.finditer(name):
        word = m.group(1)
        if not _ABBREVIATION.match(word + ".") and word.casefold() + "." not in HONORIFICS:
            name = name[: m.end(1)]
            break
    name = _PARENTHESIS_END.sub("", name.rstrip(" ,;:"))
    name = " ".join(name.split()).strip(" ,;:-–—\"“”'‘’")
    last = name.split()[-1] if name.split() else ""
    if name.endswith(".") and not _ABBREVIATION.match(last):
        name = name[:-1]
    return name


def kind_for(name: str, kind: str) -> str:
    words = name.split()
    if not words:
        return kind
    low = [w.casefold().strip(".,") for w in words]
    head = _head_word(words).casefold()
    # a body the rules typed so ("Contoso Air" among companies) keeps its kind
    if looks_person_name(name) and kind not in ("organization", "government", "media"):
        return "person"
    if _SPOKESPERSON_FOR.match(name) or _SPOKESPERSON_OF.match(name):
        return "anonymous"
    if low[0] in _QUANTIFIERS or (head in SOURCE_NOUNS and head not in ("authorities", "police")):
        return "anonymous"
    # "His lawyer", "CEO", "the girl's mother": a role, not a body
    if head in TITLE_WORDS and (len(words) == 1 or low[0] in _POSSESSORS or name.islower()):
        return "anonymous"
    body_head = company_noun(head) or head in ORG_WORDS or head in GOVERNMENT_WORDS
    # "one Labour operative", "a local activist": an indefinite description of someone
    indefinite = low[0] in _QUANTIFIERS or low[0] in ("a", "an", "one", "another")
    if indefinite and head.islower() and not body_head and head.isalpha():
        return "anonymous"
    if kind == "anonymous" and (company_noun(head) or head in ORG_WORDS):
        return "organization"
    if kind == "anonymous" and head in GOVERNMENT_WORDS:
        return "government"
    return kind


_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'&-]*)*")


def _body_modifier(name: str) -> str | None:
    """'a senior State Department official' -> State Department; 'one GOP operative' -> GOP."""
    words = name.split()
    opening = words[0].casefold()
    if len(words) < 2 or (not words[0][:1].islower() and opening not in _DETERMINERS):
        return None
    if not _head_word(words).islower():
        return None
    runs = [m.group(0) for m in _CAPITALISED_RUN.finditer(" ".join(words[1:]))]
    return runs[0] if len(runs) == 1 else None


def _common_noun(word: str) -> bool:
    low = re.sub(r"['’]s?$", "", word.casefold().strip(".,"))
    lexicons = (ORG_WORDS, GOVERNMENT_WORDS, MEDIA_WORDS, SOURCE_NOUNS, TITLE_WORDS)
    return bool(low) and any(low in words for words in lexicons)


class PartyTidier:
    def __init__(self, ctx: SpeakerContext) -> None:
        self.ctx = ctx
        self.reg = ctx.registry
        self.first_said: dict[str, int] = {}
        self.said_by: dict[str, list] = {}  # party -> its statements, kept through merges
        self._by_use: dict[str, bool] = {}
        self._issuers: dict[str, list[tuple[int, str]]] = {}  # document noun -> its issuers
        self._text_words: set[str] | None = None  # every word of the text, read once
        self._in_order = sorted(ctx.found, key=lambda f: f.start)
        self._starts = [f.start for f in self._in_order]
        for f in ctx.found:
            if f.speaker is not None:
                self.first_said.setdefault(f.speaker, f.start)
                self.said_by.setdefault(f.speaker, []).append(f)

    def reassign(self, f, name: str | None) -> None:
        if f.speaker is not None and f in self.said_by.get(f.speaker, []):
            self.said_by[f.speaker].remove(f)
        f.speaker = name
        if name is not None:
            self.said_by.setdefault(name, []).append(f)
            self.first_said[name] = min(f.start, self.first_said.get(name, f.start))

    # -- registry edits ---------------------------------------------------------------------
    def merge(self, old: str, new: str) -> str:
        """Fold party old into party new (its name and aliases become new's aliases)."""
        if old == new:
            return new
        source = self.reg.parties.pop(old, None)
        target = self.reg.parties[new]
        if source:
            target.add_alias(old)
            for alias in source.aliases:
                target.add_alias(alias)
            for title in source.titles:
                if title not in target.titles:
                    target.titles.append(title)
            target.affiliation = target.affiliation or source.affiliation
        self.reg.by_key[norm_key(old)] = new
        moved = self.said_by.pop(old, [])
        for f in moved:
            f.speaker = new
        self.said_by.setdefault(new, []).extend(moved)
        if old in self.first_said:
            start = self.first_said.pop(old)
            self.first_said[new] = min(start, self.first_said.get(new, start))
        return new

    def rename(self, old: str, new: str, kind: str | None = None) -> str:
        if not new or new == old:
            return old
        existing = self.reg.by_key.get(norm_key(new))
        if existing and existing != old and existing in self.reg.parties:
            return self.merge(old, existing)
        info = self.reg.parties.get(old)
        if info is None:
            return old
        fresh = PartyInfo(new, kind or kind_of(new), info.affiliation, [], list(info.titles))
        self.reg.parties[new] = fresh
        self.reg.by_key[norm_key(new)] = new
        return self.merge(old, new)

    def party_named(self, phrase: str, kind_hint: str | None = None) -> str:
        """The party a phrase names, made if the article has none yet."""
        phrase = re.sub(r"^(?:the|The)\s+", "", clean_name(phrase))
        known = self.reg.by_key.get(norm_key(phrase)) or self.reg.lookup_person(phrase)
        if known and known in self.reg.parties:
            return known
        person = looks_person_name(phrase) and not self._body_by_use(phrase)
        kind = "person" if person else kind_of(phrase, kind_hint or "organization")
        return self.reg.add(phrase, kind).name

    # -- steps ------------------------------------------------------------------------------
    def run(self) -> None:
        for name in self._speaking():
            cleaned = clean_name(name)
            if cleaned != name:
                name = self.rename(name, cleaned)
            # an unnamed spokesperson is a source of its own, affiliated with the body
            spokes = _SPOKESPERSON_FOR.match(name) or _SPOKESPERSON_OF.match(name)
            info = self.reg.parties.get(name)
            if spokes and info:
                info.kind = "anonymous"
                info.affiliation = info.affiliation or self._body(clean_name(spokes.group(1)))
        self._documents()
        self._named_bodies()
        self._companies()
        for name in self._speaking():
            self._join_person(name)
        self._definite_descriptions()
        self._kinds()
        self._titles_with_the()

    def _titles_with_the(self) -> None:
        """'reported The Harbor Ledger': a capital The inside a sentence is part of the name
        (as in most newspapers' titles), so the party keeps it."""
        titled = set()  # every run of capitalised words after such a The, and its openings
        for m in _TITLE_AFTER_THE.finditer(self.ctx.text):
            words = re.sub(r"['’]s$", "", m.group(1)).split()
            titled.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
        for name in self._speaking():
            info = self.reg.parties.get(name)
            if not info or info.kind in ("person", "anonymous") or name.startswith("The "):
                continue
            # (or its short form: "reports in The Post" for the Washington Post)
            forms = {name, *(a for a in info.aliases if " " not in a.strip())}
            if info.kind == "media":
                forms.add(name.split()[-1])
            if forms & titled:
                self.rename(name, "The " + name, info.kind)

    def _speaking(self) -> list[str]:
        return sorted(
            {name for name, said in self.said_by.items() if said and name in self.reg.parties},
            key=lambda n: (self.first_said.get(n, 0), n),
        )

    def _body(self, phrase: str) -> str | None:
        """A body by its name, or by its common noun ('the authority' -> Harbor Authority)
        when one body of the article ends with it."""
        if phrase[:1].isupper():
            return phrase
        low = phrase.casefold().split()[-1:]
        bodies = {
            p
            for p in [*self.reg.parties, *self.reg.chunk_names]
            if p.casefold().split()[-1:] == low
            and " " in p
            and p[:1].isupper()
            and p.split()[0].casefold() not in _DETERMINERS
        }
        return bodies.pop() if len(bodies) == 1 else None

    def _documents(self) -> None:
        for f in self.ctx.found:
            name = f.speaker
            if not name or not _doc_head(name):
                continue
            issuer = (
                self._issuer_in_name(name)
                or self._issuer_before(_doc_head(name), f.start)
                or self._body_speaking_next(_doc_head(name), f)
            )
            if issuer:
                self.reassign(f, issuer)
                self.reg.parties[issuer].add_alias(name)
            else:
                self.reassign(f, None)

    def _body_speaking_next(self, head: str, doc) -> str | None:
        """'..., a report says. / The Lords Science and Technology Committee calls for ...': a
        lead citing a study names no issuer, and the body that speaks next, by its full name,
        within the next two paragraphs, is the one that wrote it."""
        if head not in _STUDIES:
            return None
        mention = re.search(rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){{0,2}}{head}\b", self.ctx.masked)
        first = min(mention.start(), doc.start) if mention else doc.start
        paragraph_ends = [e for s, e in self.ctx.paragraphs if e > first][:3]
        limit = paragraph_ends[-1] if paragraph_ends else first
        k = bisect.bisect_right(self._starts, first)
        for f in self._in_order[k:]:
            if f.start > limit:
                break
            if not f.speaker or _doc_head(f.speaker):
                continue
            info = self.reg.parties.get(f.speaker)
            last = f.speaker.split()[-1].casefold()
            if (
                info
                and info.kind in ("organization", "government")
                and (last in ORG_WORDS or last in GOVERNMENT_WORDS)
                and " " in f.speaker
                and f.speaker[:1].isupper()
            ):
                return f.speaker
            return None
        return None

    def _issuer_in_name(self, name: str) -> str | None:
        if _NOT_ISSUING.search(name):
            return None
        m = _ISSUER_IN_NAME[0].match(name)
        if m and m.group(2).casefold() in DOCUMENTS and m.group(1)[:1].isupper():
            return self.party_named(m.group(1), "organization")
        m = _ISSUER_IN_NAME[1].match(name)
        if m and m.group(1).casefold() in DOCUMENTS and m.group(2)[:1].isupper():
            return self.party_named(m.group(2), "organization")
        # a modifier naming the issuer: "a Navy report", "the city presentation" (the words
        # before the document noun at the end)
        words = name.split()[1:-1]
        if {"by", "from"} & set(words):
            return None
        caps = [w for w in words if w[:1].isupper()]
        if caps and len(caps) == len([w for w in words if w.casefold() not in ("earlier",)]):
            return self.party_named(" ".join(caps), "organization")
        for w in words:
            low = re.sub(r"['’]s?$", "", w.casefold())  # ("the company's website")
            if low in GOVERNMENT_WORDS or low in ORG_WORDS:
                bodies = {
                    p
                    for p in [*self.reg.parties, *self.reg.chunk_names]
                    if p.casefold().split()[-1:] == [low] and " " in p and p[:1].isupper()
                }
                kind = "government" if low in GOVERNMENT_WORDS else "organization"
                if len(bodies) == 1:
                    return self.party_named(bodies.pop(), kind)
                # no proper name in the article: the body by its common noun, "the county"
                return self.reg.add(f"the {low}", kind).name
        return None

    def _issuer_before(self, head: str, pos: int) -> str | None:
        """An earlier sentence saying who issued it: "X's report", "a report by X",
        "X published a report"; failing that, a later one (a lead that cites "a new report"
        names its issuer in the next sentences: "..., a new report says. ..., according to the
        report, by the Crisis Group")."""
        mentions = self._issuer_mentions(head)
        k = bisect.bisect_left(mentions, (pos, ""))
        best = None
        if k and mentions[k - 1][0] >= pos - _ISSUER_WINDOW:
            best = mentions[k - 1]
        elif k < len(mentions) and mentions[k][0] < pos + _ISSUER_WINDOW:
            best = mentions[k]
        if not best or best[1].casefold() in ("the", "a", "an", "this", "that"):
            return None
        return self.party_named(best[1], "organization")

    def _issuer_mentions(self, head: str) -> list[tuple[int, str]]:
        """Every place the text says who issued a document of this kind, in order (found
        once an article, however many statements cite the document)."""
        if head in self._issuers:
            return self._issuers[head]
        nouns = {head, head.rstrip("s")}
        news = {"report", "story", "article"}
        if head.rstrip("s") in news:
            nouns |= news
        noun = "|".join(sorted(re.escape(n) for n in nouns))
        name = r"((?:[A-Z][\w’'&-]*[ \t]+)*[A-Z][\w’'&-]*)"
        patterns = (
            # ("a new Pew Research Center survey", "the latest Ledger poll")
            rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z-]+\s+){{0,2}}{name}\s+(?:{noun})s?\b",
            rf"{name}['’]s?\s+(?:[\w-]+\s+){{0,2}}(?:{noun})s?\b",
            # (not "emails obtained by X": X came by them)
            rf"\b(?:{noun})s?,?\s+(?:(?!{_CAME_BY})\w+\s+)?(?:by|from)\s+"
            rf"(?:the\s+)?{name}",
            rf"{name}\s+(?:published|released|issued|ran|put out)\s+(?:a|an|its|the)\s+"
            rf"(?:[\w-]+\s+){{0,2}}(?:{noun})\b",
            # "In a statement, X said" / "X said in a statement"
            rf"\b[Ii]n\s+(?:a|an|its|the)\s+(?:[\w-]+\s+)?(?:{noun}),?\s+(?:the\s+)?{name}\s+"
            rf"(?:said|says|wrote|writes|added|announced)\b",
            rf"{name}\s+(?:said|says|wrote|added|announced)\s+in\s+(?:a|an|its)\s+"
            rf"(?:[\w-]+\s+)?(?:{noun})\b",
        )
        # (each pattern names the document, so only paragraphs that do are searched: a long
        # upload has many paragraphs and dozens of document nouns)
        masked = self.ctx.masked
        names_it = re.compile(rf"\b(?:{noun})s?\b")
        compiled = [re.compile(pattern) for pattern in patterns]
        found = {
            (m.start(), m.group(1))
            for line in re.finditer(r"[^\n]+", masked)
            if names_it.search(masked, line.start(), line.end())
            for pattern in compiled
            for m in pattern.finditer(masked, line.start(), line.end())
        }
        self._issuers[head] = sorted(found)
        return self._issuers[head]

    def _named_bodies(self) -> None:
        """'the agency said' after 'the Financial Conduct Agency fined ...': a body taken up
        by the common noun its name ends with, the latest such name within a few paragraphs."""
        reg = self.reg
        for name in self._speaking():
            words = name.split()
            if len(words) != 2 or words[0].casefold() != "the" or not words[1].islower():
                continue
            noun = words[1]
            if noun not in ORG_WORDS and noun not in GOVERNMENT_WORDS:
                continue
            start = self.first_said.get(name, 0)
            named = [
                (offset, chunk)
                for offset, chunk in [*reg.other_mentions, *self.ctx.mentions]
                if offset < start
                and start - offset < 3000
                and " " in chunk
                and chunk.split()[-1].casefold() == noun
                and chunk[:1].isupper()
                and chunk.split()[0].casefold() not in _DETERMINERS
            ]
            if named:
                body = self.party_named(max(named)[1], kind_of(max(named)[1]))
                reg.parties[body].add_alias(name)
                self.merge(name, body)

    def _companies(self) -> None:
        """'the company said': the organisation mentioned last before it (a party already,
        or a name with an organisation word: 'Northwind Shipping Co.')."""
        reg = self.reg
        speaking = [
            f
            for f in self.ctx.found
            if 2 <= len((f.speaker or "").split()) <= 4
            and f.speaker.split()[0].casefold() == "the"
            and company_noun(f.speaker.split()[-1])
            and not any(w.endswith(("'s", "’s")) for w in f.speaker.split())
        ]
        if not speaking:
            return
        bodies = [
            (offset, name)
            for offset, name in self.ctx.mentions
            if reg.parties.get(name) and reg.parties[name].kind == "organization"
        ]
        bodies += [
            (offset, chunk)
            for offset, chunk in reg.other_mentions
            if (
                self._body_by_use(chunk)
                if looks_person_name(chunk)
                else kind_of(chunk) == "organization"
            )
        ]
        bodies.sort()
        masked = self.ctx.masked
        for f in speaking:
            words = f.speaker.split()
            described = " ".join(words[1:])
            i = bisect.bisect_left(bodies, (f.start, ""))
            # "the Dutch chipmaker": the modifier inside the phrase is not the company
            while i and masked.startswith(described, bodies[i - 1][0]):
                i -= 1
            if i and f.start - bodies[i - 1][0] < 3000:
                body = self.party_named(bodies[i - 1][1], "organization")
                reg.parties[body].add_alias(" ".join(words))
                self.reassign(f, body)

    def _body_by_use(self, name: str) -> bool:
        if name not in self._by_use:
            self._by_use[name] = name in self.reg.bodies or treated_as_body(name, self.ctx.masked)
        return self._by_use[name]

    def _join_person(self, name: str) -> None:
        """'Holm' or 'Mara J' beside 'Tom Holm' or 'Mara J. Lind'."""
        info = self.reg.parties.get(name)
        if not info or info.kind in ("media", "government", "anonymous"):
            return
        words = name.split()
        if len(words) == 1 and not name.isupper() and name.casefold() not in ORG_WORDS:
            full = self.reg.surnames.get(name.casefold(), [])
            full = [p for p in full if p != name and p in self.reg.parties]
            if len(full) == 1 and self.reg.parties[full[0]].kind == "person":
                self.merge(name, full[0])
            return
        for other in self._longer_names().get(tuple(w.rstrip(".") for w in words), []):
            if other != name and other in self.reg.parties:
                if self._named_after(other, name):
                    self.reg.parties[other].kind = "organization"
                    continue
                self.merge(name, other)
                return

    def _named_after(self, longer: str, name: str) -> bool:
        """'Dana Hale', then 'her foundation, Dana Hale Science': a person is named in full
        first, so a longer name that only turns up after the shorter one stood alone is
        something named after that person, not a fuller form of the name."""
        text = self.ctx.text
        first_longer = text.find(longer)
        if first_longer < 0:
            return False
        rest = longer.split()[len(name.split())]
        standalone = re.search(rf"\b{re.escape(name)}\b(?![.\s]*{re.escape(rest)})", text)
        return standalone is not None and standalone.start() < first_longer

    def _longer_names(self) -> dict[tuple[str, ...], list[str]]:
        """People's names by each of their shorter beginnings ('Mara J' -> ...)."""
        if not hasattr(self, "_prefixes"):
            self._prefixes: dict[tuple[str, ...], list[str]] = {}
            for other, info in self.reg.parties.items():
                if info.kind == "person" or looks_person_name(other):
                    bare = [w.rstrip(".") for w in other.split()]
                    for k in range(2, len(bare)):
                        self._prefixes.setdefault(tuple(bare[:k]), []).append(other)
        return self._prefixes

    def _definite_descriptions(self) -> None:
        """'the official' takes up 'one law enforcement official' said before it."""
        speaking = self._speaking()
        for name in speaking:
            words = name.split()
            if name not in self.reg.parties:
                continue  # merged into another on the way
            if len(words) < 2 or words[0].casefold() != "the" or not name[4:].islower():
                continue
            mods, head = {w.casefold() for w in words[1:-1]}, words[-1].casefold()
            start = self.first_said.get(name, 0)
            best = None
            for other in speaking:
                ow = other.split()
                if other not in self.reg.parties:
                    continue
                if other == name or self.first_said.get(other, 0) > start:
                    continue
                if ow[-1].casefold() != head:
                    continue
                # "two Ruiz donors": counted people, whatever the name among their modifiers
                counted = ow[0].casefold() in _INDEFINITE_OPENERS and ow[-1].islower()
                if self.reg.parties[other].kind != "anonymous" and not counted:
                    continue
                if ow[0].casefold() == "the" or not mods <= {w.casefold() for w in ow}:
                    continue
                if best is None or self.first_said[other] > self.first_said[best]:
                    best = other
            if best:
                self.merge(name, best)

    def _has_demonym(self, name: str) -> bool:
        """A one-word place name whose people's adjective the text uses (Syria/Syrian,
        Japan/Japanese, Iraq/Iraqi, Kenya/Kenyan, Germany/German)."""
        if " " in name or not name.isalpha() or not name[:1].isupper() or name.isupper():
            return False
        if len(name) < 4:
            return False
        stem = name[:-1] if name[-1] in "aeoy" else name
        forms = {name + "n", name + "ian", stem + "ian", name + "i", name + "ese", stem + "ese"}
        forms |= {stem + "an", name[:-1]} if name.endswith(("o", "y")) else set()
        # (a set of the text's words, not a search of the text per form and party: a long
        # upload has hundreds of one-word parties)
        if self._text_words is None:
            self._text_words = set(re.findall(r"\w+", self.ctx.text))
        return any(form in self._text_words or form + "s" in self._text_words for form in forms)

    def _kinds(self) -> None:
        media_words = {
            w
            for p, info in self.reg.parties.items()
            if info.kind == "media" and len(p.split()) > 1
            for w in (p.split()[0], p.split()[-1])
            if w.casefold() not in MEDIA_WORDS
        }
        for name, info in self.reg.parties.items():
            info.kind = kind_for(name, info.kind)
            # "Neighbors said": a common noun capitalised only to open a sentence
            single = " " not in name and not name.isupper() and info.kind != "person"
            if single and name.casefold() in self.reg.lower_words:
                info.kind = "anonymous"
            # "Foreign patients said", "Sociologists say": a common noun phrase (or a plural
            # of people) capitalised only to open a sentence is an unnamed group
            words = name.split()
            opening = (
                len(words) > 1
                and words[0].casefold() != "the"
                and all(w.islower() for w in words[1:])
                and words[0].casefold() in self.reg.lower_words
            )
            group = single and name[1:].islower() and GROUP_HEAD_WORD.search(name.casefold())
            if info.kind not in ("person", "anonymous") and (opening or group):
                info.kind = "anonymous"
            # "a senior State Department official": the body the source speaks from
            if info.kind == "anonymous" and not info.affiliation:
                info.affiliation = _body_modifier(name)
            # "Press secretary Jen Hall": a capitalised common noun is no employer
            affiliation = (info.affiliation or "").strip()
            if " " not in affiliation and _common_noun(affiliation):
                info.affiliation = None
            if " " not in name and name in media_words and info.kind == "organization":
                info.kind = "media"
            # "Norland said ...", with "Norlandian" elsewhere: a country speaks as a government
            if info.kind == "organization" and self._has_demonym(name):
                info.kind = "government"


def tidy_parties(ctx: SpeakerContext) -> list:
    """Clean, merge and type the speaking parties in place; returns the statements without
    duplicates the merges may have made."""
    PartyTidier(ctx).run()
    seen: set[tuple] = set()
    out = []
    for f in ctx.found:
        key = (f.start, f.end, f.speaker)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
