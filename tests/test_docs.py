"""Docs kept honest: every CLI command and option appears in README.md."""

from __future__ import annotations

import argparse
import re
import subprocess

from dateline.cli import build_parser

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_and_option_is_documented():
    missing = []
    for name, sub in _subcommands().items():
        if f"dateline {name}" not in README:
            missing.append(f"dateline {name}")
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help" and flag not in README:
                    missing.append(f"dateline {name} {flag}")
    assert not missing, f"undocumented in README.md: {missing}"


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", README, re.S)
    install_and_demo, tests = blocks[0].strip(), blocks[1].strip()
    assert "dateline demo" in install_and_demo
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci


def test_ruff_is_clean():
    folders = ["src", "tests", "bench", "fuzz"]
    result = subprocess.run(["ruff", "check", *folders], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
