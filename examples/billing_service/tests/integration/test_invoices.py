"""Invoices against the real billing database.

Business Value Justification (BVJ):
- Segment: Mid/Enterprise
- Business Goal: Revenue accuracy
- Value Impact: Customers are billed exactly what they used
- Strategic Impact: Billing disputes cost renewals
"""
import pytest
import requests

from test_framework.ssot import DatabaseTestCase


@pytest.mark.usefixtures("tax_service")
class InvoiceTests(DatabaseTestCase):
    """Creates invoices through the public API and reads them back from the database.

    The words mock, patch and MagicMock in this docstring are not code, and neither is
    this example: unittest.mock.patch("billing.charge").
    """

    def test_invoice_totals_match_line_items(self):
        mock_data = {"items": [{"sku": "A1", "amount": 1200}]}  # a plain dict named like a mock
        response = requests.post(f"{self.api_url}/invoices", json=mock_data, timeout=10)
        self.assertEqual(response.json()["total"], 1200)

    def test_invoice_is_stored(self):
        patch = {"status": "sent"}  # a local variable named patch is not unittest.mock.patch
        response = requests.patch(f"{self.api_url}/invoices/1", json=patch, timeout=10)
        self.assertEqual(response.status_code, 200)
