#!/usr/bin/env bash
# Runs policyqa, installing it into .venv on first use. No arguments: the web app on 127.0.0.1:7860.
# With arguments: the CLI, e.g. ./run.sh ask "深圳计划到2022年数字经济产业增加值突破多少？"
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/policyqa ] || [ pyproject.toml -nt .venv/.installed ]; then
  echo "Installing policyqa into .venv (first run only)..." >&2
  python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip >&2
  .venv/bin/pip install -q -e '.[ui,llm]' >&2
  touch .venv/.installed
fi
export GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
if [ $# -eq 0 ]; then set -- serve; fi
exec .venv/bin/policyqa "$@"
