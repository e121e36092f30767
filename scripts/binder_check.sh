#!/usr/bin/env bash
# Check the Binder set-up without Docker (part of `make test`):
#  1. repo2docker --no-build --debug: detects the buildpack, validates runtime.txt and prints the
#     Dockerfile Binder would build (kept in .binder-check/binder.Dockerfile; NOT .binder/, which repo2docker would read as config);
#  2. emulates the image's kernel environment: a Python venv at runtime.txt's version with
#     repo2docker's own base pins of the Jupyter packages, then `pip install -r requirements.txt`
#     on top, as the image does; `pip check` must pass;
#  3. runs every lesson in that environment (nbval-lax: cells must run without error).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
TOOLS=.binder-check/r2d-venv
ENV=.binder-check/image-venv
quiet() { grep -v "is ignored: it is neither a file nor a directory" || true; }
mkdir -p .binder-check

if [ ! -x "$TOOLS/bin/jupyter-repo2docker" ]; then
  "$PYTHON" -m venv "$TOOLS"
  "$TOOLS/bin/pip" install -q jupyter-repo2docker==2026.4.0 2>&1 | quiet
fi
"$TOOLS/bin/jupyter-repo2docker" --no-build --debug . > .binder-check/binder.Dockerfile 2> .binder-check/r2d.log
grep -q 'pip install --no-cache-dir -r "requirements.txt"' .binder-check/binder.Dockerfile
grep -q 'postBuild' .binder-check/binder.Dockerfile || { echo "repo2docker did not pick up postBuild"; exit 1; }
echo "repo2docker: Dockerfile OK ($(grep -c . .binder-check/binder.Dockerfile) lines; requirements.txt used)"

PYVER=$(sed -n 's/^python-\([0-9]*\.[0-9]*\).*/\1/p' runtime.txt)
grep -q "python=$PYVER" .binder-check/r2d.log || { echo "repo2docker did not pick python $PYVER from runtime.txt"; cat .binder-check/r2d.log; exit 1; }
LOCK=$(ls "$TOOLS"/lib/python3.*/site-packages/repo2docker/buildpacks/conda/environment.py-"$PYVER"-linux-64.lock)
PINS=$(grep -oE '/(jupyterlab|notebook|ipywidgets|ipykernel|jupyter_server)-[0-9][^-]*-' "$LOCK" \
       | sed -E 's#^/(.*)-([0-9][^-]*)-$#\1==\2#' | sort -u)
echo "Binder base image pins for python $PYVER:" $PINS
stamp="$ENV/.stamp-$(cat runtime.txt requirements.txt pyproject.toml postBuild | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  rm -rf "$ENV"
  "python$PYVER" -m venv "$ENV"
  "$ENV/bin/pip" install -q $PINS 2>&1 | quiet
  "$ENV/bin/pip" install -q -r requirements.txt 2>&1 | quiet
  "$ENV/bin/pip" install -q nbval==0.11.0 pytest==9.2.0 2>&1 | quiet
  PATH="$PWD/$ENV/bin:$PATH" bash postBuild  # as the image runs it after the requirements
  touch "$stamp"
fi
"$ENV/bin/pip" check
"$ENV/bin/python" -m pytest -q -p no:cacheprovider --nbval-lax --nbval-current-env notebooks
