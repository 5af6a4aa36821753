"""Bytes to text: UTF-8 first, a chosen encoding on request, and Western European legacy files
(cp1252 / latin-1 / iso-8859-15) only when the evidence for them is unambiguous.

A file that is not UTF-8 is read as cp1252 without `--encoding` only when all of these hold:
  1. charset_normalizer finds a clean reading (mess ratio <= `MAX_MESS`), and among its
     equally clean best readings one is Western (cp1252, latin-1 or iso-8859-15 give its text);
  2. the other equally clean readings give the same text (German umlauts and ß sit at the same
     bytes in cp1250 and cp1252), or charset_normalizer finds German, English or French in the
     Western reading;
  3. cp1252 defines every byte (DOS and Mac code pages use the bytes it leaves out) and the
     text holds no control characters;
  4. the text shows the umlaut pattern: at least `MIN_MIXED_WORDS` words that mix ASCII letters
     with non-ASCII letters ("Grüße", "Straße", "café"), and nearly every longer word holding a
     non-ASCII character is such a word. Mis-read Cyrillic, Greek or Central European text gives
     whole words of foreign letters or symbols instead.
Short inputs with one or two such words stay ambiguous and are refused with the byte offset.
A "¤" in the cp1252 reading is taken as the euro sign of iso-8859-15.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from synopse.errors import InputError

UTF8_NAMES = frozenset({"utf-8", "utf-8-sig"})
WESTERN_CODECS = frozenset({"cp1252", "latin_1", "iso8859_15"})  # charset_normalizer's names
WESTERN_LANGUAGES = frozenset({"German", "English", "French"})
MAX_MESS = 0.1  # charset_normalizer's chaos ratio above which a decoding looks garbled
CHAOS_TIE = 0.01  # matches this close to the best are equally plausible
MIN_MIXED_WORDS = 3  # words like "Grüße" needed before a legacy encoding is trusted
MIN_MIXED_SHARE = 0.9  # of the words holding non-ASCII characters
MAX_CONTROL_SHARE = 0.1  # of the first bytes; more means a binary file
SNIFF_BYTES = 8192
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_WORD = re.compile(r"\w+")


def decode_bytes(data: bytes, source: str, encoding: str = "utf-8") -> tuple[str, str | None]:
    """The text of `data` and a note on how it was decoded (None for plain UTF-8 or the encoding
    the caller chose). Raises InputError for empty, binary and undecodable input."""
    if not data.strip():
        raise InputError(source, "empty file (no text to analyse)")
    codec = _codec_name(encoding, source)
    if codec not in UTF8_NAMES:
        return _checked(_decode_as(data, source, encoding), source), None
    _refuse_binary(data[:SNIFF_BYTES], source)
    try:
        return _checked(data.decode("utf-8"), source), None
    except UnicodeDecodeError as exc:
        text, name = _western_or_error(data, source, exc)
        return _checked(text, source), f"decoded as {name} (not valid UTF-8)"


def _codec_name(encoding: str, source: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError as exc:
        raise InputError(
            source, f"unknown encoding {encoding!r}; pass a codec name such as utf-8 or cp1252"
        ) from exc


def _decode_as(data: bytes, source: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _not_decodable(data, source, exc, encoding.upper()) from exc


def _not_decodable(
    data: bytes, source: str, exc: UnicodeDecodeError, label: str = "UTF-8"
) -> InputError:
    return InputError(
        source,
        f"not {label} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
        "re-encode the file or pass --encoding",
    )


def _refuse_binary(head: bytes, source: str) -> None:
    if b"\x00" in head:
        raise InputError(source, "binary file (contains NUL bytes); expected text")
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls > MAX_CONTROL_SHARE * len(head):
        share = round(100 * controls / len(head))
        raise InputError(source, f"binary file ({share} % control bytes); expected text")


def _checked(text: str, source: str) -> str:
    """Text without a byte-order mark; refused when nothing is left or it is binary after all."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise InputError(source, "empty file (no text to analyse)")
    _refuse_binary(text[:SNIFF_BYTES].encode("utf-8", "surrogatepass"), source)
    return text


def _western_or_error(data: bytes, source: str, exc: UnicodeDecodeError) -> tuple[str, str]:
    guess = western_guess(data)
    if guess is None:
        raise _not_decodable(data, source, exc) from exc
    return guess


def western_guess(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when `data` is unambiguously Western European legacy text, else None."""
    results = list(from_bytes(data))
    if not results or results[0].chaos > MAX_MESS:
        return None
    top = [m for m in results if m.chaos <= results[0].chaos + CHAOS_TIE]
    western = next((m for m in top if WESTERN_CODECS & set(m.could_be_from_charset)), None)
    if western is None:
        return None
    rivals = [m for m in top if str(m) != str(western)]
    if rivals and western.language not in WESTERN_LANGUAGES:
        return None
    return _decode_western(data)


def _decode_western(data: bytes) -> tuple[str, str] | None:
    try:
        text, codec = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return None  # bytes cp1252 leaves undefined: a DOS or Mac code page, not Western Windows
    if "¤" in text:  # the generic currency sign is the euro sign of iso-8859-15
        text, codec = data.decode("iso8859_15"), "iso-8859-15"
    return (text, codec) if looks_western(text) else None


def looks_western(text: str) -> bool:
    """True when non-ASCII letters sit inside ordinary words, as umlauts and ß do in German."""
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v" for ch in text):
        return False
    # one-letter words ("à") carry no evidence either way
    foreign = [w for w in _WORD.findall(text) if not w.isascii() and len(w) > 1]
    mixed = [w for w in foreign if any(c.isascii() for c in w) and w.isalpha()]
    return len(mixed) >= MIN_MIXED_WORDS and len(mixed) >= MIN_MIXED_SHARE * len(foreign)
