from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from dateline.runtime import keep_torch_out
keep_torch_out()
import thinc.compat
from dateline.nlp.pipeline import load_nlp
doc = load_nlp()("The council approved the ferry route on Monday.")
print(thinc.compat.has_torch, "torch" not in sys.modules, ",".join(t.dep_ for t in doc))
"""


def test_dateline_processes_run_spacy_without_importing_torch():
    # thinc imports PyTorch whenever it is installed; the small model never needs it.
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout.split()
    assert out[:2] == ["False", "True"] and "nsubj" in out[2]


def test_torch_is_left_alone_when_asked():
    script = "import os; os.environ['DATELINE_ALLOW_TORCH'] = '1'\n" + SCRIPT
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    probe = "import importlib.util; print(importlib.util.find_spec('torch') is not None)"
    installed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()
    assert done[0] == installed  # thinc has torch exactly where it is installed
