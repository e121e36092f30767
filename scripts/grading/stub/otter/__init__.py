"""A stand-in for otter inside the grading sandbox (the real one takes ~10 s to import).

Inside a grading run ``grader.check(...)``, ``check_all()`` and ``export()`` have no effect on the
grade (the tests run elsewhere, on the exported values), so they do nothing here.
"""


class _Result:
    def __repr__(self) -> str:
        return ""

    def _repr_html_(self) -> str:
        return ""


class Notebook:
    def __init__(self, *args, **kwargs):
        pass

    def check(self, *args, **kwargs):
        return _Result()

    def check_all(self, *args, **kwargs):
        return _Result()

    def export(self, *args, **kwargs):
        return None

    def __getattr__(self, name):
        return lambda *args, **kwargs: None
