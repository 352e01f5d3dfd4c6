"""Placing quotes: each quotation takes the speaker of the attribution beside it, of the
statement it sits in, or of its paragraph, and attributions become statements."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.extraction.lexicon import CLAUSE_STOPS, DETERMINERS
from factcheck.extraction.quotes import Quote
from factcheck.extraction.reported import Attribution
from factcheck.extraction.speakers import PRONOUNS, Registry

# '"...," Ruiz said, and because the state leans left, a small shift tipped it': after the tag
# of a quote, a conjunction and a clause of their own go on with what the speaker says
_TAG_THEN_CLAUSE = re.compile(r"(?:\s+(?:on\s+)?[A-Z][a-z]+day)?,\s+(?:and|but)\s+(?=(\S+))")
_CLAUSE_OPENERS = (
    CLAUSE_STOPS | DETERMINERS | PRONOUNS | frozenset("in on at for with during there".split())
) - frozenset(("then", "or", "so", "than", "but"))
TEXT_OF_A_THING = re.compile(
    r"\b(?:reading|reads?|titled|entitled|headlined|named|dubbed|labell?ed|marked|captioned|"
    r"slogan|motto)\s*:?$"
)


def _title_case(words: str) -> bool:
    """'Who Killed the Bridge?': a title, its words mostly capitalised."""
    ws = words.split()
    return len(ws) <= 12 and sum(w[:1].isupper() for w in ws) >= 0.6 * len(ws)


@dataclass
class Found:
    start: int
    end: int
    speaker: str | None
    direct: bool
    guessed: bool = False  # speaker taken from context, not from an attribution


class QuotePlacement:
    """Mixed into statements.Extractor: a paragraph's quotes and attributions to statements."""

    text: str
    masked: str
    registry: Registry
    found: list[Found]

    def _emit_attribution(self, a: Attribution) -> list[Found]:
        out = []
        if not a.content:
            return out
        cs, ce = a.content
        inside_quote = self._inside_quote(cs, ce)
        for s in a.speakers:
            f = Found(cs, ce, s, inside_quote)
            self.found.append(f)
            out.append(f)
        return out

    def _inside_quote(self, cs: int, ce: int) -> bool:
        span = self.masked[cs:ce]
        return bool(span) and span.count("x") > 0.8 * len(span)

    def _quote_is_its_sentence(self, ps: int, pe: int, q: Quote) -> bool:
        """'... said Ruiz. "None."': the quote ends a sentence, and nothing but a sentence's end
        comes before it or follows it in the paragraph's text."""
        t = self.text
        interior = t[ps + q.start : ps + q.end].rstrip()
        after = t[ps + q.outer_end : pe].lstrip()
        if not (interior[-1:] in ".!?" or after[:1] in ".!?"):
            return False
        after = after.lstrip(".!?").lstrip()
        if after and not (after[0].isupper() or after[0] in '"“‘'):
            return False
        before = t[ps : ps + max(q.open, 0)].rstrip()
        if before[-1:] in '"”’':
            before = before[:-1]  # the previous quote's closing mark, after its full stop
        return not before or before[-1] in ".!?"

    def _clause_after_tag(
        self, a: Attribution, pe: int, attributions: list[Attribution]
    ) -> Attribution | None:
        """The clause after '"...," Ruiz said, and' or ', but', to the sentence's end: its own
        subject or a conjunction opening it (not "and left", "and then"), no verb of its own."""
        m = self.masked
        cm = _TAG_THEN_CLAUSE.match(m, a.verb_end, pe)
        if not cm or not a.speakers:
            return None
        first = cm.group(1)
        opens = first[:1].isupper() or first.casefold().strip(",") in _CLAUSE_OPENERS
        if not opens:
            return None
        end = re.compile(r"[.!?]").search(m, cm.end(), pe)
        ce = end.end() if end else pe
        if '"' in m[cm.end() : ce] or "“" in m[cm.end() : ce] or len(m[cm.end() : ce].split()) < 5:
            return None
        if any(cm.end() <= o.verb_start < ce for o in attributions):
            return None
        return Attribution(a.verb_start, a.verb_end, a.subj_start, a.speakers, (cm.end(), ce))

    def _place_quotes(
        self,
        ps: int,
        pe: int,
        quotes: list[Quote],
        attributions: list[Attribution],
        prev_speaker: str | None,
        prev_direct_speaker: str | None,
        chain_speaker: str | None,
    ) -> list[Found]:
        found: list[Found] = []
        taken: set[int] = set()
        m = self.masked
        quote_speaker: dict[int, list[str]] = {}
        # a quote inside what an attribution reports belongs to that statement, unless the
        # statement is just the quote ('Lind responded: "..."')
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
                    t = self.text  # (a comma closing the quote is masked in m)
                    if t[cs:qs_].strip(" \"“‘':,") == "" and t[qe_:ce].strip(" \"”’'.,!?") == "":
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
                    going_on = self._clause_after_tag(a, pe, attributions)
                    if going_on:
                        found.extend(self._emit_attribution(going_on))
                    break
            if qi in quote_speaker:
                continue
            k = bisect.bisect_right(verb_ends, qs)
            for a in reversed(by_verb_end[max(0, k - 3) : k]):
                between = m[a.verb_end : qs]
                if re.fullmatch(r"\s*(?:[:,]|\s+(?:last|this|on|in)\s+\w+)?\s*", between) or (
                    # "Added the mayor, after a pause: ": the speaker between verb and quote
                    a.kind == "opening" and re.fullmatch(r"[^.!?\"“”]{1,80}[:,]\s*", between)
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
                starts_para = q.open <= 0
                size = len(interior.split())
                # a sentence of its own, however short ("Nobody told us."), is no scare quote
                sentence_like = interior[:1].isupper() and (
                    size >= 4
                    or (size >= 2 and interior.rstrip()[-1:] in ".!?")
                    # ('"None."': a one-word quote that is its whole sentence, not a word the
                    # narrative quotes inside its own sentence)
                    or self._quote_is_its_sentence(ps, pe, q)
                )
                k = bisect.bisect_left(attributed_at, qi)
                # a clause-long fragment after a speaker's quote goes on quoting them
                partial = k > 0 and size >= 4
                if not (starts_para or sentence_like or partial):
                    continue
                guess = None
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
                # ('"It's over," she said. "We lost."': the speaker may be unknown, not the quote;
                # 'The letter reads: "We cannot support this."': a colon presents someone's words)
                lead = m[ps : ps + max(q.open, 0)].rstrip()
                introduced = lead.endswith(":") and len(lead.split()) >= 3  # not a kicker
                # a sentence in quotation marks is someone's, even unnamed (not a sign's text or
                # a title: 'signs reading "No more tolls on our bridge."')
                whole_sentence = (
                    sentence_like
                    and size >= 4
                    and interior.rstrip()[-1:] in ".!?"
                    and not TEXT_OF_A_THING.search(lead)
                    and not _title_case(interior)
                )
                if (
                    not guess
                    and not starts_para
                    and not ((k or introduced) and sentence_like)
                    and not whole_sentence
                ):
                    continue
                speakers = [guess] if guess else [None]
                guessed = not (starts_para and chain_speaker)
            else:
                guessed = False
            for s in speakers:
                f = Found(ps + q.start, ps + q.end, s, True, guessed)
                found.append(f)
                self.found.append(f)
        return found
