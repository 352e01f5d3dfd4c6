"""Reported speech: speech verbs and "according to" read sentence by sentence on the masked
text, each giving an attribution (its speakers and the span of what was said)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.extraction.lexicon import (
    ACCORDING_RE,
    ACT_OBJECT,
    ADJUNCT_OPENERS,
    ADVERB_BEFORE_VERB,
    AGENT_BEFORE,
    AMBIGUOUS,
    APPOSITIVE_AFTER,
    AS_FRAME,
    BY_AGENT,
    BY_SOURCE,
    CHARACTERISING,
    CLAUSE_STOPS,
    CLAUSE_VERBS,
    CONTENT_CUT,
    COORDINATED,
    DATELINE,
    DECISION_VERBS,
    DETERMINER_LIST,
    DETERMINERS,
    DOC_BY_TAIL,
    DOC_NOUNS,
    EMBEDDING_GAP,
    FINITE_SOON,
    FRAME_END,
    GROUP_HEAD_WORD,
    IN_WORDS_RE,
    INFINITIVE_BEFORE,
    INVERTED_ASIDE,
    IRREGULAR_PAST,
    LEADING_ADVERBIAL,
    MEDIUM_TAIL,
    NEGATED_BEFORE,
    NORMS,
    NOT_A_VERB_BEFORE,
    NOUN_OBJECT,
    NOUN_OBJECT_VERBS,
    OBJECT_END,
    OBJECT_VERBS,
    PASSIVE_BEFORE,
    PEOPLE_OBJECT,
    PERCEIVED_SPEAKER,
    PRAISE_VERBS,
    PREPOSITION_FIRST,
    QUOTE_FRAME,
    QUOTE_THEN_DESCRIPTOR,
    QUOTED_AS,
    RAISED_SUBJECT,
    RELATIVE_ASIDE,
    RELATIVE_HEAD,
    RELATIVE_WHO_WHICH,
    RESUMED_PREDICATE,
    SPEECH_NOUN_RE,
    SUMMING_NOUN,
    TAG_ONLY,
    TAIL_CLAUSE,
    TELL_VERBS,
    THAT_ONLY,
    VERB_RE,
    WINDOW_AFTER,
    WINDOW_BEFORE,
    bare,
    is_adverbial,
    is_cap,
    singular,
)
from factcheck.extraction.quotes import Quote
from factcheck.extraction.speakers import (
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    MEDIA_WORDS,
    ORG_WORDS,
    PRONOUNS,
    SENTENCE_END,
    SOURCE_NOUNS,
    TITLE_WORDS,
    VERB_LIKE,
    Registry,
    looks_person_name,
    norm_key,
    split_names,
)

if TYPE_CHECKING:
    from factcheck.extraction.placement import Found


_TAG_VERB = r"(?:said|says|added|adds|explained|noted|recalled|told\s+(?:reporters|[A-Z][\w.’'-]*))"
_CLOSING_TAG = re.compile(
    rf",\s+(?:{_TAG_VERB}\s+(?:[A-Z]|the\s|an?\s)[^;:\"“”]{{0,120}}"
    rf"|(?:(?:[A-Z][\w.’'-]*|the|an?|he|she|they|[a-z][\w’'-]*)\s+){{1,8}}{_TAG_VERB}"
    r"(?:\s+[\w’'-]+){0,3})[.!?]?\s*$"
)
_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:When|After|Before|Once|If|Because|Although|Though|While|Until|Unless|Since)\s[^,;]*$"
)
_MAIN_CLAUSE_AFTER = re.compile(
    r"\s*(?:he|she|they|it|we|I|the\s+\w+|[A-Z][\w’'-]+)\s+(?:\w+ly\s+)?"
    r"(?:[a-z]+ed|[a-z]+s|was|were|is|are|had|has|have|will|would|could|can|did|drew|took|"
    r"went|ran|fled|shot|said|told|pulled|made|got|gave|came|left|began)\b"
)
# a noun phrase, then the subject of a relative clause whose object is that noun: "the
# platform he promised", "what she had predicted"
_GAP_RELATIVE = re.compile(
    r"\b(?:the|a|an|his|her|its|their|this|what|whatever)\s+(?:[a-z][\w’'-]*\s+){0,2}?"
    r"(?:he|she|it|they|we|I|you)\s+(?:had\s+|has\s+|have\s+)?$"
)
# "declined to comment, other than to say": what was said after all
_EXCEPT_TO = re.compile(
    r"\s+(?:declined|declines|refused|refuses|would\s+not|wouldn['’]t)\s+to\s+"
    r"(?:comment|elaborate|say\s+more|discuss|give\s+details)[^,;.\"“]{0,60}?,?\s+"
    r"(?:other\s+than|except|beyond|but|only)\s+to$"
)
# a speech tag closing what comes before it, then one more for the outlet that reported it
_INNER_TAG_END = re.compile(
    r",?\s*(?:(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*|he|she|they)\s+"
    r"(?:said|says|added|adds|told\s+[\w.’'-]+)\s*,$"
)
_SECOND_TAG = re.compile(
    r",\s*(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){0,4}[A-Z][\w.’'&-]*\s+"
    r"(?:reported|reports|said|says|wrote|writes)\.?\s*$"
)
_HEARD = re.compile(
    r"\s(?:(?:can|could|may|might|will)\s+)?(?:be|been|was|were|is|are)\s+(?:over)?heard$"
)
# "The ministry issued a statement Tuesday saying ...", "gave a four-page reply stating ...":
# the body that put out a document says what its participle reports
_ISSUED = re.compile(
    r"\s(?:issued|issues|released|releases|gave|sent|put\s+out|published|filed|posted)\s+"
    r"(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:statement|reply|response|letter|"
    r"report|note|memo|ruling|order|notice|message|announcement|release|video|post)s?"
    r"(?:\s+(?:on|in|to|via)\s+[^,;.\"“”]{1,40}?)?"  # "on its official account"
    r"(?:\s+(?:on\s+|late\s+|early\s+)?(?:\w+day|today|yesterday|tonight))?,?$"
)
# ", who police said ...": a relative clause opening before the speaker
_RELATIVE_OPEN = re.compile(r",\s+(?:who|which)\s+$")
# a verb of saying inside what would be the subject
_SAY_INSIDE = re.compile(r"\s(?:say|says|said)\s")
# "at what police called a 'pumping party'": the subject after "what" characterises
_WHAT_SUBJECT = re.compile(r"\bwhat\s+((?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)$")
_TITLE_FIRST = re.compile(r"^[\"“‘]?x+[\"”’]?,?\s*")
# "Ana Ruiz's history of the firm", "Dana Okafor' inside view": a person's work
_WORK_OF = re.compile(
    r"^((?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w.’'-]*?)(?:['’]s|(?<=s)['’])\s+((?:[a-z][\w’'-]*\s*){1,3})"
    r"(?:\s+(?:of|about|on)\s+.*)?$"
)
_TOLD_TO = re.compile(
    r"\s+(?:him|her|them|us|me|(?:(?:the|a|an|his|her|their|its)\s+)?[a-z][\w’'-]*"
    r"|[A-Z][\w’'-]*)\s+(?=to\s+(?!(?:the|a|an|his|her|their|its|my|our)\b)[a-z]+\b)"
)
_LEADING_PARTICIPLE = re.compile(r"\s*([A-Z][a-z]+ing)\s")
# what an opening participle of saying says, up to the comma before the clause's subject
_OPENING_PARTICIPLE = re.compile(r"\s+(?:that\s+)?[^,;:]{8,200}?,(?=\s+[A-Z])")
_AGENT_ADJUNCT = re.compile(
    r"\s+(?:during|after|before|since|amid|over|on|in|at|last|earlier|this|"
    r"that|which|who|if|when|because)\s+(?=\S)"  # ("the models that surveys apply")
)
# "voters who were rejected by", "applicants were denied by": people turned away, no claim
_PEOPLE_PASSIVE = re.compile(
    r"(?:\bwho|ers|ors|ents|ants|people|men)\s+(?:(?:is|was|were|are|been|be|being|have|has|had)"
    r"\s+)+(?:\w+ly\s+)?$"
)
_SPEECH_VERB_NEXT = re.compile(
    r"\s+(?:\w+ly\s+)?(?:said|say|says|show|shows|showed|suggest|suggests|suggested|"
    r"indicate|indicates|indicated|found|find|stated|state|claim|claimed)\b"
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


def _finite(word: str) -> bool:
    """A word that looks like a finite verb in the past or present ("said", "began")."""
    return bool(VERB_LIKE.match(word)) or bare(word) in IRREGULAR_PAST


UNRESOLVED_KEPT = frozenset(("he", "she", "they", "it"))
_BELIEF_VERBS = frozenset("believes believed believe thinks".split())
# plain present forms that are never nouns: with a plural subject and a clause, they report
_PLURAL_CLAUSE_VERBS = frozenset(
    """believe argue insist contend allege predict suggest warn acknowledge admit agree
    concede explain assert caution complain confirm maintain estimate suspect fear""".split()
)


def _plural_head(np: str) -> bool:
    head = bare(np.split()[-1]) if np.split() else ""
    return head in ("police", "people") or (head.endswith("s") and not head.endswith("ss"))


# '"The roads are unsafe," the audit states.': a short noun phrase between a closing quote and
# a verb that ends the sentence tags the quote, whatever else the verb can mean
# "Added the mayor: ...", "Replied Ruiz, after a pause, ...": a speech verb opening the
# sentence, its speaker after it (the verb pattern only knows lower case)
_OPENING_VERB = re.compile(
    r"\s*(Said|Says|Added|Adds|Replied|Replies|Responded|Explained|Wrote|Writes|Continued|"
    r"Countered|Insisted|Recalled)\s+(?=(?:the|a|an|one|[A-Z])[\w’'.-]*[\s,:])"
)
# "of the National Institute of Economic and Social Research": a body's name ending a source
_AFFILIATION_END = re.compile(
    r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|and|for|the|[A-Z][\w’'&.-]*))*$"
)
_NAME_ENDS_SENTENCE = re.compile(
    r"\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*(?:,\s+[^,.!?\"“”]{2,80})?\s*[.!?]?\s*$"
    # or a document: "..., said the report."
    r"|\s+the\s+(?:[a-z-]+\s+){0,2}(?:" + "|".join(sorted(DOC_NOUNS)) + r")\s*[.!?]?\s*$"
)
# (and "news reports", "media reports", "police reports": a compound noun in lower case)
_PLURAL_QUANTIFIER_END = re.compile(
    r"\b(?:many|several|few|numerous|multiple|these|those|both|various|conflicting|news|media|"
    r"press|police|court|wire)\s+$"
)
_PROGRESSIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|am|been)\s+(?:(?:also|now|still|already|\w+ly)\s+)?$"
)
_LEADING_WHEN = re.compile(
    r"(?:At|On|In|After|Before|During|Last|Later|Earlier|Early|Late|By|Since)\b"
    r"(?:[^,;:\"“]|(?<=\d):(?=\d)){1,50},\s+"  # ("At 3:30 p.m. Pacific, ")
)
_OBJECT_THEN_TAG = re.compile(
    r"\s+(?:[\w’'-]+\s+){0,4}?(?:says|said|reports|reported|notes|noted|states|stated|adds|"
    r"added|writes|wrote)\s*[.!?]?\s*"
)
# a gerund as the complement of a noun ("the notion of saying lines"), which says nothing
_GERUND_AS_NOUN = re.compile(r"\b(?:the|a|an|this|that)\s+[a-z]+\s+of\s+$", re.IGNORECASE)
_SUBJECT_THEN_AUXILIARY = re.compile(
    r"\s+(?:[a-z][\w’'-]*\s+){1,4}(?:will|would|could|should|can|may|might|must|is|are|was|"
    r"were|has|have|had)\b"
)
_TOLD_PRONOUN_THEN_CLAUSE = re.compile(
    r"\s+(?:me|us|him|her|them)\s+((?:the|a|an|this|that|these|those|his|its|their|[A-Z][\w’'-]*)"
    r"\b[^,;:\"“”]{0,80}?\b(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|"
    r"must|needs|need|wants|want)\b)"
)
_AUXILIARY_NEXT = re.compile(r"(?:is|was|are|were|has|have|had|will|would)\b")
# "said in February the firm was sold", "said in his speech he would cut taxes": a short
# prepositional phrase, then a clause with its own subject and a finite verb
_PHRASE_THEN_CLAUSE = re.compile(
    r"(?:in|on|at|during|after|before|since|over|throughout)\s+(?:[\w’'-]+\s+){1,5}?"
    r"(?=(?:the|a|an|he|she|they|it|we|I|his|her|their|its|this|these|those|[A-Z][\w’'-]*)"
    + FINITE_SOON.pattern
    + ")"
)
_LIKE_OTHER = re.compile(r"\s*(?:Just\s+)?Like\s+([^,;:\"“”]{2,60}),$")
_LEAD_BEFORE_QUOTE = re.compile(r"[,—–]\s*(?:“[^“”\"]*”|\"[^“”\"]*\"),?$")
_QUOTE_THEN_SUBJECT = re.compile(r"[\"”]\s+(?:[\w’'.-]+\s+){0,4}$")


class ReportedSpeech:
    """Mixed into statements.Extractor: one sentence's attributions."""

    text: str
    masked: str
    registry: Registry
    found: list[Found]
    _paragraph_speakers: list[str]

    def _sentence(self, ss: int, se: int) -> list[Attribution]:
        m = self.masked
        out: list[Attribution] = []
        sentence = m[ss:se]
        self._sentence_speakers = []
        opening = _OPENING_VERB.match(sentence)
        verbs = [(vm.start(), vm.end(), vm.group(0)) for vm in VERB_RE.finditer(sentence)]
        if opening:
            verbs.insert(0, (opening.start(1), opening.end(1), opening.group(1).casefold()))
        leading = _LEADING_PARTICIPLE.match(sentence)
        if leading and leading.group(1).casefold() in CLAUSE_VERBS:
            # "Declaring that ..., the minister ordered": a participle opening the sentence
            verbs.insert(0, (leading.start(1), leading.end(1), leading.group(1).casefold()))
        for vstart, vend, verb in verbs:
            vs, ve = ss + vstart, ss + vend
            # a bounded window keeps run-on "sentences" linear
            att = self._attribution(
                verb, vs, ve, max(ss, vs - WINDOW_BEFORE), min(se, ve + WINDOW_AFTER), out
            )
            if att and opening and vstart == opening.start(1):
                if not att.trailing or att.content:
                    continue
                # the words follow the speaker, not precede the verb
                att.trailing, att.kind = False, "opening"
            if att:
                out.append(att)
        # (a speech verb in a relative clause after the source leaves "according to" its own)
        has_verb = any(a.kind != "relative" for a in out)
        for am in ACCORDING_RE.finditer(sentence):
            if has_verb:
                break
            as_, ae = ss + am.start(), ss + am.end()
            att = self._according(as_, ae, max(ss, as_ - WINDOW_AFTER), min(se, ae + WINDOW_AFTER))
            if att:
                out.append(att)
        for wm in IN_WORDS_RE.finditer(sentence) if not out else ():
            att = self._in_words(wm, ss, se)
            if att:
                out.append(att)
        if not out and "that" in sentence:
            out.extend(
                filter(
                    None,
                    (self._speech_noun(nm, ss, se) for nm in SPEECH_NOUN_RE.finditer(sentence)),
                )
            )
        # content of each attribution ends where the next one's words begin
        out.sort(key=lambda a: a.verb_start)
        out = self._without_reported_beliefs(out)
        embedded: set[int] = set()
        for k, a in enumerate(out):
            if a.content and not a.trailing and a.kind != "as":
                cs, ce = a.content
                for b in out[k + 1 : k + 9]:
                    if (
                        not b.trailing
                        and b.content
                        and b.verb_start < ce
                        and b.subj_start >= cs
                        and EMBEDDING_GAP.fullmatch(m, cs, b.subj_start)
                    ):
                        if b.kind == "colon" and b.subj_start == cs:
                            # 'They said he then asked: "Does anyone have a gun?"': the
                            # quotation is his, and they only report that he asked it
                            embedded.add(id(a))
                            break
                        # "The aide said Ruiz still believes the plan is sound": the second
                        # speaker's words are part of what the first reported
                        embedded.add(id(b))
                        continue
                    cut = b.subj_start if b.subj_start > cs else b.verb_start
                    if cs < cut < ce and not b.trailing:
                        ce = cut
                        break
                    if b.trailing and cs < b.subj_start < ce:
                        if b.content and b.content[0] <= a.verb_start:
                            # "Lind said that while he respected the court, he disagreed":
                            # what the second verb would take as its content holds the first
                            embedded.add(id(b))
                            continue
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
        kept = [a for a in out if a.speakers and id(a) not in embedded]
        self._paragraph_speakers.extend(s for a in kept for s in a.speakers if s)
        return kept

    def _without_reported_beliefs(self, out: list[Attribution]) -> list[Attribution]:
        """'Hale said Ruiz still believes the bridge is safe': Ruiz's belief is what Hale
        said, not a statement of hers that cuts his short."""
        inner = set()
        for a in out:
            for b in out:
                verb = self.masked[b.verb_start : b.verb_end].casefold()
                if b is a or not a.content or verb not in _BELIEF_VERBS:
                    continue
                if a.content[0] <= b.subj_start and b.verb_end <= a.content[1]:
                    inner.add(id(b))
        return [a for a in out if id(a) not in inner]

    def _attribution(
        self, verb: str, vs: int, ve: int, ss: int, se: int, earlier: list[Attribution]
    ) -> Attribution | None:
        m = self.masked
        low = verb.casefold()
        before = m[max(ss, vs - 30) : vs]
        after = m[ve:se]
        if NEGATED_BEFORE.search(before):
            return None  # "did not say whether", "declined to comment": nothing was said
        if m[vs - 1 : vs] == "-":
            return None  # "her co-accused", "self-described": a compound word, not a verb
        # "..., when officers asked him for his papers, said Okafor.": a tag closing the
        # sentence makes all before it one party's account, and a speech verb taking an
        # object inside it (no clause of its own) is part of what that party says
        if _CLOSING_TAG.search(after) and not (
            FINITE_SOON.match(after) or re.match(r"\s+(?:[\w’'-]+\s+){0,4}?that\s", after)
        ):
            return None
        # "The agency is also recommending that ...": a progressive, whose subject is before
        # the auxiliary, not a passive
        progressive = (
            _PROGRESSIVE_BEFORE.search(m, max(ss, vs - 30), vs) if low.endswith("ing") else None
        )
        if PASSIVE_BEFORE.search(before) and not progressive:
            by = BY_AGENT.match(after)
            if low in DECISION_VERBS and _PEOPLE_PASSIVE.search(m, max(ss, vs - 40), vs):
                return None
            if low in THAT_ONLY:
                return None  # "is ruled by one party", "was found by police": no claim
            if not by or low in PRAISE_VERBS:
                return None  # ("the plan was welcomed by aid groups": a reaction, as active)
            # "The claims were refuted by Northwind, Contoso and Fabrikam."
            agent_start = ve + by.end()
            agent = re.match(r"[^,;.]*(?:,\s*[A-Z][^,;.]*)*", m[agent_start:se]).group(0)
            # "The judges were told by Norcorp that it would take 14 days": the hearers are
            # the subject, and what was said is the clause after the agent
            told = re.search(r"\s+that\s", agent) if low in TELL_VERBS else None
            if told:
                agent = agent[: told.start()]
            # "criticized by Democrats during the campaign": a time or place ends the agent
            agent = _AGENT_ADJUNCT.split(agent.strip(), 1)[0].strip()
            # "was described by staff as 'reckless'": a characterisation of the subject, whose
            # words are the quotation after 'as', not the clause before the verb
            if re.search(r"\s+as\b", agent):
                return None
            names = split_names(agent, self.registry.lower_words)
            speakers = [self.resolve(n, vs, in_list=len(names) > 1) for n in names]
            if told:
                att = Attribution(vs, ve, vs, [s for s in speakers if s])
                if not att.speakers:
                    return None
                return self._with_content(att, agent_start + told.end(), se)
            content = self._trim_content(ss, ve)
            att = Attribution(vs, ve, vs, [s for s in speakers if s], content, True, "object")
            return att if content else None
        if low in ("asked", "asks", "ask") and re.match(
            r"\s+(?:how|what|why|when|where|who|if|whether)\b", after
        ):
            return None
        ambiguous = low in AMBIGUOUS
        # "Initial reports said", "Court records show": a noun before the sentence's own verb
        if ambiguous and _SPEECH_VERB_NEXT.match(after):
            return None
        # "the study found that ..." but not "police found a body"; at the end of a sentence
        # ("CONTENT, a study found.") what it found comes before
        closing = not after.strip(" .!?") or is_adverbial(after.strip())
        # ("added that, as a rule, ...": an aside may open the clause)
        that_clause = re.match(r"\s+(?:[\w’'-]+\s+){0,4}?that,?\s", after)
        # ("records show officers were warned": a clause without its "that", whose subject
        # comes before its verb, but not "found a man who was hurt")
        finite = FINITE_SOON.match(after)
        clause = (
            finite
            and not re.match(r"\s+(?:is|was|are|were|has|have|had)\b", after)
            and not re.search(r"\b(?:who|which|that|where|when)\b", finite.group(0))
            and "," not in finite.group(0)
        )
        left_raw = m[ss:vs]
        tags_quote = closing and bool(_QUOTE_THEN_SUBJECT.search(left_raw))
        if (
            low in THAT_ONLY
            and not that_clause
            and not tags_quote
            and not (closing and "," in left_raw)
            and not (
                clause
                and low.startswith(("show", "reveal", "indicat", "suggest", "conclud", "estimat"))
            )
        ):
            return None
        if self._no_claim(low, before, after, vs):
            return None
        # "Ministers accused of betraying ...", "blamed for the delay": a participle, not a verb
        if low in ("accused", "blamed") and re.match(r"\s+(?:of|for)\b", after):
            return None
        frame = None
        if low in CHARACTERISING:
            frame = (AS_FRAME if low.startswith("describ") else QUOTE_FRAME).match(after)
            if not frame:
                return None
        if low in PRAISE_VERBS:
            frame = AS_FRAME.match(after)
            if not frame:
                return None
        object_verb = low in OBJECT_VERBS or low.startswith(("called for", "calls for"))
        participle = low.endswith("ing")
        if participle and _OBJECT_THEN_TAG.fullmatch(after):
            # '"...," a blog post explaining the cover says.': the participle describes the
            # subject of the verb that closes the sentence, which is the attribution
            return None
        left = m[ss:vs].rstrip()
        subject = None
        inverted = False
        coordinated = bool(COORDINATED.search(left[-48:]))
        # (a comma just inside a closing quotation mark is masked: '"...," adding')
        after_comma = left.endswith(",") or (
            left.endswith(('"', "”")) and self.text[ss + len(left) - 2 : ss + len(left) - 1] == ","
        )
        # a gerund of manner speaks for the clause's subject too: "he ended by saying" (but
        # "left without saying" says nothing, "before announcing" only dates the clause)
        after_comma = after_comma or (participle and bool(re.search(r"\bby$", left)))
        bare_participle = participle and (after_comma or not left)
        if (
            (bare_participle or coordinated)
            and ambiguous
            and not re.match(r"\s+(?:that\b|:)", after)
        ):
            return None
        relative = False
        # the subject of a verb before this one speaks: "Ruiz was quoted by Reuters as saying",
        # "Ruiz can be heard saying", "A spokesman declined to comment, other than to say"
        framed = (
            (QUOTED_AS.search(left) or _HEARD.search(left) or _ISSUED.search(left))
            if participle
            else _EXCEPT_TO.search(left)
        )
        if framed:
            subject = self.left_subject(ss, ss + framed.start())
            if subject is None:
                return None
            speakers = [self.resolve(subject[0], subject[1], subject[2])]
            att = Attribution(vs, ve, subject[1], [s for s in speakers if s])
            # ("overheard telling aides that ...": what was said follows the hearers)
            told = re.match(r"[^.\"“]{0,110}?\bthat\s", after) if low in TELL_VERBS else None
            start = ve + told.end() if told else ve
            return self._with_content(att, start, se) if att.speakers else None
        opening = _OPENING_PARTICIPLE.match(after) if participle and not left.strip() else None
        if opening and low in CLAUSE_VERBS:
            # "Declaring that the corps had lost its way, Defense Secretary Dana Okafor
            # ordered a review": the subject of the clause after the comma said it
            named = self.right_subject(ve + opening.end(), se)
            if named and is_cap(named[0].split()[0]):
                att = Attribution(vs, ve, vs, [s for s in [self.resolve(*named)] if s])
                content = self._trim_content(ve, ve + opening.end())
                if att.speakers and content:
                    that = re.match(r"\s*that\s", m[content[0] : content[1]])
                    att.content = (content[0] + that.end(), content[1]) if that else content
                    return att
        if participle and (after_comma or not left or coordinated):
            speakers = self._participle_speakers(ss, vs, earlier)
            subj_start = vs
            while subj_start > ss and m[subj_start - 1] in " ,":
                subj_start -= 1
        elif coordinated:
            speakers = self._participle_speakers(ss, vs, earlier)
            subj_start = ss + left.rfind(" and")
        else:
            what = _WHAT_SUBJECT.search(left) if low in CHARACTERISING else None
            subject = self.left_subject(
                ss + what.start(1) if what else ss, progressive.start() if progressive else vs
            )
            if subject and _SAY_INSIDE.search(subject[0]):
                # "Officials say studies show that ...": the verb before this one reports it
                return None
            aside = RELATIVE_ASIDE.search(m, ss, vs)
            if aside:
                # "Relatives of the victims, many of whom sat through the trial, said": the
                # relative clause is an aside, the noun phrase before it speaks
                subject = (
                    self.left_subject(ss, aside.start())
                    or self._whole_subject(ss, aside.start())
                    or subject
                )
            who = RELATIVE_WHO_WHICH.search(m, max(ss, vs - 40), vs) if subject is None else None
            who = who if who and not m[who.end() : vs].strip() else None
            # (only with a clause after the verb: in "Suter, who joked about it, could see" the
            # relative clause is an aside inside the subject)
            if who and (re.match(r"\s+that\s", after) or FINITE_SOON.match(after)):
                # "..., according to the fire marshal, Dana Kim, who said the cause was a
                # stove": the relative pronoun's antecedent speaks
                subject = self.left_subject(ss, who.start())
                relative = subject is not None
                by = re.search(r"\b[a-z]+(?:ed|en|wn)\s+by\s+", subject[0]) if subject else None
                if by and subject:
                    # "was criticised by the union, which said": the agent is the antecedent
                    np, npos = subject[0][by.end() :], subject[1] + by.end()
                    subject = (np, npos, subject[2], subject[3])
            agent = AGENT_BEFORE.search(m, ss, subject[1]) if subject else None
            if agent:
                # "Voters interviewed by the Ledger said": the agent of the participle does
                # not speak, the noun it describes does
                subject = self.left_subject(ss, agent.start()) or subject
            if subject and bare(subject[0]) == "it":
                subject = self._it_as_object(ss, subject)
            raised = RAISED_SUBJECT.search(m, max(ss, vs - 60), vs)
            if raised:
                # "Lind is said to have told aides that ...": the subject of "is said" told them
                subject = self.left_subject(ss, raised.start()) or subject
            if subject is None:
                subject = self._whole_subject(ss, vs)
            heard = PERCEIVED_SPEAKER.search(left)
            if heard:
                # "Witnesses heard an officer yell: ...": the perceived person speaks
                subject = (heard.group(1), ss + heard.start(1), "", False)
            elif (
                subject
                and left.endswith(",")
                and _NAME_ENDS_SENTENCE.match(after)
                and low not in TELL_VERBS  # (", told NBC News.": the name is who heard it)
            ):
                # "As a result, research has lagged, said Ana Ruiz.": a name and the end of the
                # sentence after the verb make it an inverted tag, whatever precedes the comma
                subject = None
            if subject is None:
                r = None
                # '"Why now?" asked Ana Ruiz': an inverted asking verb after its question
                inverts = low not in TELL_VERBS or low.startswith("ask")
                if (left.endswith((",", '"', "”")) or not left) and inverts:
                    r = self.right_subject(ve, se)
                if r is None:
                    return None
                np, npos = r
                inverted = True
                names = split_names(np, self.registry.lower_words) if " and " in np else [np]
                speakers = [self.resolve(n, npos, in_list=len(names) > 1) for n in names]
                subj_start = vs
            else:
                np, npos, detail, joint = subject
                lower = self.registry.lower_words
                names = self.joint_antecedents(np, npos) or split_names(np, lower)
                if joint and len(names) == 1:
                    lst = self._sentence_start_list(ss, vs)
                    if lst:
                        names = split_names(lst, self.registry.lower_words)
                self._sentence_speakers = [s for a in earlier[-4:] for s in a.speakers]
                if len(names) > 1:
                    speakers = [self.resolve(n, npos, in_list=True) for n in names]
                elif bare(np.split()[-1]) in DOC_NOUNS and BY_SOURCE.search(detail):
                    # "The report, published by the Global Health Institute, found ..."
                    speakers = [self.resolve(BY_SOURCE.search(detail).group(1), npos)]
                else:
                    speakers = [self.resolve(n, npos, detail) for n in names]
                subj_start = npos
                plain = is_cap(np.split()[-1]) or bare(np) in PRONOUNS
                # "continued to insist the budget was balanced": a verb after to or a modal
                verbal = INFINITIVE_BEFORE.search(before) and FINITE_SOON.match(after)
                # "Many analysts believe the deal is a first step": a plural subject, a verb of
                # saying or believing that is no noun, and a clause of its own after it
                plural = low in _PLURAL_CLAUSE_VERBS and clause and _plural_head(np)
                if (
                    ambiguous
                    and not plain
                    and not verbal
                    and not plural
                    and not tags_quote
                    and not re.match(r"\s+(?:that\b|:)", after)
                    and not (clause and low.startswith(("conclud", "show", "reveal", "indicat")))
                    # "CONTENT, a Ledger analysis found.": a subject after a comma and the verb
                    # closing the sentence tag what went before
                    and not (closing and m[ss:npos].rstrip().endswith(","))
                ):
                    return None
        speakers = [s for s in speakers if s]
        if not speakers:
            quote_follows = participle and re.match(r"\s*[:,]?\s*[\"“]", after)
            # ('"...," the report states.': a document of no named issuer speaks for no one)
            unissued = tags_quote and subject and bare(subject[0].split()[-1]) in DOC_NOUNS
            if (
                not (subject and bare(subject[0]) in UNRESOLVED_KEPT)
                and not quote_follows
                and not unissued
            ):
                return None
            # "he said ..." with no antecedent the rules trust: the statement stands, and the
            # speaker is left to the ranker (or to the reviewer)
            speakers = [None]
        if ambiguous and inverted and not m[max(ss, vs - 3) : vs].strip().endswith((",", '"', "”")):
            return None
        att = Attribution(vs, ve, subj_start, speakers, kind="relative" if relative else "clause")
        prefix = m[ss:subj_start].rstrip()
        like = _LIKE_OTHER.match(prefix) if not inverted else None
        if like and is_cap(like.group(1).split()[-1]):
            # "Like Mayor Lind, Ruiz has spoken out about the fees": Lind did too (but "like
            # his father" only compares them)
            other = self.resolve(like.group(1), ss + like.start(1))
            if other and other not in speakers:
                speakers.append(other)
        summed = SUMMING_NOUN.search(prefix) if not (inverted or object_verb) else None
        if summed and not re.match(r"\s+(?:that|:)", after):
            # "Lind will retire, a decision he disclosed in an interview.": the clause before
            att.trailing = True
            att.subj_start = ss + summed.start()
            att.content = self._trim_content(ss, ss + summed.start())
            return att if att.content else None
        if re.match(r"\s*[—–]", after) and re.search(r"[—–]", m[ss:vs]):
            # "... — about five hours before Lind announced — Ruiz posted ...": the verb closes
            # an aside between dashes, and what follows is the narrative again
            return att if self._quote_near(vs) else None
        # (a possessor may stand before the speaker's name: "As Norcorp's Neil Black explained")
        as_prefix = (
            r"(?:^|[,;]\s*|\b(?:[Bb]ut|[Aa]nd)\s+)[Aa]s(?:\s+(?:both|all|the))?"
            r"(?:\s+(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s)?$"
        )
        as_match = re.search(as_prefix, prefix[-60:]) if not inverted else None
        as_at = max(0, len(prefix) - 60) + as_match.start() if as_match else 0
        if (
            as_match
            and prefix[:as_at].strip(" ,;")
            and not as_match.group(0).casefold().startswith(("and", "but"))
        ):
            # 'The bridge, as Ruiz noted, is a century old': the sentence around the aside;
            # 'The bridge is a century old, as Ruiz noted.': the sentence before it
            att.trailing = True
            aside_end = m.find(",", ve, se)
            if aside_end != -1 and len(m[ve:aside_end].split()) <= 12:
                att.kind = "parenthetical"
                att.content = self._trim_content(ss, se)
            else:
                att.content = self._trim_content(ss, ss + as_at)
            return att if att.content else None
        if as_match:
            # 'As Ana Ruiz reports for the Ledger, CONTENT'
            comma = m.find(",", ve, se)
            if comma != -1 and len(m[ve:comma].split()) <= 12:
                att.kind = "as"
                att.content = self._trim_content(comma + 1, se)
                return att if att.content else None
        doc_by = DOC_BY_TAIL.search(prefix)
        if doc_by:
            # "CONTENT, a new study by Lakeshore University found": the document's phrase is
            # the attribution
            att.subj_start = subj_start = ss + doc_by.start() + 1
            prefix = prefix[: doc_by.start() + 1]
        # "... “quote” and warned that": the quote belongs to the first verb
        quote_before = not coordinated and prefix.endswith(('"', "”", '",', "”,"))
        # (the text, not the masked copy: a comma inside the quote is masked)
        descriptor = (
            None if quote_before else QUOTE_THEN_DESCRIPTOR.search(self.text, ss, ss + len(prefix))
        )
        if descriptor and not any(bare(w) in FUNCTION_WORDS for w in descriptor.group(1).split()):
            # '"QUOTE," National Weather Service meteorologist Dana Kim said'
            quote_before = not coordinated
            att.subj_start = subj_start = descriptor.start(1)
            prefix = m[ss:subj_start].rstrip()
        if (
            low in TAG_ONLY
            and not (quote_before or self._quote_starts(prefix))
            and not re.match(r"\s*[:,]?\s*[\"“]", after)
        ):
            return None
        tail = after.strip()
        if (
            quote_before
            and not inverted
            and not self._quote_starts(prefix)
            and len(tail) >= 12  # (a quote in it is masked as one word)
            and tail[0] not in ".!?,;:—–-"
            and not is_adverbial(tail)
            and not (low in TELL_VERBS and not TAIL_CLAUSE.search(tail))
        ):
            # 'In a letter to the "town community," Ruiz said she would resign': a quoted
            # phrase inside the narrative before the verb, and the content after it
            quote_before = False
        if inverted:
            # content precedes: ', said X' / '" said X'
            att.trailing = True
            att.content = None if quote_before and self._quote_starts(prefix) else (ss, vs)
            if quote_before and _LEAD_BEFORE_QUOTE.search(prefix):
                # 'After the final, "we were tense," says Ruiz': a scene-setting clause ends
                # before the quote, which alone is what was said
                att.content = None
            resumed = INVERTED_ASIDE.match(m, ve, se)
            if att.content and prefix.endswith(",") and resumed:
                # 'The bridge, said Ruiz, will reopen in May': the aside splits the content
                att.kind = "parenthetical"
                att.content = self._trim_content(ss, se)
                return att if att.content else None
            return self._finish_trailing(att, se)
        rest = after
        # (or after an aside: "said, however, that", "said, in a statement, that")
        that = re.match(
            r"\s+(?:(?:[\w’'-]+\s+){0,5}?|(?:in|on|at)\s+(?:[\w’'-]+\s+){5,8}?)that,?\s"
            r"|\s*,[^,;:.\"“]{1,40},\s*that\s",
            rest,
        )
        if that and re.search(r"\s(?:and|or|but)\s+that\s$", that.group(0)):
            that = None  # "said he was tired and that he would rest": two that-clauses
        if low in TELL_VERBS:
            far = re.match(r"[^.\"“]{0,110}?\bthat\s", rest)
            # ("told the committee he did not recall it and that ...": a second that-clause)
            if far and not re.search(r"\b(?:and|or|but)\s+that\s$", far.group(0)):
                that = far
        if that and VERB_RE.match(m, ve + that.end()):
            that = None  # "a story that states ...": a relative clause, not what was said
        if (
            that
            and that.group(0).split()[0] != "that"
            and _AUXILIARY_NEXT.match(m, ve + that.end())
        ):
            that = None  # "said in a statement that was released": the statement's relative
        colon = re.match(r"(?:[^\"“:,]|(?<=\d):(?=\d)){0,60}(?<!\d):\s*", rest)  # (not "5:30 am")
        if colon and (VERB_RE.search(colon.group(0)) or len(colon.group(0).split()) > 8):
            colon = None
        if colon and (
            re.match(r"\s+(?:there|it|that|this|he|she|they|we)['’]s\b", rest)
            or self._clause_opens(colon.group(0)[:-1])
        ):
            colon = None  # "she says there's a common theme: courage": the clause is said
        if re.match(r"\s+(?:little|nothing|much|a\s+lot|no\s+more)\b(?!\s+(?:than|of)\b)", rest):
            return None  # "Officials have said little about the cause": how much, not what
        if re.match(
            r"\s+(?:this|so)\b(?!\s+(?:is|was|are|were|week|year|month)"
            # ("says this model may overestimate ...": a clause about this model)
            r"|\s+[a-z]+\s+(?:is|was|are|were|will|would|may|might|can|could|has|have|had)\b)",
            rest,
        ):
            return att if self._quote_near(vs) else None  # "Lind said this while visiting"
        if (participle or coordinated) and not that:
            return self._with_content(att, ve, se)
        if that and object_verb and not re.match(r"\s+that\s", rest):
            that = None  # "denied a claim from Norland that ...": the claim is the object
        if that and not quote_before:
            return self._with_content(att, ve + that.end(), se)
        if (
            colon
            and not quote_before
            and ("xxx" in m[ve + colon.end() : ve + colon.end() + 8] or not object_verb)
        ):
            att.kind = "colon"
            # 'Lind added:' may introduce a quote in the next paragraph
            return self._with_content(att, ve + colon.end(), se) or att
        tail = rest.strip()
        if (
            not quote_before
            and not prefix
            and m[max(0, ss - 3) : ss].rstrip().endswith(('"', "”"))
            and (not tail or tail[0] in ".!?" or is_adverbial(tail))
        ):
            # '"What is the incentive?" Wen Lin, a former director, said at a conference.': a
            # question or exclamation ends its own sentence, and this one only attributes it
            quote_before = True
        if quote_before or prefix.endswith(","):
            # 'CONTENT, X said.' / '"QUOTE," X told Y.' / 'CONTENT, X said, but ...'
            # 'CONTENT, X told reporters on Monday.': only the addressee follows the verb
            # ('CONTENT, sources told the Ledger on Thursday, but ...': the addressee, then the
            # narrative again)
            told_whom = re.split(r",\s+(?:but|and|while|though|although)\s", tail, maxsplit=1)[0]
            addressee = (
                low in TELL_VERBS
                and len(told_whom.split()) <= 8
                and not TAIL_CLAUSE.search(told_whom)
            )
            # "..., Ruiz said of the ruling.": what it was said about, not what was said (but
            # "warned of a flood" says it)
            about = low.startswith(("said", "say", "wrote", "writ")) and tail.startswith("of ")
            after_about = re.match(r"of\s[^,:;\"“]{1,60}[,:]\s*(?=\S)", tail) if about else None
            if after_about and not quote_before:
                # 'In an interview, Ruiz said of the mayor, "He is too old."': what follows
                return self._with_content(att, se - len(tail) + after_about.end(), se)
            aside = None if quote_before else self._aside_then_predicate(low, ve, se)
            if aside:
                # 'The state, he said in a tweet, "will not back down."': the attribution and
                # its adverbials are an aside splitting what was said
                att.trailing = True
                att.kind = "parenthetical"
                att.content = self._trim_content(ss, se)
                return att if att.content else None
            if _INNER_TAG_END.search(prefix):
                # '"...," Ruiz said, the Ledger reported.': the outlet reports Ruiz's words
                return None
            if (
                quote_before
                or not tail
                or tail[0] in ".!?"
                or (is_adverbial(tail) and not self._clause_after_adverbials(ve, se))
                or addressee
                or about
                or _SECOND_TAG.match(tail)
                # 'CONTENT, Ruiz said, adding that ...': the participle says something else
                or re.match(r",\s*(?:adding|saying|noting|insisting|arguing|explaining)\b", tail)
            ):
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
        if frame:
            end = FRAME_END.search(m, ve + frame.end(), se)
            ce = end.start() if end else se
            close = ve + frame.end()
            if frame.re is QUOTE_FRAME and (
                self.text[close - 2 : close - 1] in (",", ";") or m[close : close + 1] in ",;."
            ):
                ce = close  # 'which Ruiz called "painful," follows ...': the quote closes it
            att.kind = "object"
            att.content = self._trim_content(ve, ce)
            return att if att.content else None
        if object_verb:
            start = vs
            k = start
            # keep adverbs and auxiliaries just before the verb: "all denied", "have denied"
            while True:
                lo = max(ss, k - 40)
                pm = ADVERB_BEFORE_VERB.search(m, lo, k)
                if not pm:
                    break
                k = pm.start()
            start = k
            obj = OBJECT_END.search(m, ve, se)
            end = obj.start() if obj else se
            att.kind = "object"
            att.content = self._trim_content(start, end)
            return att if att.content else None
        if low in TELL_VERBS:
            # 'told board members they would ...': the clause starts at its pronoun
            pm = re.match(r"\s+(?:[\w’'-]+\s+){1,4}?(?=(?:they|he|she|it|we|I)\s)", rest)
            if pm and low in ("told", "tells", "tell", "telling"):
                return self._with_content(att, ve + pm.end(), se)
            # 'told us the company needs to wait', 'told me the banks were horrible'
            pm = _TOLD_PRONOUN_THEN_CLAUSE.match(rest)
            if pm and low in ("told", "tells", "tell", "telling"):
                return self._with_content(att, ve + pm.start(1), se)
            # 'told reporters the bridge would reopen', 'told The Ledger the plan was dead': the
            # addressee, then a clause with its own subject and verb
            told = self._told_clause(rest) if low.startswith(("tell", "told")) else None
            if told is not None:
                return self._with_content(att, ve + told, se)
            # 'told him to stop hiring managers': what they were told to do
            directive = _TOLD_TO.match(rest) if low.startswith(("tell", "told")) else None
            if directive:
                return self._with_content(att, ve + directive.end(), se)
            # ("reminded her of home", "informed them of the change": no clause, no claim)
            if low.startswith(("tell", "told", "remind", "inform")):
                return att if self._quote_near(vs) else None
        if not tail or tail[0] in ".!?,;":
            # 'Lind disagreed, saying ...': nothing said here, but the speaker is named for
            # the participle after it and the content before it ends here
            return att
        if low in ("added", "adds") and self._clause_opens(rest):
            # "It added the company would appeal": a clause with its subject and auxiliary
            return self._with_content(att, ve, se)
        if low in (
            "responded",
            "responds",
            "replied",
            "replies",
            "answered",
            "answers",
            "added",
            "adds",
        ) and not (low in ("added", "adds") and self._clause_opens_after_subject(rest)):
            return att if self._quote_near(vs) else None
        if ambiguous and re.match(r"\s+(?:on|in|for|at|to|with|about|from)\b", rest):
            return att if self._quote_near(vs) else None
        if low.startswith(("ask", "question")) and re.match(r"\s+(?:last|this|on|in)\b", rest):
            return att if self._quote_near(vs) else None
        # "announced his retirement", "disclosed a plan": an event named, not a claim made
        if low in NOUN_OBJECT_VERBS and NOUN_OBJECT.match(rest):
            return att if self._quote_near(vs) else None
        return self._with_content(att, ve, se)

    def _clause_opens_after_subject(self, rest: str) -> bool:
        """'added certain machines will be connected within five years': a noun phrase of a
        few words without a comma or a relative pronoun, then a modal or auxiliary."""
        clause = _SUBJECT_THEN_AUXILIARY.match(rest)
        return bool(clause) and not re.search(r"\b(?:who|which|that|of|to)\b", clause.group(0))

    def _clause_opens(self, rest: str) -> bool:
        """A clause opens right after the verb: a determiner, a pronoun or a name as its
        subject, then an auxiliary within a few words ("the company would appeal")."""
        words = rest.split()
        if not words:
            return False
        first = words[0]
        opens = bare(first) in DETERMINERS or bare(first) in PRONOUNS or is_cap(first)
        clause = FINITE_SOON.match(rest)
        return bool(opens and clause and "," not in clause.group(0))

    def _it_as_object(
        self, ss: int, subject: tuple[str, int, str, bool]
    ) -> tuple[str, int, str, bool] | None:
        """'..., but engineers who inspected it last week said': "it" after a verb is its
        object, and the subject is the noun the relative clause hangs on."""
        words = self.masked[ss : subject[1]].split()
        if not words or not _finite(words[-1]):
            return subject
        rel = RELATIVE_HEAD.search(self.masked, ss, subject[1])
        return (rel.group(1), rel.start(1), "", False) if rel else None

    def _aside_then_predicate(self, low: str, ve: int, se: int) -> bool:
        """'The plan, Ruiz said on Monday, is dead' / 'The state, he told reporters, "will not
        back down."': after the verb, a few words of when, where or to whom up to a comma, then
        the predicate of the subject before the attribution (a verb in lower case, quoted or
        not; not a new clause, a conjunction or a participle)."""
        m = self.masked
        comma = m.find(",", ve, min(se, ve + 60))
        if comma == -1 or not m[ve:comma].strip():
            return False
        between = m[ve:comma]
        if any(c in between for c in ';:"“”—–') or len(between.split()) > 8:
            return False
        if not (is_adverbial(between.strip()) or low.startswith(("told", "tell"))):
            return False
        rest = self.text[comma + 1 : se].lstrip().lstrip('"“‘')
        words = rest.split()
        if not words or not words[0][:1].islower():
            return False
        first = bare(words[0])
        return not (
            first in DETERMINERS
            or first in PRONOUNS
            or first in CLAUSE_STOPS
            or first in ADJUNCT_OPENERS
            or first in ("and", "but", "or", "nor", "yet", "so", "according", "per")
            or first.endswith("ing")
        )

    def _clause_after_adverbials(self, ve: int, se: int) -> bool:
        """'..., said in a statement it would seek approval': past the adverbials after the
        verb, a clause (that, or a subject and a finite verb) is what was said."""
        cs = ve
        lead = LEADING_ADVERBIAL.match(self.masked, cs, se)
        while lead:
            cs = lead.end()
            lead = LEADING_ADVERBIAL.match(self.masked, cs, se)
        words = self.masked[cs:se].split()
        if cs == ve or not words:
            return False
        first = bare(words[0])
        if first == "that":
            return True
        opens = first in PRONOUNS or first in DETERMINERS
        return opens and bool(FINITE_SOON.match(self.masked, cs - 1, se))

    def _told_clause(self, rest: str) -> int | None:
        """Where the clause starts in 'told reporters the bridge would reopen', 'told The
        Ledger on Sunday the plan was dead': after the shortest addressee that leaves a clause
        opening with its subject (a determiner, a pronoun or a name) and a finite verb soon."""
        words = list(re.finditer(r"\S+", rest[:120]))
        for n in range(1, min(7, len(words))):
            last, nxt = words[n - 1].group(), words[n].group()
            if any(c in last for c in ',;:"“”') or bare(last) in CLAUSE_STOPS:
                return None
            if bare(last) in DETERMINERS:
                continue  # "told the Ledger the plan was dead": no addressee ends in "the"
            outlet_then_name = (
                bare(last) in MEDIA_WORDS | ORG_WORDS
                and n + 1 < len(words)
                and re.fullmatch(r"(?:is|was|are|were|has|had|will|would)", words[n + 1].group())
            )
            if is_cap(last) and is_cap(nxt) and not outlet_then_name:
                continue  # inside a name: "The Associated Press" (but "told ABC News Lind was")
            if bare(last) in ("on", "last", "this"):
                continue  # "on Sunday" still belongs to the telling
            opens = bare(nxt) in DETERMINERS or bare(nxt) in PRONOUNS or is_cap(nxt)
            if (
                opens
                and bare(nxt) not in ("on", "last", "this")
                and FINITE_SOON.match(rest, words[n].start() - 1)
            ):
                return words[n].start()
        return None

    def _whole_subject(self, ss: int, vs: int) -> tuple[str, int, str, bool] | None:
        """The words opening the sentence, when they are all its subject: "Each of the
        candidates said", "Those who attended said", "Prosecutors and defense lawyers agreed"."""
        phrase = self.masked[ss:vs].strip()
        words = phrase.split()
        if not 2 <= len(words) <= 6 or not words[0][:1].isupper() or not phrase[-1:].isalpha():
            return None
        if any(not w.replace("-", "").replace("’", "").replace("'", "").isalpha() for w in words):
            return None  # a comma, a quote, a number: more than a noun phrase
        for k, w in enumerate(words):
            low = w.casefold()
            relative = k > 0 and words[k - 1].casefold() in ("who", "that")
            past = low.endswith("ed") or low in IRREGULAR_PAST
            if k and (low in CLAUSE_STOPS - {"who", "that"} or (past and not relative)):
                return None
        first = bare(words[0])
        quantified = first in DETERMINERS or first in ("each", "those", "none", "neither")
        if not quantified and not GROUP_HEAD_WORD.search(first):
            return None
        return phrase, ss + self.masked[ss:vs].find(phrase), "", False

    def _no_claim(self, low: str, before: str, after: str, vs: int) -> bool:
        """A speech verb (or its look-alike) that reports no claim here."""
        if NOT_A_VERB_BEFORE.search(before):
            return True  # "has a say", "his claims", "Having said that", "What she said next"
        if low.endswith("ing") and _GERUND_AS_NOUN.search(before):
            return True  # "the notion of saying lines"
        if low in AMBIGUOUS and low.endswith("s") and re.search(r"[A-Z][\w.&-]*['’]s?\s+$", before):
            return True  # "Beijing's demands", "Norcorp's claims": a possessor and its noun
        if _GAP_RELATIVE.search(before) and re.match(r"\s*(?:[—–,.;]|$)", after):
            return True  # "achieved the platform he promised — hope —": a relative clause
        if low.startswith("agree") and re.match(r"\s+to\s+[a-z]", after):
            return True  # "agreed to pay a fine": an undertaking, not a claim
        if low.startswith(("believ", "think")) and re.match(r"\s+(?:in|about|of)\b", after):
            return True  # "believes in ghosts", "thinks about it every day"
        if low.startswith("admit") and PEOPLE_OBJECT.match(after):
            return True  # "The hospital admitted 40 people overnight"
        if low in AMBIGUOUS and re.match(r"\s+(?:[a-z]+ed|rose|fell|grew|were|was|are)\b", after):
            return True  # "Insurance claims rose by 20 percent": a noun, then its verb
        if low in AMBIGUOUS and low.endswith("s") and _PLURAL_QUANTIFIER_END.search(before):
            return True  # "to verify many reports": a plural quantifier makes it a noun
        if low.startswith("question") and (
            PEOPLE_OBJECT.match(after)
            or re.match(
                r"\s+(?:him|her|them|us|me|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\b(?!['’])", after
            )
            or re.match(
                r"\s+(?:[\w’'-]+\s+){1,3}?(?:about|over|for\s+(?:\S+\s+)?(?:hours|days))\b", after
            )
        ):
            return True  # "Police questioned the suspect for hours": they asked, he answered
        if low in DECISION_VERBS and ACT_OBJECT.match(after):
            return True  # "rejected the request", "denied the motion": a decision
        # "a claim the officials rejected.": the object went before, in a relative clause
        object_verb = low in OBJECT_VERBS
        return object_verb and not after.strip(" .!?)]") and not self._quote_near(vs)

    def _speech_noun(self, nm: re.Match, ss: int, se: int) -> Attribution | None:
        """ "Ana Ruiz's claim that CONTENT": the possessor of a speech noun said the clause."""
        words = nm.group("who").split()
        common = len(words) == 2 and words[1].islower()  # "the mayor's view is that ..."
        while words and words[0].casefold() in FUNCTION_WORDS and not common:
            words = words[1:]  # "Despite Mr. Lind's ..."
        speaker = self.resolve(" ".join(words), ss + nm.start("who")) if words else None
        if not speaker:
            return None
        noun = "noun" if nm.group("noun") else "copular"
        att = Attribution(ss + nm.start(noun), ss + nm.end(noun), ss + nm.start(), [speaker])
        cs = ss + nm.end()
        ce = se
        # inside a fronted adverbial ("Despite X's claim that ..., Y") the clause ends at a comma
        if PREPOSITION_FIRST.match(self.masked, ss, se):
            comma = self.masked.find(",", cs, se)
            ce = comma if comma > 0 else se
        att.content = self._trim_content(cs, ce)
        att.kind = "noun"
        return att if att.content else None

    def _in_words(self, wm: re.Match, ss: int, se: int) -> Attribution | None:
        """'In Ruiz's words, the plan is "dead."': the rest of the sentence is hers; 'The plan
        is, by her own account, dead': all of it is."""
        group = next(g for g in ("of", "who", "pronoun") if wm.group(g))
        np = wm.group(group)
        if group == "pronoun":
            np = {"his": "he", "her": "she", "their": "they"}[np]  # "In her view, ..."
        speaker = self.resolve(np, ss + wm.start(group))
        if not speaker:
            return None
        ws, we = ss + wm.start(), ss + wm.end()
        att = Attribution(ws, we, ws, [speaker], kind="according")
        if not self.masked[ss:ws].strip():
            att.content = self._trim_content(we, se)
        else:
            att.trailing = True
            att.content = self._trim_content(ss, se)
        return att if att.content else None

    def _sentence_start_list(self, ss: int, vs: int) -> str | None:
        m = re.match(
            r"\s*((?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,\s+)+(?:and\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
            r"|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+and\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)",
            self.masked[ss:vs],
        )
        # "The mayor, the police chief and the fire marshal all said"
        m = m or DETERMINER_LIST.match(self.masked, ss, vs)
        return m.group(1) if m else None

    def _quote_starts(self, prefix: str) -> bool:
        # (a quote whose opening mark was left out shows as its masked interior)
        return prefix.lstrip()[:1] in ('"', "“") or prefix.lstrip().startswith("xxx")

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
        right_after_verb = cs == att.verb_end
        # "Windslowe, who police said uses several aliases, was arraigned": a verb inside a
        # relative clause between commas reports only up to the comma that closes it
        if _RELATIVE_OPEN.search(self.masked, max(0, att.subj_start - 12), att.subj_start):
            close = self.masked.find(",", cs, se)
            if close > cs:
                se = close
        # "said in a statement after the hearing that ...": adverbials, then the complementizer
        # (past a "that", an adverbial opens the reported clause itself)
        lead = LEADING_ADVERBIAL.match(self.masked, cs, se) if right_after_verb else None
        while lead:
            cs = lead.end()
            lead = LEADING_ADVERBIAL.match(self.masked, cs, se)
        that = re.compile(r"\s*that\s*,?\s").match(self.masked, cs, se)
        if that and cs != att.verb_end and _AUXILIARY_NEXT.match(self.masked, that.end()):
            # "said in a statement that was released on Monday": a relative clause
            att.content = None
            return att if self._quote_near(att.verb_start) else None
        if that:
            cs = that.end()
        rest = self.masked[cs:se].strip()
        verb = self.masked[att.verb_start : att.verb_end].casefold()
        if (
            right_after_verb
            and not that
            and (
                not rest
                or rest[0] in ",;.!?"
                or (is_adverbial(rest) and not _PHRASE_THEN_CLAUSE.match(rest))
                or re.match(r"(?:which|who|whose|where)\b|[a-z]+(?:ed|en|wn|led)\s+by\b", rest)
            )
            and not verb.startswith("insist")
        ):
            # "testified on Tuesday.", "testified before the committee, which ...": when and
            # where it was said, and nothing of what
            att.content = None
            return att if self._quote_near(att.verb_start) else None
        cut = CONTENT_CUT.search(self.masked, cs, se)
        ce = cut.start() if cut else se
        # "When officers asked him to empty his pockets, he drew a pistol": a verb inside an
        # opening subordinate clause reports no further than the clause
        lo = max(0, att.verb_start - 300)
        ends = [e.end() for e in SENTENCE_END.finditer(self.masked, lo, att.verb_start)]
        opening = _SUBORDINATE_OPENING.match(self.masked[ends[-1] if ends else lo : att.verb_start])
        if opening and not (ends or lo == 0 or self.masked[lo - 1 : lo] == "\n"):
            opening = None
        if opening:
            comma = self.masked.find(",", cs, ce)
            if comma != -1 and _MAIN_CLAUSE_AFTER.match(self.masked, comma + 1, ce):
                ce = comma
        if att.kind == "relative":
            # "The mayor, who said taxes would fall, has now raised them": the relative clause
            # ends where the main clause's predicate resumes
            comma = self.masked.find(",", cs, ce)
            if comma != -1 and RESUMED_PREDICATE.match(self.masked, comma, ce):
                ce = comma
        att.content = self._trim_content(cs, ce)
        return att if att.content else None

    def _trim_content(self, cs: int, ce: int) -> tuple[int, int] | None:
        t = self.text
        while cs < ce and (t[cs].isspace() or t[cs] in ",:;—–-"):
            cs += 1
        dateline = DATELINE.match(t, cs, ce)  # "(AP) — ", "LONDON — "
        if dateline:
            cs = dateline.end()
        changed = True
        while changed and ce > cs:
            changed = False
            while ce > cs and (t[ce - 1].isspace() or t[ce - 1] in ",;:—–-"):
                ce -= 1
                changed = True
            for tail in (" and", " but", " while", " as", " and then", " though", " or", " which"):
                if t.endswith(tail, cs, ce):
                    ce -= len(tail)
                    changed = True
        one_word = " " not in t[cs:ce].strip() if ce - cs < 80 else False
        if ce - cs < 2 or (one_word and '"' not in t[max(0, cs - 1) : ce + 1]):
            return None
        return cs, ce

    def _participle_speakers(self, ss: int, vs: int, earlier: list[Attribution]) -> list[str]:
        # the last speaker of the sentence, but not one inside what another reported ("Lind
        # said that after a review the city had concluded X, saying ...": Lind is saying)
        outer = [
            e
            for e in earlier
            if not any(
                o is not e
                and o.content
                and o.content[0] <= e.subj_start
                and EMBEDDING_GAP.fullmatch(self.masked, o.content[0], e.subj_start)
                for o in earlier
            )
        ]
        if outer:
            return list(outer[-1].speakers)
        person = self.registry.last_person_before(vs, floor=ss, namelike=False)
        if person:
            return [person]
        # the sentence's own subject: "The board gave ... and then urged ..." (after a dateline)
        dateline = DATELINE.match(self.masked, ss, vs)
        if dateline:
            ss = dateline.end()
        # (or after a phrase of time: "At 3:30 p.m., Apple updated its site and said ...")
        when = _LEADING_WHEN.match(self.masked, ss, vs)
        if when:
            ss = when.end()
        tokens = self.masked[ss : min(vs, ss + 160)].split()
        if len(tokens) > 2 and tokens[0] in ("He", "She", "They") and _finite(tokens[1]):
            # "She was 43 and says she had made peace with it": the pronoun opening the clause
            s = self.resolve(tokens[0].casefold(), ss)
            return [s] if s else []
        if len(tokens) > 2 and tokens[0] in ("The", "the", "A", "An"):
            for k in range(2, min(5, len(tokens))):
                word = tokens[k]
                if _finite(word) or (word.endswith("ing") and word.islower()):
                    s = self.resolve(" ".join(tokens[:k]), ss)
                    return [s] if s else []
        # or a name: "Ruiz defended the plan, adding: ..."
        k = 0
        while (
            k < min(4, len(tokens)) and is_cap(tokens[k]) and bare(tokens[k]) not in FUNCTION_WORDS
        ):
            k += 1
        if 0 < k < len(tokens) and _finite(tokens[k]):
            s = self.resolve(" ".join(tokens[:k]), ss)
            return [s] if s else []
        # or the name before the last verb of a later clause: "They were close to a deal when
        # Mayor Lind ended the talks, citing ..."
        for j in range(len(tokens) - 1, 1, -1):
            if not (_finite(tokens[j]) and tokens[j].islower()):
                continue
            i = j
            while i > 0 and is_cap(tokens[i - 1]) and bare(tokens[i - 1]) not in FUNCTION_WORDS:
                i -= 1
            if i == j or i == 0 or bare(tokens[i - 1]) not in CLAUSE_STOPS:
                continue
            s = self.resolve(" ".join(tokens[i:j]), ss)
            return [s] if s else []
        return []

    def _according(self, as_: int, ae: int, ss: int, se: int) -> Attribution | None:
        m = self.masked
        np_m = re.match(r"(?:[^,;]|(?<=\d),(?=\d{3}))*", m[ae:se])  # ("8,000 analyst estimates")
        np = np_m.group(0).strip().rstrip(".")
        # 'according to "Feeling Lucky," Ana Ruiz's history of the firm': a work's title,
        # then what it is; its author is the source
        np = _TITLE_FIRST.sub("", np)
        np = MEDIUM_TAIL.sub("", np)
        work = _WORK_OF.match(np)
        if work and bare(work.group(2).split()[-1]) not in TITLE_WORDS | SOURCE_NOUNS:
            np = work.group(1)
        # ("Ana Ruiz of the National Institute of Economic and Social Research": a name with
        # a long affiliation is still a source)
        affiliation = _AFFILIATION_END.search(np)
        if np and len(np[: affiliation.start() if affiliation else len(np)].split()) > 10:
            # "according to eyewitnesses who saw the two holding hands at the office last
            # week": a long relative clause says which sources, and is no part of their name
            np = re.split(r"\s+(?:who|whom|whose)\s+", np, maxsplit=1)[0]
            affiliation = _AFFILIATION_END.search(np)
        if not np or len(np[: affiliation.start() if affiliation else len(np)].split()) > 10:
            return None
        first = bare(np.split()[0])
        if np.casefold() in ("him", "her", "them"):
            np = {"him": "he", "her": "she", "them": "they"}[np.casefold()]  # "According to him"
        elif first in ("our", "their", "his", "her", "its", "my", "your", "this", "that"):
            # ("according to her NASA biography", "according to his lawyer": a body or a role
            # names a source; "according to his account" does not)
            rest = np.split()[1:]
            if not any(
                is_cap(w) or bare(w) in TITLE_WORDS or bare(w) in SOURCE_NOUNS for w in rest
            ):
                return None
        if bare(np.split()[-1]) in NORMS and not any(
            is_cap(w) and bare(w) not in DETERMINERS for w in np.split()[:-1]
        ):
            # "according to plan", "according to the rules" (but "according to the current
            # Ledger forecast" cites the Ledger)
            return None
        if (
            np not in PRONOUNS
            and not (first in ("the", "a", "an") and len(np.split()) <= 4)
            and not any(is_cap(w) for w in np.split())
            and not any(
                # ("according to hospitals", "according to prosecutors": plurals too)
                one in SOURCE_NOUNS | ORG_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS | DOC_NOUNS
                or one in TITLE_WORDS
                for w in np.split()
                for one in {bare(w), singular(bare(w))}
            )
            # "according to engineers", "according to local residents"
            and not (len(np.split()) <= 3 and GROUP_HEAD_WORD.search(bare(np.split()[-1])))
        ):
            return None
        head = m[ss:as_].strip()
        np_end = ae + np_m.end()
        detail = ""
        apo = APPOSITIVE_AFTER.match(m, np_end, se) if not head else None
        if apo:
            # 'According to the finance director, Raj Mehta, CONTENT' (or the other way round)
            inner = apo.group(1).strip()
            if looks_person_name(inner) and not looks_person_name(np):
                np, detail, np_end = inner, np, apo.end()
            elif looks_person_name(np) and bare(inner.split()[0]) in ("a", "an", "the"):
                detail, np_end = inner, apo.end()
        speaker = self.resolve(np, ae, detail)
        if not speaker:
            return None
        att = Attribution(as_, ae, as_, [speaker], kind="according")
        if not head:
            # 'According to X, CONTENT.'
            att.content = self._trim_content(np_end, se)
        elif (
            m[ae + np_m.end() : se].strip(" .") == ""
            or RELATIVE_WHO_WHICH.match(m, ae + np_m.end(), min(se, ae + np_m.end() + 12))
            # ("..., according to Stifel Nicolaus, an investment bank.": an appositive ends it)
            or re.fullmatch(
                r",\s+(?:a|an|the)\s+[^,;\"“”]{1,60}?[.!?]?\s*", m[ae + np_m.end() : se]
            )
        ):
            att.trailing = True
            att.content = self._trim_content(ss, as_)
        else:
            att.trailing = True
            att.content = self._trim_content(ss, se)
        return att if att.content else None
