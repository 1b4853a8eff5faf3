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
