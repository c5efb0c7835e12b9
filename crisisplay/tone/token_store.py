"""A message's tokens and sentences kept in lint's cache, by its language and a digest of its text.

Tokenizing a message in a fresh process means importing razdel and asking its rules about
every chunk and sentence boundary not seen in that process yet: for a warm ``crisisplay lint``
of an outbox, whose texts are the same run after run, about a tenth of its instructions. In a
lint run (lint's cache open) :func:`message_tokens` reads them from the cache instead, keyed
by the text's digest (a changed text is a new key); the cache's fingerprint covers
:mod:`crisisplay.tone.text`, :mod:`crisisplay.tone.razdel_fast`, this module and razdel, so an
answer never outlives the code that gave it. Without the cache (or for a text not seen
before) the tokens are :func:`~crisisplay.tone.text.analyse_tokens`'s own, computed here.

Stored per text: the sentences (start, end, first token, token after the last) and each
token's start, end and kind (a token's text is the text between its offsets).
"""

from __future__ import annotations

import hashlib
from typing import Any

from crisisplay.tone.text import NUMBER, PUNCT, WORD, Sentence, Token, analyse_tokens

TOKEN_SPACE = "tokens"
_TOKEN_KINDS = (WORD, NUMBER, PUNCT)
_TOKEN_KIND_CODES = {kind: code for code, kind in enumerate(_TOKEN_KINDS)}
#: Texts tokenized in this process and not written to the cache yet (saved at exit).
_NEW_TOKENS: dict[str, list[list[int]]] = {}
_tokens_saved_at_exit = False


def message_tokens(text: str, lang: str) -> tuple[list[Token], list[Sentence]]:
    """:func:`~crisisplay.tone.text.analyse_tokens`, through lint's cache when a run has it open."""
    from crisisplay.tone.cache import cache_if_open

    store = cache_if_open()
    if store is None or not text:
        return analyse_tokens(text, lang)
    key = f"{lang}:{hashlib.blake2b(text.encode('utf-8', 'surrogatepass'), digest_size=16).hexdigest()}"
    known = _NEW_TOKENS.get(key) or store.get(TOKEN_SPACE, key)
    analysed = _tokens_from_json(text, known) if known is not None else None
    if analysed is not None:
        return analysed
    tokens, sentences = analyse_tokens(text, lang)
    _remember_tokens(key, tokens, sentences)
    return tokens, sentences


def _remember_tokens(key: str, tokens: list[Token], sentences: list[Sentence]) -> None:
    global _tokens_saved_at_exit
    _NEW_TOKENS[key] = [
        [value for sentence in sentences for value in sentence],
        [value for token in tokens for value in (token.start, token.end, _TOKEN_KIND_CODES[token.kind])],
    ]
    if not _tokens_saved_at_exit:
        _tokens_saved_at_exit = True
        from crisisplay.tone.wordstore import STORES, save_at_exit

        STORES.append(_TokenSaver())  # type: ignore[arg-type]  # saved with the word analyses at exit
        save_at_exit()


class _TokenSaver:
    """What :func:`crisisplay.tone.wordstore.save_all` calls at exit: write the new texts' tokens."""

    def save(self) -> None:
        if not _NEW_TOKENS:
            return
        from crisisplay.tone.cache import open_cache

        items = dict(_NEW_TOKENS)
        _NEW_TOKENS.clear()
        store = open_cache()
        if store is not None:
            store.put_many(TOKEN_SPACE, items)


def _tokens_from_json(text: str, value: Any) -> tuple[list[Token], list[Sentence]] | None:
    """The tokens and sentences of a cached value, or None when it is not a valid one for ``text``
    (the wrong shape, offsets outside the text, tokens not in sentence order)."""
    try:
        flat_sentences, flat_tokens = value
        if len(flat_sentences) % 4 or len(flat_tokens) % 3:
            return None
        sentences: list[Sentence] = []
        tokens: list[Token] = []
        size = len(text)
        for at in range(0, len(flat_sentences), 4):
            start, end, first, last = flat_sentences[at : at + 4]
            if not (type(start) is int and type(end) is int and 0 <= start <= end <= size
                    and first == len(tokens) and type(last) is int and first <= last <= len(flat_tokens) // 3):
                return None
            number = len(sentences)
            for index in range(first * 3, last * 3, 3):
                token_start, token_end, code = flat_tokens[index : index + 3]
                if not (type(token_start) is int and type(token_end) is int and start <= token_start < token_end <= end
                        and type(code) is int and 0 <= code < len(_TOKEN_KINDS)):
                    return None
                tokens.append(Token(text[token_start:token_end], token_start, token_end, _TOKEN_KINDS[code], number))
            sentences.append(Sentence(start, end, first, last))
        if len(tokens) * 3 != len(flat_tokens):
            return None
    except (TypeError, ValueError):
        return None
    return tokens, sentences
