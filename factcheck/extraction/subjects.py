"""Subjects of speech verbs: the noun phrase before the verb (with its appositive) or the
name after it ('said Ana Ruiz, a lawyer')."""

from __future__ import annotations

import re

from factcheck.extraction.lexicon import (
    ADVERB_TAIL,
    AUXILIARIES,
    CLAUSE_STOPS,
    CLAUSE_VERBS,
    DETERMINERS,
    DIGIT_COMMA,
    DOC_NOUNS,
    FIRST_PERSON,
    GROUP_HEAD_WORD,
    IRREGULAR_PAST,
    LINKS,
    LIST_BEFORE,
    RELATIVE_TAIL,
    VERB_RE,
    bare,
    company_noun,
    is_boundary,
    is_cap,
    is_possessive,
    singular,
    word_spans,
)
from factcheck.extraction.speakers import (
    FUNCTION_WORDS,
    GOVERNMENT_WORDS,
    HONORIFICS,
    LOCATIVES,
    MEDIA_WORDS,
    ORG_WORDS,
    PRONOUNS,
    SOURCE_NOUNS,
    TITLE_WORDS,
    given_name,
    looks_person_name,
    person_tail,
    split_names,
)

_INITIAL = re.compile(r"[A-Z]\.")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
# "a spokesman for Vance": a role held on someone's behalf, whose holder may be named next
_ROLE_FOR = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[\w-]+\s+)?(?:"
    + "|".join(sorted(TITLE_WORDS | SOURCE_NOUNS))
    + r")\s+(?:for|of|to|at|with)\s+(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*)*$"
)
_DETERMINER_END = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Tt]his|[Tt]hat)\s*$"
)
# nouns in -ly that name people, which may follow a name ("the Ruiz family")
_LY_NOUNS = frozenset("family ally assembly".split())
_SENTENCE_ADVERBS = frozenset(
    """later earlier then still also meanwhile instead indeed thus therefore moreover
    furthermore besides otherwise again soon already now today yesterday finally similarly
    however afterwards""".split()
)
_BRACKETED_END = re.compile(r"\s*\([^()]{1,80}\)\s*$")
# a share of a group: "Nearly six in 10", "About 40 percent of", "Most of the"
_SHARE_OPENERS = (
    r"(?:(?:nearly|almost|about|roughly|some|more\s+than|over|fewer\s+than|just|only|another|"
    r"overall)\s+)*"
)
_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
# "53%", "17 percent", "Fifty-nine per cent"
_PERCENT = (
    rf"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:{_UNITS}))?"
    rf"|{_UNITS}|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen)"
    r"(?:\s*%|\s+percent|\s+per\s+cent)"
)
_SHARE = re.compile(
    _SHARE_OPENERS + rf"(?:(?:\d+|{_UNITS}|ten)\s+"
    r"(?:in|out\s+of|of)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|every)"
    rf"|{_PERCENT}\s+of(?:\s+the)?|(?:most|many|half)\s+of\s+the)\s+",
    re.IGNORECASE,
)
# a share standing alone: "53% said", "another 17 percent say"
_SHARE_ALONE = re.compile(
    _SHARE_OPENERS + _PERCENT + r"(?:\s+of\s+(?:them|those|respondents))?",
    re.IGNORECASE,
)
_SUBORDINATE_SHARE = re.compile(
    r"[,;]\s*(?:when|while|as|after|because|since|whereas|but|and)\s+(?=[\w-]+\s*(?:%|percent|per\s+cent))",
    re.IGNORECASE,
)
# plurals of people a survey asks that the group-noun endings miss
_SURVEYED = frozenset(
    "adults teens children youths households families girls boys those respondents".split()
)
# a sentence opening with a share of a group, its lines drawn after it, up to the verb
_SHARE_OPENING = re.compile(
    r"(?:(?:and|but|yet|still|meanwhile|overall|among\s+them),?\s+)?"
    + _SHARE.pattern
    + r"([a-z][\w-]*)(?:\s+[\w-]+){1,8}?(?:\s+(?:also|still|now|have|had|has))?",
    re.IGNORECASE,
)
_TIME_NOUNS = frozenset(
    "week month year weekend night morning evening afternoon summer spring fall autumn winter "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_LEADING_PREPOSITIONS = frozenset("in on at after before during since until by".split())
# a person, a comma, then a role ending in a preposition, its closing comma left out
_UNCLOSED_APPOSITIVE = re.compile(
    r"(?:^|(?<=[,.;:”\"]\s)|(?<=\n))([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}),\s+"
    r"[^,;:“”\"]{2,80}?\s(?:at|of|for|with)\s+(?:the\s+)?$"
)
_DETERMINED_PHRASE = re.compile(r"\s*((?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]+\s+){0,6}[\w’'-]+)\s*")
_WHERE_TAIL = re.compile(r"\s(?:where|whose)\s[^,;:\"“”]{1,80}$")
# a name opening the sentence, then a comma
_NAME_THEN_COMMA = re.compile(r"\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}),\s")
# a person, a comma, then the role's capitalised title (left_subject checks the title)
_UNCLOSED_TITLE = re.compile(
    r"(?:^|(?<=[,.;:”\"]\s)|(?<=\n))([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}),\s+(?:the\s+)?$"
)
# "It's", "That's", "There's": a verb contracted, not a possessor
_CONTRACTION = re.compile(r"\W*(?:it|that|there|here|what|who|where|he|she)['’]s$", re.I)
_OPENING_LINKS = frozenset("and but yet so nor".split())
_AROUND_NAME = re.compile(
    r"(?<![\w’'-])([\w’'-]+)\s+(?:close\s+to|around|near|surrounding)\s+(?:the\s+)?$"
)
# participles whose agent came by a document without writing it
_OBTAINED = frozenset("obtained seen reviewed viewed acquired".split())
# heads of noun phrases that can name a speaker
SPEAKING_HEADS = SOURCE_NOUNS | ORG_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS | TITLE_WORDS
_NOT_DESCRIPTORS = FUNCTION_WORDS | AUXILIARIES | CLAUSE_STOPS | PRONOUNS | IRREGULAR_PAST
_SPEECH_VERBS = frozenset(CLAUSE_VERBS)
_DESCRIPTOR_WORDS = 8  # "former Acme chief financial officer": a chain is a few words long
# a verb or adverb, not the head noun of a chain of descriptors ("allowed Lind to claim")
_NOT_A_HEAD = re.compile(r"(?:ed|ing|ly)$")


_POSTMODIFIERS = frozenset("behind of at from in with for near across inside outside".split())


def _head_before_postmodifier(np_words: list[str]) -> bool:
    """'the companies behind the scheme', 'the firms in the consortium': a determiner, a head
    naming a body or a group of people, then a prepositional phrase."""
    if len(np_words) > 8 or bare(np_words[0]) not in DETERMINERS:
        return False
    k = next((n for n, w in enumerate(np_words) if bare(w) in _POSTMODIFIERS), 0)
    if k < 2:
        return False
    head = bare(np_words[k - 1])
    one = singular(head)
    return (
        company_noun(one)
        or one in ORG_WORDS
        or one in GOVERNMENT_WORDS
        or bool(GROUP_HEAD_WORD.search(head))
    )


def describes(word: str) -> bool:
    """A word of the chain of descriptors news style puts before a name without a comma
    ('former state fire marshal', 'veteran Utah firefighter', "Acme's chief financial
    officer"): a modifier or noun, capitalised or not, but no function word or verb."""
    if is_boundary(word) or word.endswith((".", "!", "?", ")")) or word[:1] in "(\"“‘'":
        return False
    low = bare(word)
    if is_possessive(word):
        low = low[:-2] if low.endswith(("'s", "’s")) else low[:-1]
    if not low.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return False
    return low not in _NOT_DESCRIPTORS and (is_cap(word) or low not in _SPEECH_VERBS)


_PLACE_TAIL = re.compile(
    r"\s(?:in|of|from|near|outside)\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*,\s+"
    r"(?:[A-Z][\w.’'-]*\s*){1,3}$"
)


def describing_chain(words: list[str]) -> bool:
    """Every word describes, a name's inner 'of' included ('University of Norland climate
    expert')."""
    for i, word in enumerate(words):
        inner = 0 < i < len(words) - 1 and is_cap(words[i - 1]) and is_cap(words[i + 1])
        # ("author and psychologist Ana Ruiz": two roles joined)
        joined = bare(word) == "and" and 0 < i < len(words) - 1
        if not (
            describes(word) or joined or (inner and bare(word) in ("of", "for", "the", "and", "de"))
        ):
            return False
    return True


# "Dana Okafor's son", "the company's founder": one role of a possessor, the whole subject
_POSSESSED_ROLE = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[\w.’'-]+['’]s?\s+(?:[a-z-]+\s+)?[a-z-]+"
)


class SubjectFinder:
    """Mixed into statements.Extractor: finds the subject words around a speech verb."""

    masked: str

    def left_subject(self, ss: int, vs: int) -> tuple[str, int, str, bool] | None:
        """(noun phrase, its start, appositive/descriptor, joint 'all') ending just before vs."""
        window = self.masked[ss:vs]
        # (or a clause after a subordinator: "..., when 48% of respondents said", whose
        # subject is then looked for from the subordinator on, shares of any length included)
        sub = _SUBORDINATE_SHARE.search(window)
        if sub:
            window = window[sub.end() :]
            ss += sub.end()
        share = _SHARE_OPENING.fullmatch(window.strip())
        if share and (
            GROUP_HEAD_WORD.search(bare(share.group(1))) or bare(share.group(1)) in _SURVEYED
        ):
            # "Sixty-three percent of voters 50 or older said": a share of a group the
            # survey drew opens the sentence, and speaks for the survey
            return "the survey", ss + len(window) - len(window.lstrip()), "", False
        found = self._left_subject(ss, vs)
        if found and is_cap(found[0].split()[-1]):
            # "Jean Roux, director of research at the Norland Space Agency told": the comma
            # closing the appositive was left out; the person before it is the subject
            unclosed = _UNCLOSED_APPOSITIVE.search(self.masked, max(ss, found[1] - 160), found[1])
            if unclosed and looks_person_name(unclosed.group(1)):
                role = self.masked[unclosed.end(1) : found[1] + len(found[0])].strip(" ,")
                return unclosed.group(1), unclosed.start(1), role, found[3]
            # "Dana Okafor, CEO of Norcorp said": a capitalised title took the whole role
            titled = _UNCLOSED_TITLE.search(self.masked, max(ss, found[1] - 60), found[1])
            role_words = re.sub(r"^[Tt]he\s+", "", found[0]).split()
            if (
                titled
                and len(role_words) > 2
                and bare(role_words[0]) in TITLE_WORDS
                and bare(role_words[1]) in ("of", "at", "for")
                and looks_person_name(titled.group(1))
            ):
                return titled.group(1), titled.start(1), found[0], found[3]
        if found is None and self.masked[ss:vs].rstrip().endswith(","):
            # "Hoenig, the Fed's longest-serving policymaker and one of 10 people who decide
            # what borrowers pay on mortgages, loans and other products, said": an appositive
            # long enough to hold commas of its own, after a name opening the sentence
            opening = _NAME_THEN_COMMA.match(self.masked, ss, vs)
            between = self.masked[opening.end() : vs] if opening else ""
            if (
                opening
                and not VERB_RE.search(between)
                and not re.search(r"[\"“”;:]", between)
                and (
                    looks_person_name(opening.group(1))
                    or self.registry.lookup_person(opening.group(1), opening.start(1))
                    or any(
                        c.split()[-1] == opening.group(1) and looks_person_name(c)
                        for c in self.registry.chunk_names
                    )
                )
            ):
                return opening.group(1), opening.start(1), between.strip(" ,"), False
        bracket = _BRACKETED_END.search(self.masked, ss, vs) if found is None else None
        if bracket and bracket.start() > ss:
            # "a source (who asked not to be named) reported": the phrase before the aside,
            # which stays with it (the party keeps it as an alias)
            found = self._left_subject(ss, bracket.start())
            if found:
                aside = self.masked[bracket.start() : bracket.end()].strip()
                found = (f"{found[0]} {aside}", *found[1:])
        return found

    def _left_subject(self, ss: int, vs: int) -> tuple[str, int, str, bool] | None:
        m = self.masked
        left = m[ss:vs]
        joint = False
        while True:
            t = ADVERB_TAIL.search(left, max(0, len(left) - 80))
            if not t or t.start() == len(left):
                break
            # "the family said", "the Ruiz family said": a noun in -ly, no adverb
            lone = re.fullmatch(r"\s*([a-z]+ly)\s*", t.group(0))
            if lone and (lone.group(1) in _LY_NOUNS or _DETERMINER_END.search(left, 0, t.start())):
                break
            if re.search(r"\b(?:all|both)\b", t.group(0)):
                joint = True
            parenthetical = t.group(0).rstrip().endswith(",")
            if parenthetical and not left[: t.start()].rstrip().endswith(","):
                break  # "Ruiz, speaking on Monday, said": the time ends an appositive
            left = left[: t.start()]
            if parenthetical and left.rstrip().endswith(","):
                left = left.rstrip()[:-1]
        seg = left.rstrip()
        appositive = ""
        if seg.endswith((",", " -", " –", " —")):
            sep = seg[-1]
            body = seg[:-1].rstrip()
            # "a student at Harbor University in Durham, North Carolina, said": where the
            # speaker is, in AP style's commas, is no appositive
            place = _PLACE_TAIL.search(body) if sep == "," else None
            # ("The chief executive of Norcorp, Nick Bale, said": a person after the comma)
            after_comma = body[place.start() :].split(",", 1)[1].split() if place else []
            if after_comma and given_name(after_comma[0]):
                place = None
            if place:
                body = body[: place.start()].rstrip(" ,")
            plain = DIGIT_COMMA.sub(" ", body)  # "more than 2,000 residents" is one phrase
            k = max(plain.rfind(","), plain.rfind(" -"), plain.rfind(" –"), plain.rfind(" —"))
            if sep != "," and k < 0:
                return None
            if k < 0:
                return self._left_np(body, ss, "", joint) if place else None
            appositive = body[k + 1 :].strip(" ,-–—")
            head = body[:k].rstrip(" ,-–—")
            if not head.strip():
                return None
            if FIRST_PERSON.fullmatch(appositive.strip()):
                return None
            # "Dr. Ana Ruiz, a surgeon in Mateo, Calif., who has done 1,100 operations, noted":
            # a non-restrictive relative clause between the subject and its verb
            after_head = ss + len(head)
            if re.match(r"(?:who|whose)\s", appositive) and m[after_head : after_head + 1] == ",":
                if "," in DIGIT_COMMA.sub(" ", head):
                    return self.left_subject(ss, after_head + 1)
                return self._left_np(head, ss, "", joint)
            # "X, the mayor, was a banker, reports Y": a predicate, not an appositive
            if bare(appositive.split()[0] if appositive.split() else "") in AUXILIARIES:
                return None
            # "Two of the members - Norland and Vesk - criticised": the names are the subject
            # (but "Hotstar, Amazon Prime and Netflix have seen ...": a clause, not names)
            if len(split_names(appositive)) > 1 and not re.search(
                r"\b(?:is|was|are|were|has|have|had|will|would)\b", appositive
            ):
                return appositive, ss + body.find(appositive), "", True
            seg = re.sub(r",\s*\d{1,3}$", "", head)  # "Janet Cole, 58, a teacher, said"
            found = self._left_np(seg, ss, appositive, joint)
            # "The team's owner, Derek Vance, said": the name is in the appositive; so in
            # "A lawyer for Vance, Paul Ng, said", where the head names whom he speaks for
            role = _ROLE_FOR.search(seg)
            # (one name alone too, when the story knows it as a person's: "Brittany")
            named = looks_person_name(appositive) or (
                " " not in appositive and bool(self.registry.lookup_person(appositive))
            )
            if found and named:
                if found[0].split()[-1].islower():
                    return appositive, found[1], found[0], joint  # starts where its head does
                if role:
                    return appositive, ss + role.start(), role.group(0), joint
            # "The state's largest power provider, Norgas Corp., said": a body's proper name
            # after a common noun phrase describing it is the more specific subject
            apo_words = appositive.split()
            proper = (
                0 < len(apo_words) <= 6
                and is_cap(apo_words[0])
                and bare(apo_words[0]) not in FUNCTION_WORDS
                and all(is_cap(w) or bare(w) in LINKS or w == "&" for w in apo_words)
            )
            head_words = seg.rsplit(",", 1)[-1].split()  # ("By Wednesday, the state's ...")
            opener = bare(head_words[0]) if head_words else ""
            described = (
                proper
                and not named
                and 1 < len(head_words) <= 7
                and head_words[-1].isalpha()
                and head_words[-1].islower()
                and (
                    opener in DETERMINERS | {"its", "their"}
                    or any(is_possessive(w) for w in head_words[:3])
                )
            )
            if described and (found is None or found[0].split()[-1].islower()):
                seg = seg.rsplit(",", 1)[-1]
                return appositive, ss + body.find(appositive), seg.strip(), joint
            # "Dana Okafor's son, Chaz Okafor, said": a relation of someone, then the name
            kin = _POSSESSED_ROLE.fullmatch(seg.strip())
            if not found and named and kin:
                return appositive, ss + body.find(appositive), seg.strip(), joint
            return found
        # "The mayor of the village where both men lived says": the clause of place closes
        # the phrase whose head speaks
        where = _WHERE_TAIL.search(seg)
        if where and not VERB_RE.search(where.group(0)):
            head = seg[: where.start()]
            found = self._left_np(head, ss, appositive, joint)
            if found:
                return found
            # (the whole phrase, when it opens the sentence: "The mayor of the village")
            phrase = _DETERMINED_PHRASE.fullmatch(head)
            if phrase:
                return phrase.group(1), ss + phrase.start(1), appositive, joint
        # "Residents who spoke to the Ledger said": the name closes a relative clause whose
        # antecedent is the subject
        rel = RELATIVE_TAIL.search(seg)
        if rel and rel.group(1)[:1].islower() and bare(rel.group(1)) not in DETERMINERS:
            words = seg.split()
            if words:
                found = self._relative_antecedent(seg, ss, joint)
                if found:
                    return found
        return self._left_np(seg, ss, appositive, joint) or self._relative_antecedent(
            seg, ss, joint
        )

    def _relative_antecedent(
        self, seg: str, ss: int, joint: bool
    ) -> tuple[str, int, str, bool] | None:
        """The subject of a restrictive relative clause: "analysts who studied the plan say",
        "a local group which said" (the name before such an appositive speaks)."""
        rel = RELATIVE_TAIL.search(seg)
        # "voters who it believes would ...": the clause has its own subject, which speaks
        if not rel or VERB_RE.search(rel.group(0)) or bare(rel.group(1)) in PRONOUNS:
            return None
        head = seg[: rel.start()].rstrip()
        if not head or head.endswith(","):
            return None
        found = self._left_np(head, ss, "", joint)
        if not found or VERB_RE.search(found[0]):
            return None
        last = bare(found[0].split()[-1])
        named = is_cap(found[0].split()[-1]) or last in SPEAKING_HEADS
        if not (named or GROUP_HEAD_WORD.search(last)):
            return None  # "the fact that ...", "the plan which ..."
        if found and bare(found[0].split()[0]) in ("a", "an"):
            before = head[: found[1] - ss].rstrip()
            if before.endswith(","):
                name = self._left_np(before[:-1].rstrip(), ss, found[0], joint)
                if name and is_cap(name[0].split()[-1]):
                    return name
        return found

    def _left_np(
        self, seg: str, ss: int, appositive: str, joint: bool
    ) -> tuple[str, int, str, bool] | None:
        # a subject is a few words long: tokenise only the end of the window
        cut = max(0, len(seg) - 240)
        cut = seg.find(" ", cut) + 1 if cut else 0
        words = word_spans(seg[cut:], ss + cut)
        if not words:
            return None
        last_pos, last = words[-1]
        if any(c in last for c in '"“”') or "xxx" in last:
            return None
        low = bare(last)
        # a possessor needs its noun ("the mayor's said" is no English), but a name may end
        # like one: "Moody's noted that", "McDonald's said"
        if is_possessive(last) and not (is_cap(last) and not _CONTRACTION.match(last)):
            return None
        if low in PRONOUNS and last[-1:].isalpha():
            # "voters who it believes would gain", but "an article in which it claimed"
            before = bare(words[-2][1]) if len(words) > 1 else ""
            relative = before in ("who", "which", "that", "whom")
            after_preposition = len(words) > 2 and bare(words[-3][1]) in ("in", "of", "for")
            if (relative and not after_preposition) or before in ("if", "whether"):
                return None
            return last, last_pos, appositive, joint
        if low in CLAUSE_STOPS or low in ("and", "or"):
            return None
        # "to approve the subsidies many say are required": a contact clause, whose subject
        # is the quantifier alone
        if (
            low in ("many", "some", "most", "others", "few")
            and len(words) > 1
            and words[-2][1].isalpha()
            and words[-2][1].islower()
            and bare(words[-2][1]) not in DETERMINERS | FUNCTION_WORDS
        ):
            return last, last_pos, appositive, joint
        # a capitalised name (with titles and affiliation words before it)
        if is_cap(last) and low not in FUNCTION_WORDS:
            i = len(words) - 1
            while i > 0:
                prev = words[i - 1][1]
                pl = bare(prev)
                if is_boundary(prev):
                    break
                if is_cap(prev) and pl not in FUNCTION_WORDS and not prev.endswith(("'s", "’s")):
                    i -= 1
                    continue
                # "Procter & Gamble", "Dun & Bradstreet": an ampersand inside a name
                if prev == "&" and i > 1 and is_cap(words[i - 2][1]):
                    i -= 2
                    continue
                if pl in LINKS:
                    j = i - 1
                    while j > 0 and bare(words[j - 1][1]) in LINKS:
                        j -= 1
                    if (
                        j > 0
                        and is_cap(words[j - 1][1])
                        and not is_boundary(words[j - 1][1])
                        and bare(words[j - 1][1]) not in FUNCTION_WORDS
                    ):
                        i = j - 1
                        continue
                    break
                if pl in TITLE_WORDS and i > 0:
                    i -= 1
                    continue
                # "First Minister Alex Salmond", "First Lady Ana Ruiz": part of the title
                if prev == "First" and bare(words[i][1]) in TITLE_WORDS | {"lady"}:
                    i -= 1
                    continue
                break
            # "the ministry's spokeswoman Ana Ruiz": the possessor belongs to the phrase
            if (
                i > 0
                and bare(words[i][1]) in TITLE_WORDS
                and words[i - 1][1].endswith(("'s", "’s"))
            ):
                i -= 1
                while i > 0 and (
                    bare(words[i - 1][1]) in ("the", "a", "an")
                    or (is_cap(words[i - 1][1]) and not is_boundary(words[i - 1][1]))
                ):
                    i -= 1
            # "Acme's chief financial officer Jane Roe", "veteran Utah firefighter Jo Banks":
            # a chain of descriptors opening the clause belongs to the phrase
            j = self._descriptors_before(words, i) if cut == 0 or i > _DESCRIPTOR_WORDS else i
            if j < i and (j == 0 or is_boundary(words[j - 1][1])):
                i = j
            start = words[i][0]
            np = seg[start - ss :].strip()
            # "emails obtained by the Ledger show": the outlet only obtained what speaks
            k = i - 2 if i >= 3 and bare(words[i - 1][1]) == "the" else i - 1
            if k >= 2 and bare(words[k][1]) == "by" and bare(words[k - 1][1]) in _OBTAINED:
                j = k - 1
                while j > 0 and k - j < 5 and not is_boundary(words[j - 1][1]):
                    j -= 1
                    if bare(words[j][1]) in DETERMINERS:
                        break
                i = j
                start = words[i][0]
                np = seg[start - ss :].strip()
            # "authorities in Lisbon", "officials from Norland"; "owners on Mill Street",
            # "residents near the Lakeshore Plant": the place only says where they are
            k = i - 2 if i >= 3 and bare(words[i - 1][1]) == "the" else i - 1
            head = bare(words[k - 1][1]) if k >= 1 else ""
            prep = bare(words[k][1]) if k >= 1 else ""
            if (
                prep in ("in", "from", "at")
                and k == i - 1
                and head in SOURCE_NOUNS | GOVERNMENT_WORDS
            ) or (
                prep in LOCATIVES
                and not is_boundary(words[k][1])  # ("the talks will go on, Hasen said")
                and words[k - 1][1].isalpha()
                # lowercase, or capitalised only as a sentence's first word
                and (words[k - 1][1].islower() or k == 1)
                and head not in FUNCTION_WORDS | DOC_NOUNS
            ):
                i = k - 1
                start = words[i][0]
                np = seg[start - ss :].strip()
            # "those around Lind", "people close to Lind": the name is whom they are close to
            around = _AROUND_NAME.search(seg, 0, start - ss)
            if around and bare(around.group(1)) in SOURCE_NOUNS | {"those"}:
                start = ss + around.start()
                np = seg[start - ss :].strip()
            # "Northwind, Contoso and Fabrikam": a list before the last name
            lst = LIST_BEFORE.search(seg[: start - ss])
            if lst and " and " in np:
                start = ss + lst.start()
                np = seg[start - ss :].strip()
            if i > 0 and bare(words[i - 1][1]) == "the":
                start = words[i - 1][0]
            if bare(np) in FUNCTION_WORDS:
                return None
            if i > 0 and bare(words[i - 1][1]) in ("whether", "if"):
                return None
            # "a spokeswoman for the Port Authority said": the name only says whom she
            # speaks for; she is the speaker
            role = _ROLE_FOR.search(seg)
            if role and ss + role.start() < start:
                return role.group(0), ss + role.start(), appositive, joint
            return np, start, appositive, joint
        # a common noun phrase: walk back to a clause boundary
        i = len(words) - 1
        while i > 0 and len(words) - i < 12:
            prev = words[i - 1][1]
            pl = bare(prev)
            if is_boundary(prev):
                break
            if pl in CLAUSE_STOPS or pl in ("is", "was", "are", "were", "has", "have", "had"):
                break
            # "I spoke with another assistant who said": the phrase is the object of a verb
            if (
                pl in ("with", "to", "from", "about")
                and i >= 2
                and bare(words[i][1]) in DETERMINERS | {"another"}
                and words[i - 2][1].islower()
                and (bare(words[i - 2][1]) in IRREGULAR_PAST or words[i - 2][1].endswith("ed"))
                and not (i >= 3 and bare(words[i - 3][1]) in ("who", "that", "which"))
            ):
                break
            # "the union and the company" is a joint subject, "X said it and Y" is not; nor is
            # "hospital and transplant officials", two modifiers right after a clause boundary
            paired_modifier = (
                i > 1
                and words[i - 2][1].isalpha()
                and words[i - 2][1].islower()
                and (i == 2 or is_boundary(words[i - 3][1]))
            )
            if (
                pl == "and"
                and not paired_modifier
                and not (
                    (is_cap(words[i][1]) or bare(words[i][1]) in ("the", "a", "an"))
                    and (is_cap(words[i - 2][1]) or (i > 2 and bare(words[i - 3][1]) == "the"))
                    if i > 1
                    else False
                )
            ):
                break
            i -= 1
        # "Later the old man added": a sentence adverb before the phrase is not part of it,
        # nor is a conjunction opening the sentence ("And doctors say", "Yet critics say")
        while len(words) - i > 1 and bare(words[i][1]) in _SENTENCE_ADVERBS | _OPENING_LINKS:
            i += 1
        opens = i == 0 or is_boundary(words[i - 1][1])
        if not opens and bare(words[i - 1][1]) in _OPENING_LINKS:
            opens = i == 1 or is_boundary(words[i - 2][1])
        # "Then, in February 2011 a federal judge ruled": a leading phrase of time is no part
        # of the subject that follows it
        # (and "Last week the company behind the directory announced")
        if bare(words[i][1]) in _LEADING_PREPOSITIONS or (
            bare(words[i][1]) in ("last", "this", "next", "earlier", "later")
            and i + 1 < len(words)
            and bare(words[i + 1][1]) in _TIME_NOUNS
        ):
            j = next(
                (
                    k
                    for k in range(i + 1, len(words) - 1)
                    if bare(words[k][1]) in ("a", "an", "the")
                ),
                None,
            )
            if j is not None:
                i = j
        np_words = [w for _, w in words[i:]]
        # "53% said they live at home", "another 17 percent say": a share of those asked
        # speaks for the survey that asked them (whose issuer the parties step finds)
        if _SHARE_ALONE.fullmatch(" ".join(np_words)) and opens:
            return "the survey", words[i][0], appositive, joint
        # "Nearly six in 10 Ohio voters said", "Two out of three doctors say": the share
        # quantifies the group, which is the speaker
        share = _SHARE.match(" ".join(np_words))
        if share and opens:
            rest = " ".join(np_words)[share.end() :].split()
            if 0 < len(rest) <= 3 and GROUP_HEAD_WORD.search(bare(rest[-1])):
                k = len(np_words) - len(rest)
                return " ".join(rest), words[i + k][0], appositive, joint
            # "39% of adults ages 18 to 34 say": a group drawn by the survey's own lines
            if len(rest) > 3 and GROUP_HEAD_WORD.search(bare(rest[0])):
                return "the survey", words[i][0], appositive, joint
        head = bare(np_words[-1])
        if not head.replace("-", "").isalpha():  # "the president-elect"
            return None
        if bare(np_words[0]) in ("whether", "if") or (
            i > 0 and bare(words[i - 1][1]) in ("whether", "if")
        ):
            return None
        if not (
            any(bare(w) in SOURCE_NOUNS for w in np_words)
            or head in SOURCE_NOUNS
            or head in ORG_WORDS
            or head in GOVERNMENT_WORDS
            or head in MEDIA_WORDS
            or head in DOC_NOUNS
            or head in TITLE_WORDS
            or head in ("firm", "company", "department", "ministry", "court")
            or (bare(np_words[0]) in DETERMINERS and len(np_words) <= 4)
            # "Local farmers said": a bare plural naming people, opening the clause
            or (len(np_words) <= 3 and opens and GROUP_HEAD_WORD.search(head))
            or _head_before_postmodifier(np_words)
            # "Mr Birrell's barrister said": a possessor determines the phrase like "the"
            or (
                len(np_words) <= 5
                and any(
                    is_possessive(w) and w[:1].isupper() and not _CONTRACTION.match(w)
                    for w in np_words[:-1]
                )
                and not is_possessive(np_words[-1])
                and head.isalpha()
                and opens
            )
        ):
            return None
        if len(np_words) > 11:
            return None
        return " ".join(np_words), words[i][0], appositive, joint

    @staticmethod
    def _descriptors_before(words: list[tuple[int, str]], i: int) -> int:
        """Where a chain of descriptors before the name at words[i] begins (i if there is
        none): 'former state fire marshal John Miller'. The word before the name is the
        chain's head noun; a verb there makes the name its object ('allowed Ana Ruiz to
        claim')."""
        if i == 0:
            return i
        if is_cap(words[i][1]) and _NOT_A_HEAD.search(bare(words[i - 1][1])):
            return i
        j = i
        while j > 0 and i - j < _DESCRIPTOR_WORDS and describes(words[j - 1][1]):
            j -= 1
        if j > 0 and bare(words[j - 1][1]) in ("the", "a", "an"):
            j -= 1
        return j

    def right_subject(self, ve: int, se: int) -> tuple[str, int] | None:
        """Speaker named after the verb: 'said Ana Ruiz, a lawyer', 'reports Lind'."""
        right = self.masked[ve : min(se, ve + 300)]
        right = right.split("—", 1)[0].split(" – ", 1)[0]  # ('says Lind—Ruiz is': an aside ends)
        words = word_spans(right, ve)
        if not words:
            return None
        first = bare(words[0][1])
        if first in ("in", "on", "at", "that", "to", "it", "this", "about", "for", "with", "by"):
            return None
        if first in ("he", "she", "they"):
            return words[0][1].strip(",."), words[0][0]
        # a name within the first few words, or after a chain of descriptors ("said former
        # state fire marshal Dana Kim", "says veteran Norland firefighter Jo Banks")
        opener = 1 if bare(words[0][1]) in DETERMINERS else 0
        fallback = None
        k = 0
        while k < min(4 + _DESCRIPTOR_WORDS, len(words)):
            w = words[k][1]
            if k >= 4 and not describing_chain([x for _, x in words[opener:k]]):
                break
            starts_name = k + 1 < len(words) and is_cap(words[k + 1][1]) and not is_boundary(w)
            if is_cap(w) and (bare(w) not in FUNCTION_WORDS or starts_name):
                j = k
                parts = []
                while j < len(words):
                    wj = words[j][1]
                    if is_cap(wj) or (
                        bare(wj) in ("of", "for", "the")
                        and j + 1 < len(words)
                        and is_cap(words[j + 1][1])
                    ):
                        parts.append(wj)
                        honorific = wj.endswith(".") and bare(wj) in HONORIFICS
                        # "said Sen. Jane Q. Public": a middle initial's point ends nothing
                        initial = _INITIAL.fullmatch(wj) and j + 1 < len(words)
                        # "one U.S. official": an abbreviation's last point ends nothing either
                        dotted = _DOTTED.fullmatch(wj) and j + 1 < len(words)
                        if wj.endswith((",", ".", ";", ":")) and not (
                            honorific or initial or dotted
                        ):
                            break
                        j += 1
                    else:
                        break
                name = " ".join(parts).strip(" ,.;:")
                lead = " ".join(x for _, x in words[:k])
                chain = describing_chain([x for _, x in words[opener:j]])
                # "said a City Hall official", "says Norland firefighter Jo Banks": the name
                # only modifies the noun after it, which may open a name of its own
                nxt = words[j][1] if j < len(words) else ""
                modifier = (
                    parts
                    and (
                        not parts[-1].endswith((",", ".", ";", ":"))
                        or bool(_DOTTED.fullmatch(parts[-1]))
                    )
                    and nxt[:1].islower()
                    and bare(nxt).isalpha()
                    and bare(nxt) not in FUNCTION_WORDS
                )
                # "said Contoso and its chief executive Dana Kim": the body and its officer
                owner = j + 2 < len(words) and bare(words[j + 1][1]) in ("its", "their")
                if k == 0 and owner and bare(nxt) == "and" and not parts[-1].endswith(","):
                    officer = self.right_subject(words[j + 2][0], se)
                    if officer and looks_person_name(person_tail(officer[0]) or officer[0]):
                        return f"{name} and {person_tail(officer[0]) or officer[0]}", words[0][0]
                if modifier and (k > 0 or chain):
                    if k == 0:
                        fallback = fallback or (name, words[k][0])
                    if not chain:
                        break
                    k = j
                    continue
                # "said fire Capt. Rosa Delgado", "said state Sen. Ana Ruiz": a title opens it
                titled = bare(w) in TITLE_WORDS or bare(w) in HONORIFICS
                # "said season-ticket holder Lucy Grant": a described person's full name
                described = looks_person_name(name)
                # "said Dutch pump maker Contoso": a chain of descriptors ending in a noun
                headed = k > 0 and chain and not _NOT_A_HEAD.search(bare(words[k - 1][1]))
                if k > 0 and not opener and not (titled or described or headed):
                    break
                if k > 0 and "for" in lead.split():
                    break
                if headed:
                    # the chain is the speaker's role: resolve keeps it so
                    return f"{lead} {name}", words[0][0]
                return name, words[k][0]
            if words[k][1].endswith((",", ".")):
                break
            k += 1
        if fallback:
            return fallback
        # a common noun phrase up to a comma or the end
        parts = []
        for _, w in words:
            if (
                bare(w) in ("in", "on", "at", "during", "before", "after", "while", "who", "which")
                and parts
            ):
                break
            parts.append(w)
            if w.endswith((",", ";", ":")):  # ("Added the mayor: ...")
                break
            if len(parts) >= 12:
                return None
        np = " ".join(parts).strip(" ,;")
        np = re.sub(r"\.$", "", np)
        if (
            parts
            and len(parts) <= 3
            and parts[-1].endswith(".")
            and not any(is_cap(w) for w in parts)
        ):
            # "..., noted experts.", "..., said local residents.": a bare plural of sources
            # closing the sentence
            head = bare(parts[-1])
            if head in SOURCE_NOUNS or (head.endswith("s") and GROUP_HEAD_WORD.search(head)):
                return np, words[0][0]
        if not parts or bare(parts[0]) not in DETERMINERS:
            return None
        if any(bare(w) in AUXILIARIES for w in parts):
            return None  # "said the vote was rigged": a clause, not the speaker
        # "said its president, Tom Hale": the name in apposition to the role speaks
        if parts[-1].endswith(","):
            rest = words[len(parts) : len(parts) + 4]
            named = []
            for _, w in rest:
                if not is_cap(w):
                    break
                named.append(w)
                if w.endswith((",", ".", ";", ":")):
                    break
            name = " ".join(named).strip(" ,.;:")
            ended = (named and named[-1].endswith((",", ".", ";", ":"))) or len(named) == len(rest)
            if ended and looks_person_name(name):
                return name, rest[0][0]
        return np, words[0][0]
