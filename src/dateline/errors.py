"""Error catalogue: every error a user can meet has a stable code to search for.

Codes are stored in the ``errors`` table next to the file name and the cause, so a
million-document batch can be audited after the fact.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    E001_NOT_FOUND = "E001"
    E002_UNREADABLE = "E002"
    E003_EMPTY = "E003"
    E004_TOO_LARGE = "E004"
    E005_BINARY = "E005"
    E006_UNDECODABLE = "E006"
    E007_PROCESSING = "E007"
    E008_STAGE_CONTRACT = "E008"
    E009_BAD_OPTION = "E009"
    E010_CORRUPT_ARCHIVE = "E010"
    E011_BAD_RECORD = "E011"
    E012_NO_ARTICLE = "E012"
    E013_OVER_BUDGET = "E013"
    E014_PARTITION_FAILED = "E014"
    E015_MOSTLY_DISCARDED = "E015"


MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.E001_NOT_FOUND: "input path does not exist or matched no file",
    ErrorCode.E002_UNREADABLE: "input could not be read from disk",
    ErrorCode.E003_EMPTY: "input is empty or holds only white space",
    ErrorCode.E004_TOO_LARGE: "input is larger than the configured max_bytes",
    ErrorCode.E005_BINARY: "input looks binary (NUL bytes or control characters), not text",
    ErrorCode.E006_UNDECODABLE: "no character encoding decodes this input",
    ErrorCode.E007_PROCESSING: "a pipeline stage failed on this document",
    ErrorCode.E008_STAGE_CONTRACT: "a stage returned something other than a Document",
    ErrorCode.E009_BAD_OPTION: "an option value is invalid",
    ErrorCode.E010_CORRUPT_ARCHIVE: "the archive is truncated or corrupt; records before the damage were read",
    ErrorCode.E011_BAD_RECORD: "a record of a JSON Lines or CSV file is unusable",
    ErrorCode.E012_NO_ARTICLE: "no article was found in this input (it is stored, with no article)",
    ErrorCode.E013_OVER_BUDGET: "the document is beyond what one document may cost to process",
    ErrorCode.E014_PARTITION_FAILED: "a partition of a distributed run kept failing; its inputs were not processed",
    ErrorCode.E015_MOSTLY_DISCARDED: "most of the prose of this text dump went into no article (its text is kept)",
}


# Stored inputs that are reported, not failed: an input with no article, one mostly discarded.
WARNINGS = {ErrorCode.E012_NO_ARTICLE, ErrorCode.E015_MOSTLY_DISCARDED}
# Errors of reading and decoding a document, as against a failure of a pipeline stage.
DECODE_ERRORS = {ErrorCode.E003_EMPTY, ErrorCode.E005_BINARY, ErrorCode.E006_UNDECODABLE}


class DatelineError(Exception):
    """An error tied to one input, with a stable code and a human cause."""

    def __init__(self, code: ErrorCode, source: str, detail: str = "") -> None:
        self.code = code
        self.source = source
        self.detail = detail
        cause = MESSAGES[code] + (f": {detail}" if detail else "")
        super().__init__(f"[{code.value}] {source}: {cause}")

    def __reduce__(self):  # picklable: a worker process hands its errors back
        return (DatelineError, (self.code, self.source, self.detail))

    @property
    def cause(self) -> str:
        return MESSAGES[self.code] + (f": {self.detail}" if self.detail else "")
