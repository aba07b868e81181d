"""The package's one error."""


class PlasticUNetError(Exception):
    """A file that cannot be read as what it should be, or an input that is not valid: the
    message is one line that names the file or the input, and the problem."""
