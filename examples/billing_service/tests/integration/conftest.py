"""Fixtures shared by billing's integration tests."""
from unittest import mock

import pytest


@pytest.fixture
def tax_service():
    """The real tax service, except that its rate lookup is pinned to a fixed rate."""
    with mock.patch("billing.tax.rate_for", return_value=0.2):
        yield
