import pytest


@pytest.fixture(autouse=True)
def _first_statements(privacy_statements):
    """Every test here starts from the two statements as installed (kansrijk/conftest.py)."""
