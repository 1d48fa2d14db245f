from __future__ import annotations

import pytest

from dateline.errors import DatelineError, ErrorCode
from dateline.ingest.decode import decode, find_unrecoverable
from dateline.ingest.sources import content_hash
from dateline.model import RawDocument


def raw(data: bytes, source: str = "t.txt") -> RawDocument:
    return RawDocument(source, data, content_hash(data))


def test_utf8_passes_through_with_curly_quotes_kept():
    doc = decode(raw("He said: “It’s done.”".encode()))
    assert doc.text == "He said: “It’s done.”"
    assert doc.encoding == "utf-8"
    assert doc.flags == []


def test_legacy_code_page_is_detected_not_forced_to_utf8():
    text = "Le président a déclaré à la presse que l’accord était « très important » pour la région. " * 5
    doc = decode(raw(text.encode("cp1252")))
    assert "président" in doc.text and "déclaré" in doc.text
    assert doc.encoding != "utf-8"


def test_utf16_with_bom():
    doc = decode(raw("Ministers met in Geneva on Monday.".encode("utf-16")))
    assert doc.text == "Ministers met in Geneva on Monday."


def test_mojibake_is_repaired():
    doc = decode(raw("the new US presidentâ€™s first step".encode()))
    assert doc.text == "the new US president’s first step"
    assert doc.repaired


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ("India, Pakistan, \u05b1 and Egypt. " + "English words here. " * 20, "\u05b1"),
        ("El Ni\ufffdo returned. " + "More text. " * 20, "\ufffd"),
        ("A control \x9d character. " + "More text. " * 20, "\x9d"),
        ("Café owners in Zürich said the harbour \u05d0 closed. " + "More text. " * 20, "\u05d0"),
    ],
)
def test_unrecoverable_characters_are_flagged_with_offsets(text, char):
    flags = find_unrecoverable(text)
    assert [f.char for f in flags] == [char]
    assert text[flags[0].offset] == char


def test_greek_symbols_and_accents_are_not_flagged():
    text = "The 5 μm particles cost 3 € in Zürich, café owners said. " * 5
    assert find_unrecoverable(text) == []


def test_non_latin_document_is_not_flagged():
    text = "Президент заявил журналистам, что переговоры продолжатся. " * 5
    assert find_unrecoverable(text) == []


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", ErrorCode.E003_EMPTY),
        (b"   \n\t \n", ErrorCode.E003_EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, ErrorCode.E005_BINARY),
    ],
)
def test_bad_inputs_raise_coded_errors_naming_the_file(data, code):
    with pytest.raises(DatelineError) as info:
        decode(raw(data, "broken/page.bin"))
    assert info.value.code is code
    assert "broken/page.bin" in str(info.value)
