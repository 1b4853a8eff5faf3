"""factcheck where teams run it: the pre-commit hook (tried with `pre-commit try-repo` on a small
repository) and the GitHub Actions workflow of docs/github-actions.md (parsed and checked)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]

KNOWN = """---
title: 佛山智算中心投运
date: 2024-05-06T10:00:00+08:00
source: 佛山日报
---
佛山日报讯 5月6日，佛山人工智能计算中心投入运营，首期算力为80P。
"""
NEW = """---
title: 佛山智算中心启用
date: 2024-05-08T10:00:00+08:00
source: 珠江时报
---
珠江时报讯 佛山人工智能计算中心日前启用，首期算力为90P。
"""


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True,
                   capture_output=True)


@pytest.mark.skipif(shutil.which("pre-commit") is None and not (Path(os.sys.executable).parent / "pre-commit").exists(),
                    reason="pre-commit is not installed (pip install -e '.[test]')")
def test_pre_commit_hook_passes_only_article_files(tmp_path):
    repo = tmp_path / "newsroom"
    (repo / "articles").mkdir(parents=True)
    (repo / "articles" / "known.md").write_text(KNOWN, encoding="utf-8")
    result = CliRunner().invoke(app, ["ledger", "build", str(repo / "articles"), "--ledger", str(repo / "claims")])
    assert result.exit_code == 0, result.output
    (repo / "articles" / "new.md").write_text(NEW, encoding="utf-8")
    (repo / "README.md").write_text("# 编辑部\n本库收录稿件，首期算力为100P的说法仅为示例。\n", encoding="utf-8")
    (repo / "factcheck.toml").write_text("fail_on = \"error\"\n", encoding="utf-8")
    (repo / "notes.txt.orig").write_text("not an article\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    pre_commit = shutil.which("pre-commit") or str(Path(os.sys.executable).parent / "pre-commit")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    run = subprocess.run([pre_commit, "try-repo", str(ROOT), "factcheck-gate", "--all-files", "--verbose"],
                         cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out  # the new article contradicts the ledger
    assert "FC102" in out and "new.md" in out
    # known.md and new.md only: no README, settings, ledger file or .orig reached the gate
    assert "in 2 documents" in out, out
    assert "README" not in out and "factcheck.toml" not in out and ".jsonl" not in out


def _workflow() -> dict:
    text = (ROOT / "docs" / "github-actions.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", text, re.S)
    assert block, "docs/github-actions.md has no yaml block"
    return yaml.safe_load(block.group(1))


def test_the_documented_workflow_installs_from_the_repository_and_uploads_sarif():
    flow = _workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert flow["permissions"]["security-events"] == "write"
    steps = flow["jobs"]["gate"]["steps"]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert installs and all("git+https://" in cmd or "pip install ." in cmd for cmd in installs)
    assert not any(re.search(r"pip install\s+factcheck(\s|$)", cmd) for cmd in installs)  # another project's name
    gate = next(s["run"] for s in steps if "factcheck gate" in s.get("run", ""))
    assert "--format github" in gate
    sarif = re.search(r"--also sarif=(\S+)", gate).group(1)
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["if"] == "always()" and upload["with"]["sarif_file"] == sarif
    if "--changed-since" in gate:
        checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["fetch-depth"] == 0
    dist = re.search(r'^name = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M).group(1)
    assert all(dist in cmd for cmd in installs if "git+" in cmd)


def test_the_hook_definition_matches_the_extensions_factcheck_reads():
    from factcheck.ingest.loader import JSONL_SUFFIXES, TEXT_SUFFIXES

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    gate = hooks["factcheck-gate"]
    files, exclude = re.compile(gate["files"]), re.compile(gate["exclude"])

    def passed(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    for suffix in TEXT_SUFFIXES | JSONL_SUFFIXES:
        assert passed(f"articles/2024/a{suffix}"), suffix
    for path in ("claims/a.jsonl", "claims/accepted.json", "factcheck.toml", "pyproject.toml", "README.md",
                 "docs/README.md", "LICENSE", "CHANGELOG.md", ".factcheck_cache/ab/x.json", "claims/pinned.toml"):
        assert not passed(path), path
