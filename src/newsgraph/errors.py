"""The exception tree. Every error a user can cause is a `NewsgraphError` with a one-line message.

NewsgraphError
├── InputError            an input cannot be read as an article
│   ├── EmptyInput        nothing but whitespace
│   ├── BinaryInput       not text (NUL bytes, control characters)
│   ├── EncodingError     not in the expected encoding
│   ├── TooLarge          over the size cap
│   ├── Refused           a URL whose host is not a public address (without --allow-private)
│   ├── HttpStatus        a server answered with an error status (404, 429, 503, ...)
│   └── BadDump           a file given to `gazetteer import` is not a readable GeoNames dump
├── ResourceError         a model, lexicon or gazetteer is missing or broken
│   └── MissingData       a file shipped in newsgraph/data is not there (named)
├── PipelineError         stages in an order that cannot work
│   └── ContractError     a stage read or changed a Doc field it did not declare (a bug,
│                         found in checked mode: `pipeline.build(..., checked=True)`)
├── StoreError            the database cannot be opened or written (locked, corrupt, full)
├── OverBudget            a document longer (--max-chars) or slower (--doc-timeout) than
│                         one may be: that document is skipped, the run goes on
└── StageError            a stage failed on one document (a bug): that document is
                          skipped, the run goes on, --debug shows the traceback
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: the message is one line a user can act on."""


class InputError(NewsgraphError):
    """An input cannot be read as an article."""


class EmptyInput(InputError):
    """The input holds nothing but whitespace."""


class BinaryInput(InputError):
    """The input is not text."""


class EncodingError(InputError):
    """The input is not in the expected encoding."""


class TooLarge(InputError):
    """The input is over the size cap."""


class Refused(InputError):
    """A URL, or a redirect, leads to an address the run may not connect to."""


class HttpStatus(InputError):
    """A server answered with an error status; `retry_after` is its Retry-After header, if any."""

    def __init__(self, message: str, status: int, retry_after: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class BadDump(InputError):
    """A file given to `gazetteer import` is not a readable GeoNames dump (the message names
    the file and, where it can, the line)."""


class ResourceError(NewsgraphError):
    """A model, lexicon or gazetteer is missing or broken."""


class MissingData(ResourceError):
    """A packaged data file is missing; the message names it and what makes it."""


class StoreError(NewsgraphError):
    """The database cannot be opened or written."""


class PipelineError(NewsgraphError):
    """The stages were put in an order that cannot work."""


class ContractError(PipelineError):
    """A stage read, or changed, a Doc field it does not declare."""


class OverBudget(NewsgraphError):
    """A document is longer, or took longer, than one document may."""


class StageError(NewsgraphError):
    """A stage raised an unexpected error on one document; the cause is chained."""
