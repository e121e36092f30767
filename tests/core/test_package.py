"""The helpers package: nothing happens on import, public API documented."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys

import helpers


def test_import_has_no_side_effects():
    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams);"
        "import helpers, helpers.core.feedback, helpers.core.style;"
        "from helpers.core import schema, tables;"
        "import helpers.trade.data, helpers.argument.data, helpers.ledger.widgets;"
        "assert dict(mpl.rcParams) == before, 'rcParams changed on import';"
        "assert not tables._CACHE, 'a file was read on import';"
        "assert not schema._PACKAGE, 'datapackage.json was read on import';"
        "print('clean')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "clean"


def _modules():
    for info in pkgutil.walk_packages(helpers.__path__, prefix="helpers."):
        yield importlib.import_module(info.name)


def test_every_module_declares_all_and_documents_public_functions():
    for module in _modules():
        assert hasattr(module, "__all__"), f"{module.__name__} has no __all__"
        assert module.__doc__, f"{module.__name__} has no docstring"
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                assert obj.__doc__, f"{module.__name__}.{name} has no docstring"


def test_modules_stay_small():
    for module in _modules():
        lines = inspect.getsource(module).count("\n")
        assert lines <= 400, f"{module.__name__} has {lines} lines: split it by job"


def test_lazy_attribute_access():
    assert helpers.relations.data.load_events is not None
    assert helpers.DataError.__name__ == "DataError"
    try:
        helpers.no_such_module  # noqa: B018
    except AttributeError as exc:
        assert "no attribute 'no_such_module'" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_the_environment_has_no_slow_iri_checker():
    """postBuild removes rfc3987-syntax (see its comment): nbformat then imports without it.

    Every Jupyter server, nbclient run and grading process imports nbformat; with the package
    installed, each spends seconds compiling grammars that no schema uses.
    """
    code = "import sys, nbformat, jsonschema; print('rfc3987_syntax' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", "rfc3987-syntax is installed: run `bash postBuild`"
