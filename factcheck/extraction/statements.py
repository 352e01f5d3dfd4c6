"""Find statements (direct quotes and reported speech) and attribute them to speakers.

The work is done paragraph by paragraph on a "masked" copy of the text in which quote
interiors are blanked out: sentences are split and speech verbs searched only in the
narrative around the quotes. Each speech verb yields an attribution (speaker, and the span
of what was said); quotes then take the speaker of the attribution next to them, of the
quote they continue, or of the paragraph around them.

Modules: lexicon (words and patterns), subjects (noun phrases around a verb), resolve
(noun phrase to party), reported (attributions per sentence), placement (quotes to speakers);
this one walks the paragraphs.
"""

from __future__ import annotations

import re

from factcheck.extraction.clean import duplicate_paragraphs, paragraph_spans
from factcheck.extraction.lexicon import (
    ANONYMITY_CLAUSE,
    BACK_REFERENCE,
    EDITORIAL_NOTE,
    FIRST_PERSON,
    HEADLINE_SPEECH,
    PHOTO_CREDIT,
    POST_SIGNATURE,
    POST_TAIL,
    SECTION_HEAD,
    SIGNATURE,
    SPEAKER_COLON,
    VERB_RE,
)
from factcheck.extraction.parties import tidy_parties
from factcheck.extraction.placement import Found, QuotePlacement
from factcheck.extraction.quotes import Quote, find_quotes, mask, sentences
from factcheck.extraction.ranker import SpeakerContext, rerank
from factcheck.extraction.reported import Attribution, ReportedSpeech
from factcheck.extraction.resolve import SpeakerResolver
from factcheck.extraction.speakers import SOURCE_NOUNS, TITLE_WORDS, Registry, looks_person_name
from factcheck.extraction.subjects import SubjectFinder

# an interview transcript's labels: "Q: ...", "A: ..." (also "Q." and a dash)
QUESTION_LABEL = re.compile(r"Q\s*[:.—–-]\s")
_REPORTS = re.compile(r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,2})\s+(?:reports|reporting)\b")
_TRANSCRIPT_ROLES = frozenset(
    "reporter presenter host anchor interviewer question q narrator announcer moderator".split()
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
ANSWER_LABEL = re.compile(r"\s*A\s*[:.—–-]\s*")
# a headline's source before a colon: "Analysts: ...", "Police: ..."
_SOURCE_LABEL = re.compile(r"([A-Z][a-z]+)\s*:\s+\S")


def _blank(match: re.Match) -> str:
    """Spaces as long as the match: masked text keeps every offset of the original."""
    return " " * len(match.group())


class Extractor(SpeakerResolver, SubjectFinder, ReportedSpeech, QuotePlacement):
    def __init__(self, text: str) -> None:
        self.text = text
        self.registry = Registry()
        self.found: list[Found] = []
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
        self.masked = ANONYMITY_CLAUSE.sub(_blank, PHOTO_CREDIT.sub(_blank, "".join(masked_parts)))
        self.skip = [(s, e) in duplicates for s, e in self.paragraphs]
        self.registry.scan(self.masked, text)
        self._sentence_speakers: list[str] = []
        self._paragraph_speakers: list[str] = []  # of the paragraph's sentences read so far
        self._acronyms: dict[str, str | None] = {}
        self._short_forms: dict[str, str | None] = {}
        self._media_prefixes: set[str] = set()
        self._interviewer_labels: set[str] | None = None
        self._lead: int | None = None  # where the first paragraph that is no heading starts

    # -- main loop --------------------------------------------------------------------------
    def run(self) -> None:
        answers, interviewee = self._interview()
        prev_speaker: str | None = None
        prev_direct_speaker: str | None = None
        chain_speaker: str | None = None
        chain_pending: list[Found] = []
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
            if section is None and head and SECTION_HEAD.search(p):
                # "READ NORTHWIND'S FULL STATEMENT", "Read the full statement below:"
                name = self.registry.known_name_in(p)
                speaker = self.resolve(name, ps) if name else prev_speaker
                if speaker:
                    section = {"speaker": speaker, "found": [], "started": False}
                    continue
            if EDITORIAL_NOTE.match(p):
                continue
            if index in answers:
                # an interview's answer is its subject's statement, quotes of others in it too
                label = ANSWER_LABEL.match(p)
                start = ps + (label.end() if label else 0)
                self.found.append(Found(start, pe, interviewee, True, guessed=interviewee is None))
                prev_speaker = prev_direct_speaker = interviewee
                continue
            if self._embedded_post(index):
                prev_speaker = prev_direct_speaker = self.found[-1].speaker
                continue
            label = _SOURCE_LABEL.match(p)
            labelled = bool(label) and label.group(1).casefold() in SOURCE_NOUNS
            if self._is_heading(p) and not quotes and not HEADLINE_SPEECH.match(p) and not labelled:
                continue
            before = len(self.found)
            self._paragraph_speakers = []
            attributions = self._speaker_colon(ps, pe)
            for ss, se in sentences(self.masked[ps:pe]):
                attributions.extend(self._sentence(ps + ss, ps + se))
            para_found = self._place_quotes(
                ps, pe, quotes, attributions, prev_speaker, prev_direct_speaker, chain_speaker
            )
            # a quote left open continues in the next paragraph when that one opens with a mark
            continues = bool(quotes) and not quotes[-1].closed and index + 1 < len(self.paragraphs)
            if continues:
                ns = self.paragraphs[index + 1][0]
                following = self.quotes[index + 1]
                continues = self.text[ns : ns + 1] in ('"', "“", "„", "«", "‘") or bool(
                    following and following[0].open < 0  # its opening mark was left out
                )
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
            back = BACK_REFERENCE.search(self.masked, ps, pe)
            if back:
                # '"We will not back down." Those were the words of Oskar Lind.': the quote
                # before (in this paragraph, or the one before it) was unattributed
                k = next(g for g in (1, 2, 3) if back.group(g))
                owner = self.resolve(back.group(k), ps + back.start(k))
                earlier = [f for f in self.found[before:] if f.end <= back.start()]
                if not earlier and index:
                    ls, le = self.paragraphs[index - 1]
                    earlier = [f for f in self.found[:before] if ls <= f.start < le]
                for f in earlier:
                    if owner and f.direct and (f.guessed or not f.speaker):
                        f.speaker, f.guessed = owner, False
            new = self.found[before:]
            if new:
                prev_speaker = new[-1].speaker
                directs = [f.speaker for f in new if f.direct and f.speaker]
                prev_direct_speaker = directs[-1] if directs else prev_speaker
            elif p.rstrip().endswith(":") and attributions:
                # 'Lind added:' introduces the quote in the next paragraph
                prev_direct_speaker = prev_speaker = attributions[-1].speakers[0]
            elif p.strip():
                prev_direct_speaker = prev_speaker = None if len(p.split()) > 12 else prev_speaker

    def _interview(self) -> tuple[set[int], str | None]:
        """A question-and-answer interview: paragraphs asking a question (ending in a question
        mark, or opening with 'Q:'), each answered by the next in the first person. With three
        such pairs at least, the answers are the interviewee's statements; the interviewee is
        the person the introduction before the first question names most."""
        questions: list[int] = []
        answers: set[int] = set()
        for index, (ps, pe) in enumerate(self.paragraphs):
            p = self.text[ps:pe].strip()
            asked = QUESTION_LABEL.match(p) or (
                p.endswith("?") and len(p.split()) <= 60 and p[:1] not in '"“‘'
            )
            if asked and not self.skip[index]:
                questions.append(index)
        asked = set(questions)
        for q in questions:
            a = q + 1
            if a >= len(self.paragraphs) or a in asked or self.skip[a]:
                continue
            answer = self.text[slice(*self.paragraphs[a])].strip()
            if (
                len(answer.split()) >= 4
                and answer[:1] not in '"“‘'
                and not self._is_heading(answer)
            ):
                answers.add(a)
        spoken = [
            a for a in answers if FIRST_PERSON.search(self.masked[slice(*self.paragraphs[a])])
        ]
        if len(answers) < 3 or len(spoken) * 2 < len(answers):
            return set(), None
        # inside the interview a prompt may put a point to the interviewee instead of asking
        # ("Critics have said your films are too dark."): it is answered all the same
        for index in range(len(self.paragraphs) - 1):
            p = self.text[slice(*self.paragraphs[index])]
            nxt = index + 1
            if (
                index not in answers
                and self.text[self.paragraphs[nxt][0]] not in '"“‘'
                and nxt not in answers
                and nxt not in asked
                and _SECOND_PERSON.search(p)
                and len(p.split()) <= 50
                and FIRST_PERSON.search(self.masked[slice(*self.paragraphs[nxt])])
            ):
                answers.add(nxt)
        intro_end = self.paragraphs[questions[0]][0]
        counts: dict[str, int] = {}
        latest: dict[str, int] = {}
        reg = self.registry
        mentions = reg.person_mentions + reg.namelike_mentions + reg.possessor_mentions
        for offset, name in sorted(mentions):
            name = reg.lookup_person(name) or name
            if offset < intro_end and (looks_person_name(name) or reg.lookup_person(name)):
                counts[name] = counts.get(name, 0) + 1
                latest[name] = offset
        if not counts:
            return answers, None
        best = max(counts, key=lambda n: (counts[n], latest[n]))
        return answers, self.registry.add(best, "person").name

    def _embedded_post(self, index: int) -> bool:
        """A post embedded in the article (its text, then '— Ana Ruiz (@anaruiz) March 3,
        2025'): the text is its author's statement, and the signature line is skipped."""
        if index + 1 >= len(self.paragraphs):
            return False
        ns, ne = self.paragraphs[index + 1]
        sig = POST_SIGNATURE.match(self.text, ns, ne)
        if not sig:
            return False
        ps, pe = self.paragraphs[index]
        tail = POST_TAIL.search(self.text, ps, pe)
        end = tail.start() if tail else pe
        speaker = self.resolve(sig.group(1), ns)
        if not speaker or end - ps < 2:
            return False
        self.found.append(Found(ps, end, speaker, True))
        self.skip[index + 1] = True
        return True

    def _speaker_colon(self, ps: int, pe: int) -> list[Attribution]:
        """'Ana Ruiz: "We will rebuild."' (transcripts, live blogs, quote round-ups): a person's
        name and a colon open the paragraph, and what follows is theirs."""
        cm = SPEAKER_COLON.match(self.masked, ps, pe)
        if not cm:
            return []
        name = cm.group(1)
        if name.casefold() in SOURCE_NOUNS and self._is_heading(self.text[ps:pe]):
            # a headline's "Analysts: Russia will be big loser", "Police: Driver was drunk"
            speaker = self.resolve(name.casefold(), ps)
            content = self._trim_content(cm.end(), pe)
            if speaker and content:
                return [Attribution(cm.end(1), cm.end(), ps, [speaker], content, kind="colon")]
            return []
        if self._dateline(cm, ps):
            return []
        if name.isupper() and len(name) > 2:
            # a transcript's "JOHN BERTRAND: ..."; its interviewer (a role, or the one whose
            # lines are questions) reports, and speaks for no one in the story
            if name in self._interviewers():
                return []
            name = name.title()
        words = name.split()
        while len(words) > 2 and words[0].casefold() in TITLE_WORDS:
            words = words[1:]
        if len(words) == 1:
            # a headline's "Ruiz: ..." names someone the story names in full, maybe later (a
            # transcript's "RUIZ: ..." too)
            full = [
                c for c in self.registry.chunk_names if c.split()[-1].casefold() == name.casefold()
            ]
            full = [c for c in full if looks_person_name(c)]
            if len(full) != 1:
                return []
            name = words[0] = full[0]
        if not looks_person_name(" ".join(words)):
            return []
        speaker = self.resolve(name, ps)
        content = self._trim_content(cm.end(), pe)
        # a sentence follows, not a subtitle ("Harbor Point: a town divided")
        if not (speaker and content) or len(self.text[content[0] : content[1]].split()) < 3:
            return []
        if not (self.masked[content[0]].isupper() or self.masked[content[0]] in '"“'):
            return []
        return [Attribution(cm.end(1), cm.end(), ps, [speaker], content, kind="colon")]

    def _dateline(self, cm: re.Match, ps: int) -> bool:
        """'NEW DELHI: In a major setback to ...': a place opening the story's first paragraph,
        named nowhere else, and a lead in the reporter's voice (no quotation mark opening it,
        no first person) is a dateline, not a speaker's label."""
        if ps > self._lead_start():
            return False
        if len(re.findall(rf"\b{re.escape(cm.group(1))}\b", self.masked, re.IGNORECASE)) > 1:
            return False
        lead = self.masked[cm.end() : cm.end() + 300]
        first = sentences(lead)[0] if sentences(lead) else (0, len(lead))
        return lead[:1] not in '"“' and not FIRST_PERSON.search(lead[slice(*first)])

    def _lead_start(self) -> int:
        """Where the story's first paragraph that is no heading starts (a lead ends as a
        sentence does; a long headline with its dateline and time, a byline, do not)."""
        if self._lead is None:
            self._lead = next(
                (
                    s
                    for s, e in self.paragraphs
                    if not self._is_heading(self.text[s:e])
                    and self.text[s:e].rstrip()[-1:] in '."”?!'
                ),
                len(self.text),
            )
        return self._lead

    def _interviewers(self) -> set[str]:
        """Upper-case transcript labels of those who ask or report: role words ('REPORTER',
        'PRESENTER'), and anyone most of whose lines are questions."""
        if self._interviewer_labels is None:
            lines: dict[str, list[bool]] = {}
            host = None
            for index, (ps, pe) in enumerate(self.paragraphs):
                cm = SPEAKER_COLON.match(self.masked, ps, pe)
                if cm and cm.group(1).isupper():
                    asked = self.text[ps:pe].rstrip().endswith("?")
                    lines.setdefault(cm.group(1), []).append(asked)
                    # the program's host opens it (a hearing's questioner is introduced
                    # in the story first, and is a party of it)
                    first = index == 0 or (
                        index == 1 and self._is_heading(self.text[slice(*self.paragraphs[0])])
                    )
                    if first and host is None:
                        host = cm.group(1)
            # ("Dana Okafor reports.": the program's own reporter)
            reporters = {m.group(1).casefold() for m in _REPORTS.finditer(self.masked)}
            self._interviewer_labels = {
                label
                for label, asked in lines.items()
                if label.casefold() in _TRANSCRIPT_ROLES
                or label.casefold() in reporters
                or (label == host and 2 * sum(asked) >= len(asked))
            }
        return self._interviewer_labels

    def _is_heading(self, p: str) -> bool:
        words = p.split()
        end = p.rstrip()[-1:]
        return len(words) <= 16 and (p.isupper() or end not in '."”:?!')

    def _section_paragraph(self, section: dict, index: int, ps: int, pe: int) -> dict | None:
        """Inside a 'full statement' section: each paragraph is a statement of its speaker,
        until a signature line, a new heading or a plain narrative attribution."""
        p = self.text[ps:pe]
        sig = SIGNATURE.match(p)
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
            and not FIRST_PERSON.search(p)
            and VERB_RE.search(p)
            and section["started"]
        ):
            return None
        section["started"] = True
        f = Found(ps, pe, section["speaker"], True)
        section["found"].append(f)
        self.found.append(f)
        # nested attributions still count (the statement may quote others), quotes do not
        for ss, se in sentences(self.masked[ps:pe]):
            atts = self._sentence(ps + ss, ps + se)
            for a in atts:
                self._emit_attribution(a)
        section["consumed"] = True
        return section

    def statements(self) -> list[Found]:
        seen = set()
        out = []
        for f in sorted(self.found, key=lambda f: (f.start, f.end)):
            key = (f.start, f.end, f.speaker)
            if key in seen or f.end <= f.start:
                continue
            seen.add(key)
            out.append(f)
        return out


def find_statements(text: str) -> tuple[list[Found], Registry]:
    ex = Extractor(text)
    ex.run()
    found = ex.statements()
    # the learned ranker gives a second opinion where the rules' speaker is weakest
    context = SpeakerContext(ex.text, ex.masked, ex.paragraphs, ex.registry, found)
    rerank(context)
    return tidy_parties(context), ex.registry
