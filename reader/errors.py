"""Errors a user may see. Each carries one clear sentence saying what to do."""


class ReaderError(Exception):
    """Base class: str(err) is a one-line message fit for a user."""


class IngestError(ReaderError):
    """A file could not be imported (empty, binary, too large, undecodable...)."""


class NotFound(ReaderError):
    """No article (or bookmark) matches what the user asked for."""


class Ambiguous(ReaderError):
    """More than one article matches what the user asked for.

    `choices` holds (id, title) of the matches, for the interface to list under the message."""

    def __init__(self, message: str, choices: list[tuple[str, str | None]] | None = None) -> None:
        super().__init__(message)
        self.choices = list(choices or [])


class StoreError(ReaderError):
    """The state store cannot be read or written."""


class StoreDamaged(StoreError):
    """The store file is not valid; it has been kept aside untouched."""


class StoreTooNew(StoreError):
    """The store was written by a newer version of reader."""


class StoreReadOnly(StoreError):
    """The store is open read-only (after damage); changes cannot be saved."""


class CitationError(ReaderError):
    """A citation could not be formatted."""


class NoteChoiceError(ReaderError):
    """The note version asked for is not one of a note's versions in conflict (or there is no conflict)."""
