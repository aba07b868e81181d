"""What the checking scripts share: failed checks collected, then reported."""


class Checks:
    """Collects the messages of the checks that fail."""

    def __init__(self):
        self.failures = []

    def __call__(self, condition, message):
        """Records `message` unless `condition` holds."""
        if not condition:
            self.failures.append(message)

    def report(self):
        """Prints every failure, or `ok` when there is none; returns the exit code (1 or 0)."""
        for failure in self.failures:
            print(failure)
        if self.failures:
            return 1
        print("ok")
        return 0
