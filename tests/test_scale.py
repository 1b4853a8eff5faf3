"""The extraction cache and worker processes give the same answers as a plain run."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.api import read_and_extract
from factcheck.cli import app
from factcheck.settings import Settings
from tests.conftest import ARTICLES, SEEDS

runner = CliRunner()


def test_cached_and_parallel_runs_give_byte_identical_json(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus / "seeds")
    shutil.copytree(ARTICLES, corpus / "articles")
    cache = tmp_path / "cache"
    (tmp_path / "factcheck.toml").write_text(f'cache_dir = "{cache.as_posix()}"\n', encoding="utf-8")
    args = ["check", str(corpus), "--format", "json"]
    plain = runner.invoke(app, [*args, "--no-cache"])
    first = runner.invoke(app, args)
    assert plain.exit_code == 0 and first.exit_code == 0
    assert not any(cache.rglob("*.json")), "factcheck.toml outside the working folder is not read"

    cached_settings = Settings(cache_dir=str(cache))
    _, claims_a, _, sources_a, _ = read_and_extract([str(corpus)], cached_settings, cache_dir=str(cache))
    assert sources_a and any(cache.rglob("*.json"))
    _, claims_b, _, sources_b, _ = read_and_extract([str(corpus)], cached_settings, cache_dir=str(cache))
    assert not sources_b, "every document came from the cache"
    assert [c.model_dump() for c in claims_a] == [c.model_dump() for c in claims_b]

    parallel = runner.invoke(app, [*args, "--no-cache", "--jobs", "2"])
    assert parallel.stdout == plain.stdout


def test_a_second_check_is_served_from_the_cache_without_extracting_anything(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus / "seeds")
    shutil.copytree(ARTICLES, corpus / "articles")
    args = ["check", str(corpus), "--format", "json"]
    plain = runner.invoke(app, [*args, "--no-cache"])
    monkeypatch.chdir(tmp_path)  # the cache goes to ./.factcheck_cache
    filling = runner.invoke(app, args)
    assert filling.exit_code == 0 and filling.stdout == plain.stdout
    assert any((tmp_path / ".factcheck_cache").rglob("*.json"))

    def no_extraction(*_args, **_kwargs):
        raise AssertionError("an unchanged file was extracted again")

    monkeypatch.setattr("factcheck.api.extract_claims", no_extraction)
    cached = runner.invoke(app, args)
    assert cached.exit_code == 0, cached.output
    assert cached.stdout == plain.stdout
    assert json.loads(cached.stdout)["findings"], "findings come back with the cached claims"


def test_an_article_id_in_two_worker_partitions_is_renamed_as_in_one_process(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus / "a")
    shutil.copytree(ARTICLES, corpus / "b")
    for seed in SEEDS.glob("*.txt"):  # every seed again, in a later partition
        shutil.copy(seed, corpus / "b" / seed.name)
    args = ["check", str(corpus), "--format", "json", "--no-cache"]
    one = runner.invoke(app, args)
    two = runner.invoke(app, [*args, "--jobs", "2"])
    assert one.exit_code == 0 and two.exit_code == 0
    assert two.stdout == one.stdout
    report = json.loads(two.stdout)
    renamed = {c["document"] for c in report["claims"] if c["document"].endswith("~2")}
    assert len(renamed) == 5
    documents = {c["id"]: c["document"] for c in report["claims"]}
    assert all(cid in documents for f in report["findings"] for cid in f["claims"]), "findings name the new ids"
    checked = [f for f in report["findings"] if f["rule"].startswith("FC2")]
    assert any(documents[f["claims"][0]] in renamed for f in checked), "checks inside a renamed article are kept"


def test_an_edited_file_is_extracted_again(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2025-01-01\n---\n合肥智算中心算力达到 300P。\n", encoding="utf-8")
    settings = Settings()
    cache = str(tmp_path / "cache")
    first = read_and_extract([str(article)], settings, cache_dir=cache)[1]
    article.write_text("---\ndate: 2025-01-01\n---\n合肥智算中心算力达到 900P。\n", encoding="utf-8")
    second = read_and_extract([str(article)], settings, cache_dir=cache)[1]
    assert [c.value for c in first] == [300] and [c.value for c in second] == [900]


def test_cache_entries_are_plain_json(tmp_path):
    cache = tmp_path / "cache"
    read_and_extract([str(SEEDS / "001_339954ad53160275.txt")], Settings(), cache_dir=str(cache))
    entry = json.loads(next(cache.rglob("*.json")).read_text(encoding="utf-8"))
    assert entry["document"]["id"] == "001_339954ad53160275" and entry["claims"]


def test_the_dask_engine_gives_the_local_json_byte_for_byte(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = tmp_path / "corpus"
    generator = Path(__file__).resolve().parent.parent / "benchmarks" / "make_corpus.py"
    subprocess.run([sys.executable, str(generator), "120", str(corpus / "generated"), "--seed", "3"], check=True,
                   capture_output=True)
    (corpus / "generated" / "expected.json").unlink()
    # and facts that recur across many articles, as news does (wire copies, restatements, series)
    subprocess.run([sys.executable, str(generator), "150", str(corpus / "news"), "--news", "--seed", "3"], check=True,
                   capture_output=True)
    (corpus / "news" / "expected.json").unlink()
    shutil.copytree(SEEDS, corpus / "seeds")
    shutil.copy(SEEDS / "001_339954ad53160275.txt", corpus / "generated" / "001_339954ad53160275.txt")  # an id twice
    local = runner.invoke(app, ["check", str(corpus), "--format", "json", "--no-cache"])
    dask = runner.invoke(app, ["check", str(corpus), "--format", "json", "--engine", "dask", "--jobs", "2"])
    assert local.exit_code == 0 and dask.exit_code == 0, dask.output
    assert dask.stdout == local.stdout
    parallel = runner.invoke(app, ["check", str(corpus), "--format", "json", "--no-cache", "--jobs", "2"])
    assert parallel.stdout == local.stdout
    report = json.loads(dask.stdout)
    assert any(f["documents"] >= 5 and f["origins"] < f["documents"] for f in report["findings"])
    ids = [d["id"] for d in report["documents"]]
    assert len(ids) == 276 and len(ids) == len(set(ids)) and "001_339954ad53160275~2" in ids
    kinds = {f["kind"] for f in report["findings"]}
    assert {"agree", "update", "contradict"} <= kinds


def _check_in(folder, corpus):
    return subprocess.Popen([sys.executable, "-m", "factcheck", "check", str(corpus), "--format", "json", "--jobs", "2"],
                            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_runs_filling_one_cache_at_once_both_give_the_plain_answer(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus / "seeds")
    shutil.copytree(ARTICLES, corpus / "articles")
    plain = runner.invoke(app, ["check", str(corpus), "--format", "json", "--no-cache"]).stdout
    runs = [_check_in(tmp_path, corpus) for _ in range(2)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], [o[1] for o in outputs]
    assert [o[0].decode() for o in outputs] == [plain, plain]
    third = _check_in(tmp_path, corpus).communicate(timeout=300)[0].decode()
    assert third == plain


def test_a_damaged_cache_entry_is_extracted_again_not_trusted(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    args = ["check", str(corpus), "--format", "json"]
    monkeypatch.chdir(tmp_path)
    plain = runner.invoke(app, args).stdout
    cache = tmp_path / ".factcheck_cache"
    entries = sorted(p for p in cache.rglob("*.json") if p.parent.name != "runs")
    assert len(entries) == 5
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # cut short
    entries[1].write_text('{"document": {}, "claims": [1], "mentions": [], "findings": []}', encoding="utf-8")
    entries[2].unlink()
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and again.stdout == plain
    assert len([p for p in cache.rglob("*.json") if p.parent.name != "runs"]) == 5
    for run_entry in (cache / "runs").glob("*.json"):  # the findings of the whole run
        run_entry.write_text('[{"id": 1}]', encoding="utf-8")
    assert runner.invoke(app, args).stdout == plain


def test_the_cached_findings_of_a_run_are_not_reused_once_an_article_or_a_setting_changes(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("---\ndate: 2024-06-01\n---\n合肥先进智算中心算力达到300P。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2024-06-02\n---\n合肥先进智算中心算力为300P。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["check", ".", "--format", "json"]

    def kinds():
        return sorted(f["kind"] for f in json.loads(runner.invoke(app, args).stdout)["findings"])

    assert kinds() == ["agree"] and kinds() == ["agree"]
    (tmp_path / "b.md").write_text("---\ndate: 2024-06-02\n---\n合肥先进智算中心算力为900P。\n", encoding="utf-8")
    assert kinds() == ["contradict"]
    (tmp_path / "factcheck.toml").write_text("same_time_days = 0\n", encoding="utf-8")
    assert kinds() == ["update"]


def test_jobs_default_to_one_per_core_for_a_corpus_of_200_files_or_more(tmp_path, monkeypatch):
    from factcheck import api

    monkeypatch.setattr(api.os, "cpu_count", lambda: 4)
    for i in range(199):
        (tmp_path / f"a{i:03}.md").write_text("合肥智算中心算力达到 300P。\n", encoding="utf-8")
    assert api.auto_jobs([str(tmp_path)]) == 1, "a small corpus is not worth starting workers for"
    (tmp_path / "a199.md").write_text("合肥智算中心算力达到 300P。\n", encoding="utf-8")
    assert api.auto_jobs([str(tmp_path)]) == 4
    assert api.auto_jobs([str(tmp_path), "-"]) == 1, "standard input is read in one process"
    monkeypatch.setattr(api.os, "cpu_count", lambda: 1)
    assert api.auto_jobs([str(tmp_path)]) == 1
