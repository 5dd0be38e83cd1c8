#!/usr/bin/env bash
# Installs everything the tests need (Python packages, the CPU build of torch, Debian's chromium)
# and runs the whole suite, integration tests included. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
# The pinned CPU build first: anything else makes sentence-transformers pull a CUDA torch of several GB.
.venv/bin/pip install -q torch==2.13.0
.venv/bin/pip install -q -e '.[st,ui,llm,test]'
# Browser tests drive Debian's chromium; the Chinese font keeps their screenshots legible.
missing=""
command -v chromium >/dev/null 2>&1 || missing="chromium"
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing="$missing fonts-wqy-microhei"
if [ -n "$missing" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/dev/null
fi
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
exec .venv/bin/python -m pytest "$@"
