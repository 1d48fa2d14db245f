"""Bytes to repaired text: charset detection, mojibake repair, unrecoverable characters.

Repair (ftfy) runs before flagging, so mojibake that can be undone is undone, and only
what is left broken is reported. Flagged characters stay in the text: the user sees them
with their offsets instead of having them vanish or slip through unnoticed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import charset_normalizer
import ftfy

from ..errors import DatelineError, ErrorCode
from ..model import Document, Flag, RawDocument

# Keep typographic quotes and dashes: they carry the quotation structure later stages read.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    remove_control_chars=False,  # flagged below instead of silently dropped
    explain=False,
)

_ALLOWED_CONTROLS = {"\n", "\r", "\t"}
# A minority script is "stray" when it has at most this many letters in a text
# dominated by another script (a lone Hebrew point inside English, say).
_STRAY_SCRIPT_MAX = 3
# Greek letters are everyday symbols in English text (μm, π, Ω): never "stray".
_SYMBOL_SCRIPTS = {"GREEK"}


def decode(raw: RawDocument) -> Document:
    """Decode and repair ``raw``; raise ``DatelineError`` when it is not usable text."""
    data = raw.data
    if not data.strip():
        raise DatelineError(ErrorCode.E003_EMPTY, raw.source)
    if _looks_binary(data):
        raise DatelineError(ErrorCode.E005_BINARY, raw.source)
    text, encoding = _to_text(data, raw.source)
    fixed = ftfy.fix_text(text, config=_FTFY)
    fixed = fixed.replace("\r\n", "\n").replace("\r", "\n")
    if not fixed.strip():
        raise DatelineError(ErrorCode.E003_EMPTY, raw.source)
    return Document(raw=raw, text=fixed, encoding=encoding, repaired=fixed != text, flags=find_unrecoverable(fixed))


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    # UTF-16/32 text has NULs but also a BOM; leave those to the decoder.
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 100)


def _to_text(data: bytes, source: str) -> tuple[str, str]:
    # Strict UTF-8 first: it is by far the most common and charset detection can
    # misjudge short UTF-8 texts as some legacy code page.
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DatelineError(ErrorCode.E006_UNDECODABLE, source, "charset detection found no candidate")
    return str(best), best.encoding


def _script(char: str) -> str:
    """Approximate Unicode script from the character name ("HEBREW POINT ..." -> HEBREW)."""
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


# ASCII letters, all of the LATIN script; and every character that is not printable ASCII or
# an allowed control (only those can be unrecoverable). Matched over the whole text at once:
# most texts are nearly all ASCII, and a loop over each of their characters is slow.
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NOT_PLAIN = re.compile(r"[^\x20-\x7e\n\r\t]")


def find_unrecoverable(text: str) -> list[Flag]:
    """Characters that repair could not make sense of, with their offsets."""
    others = [(m.start(), m.group()) for m in _NOT_PLAIN.finditer(text)]
    counts: Counter = Counter()
    first_seen: dict[str, int] = {}
    for offset, char in others:
        if char.isalpha():
            script = _script(char)
            counts[script] += 1
            first_seen.setdefault(script, offset)
    first_ascii = _ASCII_LETTER.search(text)
    if first_ascii:
        counts["LATIN"] += len(_ASCII_LETTER.findall(text))
        first_seen["LATIN"] = min(first_seen.get("LATIN", first_ascii.start()), first_ascii.start())
    # (in the order each script first appears, as counting letter by letter would: ties go the same way)
    letters = Counter({script: counts[script] for script in sorted(counts, key=first_seen.__getitem__)})
    dominant = letters.most_common(1)[0][0] if letters else None
    flags: list[Flag] = []
    for offset, char in others:
        reason = _why_unrecoverable(text, offset, char, letters, dominant)
        if reason:
            flags.append(Flag(offset, char, f"U+{ord(char):04X}", reason))
    return flags


def _why_unrecoverable(text: str, offset: int, char: str, letters: Counter, dominant: str | None) -> str | None:
    if char == "\ufffd":
        return "replacement character (bytes lost before decoding)"
    category = unicodedata.category(char)
    if category == "Cc" and char not in _ALLOWED_CONTROLS:
        return "control character"
    if category in ("Co", "Cn", "Cs"):
        return "private-use, unassigned or surrogate code point"
    if category.startswith("M"):
        base = text[offset - 1] if offset else ""
        if not base.isalpha() and not unicodedata.category(base or " ").startswith("M"):
            return f"orphan combining mark ({_script(char)})"
        return None
    if char.isalpha() and dominant and _script(char) not in (dominant, *_SYMBOL_SCRIPTS):
        script = _script(char)
        if letters[script] <= _STRAY_SCRIPT_MAX and letters[dominant] > 50 * letters[script]:
            return f"stray {script} letter in {dominant} text"
    return None
