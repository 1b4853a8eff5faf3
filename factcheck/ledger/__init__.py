"""The ledger of known claims under claims/: JSON Lines per document, pinned figures, the baseline
of accepted findings, and an SQLite index (kept out of git) so the gate does not re-read every file."""

from factcheck.ledger.store import Ledger

__all__ = ["Ledger"]
