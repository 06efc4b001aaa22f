"""Errors the query layer raises; the API turns them into problem+json."""


class NotFound(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class BadParameter(Exception):
    """A parameter that passed type checks but cannot be honoured (a forged cursor, an unknown slug)."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message
