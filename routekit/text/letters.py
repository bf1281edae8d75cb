"""Lawyers' letters correcting an interview report: the corrected account is what the route rules read.

A letter ("correcties en aanvullingen", "corrections to the report of the interview") quotes the report's wrong
version and states the right one. The right route wins (hand-labelling convention 2 of the hard sets), so the
text the rules see is built from the letter's statements:
- a statement of what the report says ("In het verslag staat dat ...", "The report states that ...", "het rapport
  noemt ten onrechte Griekenland") is dropped, unless it confirms the report ("... is juist weergegeven", "is
  recorded correctly") or says what the report left out ("In het verslag ontbreekt dat ...");
- a replacement keeps only the right term ("er staat 'Ethiopie'; dit moet zijn 'Eritrea'", "'Macedonia' should
  read 'Albania'", "staat 'Curacao', maar client heeft 'Aruba' gezegd");
- a wrong term named on its own is dropped ("'Tunesie' is een vertaalfout", "'...' klopt niet");
- what the client did not say, or what the letter asks to strike, is dropped ("My client did not mention Belgium",
  "Please delete Chad", "Chad came up only because the smugglers were Chadians");
- "niet X, maar Y" / "not X but Y": the denied part is the report's version and is dropped;
- the parts of the route the letter confirms are the route's start, moved to the front, unless they say they are
  its end ("Het overige deel van de route (..., Nederland)", "The remainder of the route", or name the
  Netherlands).
Statements are sentences and the parts of a sentence after a colon or semicolon. Cue lists: ``document.yaml``
(``letters``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from routekit.text.document import cues, words_regex
from routekit.text.gazetteer import Mention, find_places
from routekit.text.normalise import QUOTE_CLOSERS, QUOTE_OPENERS, fold
from routekit.text.order_model import distance_home

# Statements: a sentence, or the part of one after a colon or a semicolon. The text is folded first, so the
# offsets of a statement are the same in the original.
# not an initial's dot ("Mr S. Barzani") nor a page's in brackets ("The report states (p. 2) that ...")
# nor the dot of a page or number abbreviation ("Op blz. 5 staat", "pag. 3", "nr. 4"; a title's is left: "client dhr.
# H. In onze brief ..." ends at the initial)
_WORDS: Final[dict] = cues()["letters"]   # document.yaml: the words of this module's own patterns (``cues`` parses it once)
# (the mark first, the look-behinds reading back over it: ``re`` skips from mark to mark instead of trying every
# look-behind at every position; the same matches)
_STATEMENT_END: Final = re.compile(r"[.!?;:](?<![\s(][a-z][.!?;:])(?<!^[a-z][.!?;:])"
                            + "".join(r"(?<!\b" + re.escape(word) + "[.!?;:])" for word in _WORDS["abbreviation_dots"])
                            + r"(?=\s|$)")
# normalise's quote marks (one list for the package, with guillemets and low quotes), taken either way round: a letter's
# quoted term is short and its marks are often typed straight or the wrong way ("”Albania”")
_QUOTE_MARK: Final = "[" + re.escape("".join(sorted(set(QUOTE_OPENERS + QUOTE_CLOSERS)))) + "]"
_NOT_QUOTE_MARK: Final = "[^" + _QUOTE_MARK[1:]
_QUOTED: Final = _QUOTE_MARK + _NOT_QUOTE_MARK + "{1,60}" + _QUOTE_MARK   # a quoted term ('Tunesie')
_QUOTED_LONG: Final = _QUOTE_MARK + _NOT_QUOTE_MARK + "{3,300}" + _QUOTE_MARK   # a quoted sentence of the report
_ONLY_CONFIRMS: Final = 6   # a statement of this many words or fewer that confirms ("Dat is juist.") confirms the one before


def _alternatives(words) -> str:
    """Regex fragments from ``document.yaml``, in their order, as one alternation."""
    return "(?:" + "|".join(str(word) for word in words) + ")"


_AS_CLAIMED: Final = re.compile(r"(?<![\w'])" + _alternatives(_WORDS["as_claimed"]) + r"\s*$|(?<![\w'])"
                         + _alternatives(_WORDS["as_claimed"]) + r"\s+(?:\w+\s+){0,2}$")


def _negations() -> str:
    """``document.yaml`` ``negation_words: not``: 'niet', 'not', 'never', 'nooit'."""
    return _alternatives(cues()["negation_words"]["not"])



@dataclass(frozen=True)
class _Cues:
    letter_client: re.Pattern[str]
    representing: re.Pattern[str]   # "we act for", "namens betrokkene": a client without the word
    letter_report: re.Pattern[str]
    claim: re.Pattern[str]
    confirmed: re.Pattern[str]
    omitted: re.Pattern[str]
    replacement: re.Pattern[str]
    quoted_replacement: re.Pattern[str]
    wrong_term: re.Pattern[str]
    contrast: re.Pattern[str]
    confirmed_end: re.Pattern[str]
    claim_agreed: re.Pattern[str]     # a statement opening that agrees with the claim before, or calls it incomplete
    confirmed_end_heading: re.Pattern[str]   # a confirming heading that announces the rest of the route
    confirmed_start: re.Pattern[str]  # a confirmed part that says it is the journey's start ("Het begin van de reis")
    agreed_words: re.Pattern[str]     # the words of `claim_agreed` anywhere ("dat dit juist is", "this is correct")
    claim_added: re.Pattern[str]      # a statement that only adds to the claim before ("Client wil aanvullen dat")
    order_wrong: re.Pattern[str]      # a statement opening that says the claim before has its order wrong
    not_said: re.Pattern[str]
    deleted: re.Pattern[str]
    called_wrong: re.Pattern[str]   # "is onjuist", "is wrong" anywhere in a statement
    quotation_only: re.Pattern[str]   # a statement that is a quotation after an optional reference ("Page 5: '...'")
    speech: re.Pattern[str]           # a statement introducing the client's own words ("Client zei:")
    client_said: re.Pattern[str]      # a statement opening with what the client said ("Cliente heeft gezegd dat")
    denial: re.Pattern[str]           # a negation word
    negation_before: re.Pattern[str]  # a negation and the few words between it and the country it denies
    wrong_opening: re.Pattern[str]    # a statement opening that calls the quoted claim before it wrong
    claim_rejected: re.Pattern[str]   # a statement opening that rejects a claim as a whole
    appositive_denial: re.Pattern[str]   # ", not Lebanon", "(niet Griekenland)": the other reading, on the original
    full_route: re.Pattern[str]       # "Het juiste verloop is:", "The correct route is": the letter's whole route


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    lists = cues()["letters"]
    replacement = "|".join(str(p) for p in lists["replacement"])
    wrong = "|".join(str(p) for p in lists["wrong_term"])
    wrong_quoted = "|".join(str(p) for p in list(lists["wrong_term"]) + list(lists.get("wrong_term_quoted") or []))
    nots = "|".join(str(p) for p in lists["contrast_not"])
    buts = "|".join(str(p) for p in lists["contrast_but"])
    negation = cues()["negation_words"]
    wrong_words = r"(?<![\w'])" + _alternatives(lists["wrong_opening"]) + r"(?![\w'])"
    denial = lists["person_denial"]
    person_denial = (r"^\W*" + _alternatives(denial["persons"]) + r"\s+" + _alternatives(denial["verbs"]) + r"\s+"
                     + _negations() + r"(?![\w'])")
    return _Cues(
        letter_client=words_regex(lists["client"]),
        representing=words_regex(lists["representing"]),
        letter_report=words_regex(lists["report"]),
        claim=re.compile(r"(?:(?<![\w'])|^)(?:" + "|".join(str(p) for p in lists["claim"]) + r")(?![\w'])"),
        confirmed=re.compile(r"(?<![\w'])(?:" + "|".join(str(p) for p in lists["confirmed"]) + r")(?![\w'])"),
        omitted=words_regex(lists["omitted"]),
        replacement=re.compile(r"(?<![\w'])(?:" + replacement + r")(?![\w'])"),
        # "'Macedonia' should read 'Albania'", "'Azerbaijan' on page 4 should read 'Armenia'", "'Cairo' in het verslag
        # moet dus 'Damascus' zijn": a quoted term, a few words about where it stands, then what it should be
        quoted_replacement=re.compile(_QUOTED + r"(?:\s+[\w.'’]+){0,5}?\s*,?\s*(?:" + replacement + "|" + _alternatives(lists["should_read"])
                                      + r"(?:\s+" + _alternatives(lists["should_read_adverbs"]) + r")?(?=\s+" + _QUOTE_MARK + r"))(?![\w'])"),
        # "'Tunesie' is een vertaalfout", "Het woord 'Belgie' op pagina 7 is een tolkfout" (a page between)
        wrong_term=re.compile(r"(?:" + _alternatives(lists["term_nouns"]) + " )?" + _QUOTED + r"(?:\s+[\w.'’]+){0,4}?\s*(?:"
                              + wrong_quoted + r")(?![\w'])"),
        # "niet via Malta naar Italie gekomen, maar": the denied part, up to the "maar" (not "niet alleen ... maar ook")
        contrast=re.compile(r"(?<![\w'])(?:" + nots + r")(?!\s+" + _alternatives(lists["contrast_not_only"]) + r"\b)[^.;:!?]{1,120}?,?\s+(?=(?:" + buts
                            + r")(?![\w']))"),
        confirmed_end=words_regex(lists["confirmed_end"]),
        order_wrong=re.compile(r"^\W*(?:\d+[.)]\s*)?" + _alternatives(lists.get("order_wrong") or ["(?!)"]) + r"(?![\w'])"),
        confirmed_end_heading=words_regex(lists.get("confirmed_end_heading") or ["(?!)"]),
        confirmed_start=words_regex(lists.get("confirmed_start") or ["(?!)"]),
        claim_added=words_regex(list(lists["omitted"]) + list(lists.get("claim_added") or [])),
        # the agreement ends its clause and the statement goes on ("Dat klopt, maar", "Dit is onvolledig:"), not "Correct
        # is: ..." (the right version follows), "Dat klopt voor zijn tweede inreis" (qualified) nor a bare "Dat is
        # onvolledig." (what follows may be another journey; a bare "Dat is juist." is `confirmed`)
        claim_agreed=re.compile(r"^\W*(?:\d+[.)]\s*)?" + _alternatives(lists.get("claim_agreed") or ["(?!)"])
                                + r"\s*[,;:]"),
        agreed_words=words_regex(lists.get("claim_agreed") or ["(?!)"]),
        not_said=words_regex(lists["not_said"]),
        deleted=words_regex(lists.get("deleted") or ["(?!)"]),
        called_wrong=re.compile(r"(?<![\w'])(?:" + wrong + r")(?![\w'])"),
        quotation_only=re.compile(r"^\W*(?:(?:" + "|".join(str(p) for p in lists.get("reference") or ["(?!)"])
                                  + r")[\s,.:]+)*" + _QUOTED_LONG + r"\W*(?P<rest>.*)$"),
        speech=words_regex(lists.get("speech") or ["(?!)"]),
        client_said=re.compile(r"^\W*" + _alternatives(lists["client_said"]) + r"(?![\w'])"),
        denial=re.compile(r"(?<![\w'])" + _negations() + r"(?![\w'])"),
        negation_before=re.compile(r"(?<![\w'])" + _alternatives(negation["not"] + negation["before_a_country"])
                                   + r"(?![\w'])(?:\W+" + _alternatives(lists["negation_gap"]) + r"){0,3}\W+$"),
        wrong_opening=re.compile(wrong_words + "|" + person_denial),
        # a bare denial ("He did not." - "My client has never been in Germany" takes out Germany only)
        claim_rejected=re.compile(wrong_words + "|" + person_denial + r"\W*(?:$|[:;])"),
        appositive_denial=re.compile(r"[,(]\s*(?:en\s+|and\s+)?" + _alternatives(lists["appositive_not"]) + r"\s+(?!"
                                     + "|".join(str(word) + r"\b" for word in lists["appositive_not_before"])
                                     + r")[^.;:!?,]{1,40}?(?=[.;:!?,]|$)", re.IGNORECASE),
        full_route=words_regex(lists.get("full_route") or ["(?!)"]),
    )


def is_letter(folded: str) -> bool:
    """A letter about a client's interview report: a client word (or a lawyer's words for acting for someone: "We act
    for Mr X", "Namens betrokkene", "on behalf of our principal") and a report word."""
    lexicon = _cues()
    return (lexicon.letter_client.search(folded) is not None or (
        may_represent(folded) and lexicon.representing.search(folded) is not None)) and (
        lexicon.letter_report.search(folded) is not None)


_OPENING: Final = 200   # characters in which a letter says for whom it is written ("We act for Mr X. ...")


def may_represent(folded: str) -> bool:
    """Whether the text may be written for someone it does not call a client: a substring of each `representing`
    phrase in its opening (a fast first test, ~1 us a text; most texts hold none)."""
    opening = folded[:_OPENING]
    return ("namens" in opening or "behalf" in opening or " act" in opening or "principa" in opening
            or "gemachtigd" in opening)


def _statements(folded: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _STATEMENT_END.finditer(folded):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(folded) and folded[start:].strip():
        spans.append((start, len(folded)))
    return spans


def _names_netherlands(mentions: list[Mention], start: int, stop: int) -> bool:
    """The statement at ``start:stop`` names the Netherlands (the letter's places, found once)."""
    return any(m.place.iso3 == "NLD" and start <= m.start < stop for m in mentions)


# "did not fly to Turkey", "never went into Greece": a travel verb denied with where it went (not where it came from:
# "did not fly from Greece" denies the flight)
_NOT_GONE_TO: Final = re.compile(r"(?<![\w'])" + _alternatives(_WORDS["not_gone"]["negations"]) + r"(?:\s+(?!"
                          + _alternatives(_WORDS["not_gone"]["stops"]) + r"(?![\w']))[\w']+){1,"
                          + str(int(_WORDS["not_gone"]["words"])) + r"}\s+"
                          + _alternatives(_WORDS["not_gone"]["towards"]) + r"\s+(?:"
                          + _alternatives(_WORDS["not_gone"]["articles"]) + r"\s+)?$")
_NOT_GONE_REACH: Final = 60   # characters before a country in which `_NOT_GONE_TO` looks for the denial and its words
_MIN_KEPT: Final = 2   # a report's route keeps its undenied countries when at least this many remain


def _denied_countries(folded: str, mentions: list[Mention], statements: list[tuple[int, int]],
                      lexicon: _Cues) -> frozenset[str]:
    """The countries the letter denies: named shortly after a negation ("niet via Pakistan", "has never been in
    Germany", "never said Jordan") or in a statement saying they were not said, are wrong or must go."""
    denied: set[str] = set()
    # whether a statement says its countries were not said, are wrong or must go: read once per statement, not once per
    # mention in it (three scans of the whole statement; a letter's statements name several countries)
    said_wrong: dict[tuple[int, int], bool] = {}
    for mention in mentions:
        start, stop = next(((a, b) for a, b in statements if a <= mention.start < b), (0, len(folded)))
        if (lexicon.negation_before.search(folded, max(start, mention.start - 40), mention.start) is not None
                or _NOT_GONE_TO.search(folded, max(start, mention.start - _NOT_GONE_REACH), mention.start) is not None):
            denied.add(mention.place.iso3)
            continue
        wrong = said_wrong.get((start, stop))
        if wrong is None:
            statement = folded[start:stop]
            wrong = bool(lexicon.not_said.search(statement) or lexicon.deleted.search(statement)
                         or lexicon.called_wrong.search(statement))
            said_wrong[start, stop] = wrong
        if wrong:
            denied.add(mention.place.iso3)
    return frozenset(denied)


_QUOTATION: Final = re.compile(_QUOTED_LONG)


def _report_route_kept(original: str, folded: str, offset: int, mentions: list[Mention],
                       statements: list[tuple[int, int]], lexicon: _Cues) -> str:
    """What a quotation of the report the letter calls wrong still tells: its route less the countries the letter
    denies by name, when the letter tells the route's start nowhere else (it corrects a later part and leaves the
    report's start standing: "'Van Pakistan via Iran en Turkije naar Griekenland, en verder via Bulgarije.' Client
    reisde niet via Bulgarije. Na Griekenland ..."); "" otherwise (the letter's own account replaces it)."""
    kept = _route_less_denied(original, 0, _specifically_denied(folded, mentions, statements, lexicon))
    if not kept:
        return ""
    first = next((m.place.iso3 for m in find_places(kept, fold(kept)) if m.place.iso3 != "NLD"), None)
    quoted = [q.span() for q in _QUOTATION.finditer(folded)]
    elsewhere = any(m.place.iso3 == first and not offset <= m.start < offset + len(original)
                    and not any(a < m.start < b for a, b in quoted) for m in mentions)
    return "" if elsewhere else kept


def _specifically_denied(folded: str, mentions: list[Mention], statements: list[tuple[int, int]],
                         lexicon: _Cues) -> frozenset[str]:
    """The countries the letter denies by name outside its quotations of the report: after a negation ("niet via
    Ethiopie", "never went to Iraq") or in a statement saying they were not said or must go ("Our client never said
    he went to Bulgaria"); not a quotation's countries because the letter calls the quotation wrong as a whole."""
    quoted = [q.span() for q in _QUOTATION.finditer(folded)]
    denied: set[str] = set()
    for mention in mentions:
        if any(a < mention.start < b for a, b in quoted):
            continue
        start, stop = next(((a, b) for a, b in statements if a <= mention.start < b), (0, len(folded)))
        if (lexicon.negation_before.search(folded, max(start, mention.start - 40), mention.start) is not None
                or _NOT_GONE_TO.search(folded, max(start, mention.start - _NOT_GONE_REACH), mention.start) is not None
                or lexicon.not_said.search(folded, start, stop) or lexicon.deleted.search(folded, start, stop)):
            denied.add(mention.place.iso3)
    return frozenset(denied)


def _letter_denials(folded: str, mentions: list[Mention], statements: list[tuple[int, int]]) -> frozenset[str]:
    """The countries the letter itself says the client was not in: a country's name right after a negation ("Hij is
    nooit in Jemen geweest", "niet via Egypte", "was in Austria, not in Germany", "(niet Griekenland)"), outside a
    quotation of the report ('Ik ben niet in Hongarije geweest.'). A city after 'not' ("from Accra, not Lagos")
    denies the city, not its country."""
    denied: set[str] = set()
    affirmed: set[str] = set()
    for mention in mentions:
        if mention.place.kind != "country" or mention.place.iso3 == "NLD":
            continue
        if _AFFIRMED_BEFORE.search(folded, max(0, mention.start - 20), mention.start):
            affirmed.add(mention.place.iso3)   # "Client is wel door Iran gereisd"
            continue
        start, stop = next(((a, b) for a, b in statements if a <= mention.start < b), (0, len(folded)))
        if (_cues().negation_before.search(folded, max(start, mention.start - 40), mention.start) is None
                and not _denied_across_the_leg(folded, mention, mentions, start, stop)
                and _DENIED_AFTER.match(folded, mention.end, stop) is None
                or _RESIDENCE_AFTER.match(folded, mention.end, min(stop, mention.end + 30))):
            continue   # "niet in Turkije heeft gewoond": he did not live there, he may have passed
        if any(a < mention.start < b for a, b in (q.span() for q in _QUOTATION.finditer(folded, start, stop))):
            continue
        denied.add(mention.place.iso3)
    return frozenset(denied - affirmed)


def _denied_across_the_leg(folded: str, mention: Mention, mentions: list[Mention], start: int, stop: int) -> bool:
    """A denial with the leg's words between it and the country ("did not take a ferry to Malta", "is niet met de
    veerboot naar Griekenland gegaan"): no other place between (in "niet via Egypte naar Libie gereisd" the denial is of
    Egypt), and no 'but' after the country in its statement ("niet ... naar Libie gereisd, maar via Tsjaad": the
    contrast says which part is denied)."""
    denial = _NOT_GONE_TO.search(folded, max(start, mention.start - _NOT_GONE_REACH), mention.start)
    return (denial is not None and not any(denial.start() < other.start < mention.start for other in mentions)
            and _BUT_LATER.search(folded, mention.end, stop) is None)


_BUT_LATER: Final = re.compile(r"(?<![\w'])" + _alternatives(_WORDS["contrast_but"]) + r"(?![\w'])")
_AFFIRMED_BEFORE: Final = re.compile(r"(?<![\w'])" + _alternatives(_WORDS["affirmed"]) + r"(?:\s+\w+){0,2}\s+$")
_DENIED_AFTER: Final = re.compile(r"\s+(?:[\w']+\s+){0,4}?" + _alternatives(_WORDS["denied_after"]["negations"]) + r"(?:\s+"
                           + _alternatives(_WORDS["denied_after"]["adverbs"]) + r")?\s+"
                           + _alternatives(_WORDS["denied_after"]["verbs"]) + r"(?![\w'])")
_RESIDENCE_AFTER: Final = re.compile(r"[^.;:!?]*?(?<![\w'])" + _alternatives(_WORDS["residence_verbs"]) + r"(?![\w'])")


_QUOTED_TERM: Final = re.compile(_QUOTED)
_WORD: Final = re.compile(r"\w")
# "de zin", "the sentence" (document.yaml ``term_nouns``): a statement deleting a passage of the report names it
_PASSAGE: Final = re.compile(r"(?<![\w'])" + _alternatives(_WORDS["term_nouns"]) + r"(?![\w'])")


def _struck_countries(folded: str, mentions: list[Mention], statements: list[tuple[int, int]],
                      lexicon: _Cues) -> frozenset[str]:
    """The one country a statement strikes from the route ("Greece is not part of his route", "Italie is alleen ter
    sprake gekomen omdat zijn oom in Bari woont"): no stop anywhere in the letter. Not a country inside a quoted
    phrase ("De zinsnede 'Dublinclaim Kroatie' is niet door client uitgesproken" strikes the words, not the country),
    nor in a passage it deletes ("De zin over de Dublinclaim van Kroatie moet worden geschrapt")."""
    struck: set[str] = set()
    for start, stop in statements:
        if lexicon.deleted.search(folded, start, stop) is None or _PASSAGE.search(folded, start, stop):
            continue
        phrases = [q.span() for q in _QUOTED_TERM.finditer(folded, start, stop)]
        named = {m.place.iso3 for m in mentions if start <= m.start < stop and m.place.kind == "country"
                 and not any(a < m.start < b and (_WORD.search(folded, a + 1, m.start) or _WORD.search(folded, m.end, b - 1))
                             for a, b in phrases)} - {"NLD"}
        if len(named) == 1:
            struck |= named
    return frozenset(struck)


def _without_countries(account: str, countries: frozenset[str]) -> str:
    """``account`` with the names of ``countries`` blanked (same length) except where a negation names them: the
    letter's denial wins over the mentions of its account that still name them."""
    folded = fold(account)
    pieces = list(account)
    for mention in find_places(account, folded):
        if (mention.place.iso3 in countries and mention.place.kind == "country"
                and not _cues().negation_before.search(folded, max(0, mention.start - 40), mention.start)
                and not _DENIED_AFTER.match(folded, mention.end, min(len(folded), mention.end + 80))):
            pieces[mention.start:mention.end] = " " * (mention.end - mention.start)
    return "".join(pieces)


def _route_less_denied(original: str, claim_end: int, denied: frozenset[str], require_denial: bool = True) -> str:
    """What a report's route still holds once the countries the letter denies are taken out ("via Iran, Turkey and
    Greece to Germany" less Germany): a correction of one leg leaves the others. "" when the claim names fewer than
    two countries the letter leaves, or (``require_denial``) none it denies (then the letter tells its own account
    instead); a claim the letter only adds to (``require_denial=False``) needs no denial."""
    claim = original[claim_end:]
    mentions = [m for m in find_places(claim, fold(claim)) if m.place.iso3 != "NLD"]
    kept = [m for m in mentions if m.place.iso3 not in denied]
    if len(kept) < _MIN_KEPT or require_denial and len(kept) == len(mentions):
        return ""
    pieces = list(claim)
    for mention in mentions:
        if mention.place.iso3 in denied:
            pieces[mention.start:mention.end] = " " * (mention.end - mention.start)
    return "".join(pieces)


def _quoted_report(folded: str, statements: list[tuple[int, int]], number: int, lexicon: _Cues) -> bool:
    """A quotation (after a page or paragraph reference) that the letter calls wrong, in its own statement or at the
    start of the next, is the report's wording: "2. P. 5: 'Van Turkije met de boot naar Italie.' Dit is een
    vertaalfout", "'I travelled from Somalia to Kenya.' This is incorrect." Not when the statement before introduces
    the client's own words ("Client zei:"); a quotation that is only corrected in part ("That should read 'through
    Niger'") stays, since what it does not correct still holds."""
    start, stop = statements[number]
    quotation = lexicon.quotation_only.match(folded[start:stop])
    if quotation is None:
        return False
    if number > 0:
        before_start, before_stop = statements[number - 1]
        before = folded[before_start:before_stop]
        if before.rstrip().endswith(":") and lexicon.speech.search(before) is not None:
            return False
    rest = quotation.group("rest")
    if rest.strip():
        return len(rest.split()) <= _ONLY_CONFIRMS and _judged_wrong(rest, lexicon) or bool(lexicon.order_wrong.match(rest))
    if number + 1 >= len(statements):
        return False
    after_start, after_stop = statements[number + 1]
    return (_judged_wrong(" ".join(folded[after_start:after_stop].split()[:_ONLY_CONFIRMS]), lexicon)
            or lexicon.order_wrong.match(folded[after_start:after_stop]) is not None)


def _client_said_instead(rest: str, rest_start: int, folded: str, statements: list[tuple[int, int]], number: int,
                         mentions: list[Mention], lexicon: _Cues) -> bool:
    """What follows a quotation of the report, in its statement or opening the next, is what the client said instead
    ("'...' Cliente heeft gezegd dat ...", "Page 3 reads: '...' My client said that ..."); not when what the client
    said confirms the quotation or corrects nothing (see `_client_corrects`)."""
    if rest.strip():
        said, start, stop = rest, rest_start, rest_start + len(rest)
    elif number + 1 < len(statements):
        start, stop = statements[number + 1]
        said = folded[start:stop]
    else:
        return False
    return lexicon.client_said.match(said) is not None and _client_corrects(said, start, stop, mentions, lexicon)


def _client_corrects(said: str, start: int, stop: int, mentions: list[Mention], lexicon: _Cues) -> bool:
    """What the client said (a `client_said` statement) corrects the report: it names a place or holds a negation or a
    word calling the report wrong, and does not confirm it ("Client heeft verklaard dat dit juist is en dat hij daarna
    naar Spanje ging", "My client said this on page 4 and confirms it", "My client stated he is grateful ...")."""
    wrong = lexicon.denial.search(said) is not None or _judged_wrong(said, lexicon) \
        or lexicon.order_wrong.search(said) is not None
    if not wrong and (lexicon.confirmed.search(said) is not None or lexicon.agreed_words.search(said) is not None):
        return False
    return wrong or any(start <= m.start < stop for m in mentions)


def _judged_wrong(words: str, lexicon: _Cues) -> bool:
    """'This is incorrect', 'Dit is een vertaalfout', 'Client did not say this', 'That is not what he said'."""
    return (lexicon.called_wrong.search(words) is not None or lexicon.not_said.search(words) is not None
            or lexicon.wrong_opening.search(words) is not None)


_LEGAL_ARGUMENT: Final = words_regex(_WORDS["legal_argument"])
_PRESENCE: Final = words_regex(_WORDS["presence"])


# (a quotation may open on it: "er staat 'vanuit Damascus ...'"; not an elided article's "l'")
_DEPARTURE_BEFORE: Final = re.compile(r"(?<!\w)(?<!\w')" + _alternatives(_WORDS["departure_words"]) + r"\s+(?:[\w']+\s+){0,3}$")


def _claimed_start(original: str, folded: str, offset: int, claim_start: int, stop: int, mentions: list[Mention],
                   denied: frozenset[str]) -> str:
    """The place a claim of the report says a leg left, when the claim names where the leg went too and the letter
    neither denies the start's country nor names it anywhere else: the letter corrects what came after ("In het rapport staat dat cliente rechtstreeks van Dushanbe
    naar Warschau vloog. Het vliegtuig maakte echter een tussenlanding in Kiev", "the report records that he crossed
    from Turkey to Greece on foot. Correct is: by boat"), and the start still holds; "" otherwise."""
    claimed = [m for m in mentions if claim_start <= m.start < stop]
    first = claimed[0] if claimed else None
    if first is None or first.place.iso3 in denied or first.place.iso3 == "NLD":
        return ""
    if not any(m.place.iso3 not in (first.place.iso3, "NLD") for m in claimed):
        return ""   # a claim naming only where the journey began ("from Syria") is about the start: the letter corrects it
    departure = _DEPARTURE_BEFORE.search(folded, max(claim_start, first.start - 30), first.start)
    if departure is None or any(m.place.iso3 == first.place.iso3 and not offset <= m.start < stop for m in mentions):
        return ""
    return original[departure.start() - offset:first.end - offset]


_ASIDE_REACH: Final = 30   # characters before a claim cue in which `_AS_CLAIMED` looks ("as stated elsewhere in the report")
_CLAIM_CONTINUED: Final = words_regex(_WORDS["claim_continued"])


def _whole_route_goes_on(folded: str, statements: list[tuple[int, int]], number: int, begin: int,
                         mentions: list[Mention], lexicon: _Cues) -> bool:
    """The claim (from ``begin`` to its statement's end) is the report's whole route, which the letter does not reject
    but goes on from: it names the Netherlands outside a quotation, and either the next statement opens with a 'however'
    ("Het verslag geeft de reis weer als Gaza - Egypte - Turkije - Nederland. Cliente heeft echter verteld dat zij na
    Turkije nog ...") or the letter disputed another claim of the report before it (the route the report gives besides
    the disputed point). Measured on train: of the countries such claims name only there, 16 of 18 are on the route;
    a first claim followed by the letter's own account ("Dat is zijn tweede reis.") is replaced, not continued."""
    stop = statements[number][1]
    inside = [m for m in mentions if begin <= m.start < stop]
    if not any(m.place.iso3 == "NLD" for m in inside):
        return False
    quoted = [q.span() for q in _QUOTATION.finditer(folded)]
    if any(a < m.start < b for m in inside for a, b in quoted):
        return False
    following = folded[slice(*statements[number + 1])] if number + 1 < len(statements) else ""
    if _CLAIM_CONTINUED.search(" ".join(following.split()[:_ONLY_CONFIRMS])) is not None:
        return True
    return any(lexicon.claim.search(folded, a, b) is not None for a, b in statements[:number])


_AT_OPENING: Final = re.compile("")   # an empty claim cue at a statement's opening: the whole statement is the claim
_OBJECTION: Final = words_regex(_WORDS["objection_heading"])


def _after_objection(folded: str, statements: list[tuple[int, int]], number: int, mentions: list[Mention]) -> bool:
    """The statement is a quotation after an objection to the report that ends in a colon and names no place ("Cliente
    maakt bezwaar tegen de zin op pagina 5: '...'", "My client disputes the following sentence: '...'")."""
    if number == 0 or _cues().quotation_only.match(folded[slice(*statements[number])]) is None:
        return False
    start, stop = statements[number - 1]
    return (folded[start:stop].rstrip().endswith(":") and _OBJECTION.search(folded, start, stop) is not None
            and not any(start <= m.start < stop for m in mentions))


def _opens_with_departure(folded: str, mentions: list[Mention], start: int, stop: int) -> bool:
    """The statement's first place is one it leaves ("van Mali naar ...", "from his home town Sialkot via ...")."""
    first = next((m for m in mentions if start <= m.start < stop), None)
    return first is not None and _DEPARTURE_BEFORE.search(folded, max(start, first.start - 30), first.start) is not None


_BUT_AFTER: Final = re.compile(r"\s*,?\s*" + _alternatives(_WORDS["contrast_but"]) + r"(?![\w'])")
_FULL_ROUTE_COUNTRIES: Final = 3   # a statement of the whole route names at least this many countries besides the Netherlands


@dataclass(frozen=True)
class _FullRoute:
    first: int                  # the statement holding the cue
    last: int                   # the statement that ends its sentence (a route runs on over colons and semicolons)
    begin: int                  # where the cue starts
    end: int
    countries: frozenset[str]   # the countries it names


def _full_route(folded: str, mentions: list[Mention], statements: list[tuple[int, int]],
                lexicon: _Cues) -> _FullRoute | None:
    """The letter's own statement of the whole corrected route ("Het juiste verloop is: Eritrea, Soedan, Tsjaad, ...",
    "For clarity, the full route: from Ambo ... to Amsterdam"): the cue up to the end of its sentence, naming at least
    three countries besides the Netherlands; None when the letter has none."""
    if lexicon.full_route.search(folded) is None:   # most letters state no whole route
        return None
    for number, (start, stop) in enumerate(statements):
        cue = lexicon.full_route.search(folded, start, stop)
        if cue is None:
            continue
        last = number
        while last + 1 < len(statements) and folded[slice(*statements[last])].rstrip()[-1:] in (":", ";"):
            last += 1
        end = statements[last][1]
        countries = frozenset(m.place.iso3 for m in mentions if cue.start() <= m.start < end and m.place.iso3 != "NLD")
        if len(countries) >= _FULL_ROUTE_COUNTRIES:
            return _FullRoute(number, last, cue.start(), end, countries)
    return None


def _without_mentions(account: str, countries: frozenset[str]) -> str:
    """``account`` with every place of ``countries`` blanked (same length)."""
    pieces = list(account)
    for mention in find_places(account, fold(account)):
        if mention.place.iso3 in countries:
            pieces[mention.start:mention.end] = " " * (mention.end - mention.start)
    return "".join(pieces)


_LISTED_ROUTE: Final = 3   # a confirmed statement naming this many countries besides the Netherlands lists the route


def _confirms_start(statement: str, mentions: list[Mention], start: int, stop: int, lexicon: _Cues) -> bool:
    """A confirmed statement that says it is the journey's start ("Het begin van de reis (...) is juist", "The first
    part ... is correct") or lists the route, three places or more joined by dashes, commas or 'and' only ("De route
    Kameroen - Nigeria - Niger - ... is verder juist"; not "de overtocht van Libie naar Italie en de treinreis naar
    Frankrijk", which confirms legs of the middle)."""
    if lexicon.confirmed_start.search(statement) is not None:
        return True
    inside = [m for m in mentions if start <= m.start < stop]
    chain = 1
    for before, after in zip(inside, inside[1:]):
        chain = chain + 1 if _LIST_GAP.fullmatch(statement, before.end - start, after.start - start) else 1
        if chain >= _LISTED_ROUTE:
            return True
    return False


_LIST_GAP: Final = re.compile(r"\s*[-/>\u2013\u2014]?\s*")   # between two places of a route written out ("A - B - C"; fold blanks dashes)


def corrected_account(text: str, folded: str | None = None) -> str:
    """The letter's corrected account (see the module docstring); any other text unchanged."""
    folded = fold(text) if folded is None else folded
    if ("client" not in folded and not may_represent(folded)) or not is_letter(folded):   # substrings first
        return text
    lexicon = _cues()
    front: list[str] = []
    body: list[str] = []
    end: list[str] = []
    statements = _statements(folded)
    mentions = find_places(text, folded)   # once: the denials and the confirmed statements read the same places
    denied_countries = _denied_countries(folded, mentions, statements, lexicon)
    letter_denied = _letter_denials(folded, mentions, statements) | _struck_countries(folded, mentions, statements, lexicon)
    # the letter's statement of the whole route is told first; a country it argued about before it and names neither
    # in it nor after it is the report's version ("Verder staat op pagina 5 'Egypte'; ... Het juiste verloop is: ...")
    full = _full_route(folded, mentions, statements, lexicon)
    claimed_before = ""   # the report's version the statement before gave, which a bare "Dat is juist." confirms
    agreed = False   # the statement before was a claim the next one agrees with ("Het rapport zegt ... Dat klopt, maar")
    carried: list[str] | None = None   # where the statement after a confirming heading goes
    told = False   # the letter's own account has named a country before this statement
    body_seen = 0
    for number, (start, stop) in enumerate(statements):
        if len(body) > body_seen:
            body_seen = len(body)
            told = told or any(statements[number - 1][0] <= m.start < statements[number - 1][1]
                               and m.place.iso3 != "NLD" for m in mentions)
        if full is not None and full.first <= number <= full.last:
            if number == full.first:
                body.append(text[start:full.begin])   # what the statement says before the cue
            continue
        statement, original = folded[start:stop], text[start:stop]
        previous_claim, claimed_before = claimed_before, ""
        agreed_before, agreed = agreed, False
        if _LEGAL_ARGUMENT.search(statement) and not _PRESENCE.search(statement):
            continue   # "Egypt cannot be regarded as a safe third country": an argument, not the account
        if lexicon.omitted.search(statement):
            body.append(original)
            continue
        if carried is not None:   # the part a confirming heading announced ("De rest van de route klopt: ...")
            carried.append(original)
            carried = None
            continue
        if lexicon.confirmed.search(statement):
            if previous_claim and len(statement.split()) <= _ONLY_CONFIRMS:   # "Op p. 4 staat '...'. Dat is juist."
                body.append(previous_claim)   # told where the letter tells it
                continue
            if agreed_before:   # "That is correct, but afterwards he went to Greece": after the claim it agrees with
                body.append(original)
                continue
            at_end = lexicon.confirmed_end.search(statement) is not None or _names_netherlands(mentions, start, stop)
            if (statement.rstrip().endswith(":") and number + 1 < len(statements)
                    and not any(start <= m.start < stop for m in mentions)):
                # a heading naming no place: the confirmed part is the statement after its colon, at the front when it
                # opens with the place the journey left ("Het eerste deel klopt: ... van Teheran naar Belgrado", "The
                # rest is correct: she left Eritrea for Sudan, ...") though the heading says it is the rest, else where
                # the heading says
                at_end = at_end or lexicon.confirmed_end_heading.search(statement) is not None
                carried = front if _opens_with_departure(folded, mentions, *statements[number + 1]) else (
                    end if at_end else front)
            (end if at_end else body if told and not _confirms_start(statement, mentions, start, stop, lexicon)
             else front).append(original)
            continue
        quotation = lexicon.quotation_only.match(statement)
        if quotation is not None and _client_said_instead(quotation.group("rest"), start + quotation.start("rest"), folded,
                                                              statements, number, mentions, lexicon):
            # "Op pagina 6 is vermeld: 'van Senegal naar Mauritanie ...'. Cliente heeft gezegd dat ...": the quotation is
            # the report's version, but where its leg began holds unless the letter denies it or tells it itself
            # (a quotation whose start the letter denies, "'vanuit Libie naar Italie' ... niet vanuit Libie", keeps the
            # rest less that start: the client corrected where the leg began)
            claimed_before = original
            first = next((m for m in mentions if start <= m.start < start + quotation.start("rest")), None)
            quoted_start = _claimed_start(original, folded, start, start, start + quotation.start("rest"), mentions,
                                          denied_countries)
            if first is not None and first.place.iso3 in letter_denied | denied_countries:
                quoted_start = _without_mentions(original[:quotation.start("rest")], frozenset({first.place.iso3}))
            body.append(quoted_start + " " + original[quotation.start("rest"):])
            continue
        if _quoted_report(folded, statements, number, lexicon):
            claimed_before = original   # "Page 5: 'From Sudan I went to Chad.' This is a mistranslation."
            # "Op pagina 6 staat: 'Betrokkene reisde van Eritrea naar Ethiopie en via Soedan naar Libie.' Dit is onjuist.
            # Client is niet via Ethiopie gereisd": the quotation is wrong where the letter denies a country; the rest of
            # the report's route holds (not when its order is called wrong)
            if not (number + 1 < len(statements) and lexicon.order_wrong.match(folded[slice(*statements[number + 1])])):
                kept = _report_route_kept(original, folded, start, mentions, statements, lexicon)
                if kept:
                    body.append(kept)
            continue
        quoted = lexicon.quoted_replacement.search(statement)
        if quoted is not None:   # "'Macedonia' should read 'Albania'": the right term only
            # "'from Herat I walked to Pakistan' should read 'to Iran'": where the quoted leg began still holds
            body.append(_claimed_start(original, folded, start, start + quoted.start(), start + quoted.end(), mentions,
                                       denied_countries) + " " + original[quoted.end():])
            continue
        if lexicon.not_said.search(statement) or lexicon.deleted.search(statement):
            # "My client did not mention Belgium", "Please delete Chad"; a quotation of the report it opens with ("'From
            # Iran to Turkey and by boat to Bulgaria.' Our client never said he went to Bulgaria") keeps the rest
            quotation = lexicon.quotation_only.match(statement)
            if quotation is not None:
                kept = _report_route_kept(original[:quotation.start("rest")], folded, start, mentions, statements, lexicon)
                if kept:
                    body.append(kept)
            continue
        claimed = lexicon.claim.search(statement)
        if claimed is None and _after_objection(folded, statements, number, mentions):
            # "Cliente maakt bezwaar tegen de zinsnede op pagina 5: 'vanuit Brazilie naar Portugal.' Zij vertrok uit
            # Cayenne ...": the quotation is the claim the letter disputes, what the statement goes on to say the account
            quoted_claim = lexicon.quotation_only.match(statement)   # matched: _after_objection tested it
            rest = quoted_claim.start("rest") if quoted_claim is not None else 0
            if statement[rest:].strip():
                body.append(original[rest:])
                continue
            claimed = _AT_OPENING.match(statement)
        aside = _AS_CLAIMED.search(statement, max(0, claimed.start() - _ASIDE_REACH), claimed.start()) if claimed else None
        if claimed is not None and aside is not None and lexicon.called_wrong.search(statement) is None:   # not "X, zoals ... staat, is onjuist"
            # "via Burkina Faso naar Niger, en niet via Mali, zoals op p. 3 staat": only the denied aside is the
            # report's version; the rest of the statement is the account
            denial = [m.start() for m in lexicon.denial.finditer(statement, max(0, aside.start() - 80), aside.start())]
            cut = denial[-1] if denial else aside.start()
            # "Zijn reis begon niet in Eritrea, zoals het rapport stelt, maar in Khartoum": the 'but' after a denied aside
            # goes with it, so what the statement affirms joins its verb again ("Zijn reis begon ... in Khartoum")
            but = _BUT_AFTER.match(statement, claimed.end()) if denial else None
            stop = but.end() if but is not None else claimed.end()
            original = original[:cut] + " " * (stop - cut) + original[stop:]
            statement = fold(original)
            claimed = None
        if claimed is not None:
            replaced = lexicon.replacement.search(statement)
            if replaced is not None:   # "in het verslag staat 'Curacao', maar client heeft 'Aruba' gezegd"
                body.append(original[replaced.end():])
            else:
                claimed_before = original[claimed.end():]
                # "That is not what client said", "Dit is onjuist": the whole claim is wrong ("Client did not mention
                # Algeria" takes out one country only)
                opening = " ".join(folded[statements[number + 1][0]:statements[number + 1][1]].split()[:_ONLY_CONFIRMS]) \
                    if number + 1 < len(statements) else ""
                if (lexicon.claim_agreed.match(opening) is not None and lexicon.denial.search(opening) is None
                        and sum(start + claimed.end() <= m.start < stop for m in mentions) >= _MIN_KEPT):
                    # "Het rapport zegt 'Mali - Algerije'. Dat is correct, maar ...", "Dit is onvolledig: ...": the
                    # report's legs hold, the next statement only adds to them (a claim naming one place, "geboren in
                    # Mogadishu. Dat klopt, maar ...", tells no leg)
                    body.append(original)
                    agreed = True
                    continue
                rejected = (lexicon.called_wrong.search(opening) is not None
                            or lexicon.claim_rejected.search(opening) is not None
                            or lexicon.client_said.match(opening) is not None   # "Client heeft gezegd: 'via Aruba'"
                            and _client_corrects(folded[slice(*statements[number + 1])], *statements[number + 1], mentions,
                                                 lexicon)
                            or number + 1 < len(statements)
                            and lexicon.order_wrong.match(folded[slice(*statements[number + 1])]) is not None)
                kept = "" if rejected else _route_less_denied(original, claimed.end(), denied_countries)
                if not kept and not rejected and number + 1 < len(statements):
                    following = folded[statements[number + 1][0]:statements[number + 1][1]]
                    if lexicon.claim_added.search(following) and lexicon.denial.search(following) is None:
                        kept = _route_less_denied(original, claimed.end(), denied_countries, require_denial=False)
                if not kept and not rejected and _whole_route_goes_on(folded, statements, number, start + claimed.end(),
                                                                      mentions, lexicon):
                    kept = _route_less_denied(original, claimed.end(), denied_countries, require_denial=False)
                if kept:   # "The report gives the route as 'Syria - Jordan - Egypt - Libya'. My client never said Jordan."
                    body.append(kept)
                else:
                    body.append(_claimed_start(original, folded, start, start + claimed.end(), stop, mentions,
                                               denied_countries))
            continue   # the report's version
        wrong = lexicon.wrong_term.search(statement)
        if wrong is not None:   # "'Tunesie' is een vertaalfout"
            original = original[:wrong.start()] + " " * (wrong.end() - wrong.start()) + original[wrong.end():]
            statement = fold(original)
        denied = list(lexicon.contrast.finditer(statement))
        for match in reversed(denied):   # "niet via Malta naar Italie gekomen, maar ...": the report's version
            original = original[:match.start()] + original[match.end():]
        # "this is Tripoli in Libya, not Lebanon", "de staat Georgia ..., niet het land Georgie": the other reading
        original = lexicon.appositive_denial.sub("", original)
        body.append(original)
    if full is not None:
        front.insert(0, text[full.begin:full.end])
    account = " ".join(part.strip() for part in front + body + end if part.strip())
    if full is not None:
        argued = frozenset(m.place.iso3 for m in mentions if m.start < full.begin) - full.countries - frozenset(
            m.place.iso3 for m in mentions if m.start >= full.end) - {"NLD"}
        if argued:
            account = _without_mentions(account, argued)
    account = _without_countries(account, letter_denied) if letter_denied else account
    return _start_told_later(account)


def _start_told_later(account: str) -> str:
    """The account with the statement that tells where the journey began moved to its front, when the letter tells it
    after other legs ("... van Milaan naar Zwitserland. Aanvulling: ... waar zij vanuit Eritrea te voet kwam", "He
    left Afghanistan for Iran with a smuggler" at the end): the one country the account names only as left (right
    after a departure word) and not first, when it lies farthest from the Netherlands of the account's countries (a
    letter corrects legs in any order; the journey runs towards the Netherlands). Not when the leg it tells goes to a
    country the account told as reached before ("... Servie, Bosnie. Zij vloog van Teheran naar Belgrado"): the rules
    put a place left before its destination already. Counted on train1-38: such a country lying farthest was the
    route's start in 64 of 79 letters (one of the middle in 10); not lying farthest, in 22 of 192."""
    folded = fold(account)
    mentions = [m for m in find_places(account, folded) if m.place.iso3 != "NLD"]
    left: set[str] = set()
    reached_at: dict[str, int] = {}   # where the account first tells each country as reached
    previous_end = 0
    for mention in mentions:
        if _DEPARTURE_BEFORE.search(folded, max(previous_end, mention.start - 30), mention.start):
            left.add(mention.place.iso3)
        else:
            reached_at.setdefault(mention.place.iso3, mention.start)
        previous_end = mention.end
    only = left.difference(reached_at, mentions[:1] and [mentions[0].place.iso3])
    if len(only) != 1:
        return account
    start = only.pop()
    distance = distance_home()
    if any(distance.get(m.place.iso3, 0.0) >= distance.get(start, 0.0) for m in mentions if m.place.iso3 != start):
        return account
    first = next(m for m in mentions if m.place.iso3 == start)
    begin, stop = next((a, b) for a, b in _statements(folded) if a <= first.start < b)
    destination = next((m.place.iso3 for m in mentions if first.start < m.start < stop and m.place.iso3 != start), None)
    if destination is not None and reached_at.get(destination, begin) < begin:
        return account
    return account[begin:stop].strip() + " " + account[:begin] + account[stop:]
