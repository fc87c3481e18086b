"""Errors a calculator reports next to a field."""


class InputError(ValueError):
    """Inputs that are each valid but wrong together: {field name: code}."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors
