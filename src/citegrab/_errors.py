"""One exception hierarchy; every error carries a stable code and says what to do about it."""

from __future__ import annotations


class CitegrabError(Exception):
    """Base of every error citegrab raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(CitegrabError):
    """An input could not be read (missing file, unreadable bytes, unknown format)."""

    code = "E100"


class RegistryError(CitegrabError):
    """A registry or gazetteer data file is malformed."""

    code = "E200"


class ModelError(CitegrabError):
    """The spaCy model named by the user could not be loaded."""

    code = "E300"


class MissingDependencyError(CitegrabError):
    """An optional feature needs a package that is not installed."""

    code = "E400"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the '{package}' package: pip install 'citegrab[{extra}]'"
        )
        self.package = package
        self.extra = extra


class OutputError(CitegrabError):
    """An output cannot be written as asked (unknown format, a format that needs a file)."""

    code = "E500"
