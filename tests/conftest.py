from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
GOLD = FIXTURES / "gold"


@pytest.fixture(scope="session")
def settings():
    from factcheck.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def seed_run(settings):
    from factcheck.api import read_and_extract

    return read_and_extract([str(SEEDS)], settings, mentions=True)


def claims_by_file(folder: Path, settings) -> dict:
    """Each article of a fixture folder by file name: its raw text and its claims (what the gold
    scorer reads)."""
    from factcheck.api import read_and_extract

    _, claims, _, sources, _ = read_and_extract([str(folder)], settings)
    return {Path(s.document.path).name: (s.raw, [c for c in claims if c.document == s.document.id]) for s in sources}


def gold_score(gold_file: Path, by_doc: dict, keep=None):
    """factcheck eval's score of by_doc against a gold file, over the gold documents keep(name) accepts."""
    from factcheck.evaluate import load_gold, score

    gold = load_gold(gold_file)
    if keep is not None:
        gold["docs"] = {k: v for k, v in gold["docs"].items() if keep(k)}
    return score(gold, by_doc)


def claims_of_article(folder: Path, settings, text: str, date: str, name: str = "a.md", title: str | None = None) -> dict:
    """The claims of one article written as a Markdown file with front matter in folder, by their text."""
    from factcheck.api import read_and_extract

    head = f"title: {title}\n" if title else ""
    (folder / name).write_text(f"---\n{head}date: {date}\n---\n{text}\n", encoding="utf-8")
    _, claims, _, _, _ = read_and_extract([str(folder / name)], settings)
    return {c.text: c for c in claims}
