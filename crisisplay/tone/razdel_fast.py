"""razdel's tokens and sentences for Russian, with each of its verdicts asked once.

razdel (:mod:`crisisplay.tone.text` uses it for Russian) runs its rules at every candidate
join of two atoms and at every sentence delimiter. Those rules read only a few characters
either side, so a verdict depends on a handful of strings that recur in every message («сбоя.
Приносим…»); here each is asked once and kept. The results are razdel's own: tests/tone/
test_tone_text.py compares them with razdel's ``tokenize`` and ``sentenize``.
"""

from __future__ import annotations

import functools
import re

from crisisplay.lazy_re import LazyPattern

_CHUNK_RE = re.compile(r"\S+")
#: razdel's rules that may look one atom past the two they join (razdel.segmenters.tokenize,
#: Rule2112): the signs between the atoms, and whether the two must both be numbers (True:
#: «12.5», «1/2») or only not punctuation (False: «из-за», «a_b»).
_REACHING = ((frozenset("‑–—−-"), False), (frozenset("_"), False), (frozenset(".,"), True), (frozenset("/\\"), True))


def razdel_tokens(text: str) -> list[tuple[str, int, int]]:
    """razdel's tokens of ``text``, with razdel asked once per kind of chunk, not per token.

    razdel never joins across whitespace, and its rules look at most one atom beyond the two
    they may join, and that only past a dash, «_» or «.,/\\» (:data:`_REACHING`). So a
    whitespace-delimited chunk whose edges give those rules nothing to join outside it is
    tokenised the same wherever it stands, and its tokens are kept per chunk text
    (:func:`_chunk_tokens`; «сбоя,», «13:00», «из-за» recur in every message, like spaCy's
    tokenizer cache). The other chunks («00,» before «15», «-б») go to razdel in runs, with
    the chunk before and after as context. The result is razdel's own over the whole text
    (tests/tone/test_tone_text.py compares them) in about a third of the time.
    """
    chunks = [(m.group(), m.start()) for m in _CHUNK_RE.finditer(text)]
    tokens: list[tuple[str, int, int]] = []
    index, count = 0, len(chunks)
    while index < count:
        chunk, start = chunks[index]
        known = _chunk_tokens(chunk)
        if known is not None:
            if len(known) == 1:
                tokens.append((chunk, start, start + len(chunk)))
            else:
                tokens.extend([(word, start + s, start + e) for word, s, e in known])
            index += 1
            continue
        after = index + 1
        while after < count and _chunk_tokens(chunks[after][0]) is None:
            after += 1
        end = chunks[after - 1][1] + len(chunks[after - 1][0])
        low = chunks[index - 1][1] if index > 0 else start
        high = chunks[after][1] + len(chunks[after][0]) if after < count else end
        for token in _razdel(text[low:high]):
            if start <= low + token[1] < end:
                tokens.append((token[0], low + token[1], low + token[2]))
        index = after
    return tokens


def _razdel(text: str) -> list[tuple[str, int, int]]:
    from razdel import tokenize

    return [(t.text, t.start, t.stop) for t in tokenize(text)]


@functools.lru_cache(maxsize=32_768)
def _chunk_tokens(chunk: str) -> tuple[tuple[str, int, int], ...] | None:
    """razdel's tokens of a whitespace-delimited chunk that has them whatever surrounds it,
    with offsets into the chunk; None when a rule at its edge may look outside it."""
    from razdel.segmenters.tokenize import ATOM

    atoms = [(m.group(), m.lastgroup) for m in ATOM.finditer(chunk)]
    if len(atoms) == 1:
        return ((chunk, 0, len(chunk)),)
    first, second_type = atoms[0][0], atoms[1][1]
    (before_last, before_type), last = atoms[-2], atoms[-1][0]
    for signs, numbers in _REACHING:
        # the first split with its sign on the left looks at the atom before the chunk, the
        # last split with its sign on the right at the atom after it (if the rule can join)
        if first in signs and (second_type == "INT" if numbers else second_type != "PUNCT"):
            return None
        if before_last not in signs and last in signs and (
            before_type == "INT" if numbers else before_type != "PUNCT"
        ):
            return None
    if _atoms_stay_apart(atoms):
        tokens = []
        at = 0
        for atom, _type in atoms:
            tokens.append((atom, at, at + len(atom)))
            at += len(atom)
        return tuple(tokens)
    return tuple(_razdel(chunk))


#: Signs razdel's rules may join the atoms either side of (razdel.segmenters.tokenize: ``DashRule``,
#: ``UnderscoreRule``, ``FloatRule``, ``FractionRule``).
_JOINING_SIGNS = frozenset("‑–—−-_.,/\\")


def _atoms_stay_apart(atoms: list[tuple[str, str | None]]) -> bool:
    """Whether razdel's tokenizer keeps every atom of a chunk a token of its own, by its rules'
    own conditions: no atom of another script (``other``), no two signs in a row (``punct``:
    «?!», «...», smileys), no joining sign between two atoms (a dash, «_», «.,», «/», what
    ``Rule2112`` joins across), no «yahoo!». Most new chunks are a word with a sign before or
    after it («сбоя,», «(вклады»), which then need no run of razdel's rules (a tenth of
    Russian tokenizing)."""
    previous_sign = False
    last = len(atoms) - 1
    for index, (atom, kind) in enumerate(atoms):
        if kind == "OTHER":
            return False
        sign = kind == "PUNCT"
        if sign and (previous_sign or (0 < index < last and atom in _JOINING_SIGNS)):
            return False
        if atom == "!" and index and atoms[index - 1][0].lower() == "yahoo":
            return False
        previous_sign = sign
    return True


#: razdel's verdict (join or not) on a candidate boundary, by what its rules can see.
_JOINS: dict[tuple[str, str, str, str | None], bool] = {}
#: The same verdicts by what the rules can tell of the tokens either side of the delimiter
#: (:func:`_edge_word`), where those are all they read (see :func:`_verdict`).
_EDGE_JOINS: dict[tuple[object, str, str, str, object, str | None], bool] = {}
#: razdel's ``list_item`` rule reads the text since the last boundary, only when it is this
#: short and the delimiter is one of these (razdel.segmenters.sentenize: BULLET_SIZE, BULLET_BOUNDS).
_BULLET_SIZE, _BULLET_BOUNDS = 20, frozenset(".)")


#: razdel's delimiters (razdel.segmenters.sentenize.DELIMITER: a smiley or one of
#: ``DELIMITERS``) where a space follows: razdel's first rules join at any other
#: (``empty_side``, ``no_space_prefix``: «we're», «3.5», the end of the text), so they are not
#: asked about. razdel's own pattern is an alternation whose first branch starts with a class,
#: which leaves the regex engine no first-character scan and makes it try both branches at
#: every character; this one starts with a single class of every first character (``=`` and
#: ``:`` start only a smiley: when one comes out alone, razdel would not have matched it). A
#: smiley has no space inside, so asking for the space after it finds exactly razdel's matches
#: that have one (tests/tone/test_tone_text.py compares them).
_DELIMITER_RE = LazyPattern(
    r"([=:" + re.escape(".?!…;\"„'»”’)]}") + r"](?:(?<=[=:;])-?[)(]{1,3})?)(?=\s)", re.UNICODE
)
_NOT_DELIMITERS = frozenset("=:")


def _verdict(left: str, delimiter: str, right: str, short: str | None, buffer: str) -> bool:
    """razdel's verdict on a boundary not seen in this context, kept by what its rules read.

    razdel's rules read the token before the delimiter and the one after (``left_token``,
    ``right_token``), whether a space ends ``left``, a smiley starting ``right``, the word
    after a dash, and an abbreviation «т. е.» ending ``left`` (``left_pair_sokr``: one
    letter, «.», one letter). When the token before is a word or number of two characters or
    more (no «т. е.» can end there) and the one after is a word or number (no dash, no
    smiley), nothing else of the ten characters either side counts: the verdict is kept by
    what the rules can tell of those two tokens (:func:`_edge_word`) and their spaces, and
    «…the disruption. We…» is asked once whatever came before it, and answers «…the app.
    Since…» too (tests/tone/test_tone_text.py compares the result with razdel's own).
    """
    from razdel.segmenters.sentenize import FIRST_TOKEN, LAST_TOKEN, SentSplit, sentenize

    if len(_JOINS) >= 65_536:
        _JOINS.clear()
        _EDGE_JOINS.clear()
    edge = None
    before, after = LAST_TOKEN.search(left), FIRST_TOKEN.match(right)
    # a token of two characters is a word or a number; one that starts with ``\w`` is one
    if before and after and len(before[1]) > 1 and (after[1][0].isalnum() or after[1][0] == "_"):
        edge = (_edge_word(before[1], 0), left[before.end(1) :], delimiter, right[: after.start(1)],
                _edge_word(after[1], 1), short)
        join = _EDGE_JOINS.get(edge)
        if join is not None:
            return join
    split = SentSplit(left, delimiter, right)
    split.buffer = buffer
    join = bool(sentenize.join(split))
    if edge is not None:
        _EDGE_JOINS[edge] = join
    return join


@functools.cache
def _listed_words() -> tuple[frozenset[str], frozenset[str]]:
    """The lower-case words razdel's sentence rules look up (abbreviations, initials, the words
    of abbreviation pairs): before a delimiter, and after it."""
    from razdel.segmenters.sokr import HEAD_SOKRS, INITIALS, PAIR_SOKRS, SOKRS

    paired = frozenset(word for pair in PAIR_SOKRS for word in pair)
    return frozenset(HEAD_SOKRS | SOKRS | INITIALS) | paired, paired


def _edge_word(token: str, side: int) -> object:
    """What razdel's rules can tell of a word or number either side of a delimiter (see
    :func:`_verdict`): the word when one of their lists has it, else only its shape.

    Before the delimiter (``side`` 0) a token of two characters or more is read only as a
    list entry (``sokr_left``, ``inside_pair_sokr``, ``initials_left``); after it (``side``
    1), as a pair's second word and by its shape (``lower_right``, ``is_sokr``). So «…the
    outage. We…» and «…our app. Since…» are one verdict, asked of razdel once, where the
    words themselves made one per pair of words (most boundaries of a run). A listed word is
    kept as it is.
    """
    if token.lower() in _listed_words()[side]:
        return token  # as it is: its case counts too («С» is no lower-case start)
    return token.isalpha(), token.islower(), token.isupper(), token.isdigit()


def sentenize(text: str) -> list[tuple[int, int]]:
    """razdel's ``sentenize(text)`` as ``(start, stop)`` ranges, with each verdict asked once.

    razdel cuts at every delimiter its rules do not join; a rule sees ten characters either
    side of the delimiter, and one rule (``list_item``) the text since the last cut while that
    is at most 20 characters. So a verdict is a function of those strings and is kept per
    them («…сбоя. Приносим…» recurs in every message); the walk itself is razdel's
    ``Segmenter.segment``, ``post`` and ``find_substrings`` on offsets instead of strings
    (tests/tone/test_tone_text.py compares the result with razdel's own).
    """
    from razdel.segmenters.sentenize import sentenize

    window = sentenize.split.window
    ranges: list[tuple[int, int]] = []
    chunk_start = 0
    for match in _DELIMITER_RE.finditer(text):
        delimiter = match[1]
        if delimiter in _NOT_DELIMITERS:
            continue
        start, stop = match.span()
        left, right = text[max(0, start - window) : start], text[stop : stop + window]
        short = delimiter in _BULLET_BOUNDS and start - chunk_start <= _BULLET_SIZE
        key = (left, delimiter, right, text[chunk_start:start] if short else None)
        join = _JOINS.get(key)
        if join is None:
            join = _JOINS[key] = _verdict(left, delimiter, right, key[3], text[chunk_start:start])
        if not join:
            # a sentence ends: razdel's ``post`` strips it and ``find_substrings`` finds it again
            # from the end of the last one (here ``chunk_start``); it ends with the delimiter,
            # so it is found where its leading spaces end
            ranges.append((stop - len(text[chunk_start:stop].lstrip()), stop))
            chunk_start = stop
    chunk = text[chunk_start:].strip()
    found = text.find(chunk, chunk_start)
    ranges.append((found, found + len(chunk)))
    return ranges
