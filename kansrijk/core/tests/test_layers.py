"""The layers of docs/architecture.md hold, and an import that breaks them fails CI.

`lint-imports` (import-linter, configured in pyproject.toml) runs in `.ci/run`. Here it runs on
the package as it is, and on a copy with one import that goes up a layer: the copy must fail,
naming the import, so the contract is shown to bite rather than assumed to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(  # noqa: S603 - our own tool, our own arguments
        [str(LINT_IMPORTS), "--no-cache", "--config", str(project / "pyproject.toml")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    shutil.copytree(ROOT / "kansrijk", project / "kansrijk", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def test_the_package_keeps_its_layers(tmp_path):
    result = _lint(_copy(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_import_up_a_layer_breaks_the_contract(tmp_path):
    project = _copy(tmp_path)
    # The referral app reaching up into the interventions app: what used to make the cycles.
    probe = project / "kansrijk" / "referrals" / "upward.py"
    probe.write_text("from kansrijk.interventions.models import Intervention  # noqa: F401\n")

    result = _lint(project)

    assert result.returncode != 0
    assert "kansrijk.referrals is not allowed to import kansrijk.interventions" in result.stdout
    assert "kansrijk.referrals.upward -> kansrijk.interventions.models" in result.stdout
