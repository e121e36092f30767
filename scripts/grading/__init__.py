"""The parts of ``scripts/grade.py``: intake, the sandbox, the runner inside it, the evaluator.

- ``intake``: what a submitted file is (a notebook, a zip, something else), size-checked;
- ``match``: which assignment a notebook is, by its content (not its metadata or file name);
- ``sandbox``: the bubblewrap command line and a run under a wall-clock limit;
- ``runner``: runs inside the sandbox: executes the notebook cell by cell and exports the answer
  values with ``values.encode`` to a pipe; it is the only place student code runs;
- ``values``: the strict serializer (exact types, nothing pickled);
- ``evaluate``: a separate process that never runs student code (one per job for a batch):
  decodes the values and runs the otter tests (public and hidden) on them.
"""
